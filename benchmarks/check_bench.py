"""Figures for ``warrantwatch check`` (docs/check.md), each beside a floor from the same run.

- a statement of about 1,000 words (the test statements repeated twelve times), checked
  in-process against the bundled knowledge base, after a first call that builds the
  name indexes; beside splitting the same text into sentences alone;
- the first call (name indexes built: states in CLDR English and French, persons);
- CLI cold start: ``warrantwatch check FILE`` beside a bare ``python -c pass``.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/check_bench.py``. Prints a Markdown table.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warrantwatch.check.engine import check_text, names_for
from warrantwatch.check.sentences import split
from warrantwatch.kb.service import open_kb

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from tests.check.statements import EN, FR  # noqa: E402  (the tests' own written statements)

ON = dt.date(2025, 10, 6)


def median_ms(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs)


def main() -> None:
    world = open_kb().world
    text = "\n\n".join([EN, FR] * 12)
    words = len(text.split())
    t = time.perf_counter()
    names_for(world).states("Tajikistan")
    names_for(world).persons("Putin")
    first = (time.perf_counter() - t) * 1000
    check = median_ms(lambda: check_text(world, text, ON), 15)
    floor = median_ms(lambda: split(text), 15)
    claims = len(check_text(world, text, ON).claims)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write(EN)
    exe = Path(sys.executable).with_name("warrantwatch")
    cli = statistics.median(
        _run([str(exe), "check", fh.name, "--on", ON.isoformat()]) for _ in range(5)
    )
    bare = statistics.median(_run([sys.executable, "-c", "pass"]) for _ in range(5))
    print("| measure | check | baseline in the same run |")
    print("|---|---|---|")
    print(
        f"| {words}-word statement, {claims} claims, median | {check:.1f} ms "
        f"| split into sentences only: {floor:.2f} ms |"
    )
    print(f"| first call: name indexes built | {first:.0f} ms |  |")
    print(
        f"| CLI `check FILE`, cold process, median of 5 | {cli:.2f} s "
        f"| `python -c pass`: {bare:.2f} s |"
    )


def _run(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
