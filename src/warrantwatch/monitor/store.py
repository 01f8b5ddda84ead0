"""Storing what the monitor reads, and reading it back for people and other layers.

Writing: an article is recorded once per address (``url_hash``) and its text once per
content (``content_hash``): a second address carrying the same story is marked
``duplicate`` and not scanned again. Events are stored with the article they came
from. Every writer here takes a :class:`~sqlalchemy.orm.Session` and leaves the
commit to the caller, so a caller can make one article, its events, the trip
changes and the alerts they call for a single transaction.

Reading: :func:`list_trips`, :func:`trip_view`, :func:`list_articles`,
:func:`feed_status`, :func:`outbox_status` return plain dataclasses / dicts (the
dashboard and reports use them); they take an ``Engine`` or a ``Session``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from warrantwatch import rounding
from warrantwatch.monitor import bulk
from warrantwatch.monitor.feeds import is_web_address, normalise_url
from warrantwatch.monitor.model import Article, TripEvent
from warrantwatch.monitor.pages import content_hash
from warrantwatch.monitor.tables import (
    ArticleEntry,
    AuditEntry,
    BackfillUnit,
    EventRecord,
    FeedState,
    OutboxAlert,
    TripRecord,
    utcnow,
)

#: Fetch attempts (one per round) before an article falls back to its feed summary.
MAX_ARTICLE_ATTEMPTS = 3
#: How long a claim on pending articles holds: far longer than fetching and scanning
#: a batch takes; a process that dies leaves its claims for this long at most.
CLAIM_LEASE = dt.timedelta(minutes=15)

log = logging.getLogger("warrantwatch.monitor.store")
T = TypeVar("T")


# ---------------------------------------------------------------- concurrency


def is_locked(exc: OperationalError) -> bool:
    """SQLite's "database is locked" / "busy": another process holds the write lock."""
    text = str(exc.orig if exc.orig is not None else exc).lower()
    return "database is locked" in text or "database is busy" in text


def retry_locked(work: Callable[[], T], attempts: int = 6, first_wait: float = 0.05) -> T:
    """Run ``work`` (one whole transaction), again if SQLite says the database is locked.

    The busy timeout already waits for a writer; this covers the case it cannot: a
    read transaction that later wants to write after another process wrote (SQLite then
    refuses at once rather than deadlock). Waits grow and are jittered so two monitors
    do not retry in step.
    """
    for i in range(attempts):
        try:
            return work()
        except OperationalError as exc:
            if not is_locked(exc) or i == attempts - 1:
                raise
            wait = first_wait * 2**i * (0.5 + random.random())
            log.info("database locked; trying again in %.2f s", wait)
            time.sleep(wait)
    raise AssertionError("unreachable")


def claim_pending(engine: Engine, owner: str, limit: int = 200) -> list[ArticleEntry]:
    """Claim up to ``limit`` pending articles for ``owner`` and return them.

    One conditional UPDATE per batch: on PostgreSQL a row another process claimed in
    the meantime fails the re-checked condition; on SQLite writes are serialised. So an
    article is fetched and scanned by one process only, however many run.
    """

    def claim() -> list[ArticleEntry]:
        now = utcnow()
        free = or_(
            ArticleEntry.claimed_until.is_(None),
            ArticleEntry.claimed_until < now,
            ArticleEntry.claimed_by == owner,
        )
        with Session(engine, expire_on_commit=False) as s:
            ids = list(
                s.scalars(
                    select(ArticleEntry.id)
                    .where(ArticleEntry.status == "pending", free)
                    .order_by(ArticleEntry.id)
                    .limit(limit)
                )
            )
        if not ids:
            return []
        with Session(engine, expire_on_commit=False) as s, s.begin():
            s.execute(
                update(ArticleEntry)
                .where(ArticleEntry.id.in_(ids), ArticleEntry.status == "pending", free)
                .values(claimed_by=owner, claimed_until=now + CLAIM_LEASE)
                .execution_options(synchronize_session=False)
            )
        with Session(engine, expire_on_commit=False) as s:
            return list(
                s.scalars(
                    select(ArticleEntry)
                    .where(ArticleEntry.id.in_(ids), ArticleEntry.claimed_by == owner)
                    .where(ArticleEntry.status == "pending")
                    .order_by(ArticleEntry.id)
                )
            )

    return retry_locked(claim)


