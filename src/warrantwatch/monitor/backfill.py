"""Scanning news archives (WARC, JSON Lines) for trips, on local processes or a Dask cluster.

The main process reads the archives (warcio for WARC), skips addresses already in the
database, and ships batches of raw documents to workers; each worker extracts the
text (trafilatura) and scans it with a scanner built once per worker from the
knowledge base snapshot it was sent. Results come back to the main process, which
stores them through the same path as the live monitor (:func:`service.ingest`), so
deduplication, grouping and review work the same. Alerts are off by default (old news
should not page anyone): trips found are marked as already alerted.

JSON Lines: one object per line with ``url`` and ``text`` or ``html``, and optionally
``title``, ``published`` (or ``date``, ISO 8601) and ``language``.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from warrantwatch.config import Settings
from warrantwatch.law.world import World
from warrantwatch.monitor import store
from warrantwatch.monitor.feeds import is_web_address
from warrantwatch.monitor.model import Article, TripEvent
from warrantwatch.monitor.pages import content_hash, extract_article, parse_date
from warrantwatch.monitor.service import RoundReport, ScannerLike, default_scanner, ingest
from warrantwatch.monitor.tables import ArticleEntry, utcnow

log = logging.getLogger("warrantwatch.monitor.backfill")

MAX_RECORD_BYTES = 5_000_000
ScannerFactory = Callable[[World], ScannerLike]


class ArchiveError(ValueError):
    """An archive file cannot be read at all (missing, wrong format)."""


@dataclass(frozen=True)
class RawDoc:
    """One archived document before extraction."""

    url: str
    html: bytes | None = None
    text: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None


@dataclass
class BackfillReport(RoundReport):
    files: int = 0
    records: int = 0
    known: int = 0
    bad_records: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (
            f"{self.files} files, {self.records} documents read ({self.known} already stored, "
            f"{len(self.bad_records)} unreadable); {self.processed} scanned, "
            f"{self.duplicates} duplicates, {self.article_errors} without text; "
            f"{self.events} events; {self.trips_new} new trips, {self.trips_changed} changed; "
            f"{self.alerts_queued} alerts queued"
        )


# ---------------------------------------------------------------- reading


def read_jsonl(path: Path, bad: list[str]) -> Iterator[RawDoc]:
    """One document a line (``url`` and ``text`` or ``html``), read as ``warrantwatch scan``
    reads JSON Lines: any line length up to a cap, gzip when the name ends in .gz."""
    import gzip

    from warrantwatch.monitor.readers import MAX_LINE_BYTES, bounded_lines, parse_json_line

    opener: Callable[..., Any] = gzip.open if path.name.lower().endswith(".gz") else open
    n = 0
    with opener(path, "rb") as fh, _readable(path, bad, lambda: n):
        for n, line in enumerate(bounded_lines(fh), 1):
            if line is None:
                bad.append(f"{path}:{n}: line longer than {MAX_LINE_BYTES >> 20} MB")
                continue
            if not line.strip():
                continue
            try:
                obj = parse_json_line(line)
                if not isinstance(obj, dict) or not isinstance(obj.get("url"), str):
                    raise ValueError("no 'url'")
                if not is_web_address(obj["url"]):
                    raise ValueError("'url' is not an http or https address")
                text, html = obj.get("text"), obj.get("html")
                if not (isinstance(text, str) and text.strip()) and not isinstance(html, str):
                    raise ValueError("no 'text' or 'html'")
            except ValueError as exc:
                bad.append(f"{path}:{n}: {exc}")
                continue
            yield RawDoc(
                url=obj["url"],
                html=html.encode("utf-8") if isinstance(html, str) and not text else None,
                text=text if isinstance(text, str) and text.strip() else None,
                title=obj.get("title"),
                published=parse_date(str(obj.get("published") or obj.get("date") or "")),
                language=obj.get("language"),
            )


@contextmanager
def _readable(path: Path, bad: list[str], line: Callable[[], int]) -> Iterator[None]:
    """A gzip file cut short ends its reading with a message naming it (what was read
    before is kept), instead of click's bare "Aborted!"."""
    try:
        yield
    except EOFError:
        bad.append(f"{path}: truncated gzip file after line {line()}; the rest is not read")
    except OSError as exc:
        bad.append(f"{path}: unreadable after line {line()}: {exc}")


def _check_gzip_start(path: Path) -> None:
    with path.open("rb") as fh:
        if fh.read(2) != b"\x1f\x8b":
            raise ArchiveError(f"{path}: not a gzip file, though its name ends in .gz")


