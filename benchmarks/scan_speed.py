"""Speed and memory of ``warrantwatch scan`` on one core, next to ``grep -F -i -f names.txt``.

Generates corpora of ~4 KB news articles in /tmp (benchmarks/scan_corpus.py) at two
sizes, then times, each pinned to one core with taskset and start-up included:

* ``warrantwatch scan CORPUS.jsonl --format jsonl > /dev/null`` (knowledge base: the
  scanner fixtures; the database is built once beforehand, as on any installed system);
* ``grep -F -i -f names.txt CORPUS.jsonl > /dev/null``, names.txt holding every name
  pattern the scanner looks for: the floor of "find the names", with no places, cues,
  dates, rules or JSON;

and reports articles/s, MB/s, the ratio to grep, and peak resident memory (from
wait4's rusage of each child), which should stay flat as the input grows. Rates are
computed from each child's CPU time (user + system), which is what one core delivers
even when other work shares the machine; wall-clock seconds are shown beside them.

    .venv/bin/python benchmarks/scan_speed.py [--sizes 10 40]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from scan_corpus import make_corpus  # noqa: E402
from scan_quality import FIXTURES, fixture_world  # noqa: E402

CLI = ROOT / ".venv" / "bin" / "warrantwatch"


def run(cmd: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process.

    Output goes to a real file: GNU grep stops at the first match when its output is
    /dev/null, which would make the floor meaningless.
    """
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    t0 = time.perf_counter()
    with out.open("wb") as sink:
        p = subprocess.Popen(pin + cmd, stdout=sink, env=env)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # grep exits 1 when nothing matches
        raise SystemExit(f"{cmd[0]} failed with exit status {code}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[10.0, 40.0])
    args = ap.parse_args()

    from warrantwatch.monitor.names import name_specs

    work = Path(tempfile.mkdtemp(prefix="ww-scan-bench-", dir="/tmp"))
    env = dict(os.environ)
    env["WARRANTWATCH_DATABASE_URL"] = f"sqlite:///{work / 'kb.sqlite3'}"
    env["WARRANTWATCH_DATA_DIR"] = str(FIXTURES)
    env["LC_ALL"] = "C.UTF-8"
    names = sorted({s.phrase for s in name_specs(fixture_world().persons)})
    (work / "names.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    empty = work / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    env["WARRANTWATCH_CACHE_DIR"] = str(work / "cache")
    out = work / "out"
    # The first run builds the database and the scanner's pattern cache, as on any install.
    run([str(CLI), "scan", str(empty), "--format", "jsonl"], env, out)
    _, startup, startup_rss = run([str(CLI), "scan", str(empty), "--format", "jsonl"], env, out)

    print(f"{len(names)} name patterns; start-up alone {startup:.2f} s CPU, {startup_rss:.0f} MB")
    print()
    print(
        "| corpus | articles | events | scan CPU s (wall) | articles/s | MB/s | peak RSS "
        "| grep CPU s (wall) | grep lines | scan/grep |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        corpus = work / f"corpus-{size:g}MB.jsonl"
        n = make_corpus(corpus, size)
        mb = corpus.stat().st_size / 1e6
        wall, cpu, rss = run([str(CLI), "scan", str(corpus), "--format", "jsonl"], env, out)
        events = sum(1 for _ in out.open(encoding="utf-8"))
        gwall, gcpu, _ = run(
            ["grep", "-F", "-i", "-f", str(work / "names.txt"), str(corpus)], env, out
        )
        lines = sum(1 for _ in out.open(encoding="utf-8"))
        print(
            f"| {mb:.1f} MB | {n} | {events} | {cpu:.2f} ({wall:.2f}) | {n / cpu:,.0f} | "
            f"{mb / cpu:.1f} | {rss:.0f} MB | {gcpu:.2f} ({gwall:.2f}) | {lines} | "
            f"{cpu / max(gcpu, 0.01):.1f}x |"
        )
        corpus.unlink()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
