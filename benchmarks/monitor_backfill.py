"""Throughput of ``warrantwatch backfill`` on a synthetic JSON Lines archive.

The archive holds N short articles (test material; one in ten reports a trip). Beside the
backfill on local processes and on a Dask ``LocalCluster``, measured in the same run: the
scanner alone in this process over the same texts (no storage), the floor.

    .venv/bin/python benchmarks/monitor_backfill.py [--articles 2000]

Prints a Markdown table (copied into docs/monitor.md). SQLite in a temporary folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"

FILLER = (
    "BENCHMARK FIXTURE {n}. The city council met on Tuesday to discuss the budget for "
    "road repairs, school buildings and the new library; the debate lasted four hours."
)
TRIP = (
    "BENCHMARK FIXTURE {n}. Vladimir Putin is expected to travel to Dushanbe on "
    "{day:%d %B %Y} for a regional summit, officials said."
)


def write_archive(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            day = dt.date(2030, 1, 1) + dt.timedelta(days=40 * (i // 10))
            text = (TRIP if i % 10 == 0 else FILLER).format(n=i, day=day)
            fh.write(json.dumps({"url": f"https://bench.example/{i}", "text": text}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    args = ap.parse_args()
    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.backfill import backfill
    from warrantwatch.monitor.model import Article
    from warrantwatch.monitor.scanner import Scanner

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bench.jsonl"
        write_archive(archive, args.articles)
        texts = [json.loads(line)["text"] for line in archive.open(encoding="utf-8")]

        kb = open_kb(Settings(database_url=f"sqlite:///{tmp}/floor.sqlite3", data_dir=FIXTURES))
        scanner = Scanner(kb.world)
        t = time.perf_counter()
        events = sum(len(scanner.scan(Article(text=x))) for x in texts)
        floor = time.perf_counter() - t
        rows.append(("scanner alone, 1 process (floor)", floor, events))

        def run(name: str, **kw: object) -> None:
            settings = Settings(database_url=f"sqlite:///{tmp}/{name}.sqlite3", data_dir=FIXTURES)
            base = open_kb(settings)
            t = time.perf_counter()
            rep = backfill([archive], settings, engine=base.engine, world=base.world, **kw)  # type: ignore[arg-type]
            rows.append((name, time.perf_counter() - t, rep.events))

        run("backfill, 2 local processes", workers=2)
        from distributed import LocalCluster

        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            run(
                "backfill, Dask LocalCluster (2 worker processes)",
                scheduler=cluster.scheduler_address,
            )

    print(f"{args.articles} articles; one in ten reports a trip.\n")
    print("| run | time | articles/s | events |")
    print("|---|---|---|---|")
    for name, secs, ev in rows:
        print(f"| {name} | {secs:.1f} s | {args.articles / secs:.0f} | {ev} |")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
