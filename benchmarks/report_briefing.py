"""How long a briefing, an export and the feeds take, next to the assessment they rest on.

Run: ``.venv/bin/python benchmarks/report_briefing.py [DATA_DIR]`` (default: the bundled
data). The baseline is one ``assess`` call in the same run; each figure is the best of
a few repetitions, in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from warrantwatch.config import Settings
from warrantwatch.kb.files import bundled_data_dir
from warrantwatch.kb.service import open_kb
from warrantwatch.law.obligations import assess
from warrantwatch.reports import exports, ftm
from warrantwatch.reports.feeds import atom_feed, ics_feed
from warrantwatch.reports.render import render
from warrantwatch.reports.visit import visit_briefing


def best(fn: Callable[[], object], n: int = 3) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else bundled_data_dir()
    with tempfile.TemporaryDirectory() as tmp:
        kb = open_kb(Settings(database_url=f"sqlite:///{tmp}/b.sqlite3", data_dir=data))
        w = kb.world
        p, s, on = w.persons["vladimir-putin"], w.states["TJ"], dt.date(2025, 10, 9)
        brief = visit_briefing(w, p, s, on)
        rows = [
            ("assess (baseline)", best(lambda: assess(w, p, s, on), 20)),
            ("visit briefing: build", best(lambda: visit_briefing(w, p, s, on))),
            ("visit briefing: markdown", best(lambda: render(brief, "markdown"))),
            ("visit briefing: html", best(lambda: render(brief, "html"))),
            ("visit briefing: pdf", best(lambda: render(brief, "pdf"), 2)),
            ("export: json tables", best(lambda: exports.json_tables(kb.engine, w), 2)),
            ("export: ftm entities", best(lambda: ftm.entities(w), 2)),
            ("feed: atom", best(lambda: atom_feed(w, engine=kb.engine))),
            ("feed: ics", best(lambda: ics_feed(w, engine=kb.engine))),
        ]
    print(f"data: {data} ({len(w.states)} states, {len(w.persons)} persons, {len(w.trips)} trips)")
    base = rows[0][1]
    for name, ms in rows:
        print(f"{name:28s} {ms:10.2f} ms   {ms / base:8.0f}x baseline")


if __name__ == "__main__":
    main()
