"""Throughput of ``warrantwatch backfill`` beside its floor, measured in the same run.

Two synthetic archives of test material (texts written for this benchmark; one article
in ten reports a trip that the real scanner finds):

- text: JSON Lines with ``text`` (about 2 KB an article), read in byte ranges by the
  workers; its floor is the scanner alone in one process over the same texts;
- HTML: a gzipped WARC of ``response`` records with HTML pages, read in the main
  process; its floor is HTML extraction (trafilatura) plus the scanner in one process.

Each backfill (1 and 2 local processes, a Dask ``LocalCluster`` of 2 worker processes;
SQLite, and PostgreSQL in a database made for the run and dropped after) is shown
beside floor x workers. Wall time of the whole call: starting the worker processes,
building a scanner in each, reading, scanning, storing, grouping at the end.

    .venv/bin/python benchmarks/monitor_backfill.py [--articles 40000] [--html 3000]
        [--postgres postgresql+psycopg://postgres@127.0.0.1:5432/test | --no-postgres]

Prints a Markdown table (copied into the README's figures).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"

FILLER = (
    "BENCHMARK FIXTURE {n}. The city council met on Tuesday to discuss the budget for "
    "road repairs, school buildings and the new library. Residents asked why the bus "
    "route along the river had been cut, and the transport officer promised a report by "
    "the spring. A proposal to plant trees along the main avenue was approved without a "
    "vote, while the plan for a car park behind the market was sent back to committee. "
)
TRIP = (
    "BENCHMARK FIXTURE {n}. Vladimir Putin is expected to travel to Dushanbe on "
    "{day:%d %B %Y} for a regional summit, officials said. "
)


def texts(n: int) -> Iterator[tuple[str, str]]:
    for i in range(n):
        # twenty trips, each reported many times (as real news does)
        day = dt.date(2030, 1, 1) + dt.timedelta(days=40 * ((i // 10) % 20))
        body = FILLER.format(n=i) * 5
        if i % 10 == 0:
            body = TRIP.format(n=i, day=day) + body
        yield f"https://bench.example/{i}", body


def write_jsonl(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for url, text in texts(n):
            fh.write(json.dumps({"url": url, "text": text, "published": "2029-12-30"}) + "\n")


def html_page(text: str, n: int) -> bytes:
    paras = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<!doctype html><html><head><title>Bench {n}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Bench {n}</h1>{paras}</article>"
        f"<footer>Benchmark fixture footer</footer></body></html>"
    ).encode()


def write_warc(path: Path, n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (url, text) in enumerate(texts(n)):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = w.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(html_page(text, i)),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2029-12-30T10:00:00Z"},
            )
            w.write_record(rec)


def _scan_together(data_dir: str, n: int, ready: Any, go: Any, out: Any) -> None:
    """One of several processes scanning the benchmark texts at the same moment."""
    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.model import Article
    from warrantwatch.monitor.scanner import Scanner

    with tempfile.TemporaryDirectory() as tmp:
        kb = open_kb(Settings(database_url=f"sqlite:///{tmp}/f.sqlite3", data_dir=Path(data_dir)))
        scanner = Scanner(kb.world)
        xs = [text for _, text in texts(n)]
        ready.release()
        go.wait()
        t = time.perf_counter()
        for x in xs:
            scanner.scan(Article(text=x))
        out.put(n / (time.perf_counter() - t))


def scanners_together(workers: int, n: int) -> float:
    """Articles per second of ``workers`` scanner processes started at the same moment,
    summed: what this machine gives two workers, beside the floor's 2 x one process
    (on a machine shared with other work, or with fewer free cores, it is less)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    ready, go, out = ctx.Semaphore(0), ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_scan_together, args=(str(FIXTURES), n, ready, go, out))
        for _ in range(workers)
    ]
    for p in procs:
        p.start()
    for _ in procs:
        ready.acquire()
    go.set()
    rates = [out.get() for _ in procs]
    for p in procs:
        p.join()
    return sum(rates)


