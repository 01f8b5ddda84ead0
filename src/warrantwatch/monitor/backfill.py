"""Scanning news archives (WARC, JSON Lines, Parquet) for trips, on local processes or a
Dask cluster, at the speed of the scanner.

The main process only schedules. Each archive file is cut into units
(:mod:`warrantwatch.monitor.archives`: byte ranges, row groups, or batches of records
for gzipped files); a worker reads its unit, extracts the text of HTML pages
(trafilatura), scans it with a scanner built once per worker, and stores the unit
itself in one transaction: articles with multi-row ``INSERT ... ON CONFLICT DO
NOTHING`` on their unique address and content keys, events without a trip, and a
checkpoint naming the unit. A run stopped halfway and run again skips the units
committed and stores nothing twice. On a Dask cluster the workers write to the shared
database directly (PostgreSQL; on SQLite, one writer at a time, a batch a transaction).

Grouping reports into trips and assessing them is done once, at the end, in the main
process, for all the events stored without a trip (:func:`group_backfilled`): measured,
doing it per article cost about 15 ms each and set the pace of the whole backfill.
Alerts are off by default (old news should not page anyone): trips found are marked as
already alerted.

Which copy of an address is kept when an archive holds it twice: the one committed
first (workers store in parallel; within one unit, the first in the file).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from warrantwatch.config import Settings
from warrantwatch.law.world import World
from warrantwatch.monitor import store
from warrantwatch.monitor.archives import (
    MAX_RECORD_BYTES,
    ArchiveError,
    RawDoc,
    Unit,
    check_archive,
    file_key,
    read_archive,
    read_unit,
    units,
)
from warrantwatch.monitor.grouping import attach_bulk
from warrantwatch.monitor.model import Article
from warrantwatch.monitor.pages import extract_article
from warrantwatch.monitor.service import RoundReport, ScannerLike, apply_changes, default_scanner
from warrantwatch.monitor.tables import ArticleEntry, EventRecord

__all__ = [
    "MAX_RECORD_BYTES",
    "ArchiveError",
    "BackfillReport",
    "Progress",
    "RawDoc",
    "backfill",
    "group_backfilled",
    "read_archive",
]

log = logging.getLogger("warrantwatch.monitor.backfill")

ScannerFactory = Callable[[World], ScannerLike]
#: The PostgreSQL advisory lock key under which backfills group their events into trips
#: (two backfills finishing together must not both make the same trip).
GROUP_LOCK = 0x77770014


@dataclass
class Found:
    """What a backfill found about one person and one destination."""

    reports: int = 0
    trips: set[int] = field(default_factory=set)
    bound: bool | None = None


@dataclass
class BackfillReport(RoundReport):
    files: int = 0
    units: int = 0
    units_skipped: int = 0
    records: int = 0
    known: int = 0
    counted: int = 0
    bad_records: list[str] = field(default_factory=list)
    #: seconds spent by the workers, summed: reading, extracting HTML, scanning, storing
    seconds: dict[str, float] = field(
        default_factory=lambda: {"read": 0.0, "extract": 0.0, "scan": 0.0, "store": 0.0}
    )
    #: (person, destination ISO 2) -> what was found, for the events grouped by this run
    found: dict[tuple[str, str], Found] = field(default_factory=dict)
    #: seconds from the start to the first unit back (worker start-up: processes,
    #: imports, a scanner each), and from then to the end, grouping included
    startup_s: float = 0.0
    steady_s: float = 0.0
    #: documents of the units after the first one back: the steady rate's numerator
    steady_records: int = 0

    @property
    def steady_rate(self) -> float:
        """Documents per second once the workers are up (what a long backfill sees)."""
        return self.steady_records / self.steady_s if self.steady_s > 0 else 0.0

    def __str__(self) -> str:
        skipped = f", {self.units_skipped} stored before" if self.units_skipped else ""
        counted = f", {self.counted} without events counted only" if self.counted else ""
        return (
            f"{self.files} files in {self.units} units{skipped}; {self.records} documents "
            f"read ({self.known} already stored, {len(self.bad_records)} unreadable); "
            f"{self.processed} scanned, {self.duplicates} duplicates, "
            f"{self.article_errors} without text{counted}; {self.events} events; "
            f"{self.trips_new} new trips, {self.trips_changed} changed; "
            f"{self.alerts_queued} alerts queued"
        )

    def summary(self) -> list[dict[str, Any]]:
        """What was found per person and destination, most reported first."""
        rows = [
            {
                "person": p,
                "destination": d,
                "reports": f.reports,
                "trips": len(f.trips),
                "bound": f.bound,
            }
            for (p, d), f in self.found.items()
        ]
        return sorted(rows, key=lambda r: (-r["reports"], r["person"], r["destination"]))


@dataclass
class Progress:
    """Where a backfill is: shown as a bar on a terminal, as JSON lines elsewhere."""

    bytes_total: int
    bytes_done: int = 0
    units_done: int = 0
    records: int = 0
    events: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        return self.records / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left, from the bytes read so far; None before there is a rate."""
        if not self.bytes_done or self.bytes_done >= self.bytes_total:
            return None if not self.bytes_done else 0.0
        return self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done

    def as_dict(self) -> dict[str, Any]:
        eta = self.eta
        return {
            "articles": self.records,
            "mb": round(self.bytes_done / 1e6, 1),
            "mb_total": round(self.bytes_total / 1e6, 1),
            "events": self.events,
            "rate": round(self.rate, 1),
            "elapsed_s": round(self.elapsed, 1),
            "eta_s": None if eta is None else round(eta, 1),
        }