def _check_warc_start(path: Path) -> None:
    """warcio reads some garbage as an ARC record: look at the first bytes ourselves."""
    import gzip

    with path.open("rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:  # type: ignore[operator]
            start = fh.read(16)
    except OSError as exc:
        raise ArchiveError(f"{path}: not a WARC file: {exc}") from exc
    if not (start.startswith(b"WARC/") or start.startswith(b"filedesc://")):
        raise ArchiveError(f"{path}: not a WARC file (it does not start with a WARC record)")


def read_warc(path: Path, bad: list[str]) -> Iterator[RawDoc]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with path.open("rb") as fh:
        try:
            for rec in ArchiveIterator(fh, arc2warc=True):
                if rec.rec_type not in ("response", "resource"):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                if not url or not is_web_address(url):
                    continue
                if rec.rec_type == "response":
                    if rec.http_headers is None or rec.http_headers.get_statuscode() != "200":
                        continue
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                if "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    continue
                body = rec.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(body) > MAX_RECORD_BYTES:
                    bad.append(f"{path}: {url}: over {MAX_RECORD_BYTES} bytes, skipped")
                    continue
                date = parse_date(rec.rec_headers.get_header("WARC-Date"))
                if "text/plain" in ctype.lower():
                    yield RawDoc(url=url, text=body.decode("utf-8", "replace"), published=date)
                else:
                    yield RawDoc(url=url, html=body, published=date)
        except ArchiveLoadFailed as exc:
            raise ArchiveError(f"{path}: not a WARC file: {exc}") from exc


def read_archive(path: Path, bad: list[str]) -> Iterator[RawDoc]:
    """Documents of one archive file, by its suffix (.warc, .warc.gz, .jsonl, .jsonl.gz)."""
    name = path.name.lower()
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file")
    if name.endswith(".gz"):
        _check_gzip_start(path)
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        _check_warc_start(path)
        return read_warc(path, bad)
    if name.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")):
        return read_jsonl(path, bad)
    raise ArchiveError(f"{path}: unknown archive type; use .warc, .warc.gz, .jsonl or .jsonl.gz")


# ---------------------------------------------------------------- workers

_SCANNERS: dict[tuple[int, Any], ScannerLike] = {}
_POOL_STATE: dict[str, Any] = {}

Result = tuple[RawDoc, Article | None, list[TripEvent]]


def _scan_docs(scanner: ScannerLike, docs: list[RawDoc]) -> list[Result]:
    out: list[Result] = []
    for d in docs:
        try:
            if d.text:
                art: Article | None = Article(
                    text=d.text,
                    url=d.url,
                    title=d.title,
                    published=d.published,
                    language=d.language,
                )
            else:
                art = extract_article(
                    d.html or b"",
                    d.url,
                    title=d.title,
                    published=d.published,
                    language=d.language,
                )
            out.append((d, art, scanner.scan(art) if art else []))
        except Exception:  # one bad document must not lose the batch
            log.exception("scanning %s failed", d.url)
            out.append((d, None, []))
    return out


def scan_batch(world: World, docs: list[RawDoc], factory: ScannerFactory) -> list[Result]:
    """Dask task: scan ``docs`` with a scanner cached per worker for this ``world``."""
    key = (id(world), factory)
    scanner = _SCANNERS.get(key)
    if scanner is None:
        scanner = _SCANNERS[key] = factory(world)
    return _scan_docs(scanner, docs)


def _pool_init(world: World, factory: ScannerFactory) -> None:
    _POOL_STATE["scanner"] = factory(world)


def _pool_scan(docs: list[RawDoc]) -> list[Result]:
    return _scan_docs(_POOL_STATE["scanner"], docs)


# ---------------------------------------------------------------- driver


def _given(events: list[TripEvent]) -> Callable[[Article], list[TripEvent]]:
    """A stand-in scan that returns events already found by a worker."""
    return lambda _article: events


def _batches(docs: Iterable[RawDoc], size: int) -> Iterator[list[RawDoc]]:
    batch: list[RawDoc] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def backfill(
    paths: list[Path],
    settings: Settings,
    *,
    engine: Any,
    world: World,
    scheduler: str | None = None,
    workers: int | None = None,
    batch_size: int = 50,
    alert: bool = False,
    scanner_factory: ScannerFactory = default_scanner,
) -> BackfillReport:
    """Scan the archives at ``paths`` and store what they hold; see the module docstring.

    ``scheduler``: address of a Dask scheduler (``tcp://host:8786``); local processes when
    None. Raises :class:`ArchiveError` for a file that cannot be read at all (before any
    scanning starts, every file is opened to check).
    """
    report = BackfillReport()
    bad = report.bad_records
    for p in paths:
        read_archive(p, bad)  # raises for missing or unknown files, before any work
    report.files = len(paths)

    def fresh_batches() -> Iterator[list[RawDoc]]:
        for p in paths:
            for batch in _batches(read_archive(p, bad), batch_size):
                report.records += len(batch)
                with Session(engine) as s:
                    known = store.known_keys(s, [store.url_key(d.url) for d in batch])
                todo = [d for d in batch if store.url_key(d.url) not in known]
                report.known += len(batch) - len(todo)
                if todo:
                    yield todo

    def apply(results: list[Result]) -> None:
        # One transaction per batch, and the batch's addresses and texts looked up in two
        # queries: storage, not scanning, is the slow part of a backfill. Articles with
        # events (the rare ones) go through the live monitor's path, trip grouping and all.
        keys = [store.url_key(doc.url) for doc, _, _ in results]
        hashes = [content_hash(art.text) if art else "" for _, art, _ in results]
        with Session(engine, expire_on_commit=False) as s, s.begin():
            seen_keys = store.known_keys(s, keys)
            rows = s.execute(
                select(ArticleEntry.content_hash, ArticleEntry.id).where(
                    ArticleEntry.content_hash.in_([h for h in hashes if h])
                )
            )
            seen_hashes: dict[str, int | ArticleEntry] = {str(h): int(i) for h, i in rows}
            for (doc, art, events), key, h in zip(results, keys, hashes, strict=True):
                if key in seen_keys:
                    report.known += 1
                    continue
                seen_keys.add(key)
                entry = ArticleEntry(
                    url_hash=key,
                    url=doc.url,
                    origin="backfill",
                    title=(art.title if art else None) or doc.title,
                    published=(art.published if art else None) or doc.published,
                    language=(art.language if art else None) or doc.language,
                    status="pending",
                    attempts=0,
                    seen_at=utcnow(),
                )
                s.add(entry)
                if art is None or not art.text.strip():
                    entry.status, entry.error = "failed", "no article text"
                    report.article_errors += 1
                elif h in seen_hashes:
                    s.flush()  # gives ids to the articles added so far (inserted in bulk)
                    original = seen_hashes[h]
                    oid = original.id if isinstance(original, ArticleEntry) else original
                    store.mark_duplicate(entry, oid)
                    report.duplicates += 1
                elif not events:
                    entry.text, entry.content_hash, entry.status = art.text, h, "done"
                    entry.attempts, entry.processed_at = 1, utcnow()
                    report.processed += 1
                    seen_hashes[h] = entry
                else:
                    s.flush()
                    ingest(
                        s,
                        entry,
                        art,
                        _given(events),
                        world=world,
                        settings=settings,
                        report=report,
                        suppress=not alert,
                    )
                    seen_hashes[h] = entry.id

    if scheduler:
        _run_dask(scheduler, world, scanner_factory, fresh_batches(), apply)
    else:
        _run_local(workers or 2, world, scanner_factory, fresh_batches(), apply)
    return report


def _run_local(
    workers: int,
    world: World,
    factory: ScannerFactory,
    batches: Iterator[list[RawDoc]],
    apply: Callable[[list[Result]], None],
) -> None:
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_pool_init, initargs=(world, factory)
    ) as pool:
        _in_order((pool.submit(_pool_scan, b) for b in batches), 2 * workers, apply)


def _in_order(futures: Iterator[Any], window: int, apply: Callable[[list[Result]], None]) -> None:
    """Apply results in the order the documents were read (the first copy of an address
    wins, as in the archive), keeping at most ``window`` batches in flight."""
    inflight: deque[Any] = deque()
    for fut in futures:
        inflight.append(fut)
        if len(inflight) >= window:
            apply(inflight.popleft().result())
    while inflight:
        apply(inflight.popleft().result())


def _run_dask(
    address: str,
    world: World,
    factory: ScannerFactory,
    batches: Iterator[list[RawDoc]],
    apply: Callable[[list[Result]], None],
) -> None:
    from distributed import Client

    with Client(address, timeout="20s") as client:
        world_f = client.scatter(world, broadcast=True)
        nthreads = max(1, sum(client.nthreads().values()))
        futures = (client.submit(scan_batch, world_f, b, factory, pure=False) for b in batches)
        _in_order(futures, 2 * nthreads, apply)
