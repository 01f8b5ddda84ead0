"""Scan time against the length of one text, from 4 KB to 5 MB (issue 15, item 9).

A hostile or merely long page (a live blog, a transcript, an archive dump) must not stall the
monitor: the time to scan one text must grow with its length, not with its square. The text
is built from the fictional development set (benchmarks/devset/devset.jsonl, written by the
team): its paragraphs are dense with names, places, dates and travel wording, the worst case
for rules that relate each cue to places and dates.

The floor, from the same run: the same paragraphs scanned as separate articles, which is
linear by construction. A linear scanner keeps the ratio near a constant as the size grows; a
quadratic one shows a ratio that doubles with every doubling of the size. A second column
scans the same text with every full stop made a comma and every line break a space: one
"sentence" the length of the page, the shape that used to take minutes.

    .venv/bin/python benchmarks/scan_size.py [--sizes 4 64 288 576 1150 5000]  (sizes in KB)
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "benchmarks" / "devset" / "devset.jsonl"


def paragraphs(size_kb: int) -> list[str]:
    """Devset texts, cycled, until their UTF-8 size reaches ``size_kb`` kilobytes."""
    texts = [json.loads(x)["text"] for x in DEVSET.read_text(encoding="utf-8").splitlines() if x]
    out: list[str] = []
    total = 0
    i = 0
    while total < size_kb * 1000:
        t = texts[i % len(texts)]
        out.append(t)
        total += len(t.encode()) + 2
        i += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[4, 64, 288, 576, 1150, 5000])
    args = ap.parse_args()

    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.model import Article
    from warrantwatch.monitor.scanner import Scanner

    db = Path(tempfile.mkdtemp()) / "size.sqlite3"
    scanner = Scanner(open_kb(Settings(database_url=f"sqlite:///{db}")).world)
    scanner.scan(Article(text="warm-up"))
    head = ("size KB", "one text s", "no stops s", "as articles s", "ratio", "events")
    print("{:>8} {:>11} {:>11} {:>14} {:>6} {:>7}".format(*head))
    rows = []
    for kb in args.sizes:
        paras = paragraphs(kb)
        t0 = time.process_time()
        events = scanner.scan(Article(text="\n\n".join(paras)))
        one = time.process_time() - t0
        # The same text with no full stop at all: one "sentence" as long as the page.
        flat = " ".join(paras).replace(". ", ", ").replace("\n", " ")
        t0 = time.process_time()
        scanner.scan(Article(text=flat))
        nostop = time.process_time() - t0
        t0 = time.process_time()
        for p in paras:
            scanner.scan(Article(text=p))
        floor = time.process_time() - t0
        ratio = one / floor if floor else float("nan")
        rows.append(
            {
                "kb": kb,
                "one_text_s": one,
                "no_stops_s": nostop,
                "floor_s": floor,
                "events": len(events),
            }
        )
        print(
            f"{kb:>8} {one:>11.3f} {nostop:>11.3f} {floor:>14.3f} {ratio:>6.2f} {len(events):>7}",
            flush=True,
        )
    json.dump(rows, sys.stderr)
    sys.stderr.write("\n")


if __name__ == "__main__":
    main()