# ---------------------------------------------------------------- workers


@dataclass
class UnitResult:
    """What a worker did with one unit (small: it travels back to the main process)."""

    unit: str
    size: int
    records: int
    stored: store.BulkResult
    bad: list[str]
    seconds: dict[str, float]
    already: bool = False


class _AlreadyStored(Exception):
    """Another run committed this unit first: this copy is rolled back."""


def _scanned(
    scanner: ScannerLike, docs: list[RawDoc], seconds: dict[str, float]
) -> list[store.ScannedDoc]:
    out: list[store.ScannedDoc] = []
    clock = time.perf_counter
    scan_s = 0.0
    for d in docs:
        try:
            if d.text:  # already text: the document's own fields are the article's
                t = clock()
                art = Article(d.text, d.url, d.title, d.published, d.language)
                events = tuple(scanner.scan(art)) if not d.text.isspace() else ()
                scan_s += clock() - t
                out.append(
                    store.ScannedDoc(d.url, d.text, events, d.title, d.published, d.language)
                )
                continue
            t = clock()
            html = extract_article(
                d.html or b"", d.url, title=d.title, published=d.published, language=d.language
            )
            seconds["extract"] += clock() - t
            t = clock()
            events = tuple(scanner.scan(html)) if html and not html.text.isspace() else ()
            scan_s += clock() - t
        except Exception:  # one bad document must not lose the unit
            log.exception("scanning %s failed", d.url)
            html, events = None, ()
        out.append(
            store.ScannedDoc(
                d.url,
                html.text if html else None,
                events,
                (html.title if html else None) or d.title,
                (html.published if html else None) or d.published,
                (html.language if html else None) or d.language,
            )
        )
    seconds["scan"] += scan_s
    return out


def process_unit(unit: Unit, scanner: ScannerLike, engine: Any, skip_empty: bool) -> UnitResult:
    """Read, extract, scan and store one unit, with its checkpoint, in one transaction."""
    seconds = {"read": 0.0, "extract": 0.0, "scan": 0.0, "store": 0.0}
    bad: list[str] = []
    t = time.perf_counter()
    docs = list(read_unit(unit, bad))
    seconds["read"] = time.perf_counter() - t
    scanned = _scanned(scanner, docs, seconds)

    def work() -> store.BulkResult:
        with Session(engine) as s, s.begin():
            res = store.store_scanned(s, scanned, skip_empty=skip_empty)
            if not store.claim_unit(s, unit.file_key, unit.name, unit.path, len(docs), res.stored):
                raise _AlreadyStored
            return res

    t = time.perf_counter()
    already = False
    try:
        res = store.retry_locked(work)
    except _AlreadyStored:
        res, already = store.BulkResult(known=len(docs)), True
    seconds["store"] = time.perf_counter() - t
    return UnitResult(unit.name, unit.size, len(docs), res, bad, seconds, already)