@contextmanager
def postgres_db(admin_url: str) -> Iterator[str]:
    """A database of its own for the run, dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    name = f"ww_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=40_000, help="text articles (JSON Lines)")
    ap.add_argument("--html", type=int, default=3_000, help="HTML pages (gzipped WARC)")
    ap.add_argument(
        "--postgres",
        default=os.environ.get(
            "WARRANTWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
        ),
    )
    ap.add_argument("--no-postgres", action="store_true")
    args = ap.parse_args()

    from distributed import LocalCluster

    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.backfill import backfill
    from warrantwatch.monitor.model import Article
    from warrantwatch.monitor.pages import extract_article
    from warrantwatch.monitor.scanner import Scanner

    rows: list[tuple[str, str, str, float, int, float, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "bench.jsonl"
        warc = Path(tmp) / "bench.warc.gz"
        write_jsonl(jsonl, args.articles)
        write_warc(warc, args.html)
        kb = open_kb(Settings(database_url=f"sqlite:///{tmp}/floor.sqlite3", data_dir=FIXTURES))
        t = time.perf_counter()
        scanner = Scanner(kb.world)
        build = time.perf_counter() - t

        all_texts = [text for _, text in texts(args.articles)]
        t = time.perf_counter()
        floor_events = sum(len(scanner.scan(Article(text=x))) for x in all_texts)
        floor_text = args.articles / (time.perf_counter() - t)

        pages = [html_page(text, i) for i, (_, text) in enumerate(texts(args.html))]
        t = time.perf_counter()
        extracted = [extract_article(p, f"https://bench.example/{i}") for i, p in enumerate(pages)]
        extract_s = time.perf_counter() - t
        t = time.perf_counter()
        html_events = sum(len(scanner.scan(a)) for a in extracted if a)
        floor_html = args.html / (extract_s + time.perf_counter() - t)

        together = scanners_together(2, args.articles)
        floors = {"text": floor_text, "html": floor_html}
        counts = {"text": args.articles, "html": args.html}
        archives = {"text": jsonl, "html": warc}
        dbs: list[tuple[str, Callable[[], Any]]] = [
            ("SQLite", lambda: _sqlite(tmp)),
        ]
        if not args.no_postgres:
            dbs.append(("PostgreSQL", lambda: postgres_db(args.postgres)))

        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            dask = {"scheduler": cluster.scheduler_address}
            runs: list[tuple[str, int, dict[str, Any]]] = [
                ("1 local process", 1, {"workers": 1}),
                ("2 local processes", 2, {"workers": 2}),
                ("Dask LocalCluster, 2 workers", 2, dask),
                ("2 local processes, --skip-empty", 2, {"workers": 2, "skip_empty": True}),
                ("Dask LocalCluster, 2 workers, --skip-empty", 2, dask | {"skip_empty": True}),
            ]
            for db_name, make_db in dbs:
                for kind in ("text", "html"):
                    for run_name, n_workers, kw in runs:
                        with make_db() as url:
                            settings = Settings(database_url=url, data_dir=FIXTURES)
                            base = open_kb(settings)
                            t = time.perf_counter()
                            rep = backfill(
                                [archives[kind]],
                                settings,
                                engine=base.engine,
                                world=base.world,
                                **kw,
                            )
                            secs = time.perf_counter() - t
                            base.engine.dispose()
                        seen = rep.processed + rep.duplicates + rep.counted
                        assert seen == counts[kind], str(rep)
                        rows.append(
                            (
                                run_name,
                                kind,
                                db_name,
                                secs,
                                counts[kind],
                                floors[kind] * n_workers,
                                rep,
                            )
                        )
                        print(
                            f"  {db_name} {kind} {run_name}: {counts[kind] / secs:.0f}/s, "
                            f"steady {rep.steady_rate:.0f}/s; {rep.seconds}",
                            file=sys.stderr,
                        )

    print(
        f"{args.articles} text articles of about 2 KB (JSON Lines) and {args.html} HTML "
        f"pages (gzipped WARC); one in ten reports a trip. Scanner built in {build:.1f} s.\n"
    )
    print(
        f"Floor, 1 process: scanner alone {floor_text:,.0f} articles/s ({floor_events} "
        f"events); HTML extraction + scanner {floor_html:,.0f} pages/s ({html_events} "
        f"events; extraction {args.html / extract_s:,.0f} pages/s alone).\n"
    )
    print(
        f"Two scanner processes started at the same moment: {together:,.0f} articles/s "
        f"together ({100 * together / (2 * floor_text):.0f}% of 2 x one process): what this "
        "machine gave two workers during the run.\n"
    )
    print(
        "| backfill | input | database | time (start-up) | articles/s, whole run | "
        "articles/s, workers up | floor x workers | of floor (whole, up) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, kind, db, secs, n, floor, rep in rows:
        rate, up = n / secs, rep.steady_rate
        print(
            f"| {name} | {kind} | {db} | {secs:.1f} s ({rep.startup_s:.1f} s) | {rate:,.0f} | "
            f"{up:,.0f} | {floor:,.0f} | {100 * rate / floor:.0f}%, {100 * up / floor:.0f}% |"
        )


@contextmanager
def _sqlite(tmp: str) -> Iterator[str]:
    path = Path(tmp) / f"run-{uuid.uuid4().hex[:8]}.sqlite3"
    yield f"sqlite:///{path}"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