def release_claims(engine: Engine, owner: str) -> None:
    """Give back the claims of articles still pending (a fetch to retry next round), so
    any process may take them then, not only after the lease."""

    def release() -> None:
        with Session(engine) as s, s.begin():
            s.execute(
                update(ArticleEntry)
                .where(ArticleEntry.claimed_by == owner, ArticleEntry.status == "pending")
                .values(claimed_by=None, claimed_until=None)
                .execution_options(synchronize_session=False)
            )

    retry_locked(release)


def holds_claim(entry: ArticleEntry, owner: str | None) -> bool:
    """Is ``entry`` still ``owner``'s to process (None: no claims in use)?"""
    return owner is None or entry.claimed_by == owner


def url_key(url: str) -> str:
    """The key of an address: SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_url(url).encode("utf-8")).hexdigest()


@contextmanager
def session_of(db: Engine | Session) -> Iterator[Session]:
    """A session on ``db``: the given one, or a new one closed afterwards."""
    if isinstance(db, Session):
        yield db
        return
    with Session(db, expire_on_commit=False) as s:
        yield s


# ---------------------------------------------------------------- articles


def known_keys(session: Session, keys: Iterable[str]) -> set[str]:
    keys = list(keys)
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        found.update(
            session.scalars(select(ArticleEntry.url_hash).where(ArticleEntry.url_hash.in_(chunk)))
        )
    return found


def add_pending(
    session: Session,
    url: str,
    *,
    feed_url: str | None = None,
    origin: str = "feed",
    title: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
    summary: str | None = None,
    key: str | None = None,
) -> ArticleEntry | None:
    """Record an article to fetch and scan; None if its address was seen before, or is
    not an http(s) address (which is never stored, so never shown as a link)."""
    if not is_web_address(url):
        return None
    key = key or url_key(url)
    if session.scalar(select(ArticleEntry.id).where(ArticleEntry.url_hash == key)) is not None:
        return None
    return _insert_once(
        session,
        ArticleEntry(
            url_hash=key,
            url=url,
            feed_url=feed_url,
            origin=origin,
            title=title,
            published=published,
            language=language,
            summary=summary or None,
            status="pending",
            attempts=0,
            seen_at=utcnow(),
        ),
    )


R = TypeVar("R")


def _insert_once(session: Session, row: R) -> R | None:
    """Insert ``row`` in a savepoint; None if another process inserted its key first
    (the read-then-insert race of two monitors, without spoiling the transaction)."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return None
    return row


def feed_state_for(session: Session, key: str, url: str) -> FeedState:
    """The state row of a source, made if missing; safe when two processes make it."""
    st = session.scalar(select(FeedState).where(FeedState.url_hash == key))
    if st is not None:
        return st
    made = _insert_once(
        session, FeedState(url_hash=key, url=url, failures=0, polls=0, items_seen=0)
    )
    if made is not None:
        return made
    found = session.scalar(select(FeedState).where(FeedState.url_hash == key))
    assert found is not None  # the other process's row, just committed
    return found


def pending_articles(session: Session, limit: int = 200) -> list[ArticleEntry]:
    return list(
        session.scalars(
            select(ArticleEntry)
            .where(ArticleEntry.status == "pending")
            .order_by(ArticleEntry.id)
            .limit(limit)
        )
    )


def as_article(entry: ArticleEntry, text: str | None = None) -> Article:
    return Article(
        text=text if text is not None else (entry.text or entry.summary or ""),
        url=entry.url,
        title=entry.title,
        published=entry.published,
        language=entry.language,
    )