_CACHE: dict[Any, Any] = {}


def _engine_for(url: str) -> Any:
    """One engine per worker process and database (no schema check: the main process
    opened the database, migrating it if needed, before any unit was sent).

    On PostgreSQL its commits do not wait for the disk (``synchronous_commit=off``): a
    crash of the server can lose the last transactions, whole, never corrupt the
    database; and since a unit's checkpoint is committed with its articles, a unit lost
    so is simply read again by the next run. Measured, about a tenth of storing a unit.
    (On SQLite, ``synchronous=NORMAL`` made no difference that could be measured: the
    time of a commit there is the WAL checkpoint's.)
    """
    engine = _CACHE.get(("engine", url))
    if engine is None:
        from sqlalchemy import event

        from warrantwatch.kb.database import make_engine

        engine = _CACHE[("engine", url)] = make_engine(url)
        if engine.dialect.name == "postgresql":

            @event.listens_for(engine, "connect")
            def _no_disk_wait(dbapi_conn: Any, _record: Any) -> None:
                with dbapi_conn.cursor() as cur:
                    cur.execute("SET synchronous_commit TO off")
                dbapi_conn.commit()  # psycopg opened a transaction for the SET

    return engine


def dask_unit(
    world: World, factory: ScannerFactory, url: str, unit: Unit, skip_empty: bool
) -> UnitResult:
    """Dask task: one unit, with a scanner and an engine cached per worker."""
    key = ("scanner", id(world), factory)
    scanner = _CACHE.get(key)
    if scanner is None:
        scanner = _CACHE[key] = factory(world)
    return process_unit(unit, scanner, _engine_for(url), skip_empty)


def _pool_init(world: World, factory: ScannerFactory, url: str) -> None:
    # Ctrl-C is the main process's to handle: a worker finishes (and commits) the unit
    # it holds, and the main process sends no more.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _CACHE["pool"] = (factory(world), _engine_for(url))


def _pool_unit(unit: Unit, skip_empty: bool) -> UnitResult:
    scanner, engine = _CACHE["pool"]
    return process_unit(unit, scanner, engine, skip_empty)


# ---------------------------------------------------------------- driver


def backfill(
    paths: list[Path],
    settings: Settings,
    *,
    engine: Any,
    world: World,
    scheduler: str | None = None,
    workers: int | None = None,
    batch_size: int = 200,
    alert: bool = False,
    skip_empty: bool = False,
    scanner_factory: ScannerFactory = default_scanner,
    progress: Callable[[Progress], None] | None = None,
) -> BackfillReport:
    """Scan the archives at ``paths`` and store what they hold; see the module docstring.

    ``scheduler``: address of a Dask scheduler (``tcp://host:8786``); local processes when
    None. ``batch_size``: documents a unit for gzipped files. ``skip_empty``: count
    articles without events instead of storing them. ``progress`` is called after each
    unit. Raises :class:`ArchiveError` for a file that cannot be read at all (every
    file is checked before any work starts); ``KeyboardInterrupt`` after the units in
    hand are stored (run again to go on).
    """
    report = BackfillReport()
    bad = report.bad_records
    for p in paths:
        check_archive(p)
    report.files = len(paths)
    done = store.done_units(engine, {file_key(p) for p in paths})
    prog = Progress(bytes_total=sum(p.stat().st_size for p in paths))
    url = engine.url.render_as_string(hide_password=False)
    parts = 8 * (workers or 2)

    def todo() -> Iterator[Unit]:
        for p in paths:
            for u in units(p, batch_size=batch_size, parts=parts, bad=bad):
                report.units += 1
                before = done.get((u.file_key, u.name))
                if before is None:
                    yield u
                    continue
                report.units_skipped += 1
                report.records += before
                report.known += before
                prog.bytes_done += u.size
                prog.units_done += 1

    t0 = time.monotonic()
    first: list[float] = []

    def apply(r: UnitResult) -> None:
        if not first:
            first.append(time.monotonic())
        else:
            report.steady_records += r.records
        report.records += r.records
        report.known += r.stored.known
        report.processed += r.stored.stored
        report.duplicates += r.stored.duplicates
        report.article_errors += r.stored.failed
        report.counted += r.stored.counted
        report.events += r.stored.events
        bad.extend(r.bad)
        for k, v in r.seconds.items():
            report.seconds[k] += v
        prog.bytes_done += r.size
        prog.units_done += 1
        prog.records = report.records
        prog.events = report.events
        if progress is not None:
            progress(prog)

    if progress is not None:
        progress(prog)
    if scheduler:
        _run_dask(scheduler, world, scanner_factory, url, todo(), apply, skip_empty)
    else:
        _run_local(workers or 2, world, scanner_factory, url, todo(), apply, skip_empty)
    prog.records = report.records
    group_backfilled(engine, world, settings, report, suppress=not alert)
    end = time.monotonic()
    report.startup_s = (first[0] if first else end) - t0
    report.steady_s = end - first[0] if first else 0.0
    if progress is not None:
        progress(prog)
    return report