def find_duplicate(session: Session, text: str) -> int | None:
    """The id of the article already processed with this text, if any."""
    h = content_hash(text)
    return session.scalar(select(ArticleEntry.id).where(ArticleEntry.content_hash == h))


def mark_duplicate(entry: ArticleEntry, original_id: int) -> None:
    entry.status = "duplicate"
    entry.duplicate_of = original_id
    entry.processed_at = utcnow()


def mark_failed(entry: ArticleEntry, error: str) -> None:
    """Count a failed fetch; after the last attempt the article is given up (kept, not lost)."""
    entry.attempts += 1
    entry.error = error[:2000]
    if entry.attempts >= MAX_ARTICLE_ATTEMPTS:
        entry.status = "failed"
        entry.processed_at = utcnow()


def record_scan(
    session: Session, entry: ArticleEntry, article: Article, events: Sequence[TripEvent]
) -> list[EventRecord]:
    """Store the scanned text of ``entry`` and the events found in it."""
    entry.text = article.text
    entry.content_hash = content_hash(article.text)
    entry.title = entry.title or article.title
    entry.published = entry.published or article.published
    entry.language = entry.language or article.language
    entry.status = "done"
    entry.attempts += 1
    entry.error = None
    entry.processed_at = utcnow()
    rows = [
        EventRecord(
            article_id=entry.id,
            person_id=ev.person,
            destination=ev.destination_iso2.upper(),
            place=ev.place,
            start_date=ev.start_date,
            status=ev.status,
            evidence=ev.evidence,
            confidence=float(ev.confidence),
            language=ev.language or entry.language,
            published=ev.published or entry.published,
            duty=ev.duty,
            rejected=False,
            created_at=utcnow(),
        )
        for ev in events
    ]
    session.add_all(rows)
    session.flush()
    return rows


# ---------------------------------------------------------------- bulk (backfill)

#: The columns a backfill writes, in the order of the tuples it builds (bulk.py).
ARTICLE_COLUMNS = (
    "url_hash",
    "url",
    "origin",
    "title",
    "published",
    "language",
    "text",
    "content_hash",
    "status",
    "error",
    "attempts",
    "seen_at",
    "processed_at",
    "duplicate_of",
)
EVENT_COLUMNS = (
    "article_id",
    "trip_id",
    "person_id",
    "destination",
    "place",
    "start_date",
    "status",
    "evidence",
    "confidence",
    "language",
    "published",
    "duty",
    "rejected",
    "created_at",
)
_TEXT, _HASH = ARTICLE_COLUMNS.index("text"), ARTICLE_COLUMNS.index("content_hash")


class ScannedDoc(NamedTuple):
    """One archived document after extraction and scanning, ready to store (a tuple:
    a backfill makes one per article)."""

    url: str
    text: str | None
    events: tuple[TripEvent, ...] = ()
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None


@dataclass
class BulkResult:
    """What storing one batch did."""

    stored: int = 0  #: new articles with text
    known: int = 0  #: addresses already stored (or twice in the batch)
    duplicates: int = 0  #: new addresses whose text was already stored
    failed: int = 0  #: new addresses without text
    counted: int = 0  #: articles without events, counted and not stored (``skip_empty``)
    events: int = 0

    def add(self, other: BulkResult) -> None:
        for k in ("stored", "known", "duplicates", "failed", "counted", "events"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _insert(session: Session, table: Any) -> Any:
    """The dialect's INSERT, which has ON CONFLICT DO NOTHING (PostgreSQL and SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def store_scanned(
    session: Session,
    docs: Sequence[ScannedDoc],
    *,
    origin: str = "backfill",
    skip_empty: bool = False,
) -> BulkResult:
    """Store a batch of scanned documents in a few statements, in the caller's transaction.

    Unique keys, not look-ups, keep each address and each text once: the articles go in
    with ``INSERT ... ON CONFLICT DO NOTHING`` (multi-row on SQLite, from ``COPY`` on
    PostgreSQL: :mod:`warrantwatch.monitor.bulk`); only when some are refused are they
    looked up: those whose address is new are duplicates of a stored text, and are
    stored as such. Events go in without a trip: grouping them is one pass over many
    batches (:func:`warrantwatch.monitor.grouping.attach_bulk`), not one per article.
    With ``skip_empty`` an article without events is only counted.
    """
    res = BulkResult()
    now = utcnow()
    done: tuple[Any, ...] = ("done", None, 1, now, now, None)
    failed: tuple[Any, ...] = ("failed", "no article text", 1, now, now, None)
    rows: list[tuple[Any, ...]] = []
    by_key: dict[str, ScannedDoc] = {}
    for d in docs:
        key = url_key(d.url)
        if key in by_key:
            res.known += 1
            continue
        text = d.text if d.text and not d.text.isspace() else None
        if skip_empty and text is not None and not d.events:
            res.counted += 1
            continue
        by_key[key] = d
        if text is not None:
            head = (key, d.url, origin, d.title, d.published, d.language, text)
            rows.append((*head, content_hash(text), *done))
        else:
            rows.append((key, d.url, origin, d.title, d.published, d.language, None, None, *failed))
    if not rows:
        return res
    inserted = _insert_articles(session, rows, res)
    events: list[tuple[Any, ...]] = []
    for r in rows:
        aid = inserted.get(r[0])
        if aid is None:
            continue
        if r[_TEXT] is None:
            res.failed += 1
            continue
        res.stored += 1
        d = by_key[r[0]]
        events.extend(
            (
                aid,
                None,
                ev.person,
                ev.destination_iso2.upper(),
                ev.place,
                ev.start_date,
                ev.status,
                ev.evidence,
                float(ev.confidence),
                ev.language or d.language,
                ev.published or d.published,
                ev.duty,
                False,
                now,
            )
            for ev in d.events
        )
    bulk.insert_all(session, EventRecord.__table__, EVENT_COLUMNS, events)  # type: ignore[arg-type]
    res.events = len(events)
    return res


def _insert_articles(
    session: Session, rows: list[tuple[Any, ...]], res: BulkResult
) -> dict[str, int]:
    """Insert the batch's articles; the ids of those stored as originals, by address key.

    A text that comes again later in the same batch is held back until the row before it
    with that text is in: if that row went in, the later one is stored as its duplicate
    at once; if not (its address was stored already), the later one is tried in its
    place. Sent together, the copy would be refused by the text's unique key and then
    stored as a duplicate, and on PostgreSQL each try takes an id from the sequence."""
    table = ArticleEntry.__table__
    inserted: dict[str, int] = {}
    refused: list[tuple[Any, ...]] = []
    direct: list[tuple[tuple[Any, ...], int]] = []
    pending = rows
    while pending:
        holder: dict[str, str] = {}
        first: list[tuple[Any, ...]] = []
        later: list[tuple[Any, ...]] = []
        for r in pending:
            h = r[_HASH]
            if h is not None and h in holder:
                later.append(r)
            else:
                if h is not None:
                    holder[h] = r[0]
                first.append(r)
        got = bulk.insert_new(session, table, ARTICLE_COLUMNS, first)  # type: ignore[arg-type]
        inserted.update(got)
        refused += [r for r in first if r[0] not in got]
        pending = []
        for r in later:
            original = got.get(holder[r[_HASH]])
            if original is None:
                pending.append(r)
            else:
                direct.append((r, original))
    if refused:
        _store_refused(session, refused, res)
    if direct:
        _store_duplicates(session, direct, res)
    return inserted


def _store_duplicates(
    session: Session, copies: list[tuple[tuple[Any, ...], int]], res: BulkResult
) -> None:
    """Store rows as duplicates of the stored articles given with them (no text, no hash:
    the original keeps both); a row whose address is stored meanwhile is counted known."""
    dup_rows = [
        (*r[:_TEXT], None, None, "duplicate", *r[_HASH + 2 : -1], original)
        for r, original in copies
    ]
    made = bulk.insert_new(session, ArticleEntry.__table__, ARTICLE_COLUMNS, dup_rows)  # type: ignore[arg-type]
    res.duplicates += len(made)
    res.known += len(dup_rows) - len(made)


def _store_refused(session: Session, refused: list[tuple[Any, ...]], res: BulkResult) -> None:
    """Of the rows a unique key refused, count those whose address is stored, and store
    the others (a new address, a text already stored) as duplicates of that text."""
    stored_keys = known_keys(session, [r[0] for r in refused])
    res.known += len(stored_keys)
    copies = [r for r in refused if r[0] not in stored_keys and r[_HASH]]
    if not copies:
        return
    originals: dict[str, int] = {}
    hashes = list({r[_HASH] for r in copies})
    for i in range(0, len(hashes), 500):
        found = session.execute(
            select(ArticleEntry.content_hash, ArticleEntry.id).where(
                ArticleEntry.content_hash.in_(hashes[i : i + 500])
            )
        )
        originals.update((str(h), int(n)) for h, n in found)
    found: list[tuple[tuple[Any, ...], int]] = []
    for r in copies:
        original = originals.get(r[_HASH])
        if original is None:
            res.known += 1  # its original went away meanwhile: nothing to add
            continue
        found.append((r, original))
    _store_duplicates(session, found, res)


def claim_unit(
    session: Session, file_key: str, unit: str, path: str, records: int, stored: int
) -> bool:
    """Record a unit of an archive as stored, in the caller's transaction; False if it
    already was (another run stored it first: the caller then rolls back its own copy)."""
    stmt = (
        _insert(session, BackfillUnit)
        .values(
            file_key=file_key,
            unit=unit,
            path=path,
            records=records,
            stored=stored,
            done_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    return bool(session.execute(stmt).rowcount)  # type: ignore[attr-defined]


def done_units(db: Engine | Session, file_keys: Iterable[str]) -> dict[tuple[str, str], int]:
    """The units stored so far of these files, with the records each held."""
    keys = list(file_keys)
    with session_of(db) as s:
        rows = s.execute(
            select(BackfillUnit.file_key, BackfillUnit.unit, BackfillUnit.records).where(
                BackfillUnit.file_key.in_(keys)
            )
        )
        return {(str(f), str(u)): int(n) for f, u, n in rows}


# ---------------------------------------------------------------- views


@dataclass
class SourceView:
    url: str
    title: str | None
    published: dt.date | None
    language: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "published": _iso(self.published),
            "language": self.language,
        }


@dataclass
class EventView:
    id: int
    person_id: str
    destination: str
    place: str | None
    start_date: dt.date | None
    status: str
    evidence: str
    confidence: float
    language: str | None
    published: dt.date | None
    rejected: bool
    source: SourceView

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person_id,
            "destination": self.destination,
            "place": self.place,
            "start_date": _iso(self.start_date),
            "status": self.status,
            "evidence": self.evidence,
            "confidence": rounding.confidence(self.confidence),
            "language": self.language,
            "published": _iso(self.published),
            "rejected": self.rejected,
            "source": self.source.as_dict(),
        }


@dataclass
class AuditView:
    at: dt.datetime
    editor: str
    action: str
    event_id: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(timespec="seconds") + "Z",
            "editor": self.editor,
            "action": self.action,
            "event_id": self.event_id,
            "before": self.before,
            "after": self.after,
            "reason": self.reason,
        }


@dataclass
class TripView:
    """A trip as people see it: what, the review state, the legal verdict, the evidence."""

    id: int
    person_id: str
    destination: str
    place: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    outcome: str | None
    occasion: str | None
    confidence: float
    review_status: str
    reviewed_by: str | None
    kb_trip_id: str | None
    bound: bool | None
    assessment: dict[str, Any] | None
    first_seen_at: dt.datetime
    updated_at: dt.datetime
    last_reported: dt.date | None
    alerted_at: dt.datetime | None
    events: list[EventView] = field(default_factory=list)
    audit: list[AuditView] = field(default_factory=list)
    #: Knowledge-base trips of the same person and destination within 10 days (others'
    #: records of what may be the same trip): filled by :func:`trip_view` only.
    known_trips: list[dict[str, Any]] = field(default_factory=list)

    @property
    def sources(self) -> list[SourceView]:
        seen: dict[str, SourceView] = {}
        for e in self.events:
            if not e.rejected:
                seen.setdefault(e.source.url, e.source)
        return list(seen.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person": self.person_id,
            "destination": self.destination,
            "place": self.place,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "status": self.status,
            "outcome": self.outcome,
            "occasion": self.occasion,
            "confidence": rounding.confidence(self.confidence),
            "review_status": self.review_status,
            "reviewed_by": self.reviewed_by,
            "kb_trip_id": self.kb_trip_id,
            "bound": self.bound,
            "assessment": self.assessment,
            "first_seen_at": self.first_seen_at.isoformat(timespec="seconds") + "Z",
            "updated_at": self.updated_at.isoformat(timespec="seconds") + "Z",
            "last_reported": _iso(self.last_reported),
            "alerted_at": (
                self.alerted_at.isoformat(timespec="seconds") + "Z" if self.alerted_at else None
            ),
            "sources": [s.as_dict() for s in self.sources],
            "events": [e.as_dict() for e in self.events],
            "audit": [a.as_dict() for a in self.audit],
            "known_trips": self.known_trips,
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _trip_view(t: TripRecord, events: list[EventView], audit: list[AuditView]) -> TripView:
    return TripView(
        id=t.id,
        person_id=t.person_id,
        destination=t.destination,
        place=t.place,
        start_date=t.start_date,
        end_date=t.end_date,
        status=t.status,
        outcome=t.outcome,
        occasion=t.occasion,
        confidence=t.confidence,
        review_status=t.review_status,
        reviewed_by=t.reviewed_by,
        kb_trip_id=t.kb_trip_id,
        bound=t.bound,
        assessment=t.assessment,
        first_seen_at=t.first_seen_at,
        updated_at=t.updated_at,
        last_reported=t.last_reported,
        alerted_at=t.alerted_at,
        events=events,
        audit=audit,
    )


def _events_of(session: Session, trip_ids: Sequence[int]) -> dict[int, list[EventView]]:
    out: dict[int, list[EventView]] = {i: [] for i in trip_ids}
    if not trip_ids:
        return out
    rows = session.execute(
        select(EventRecord, ArticleEntry)
        .join(ArticleEntry, ArticleEntry.id == EventRecord.article_id)
        .where(EventRecord.trip_id.in_(list(trip_ids)))
        .order_by(EventRecord.id)
    )
    for ev, art in rows:
        out[ev.trip_id].append(  # type: ignore[index]
            EventView(
                id=ev.id,
                person_id=ev.person_id,
                destination=ev.destination,
                place=ev.place,
                start_date=ev.start_date,
                status=ev.status,
                evidence=ev.evidence,
                confidence=ev.confidence,
                language=ev.language,
                published=ev.published,
                rejected=ev.rejected,
                source=SourceView(art.url, art.title, art.published, art.language),
            )
        )
    return out


def trip_view(db: Engine | Session, trip_id: int) -> TripView | None:
    """One trip with its events, sources and review history; None if there is no such trip."""
    with session_of(db) as s:
        t = s.get(TripRecord, trip_id)
        if t is None:
            return None
        audit = [
            AuditView(a.at, a.editor, a.action, a.event_id, a.before, a.after, a.reason)
            for a in s.scalars(
                select(AuditEntry).where(AuditEntry.trip_id == trip_id).order_by(AuditEntry.id)
            )
        ]
        view = _trip_view(t, _events_of(s, [t.id])[t.id], audit)
        view.known_trips = _known_trips(s, t)
        return view


def _known_trips(s: Session, t: TripRecord, window: int = 10) -> list[dict[str, Any]]:
    from warrantwatch.kb.tables import TripRow

    q = select(TripRow).where(
        TripRow.person_id == t.person_id, TripRow.destination == t.destination
    )
    if t.kb_trip_id:
        q = q.where(TripRow.id != t.kb_trip_id)
    out = []
    for row in s.scalars(q.order_by(TripRow.start)):
        if t.start_date is None or abs((row.start - t.start_date).days) <= window:
            out.append(
                {
                    "id": row.id,
                    "start": row.start.isoformat(),
                    "outcome": row.outcome,
                    "origin": row.origin,
                }
            )
    return out


def list_trips(
    db: Engine | Session,
    *,
    review_status: str | Sequence[str] | None = None,
    person: str | None = None,
    destination: str | None = None,
    bound: bool | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[TripView]:
    """Trips, most recently updated first, with their events (audit left out: see trip_view)."""
    q = select(TripRecord)
    if isinstance(review_status, str):
        q = q.where(TripRecord.review_status == review_status)
    elif review_status is not None:
        q = q.where(TripRecord.review_status.in_(list(review_status)))
    if person:
        q = q.where(TripRecord.person_id == person)
    if destination:
        q = q.where(TripRecord.destination == destination.upper())
    if bound is not None:
        q = q.where(TripRecord.bound.is_(bound))
    q = q.order_by(TripRecord.updated_at.desc(), TripRecord.id.desc()).limit(limit).offset(offset)
    with session_of(db) as s:
        trips = list(s.scalars(q))
        events = _events_of(s, [t.id for t in trips])
        return [_trip_view(t, events[t.id], []) for t in trips]


def list_articles(
    db: Engine | Session, *, status: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Articles seen, newest first: address, title, date, status, number of events."""
    q = (
        select(ArticleEntry, func.count(EventRecord.id))
        .outerjoin(EventRecord, EventRecord.article_id == ArticleEntry.id)
        .group_by(ArticleEntry.id)
        .order_by(ArticleEntry.id.desc())
        .limit(limit)
    )
    if status:
        q = q.where(ArticleEntry.status == status)
    with session_of(db) as s:
        return [
            {
                "id": a.id,
                "url": a.url,
                "title": a.title,
                "published": _iso(a.published),
                "language": a.language,
                "origin": a.origin,
                "feed": a.feed_url,
                "status": a.status,
                "content_hash": a.content_hash,
                "duplicate_of": a.duplicate_of,
                "error": a.error,
                "events": n,
            }
            for a, n in s.execute(q)
        ]


def feed_status(db: Engine | Session) -> list[dict[str, Any]]:
    """Each source polled: last poll, last success, next due time, consecutive failures."""

    def ts(v: dt.datetime | None) -> str | None:
        return v.isoformat(timespec="seconds") + "Z" if v else None

    with session_of(db) as s:
        return [
            {
                "url": f.url,
                "polls": f.polls,
                "last_polled_at": ts(f.last_polled_at),
                "last_ok_at": ts(f.last_ok_at),
                "next_due_at": ts(f.next_due_at),
                "failures": f.failures,
                "last_error": f.last_error,
            }
            for f in s.scalars(select(FeedState).order_by(FeedState.id))
        ]


def outbox_status(db: Engine | Session) -> dict[str, int]:
    """Counts of alerts delivered and waiting."""
    with session_of(db) as s:
        total = s.scalar(select(func.count(OutboxAlert.id))) or 0
        waiting = (
            s.scalar(select(func.count(OutboxAlert.id)).where(OutboxAlert.delivered_at.is_(None)))
            or 0
        )
    return {"queued": total, "delivered": total - waiting, "waiting": waiting}