def group_backfilled(
    engine: Any, world: World, settings: Settings, report: BackfillReport, *, suppress: bool
) -> None:
    """Group every event a backfill stored without a trip (this run's, and those of a
    run stopped before its end) into trips, and assess each trip changed once.

    One transaction; on PostgreSQL under an advisory lock, so two backfills finishing
    together do not make the same trip twice.
    """

    def work() -> None:
        with Session(engine, expire_on_commit=False) as s, s.begin():
            if s.get_bind().dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": GROUP_LOCK})
            events = list(
                s.scalars(
                    select(EventRecord)
                    .join(ArticleEntry, ArticleEntry.id == EventRecord.article_id)
                    .where(
                        EventRecord.trip_id.is_(None),
                        EventRecord.rejected.is_(False),
                        ArticleEntry.origin == "backfill",
                    )
                    .order_by(EventRecord.id)
                )
            )
            if not events:
                return
            changes = attach_bulk(s, events, settings.monitor_group_days)
            apply_changes(
                s, changes, world=world, settings=settings, report=report, suppress=suppress
            )
            trips = {c.trip.id: c.trip for c in changes}
            for ev in events:
                f = report.found.setdefault((ev.person_id, ev.destination), Found())
                f.reports += 1
                if ev.trip_id is not None:
                    f.trips.add(ev.trip_id)
                    trip = trips.get(ev.trip_id)
                    if trip is not None and trip.bound is not None:
                        f.bound = bool(f.bound) or trip.bound

    store.retry_locked(work)


def _in_flight(
    submit: Callable[[Unit], Any],
    result: Callable[[Any], UnitResult],
    todo: Iterator[Unit],
    window: int,
    apply: Callable[[UnitResult], None],
    cancel: Callable[[list[Any]], None],
) -> None:
    """Keep at most ``window`` units in flight, applying results as they come in order.
    On Ctrl-C, units not started are cancelled, and those running finish first."""
    inflight: deque[Any] = deque()
    try:
        for unit in todo:
            inflight.append(submit(unit))
            if len(inflight) >= window:
                apply(result(inflight.popleft()))
        while inflight:
            apply(result(inflight.popleft()))
    except KeyboardInterrupt:
        cancel(list(inflight))
        raise


def _run_local(
    workers: int,
    world: World,
    factory: ScannerFactory,
    url: str,
    todo: Iterator[Unit],
    apply: Callable[[UnitResult], None],
    skip_empty: bool,
) -> None:
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_pool_init,
        initargs=(world, factory, url),
    )

    def cancel(futures: list[Any]) -> None:
        for f in futures:
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)

    try:
        _in_flight(
            lambda u: pool.submit(_pool_unit, u, skip_empty),
            lambda f: f.result(),
            todo,
            2 * workers,
            apply,
            cancel,
        )
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _run_dask(
    address: str,
    world: World,
    factory: ScannerFactory,
    url: str,
    todo: Iterator[Unit],
    apply: Callable[[UnitResult], None],
    skip_empty: bool,
) -> None:
    from distributed import Client

    with Client(address, timeout="20s") as client:
        world_f = client.scatter(world, broadcast=True)
        nthreads = max(1, sum(client.nthreads().values()))
        _in_flight(
            lambda u: client.submit(dask_unit, world_f, factory, url, u, skip_empty, pure=False),
            lambda f: f.result(),
            todo,
            2 * nthreads,
            apply,
            lambda futures: client.cancel(futures),
        )
