"""Database tables of the monitor service (migration ``0002``).

They sit beside the knowledge base, never inside it: what the monitor reads and
infers (articles, events, trips, alerts) stays here until a person confirms a trip
in review, which then copies it into the knowledge base's ``trips`` table with its
sources. Times are naive UTC (``utcnow``), the same on SQLite and PostgreSQL.
Addresses are indexed through their SHA-256 (``url_hash``) since a URL may be
longer than an index entry allows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from warrantwatch.kb.tables import Base


def utcnow() -> dt.datetime:
    """Now, as naive UTC (what every monitor timestamp column holds)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class FeedState(Base):
    """What the monitor remembers about one configured source between polls."""

    __tablename__ = "monitor_feeds"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(String(100))
    content_hash: Mapped[str | None] = mapped_column(String(64))  # pages: last text seen
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    next_due_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    polls: Mapped[int] = mapped_column(Integer, default=0)
    # migration 0005: what the Sources page shows, and the user's choices
    source_id: Mapped[str | None] = mapped_column(String(200), index=True)
    kind: Mapped[str | None] = mapped_column(String(20))
    name: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(String(20))  # config|catalogue|query|user
    tier: Mapped[str | None] = mapped_column(String(20))
    language: Mapped[str | None] = mapped_column(String(20))
    publisher: Mapped[str | None] = mapped_column(Text)
    interval: Mapped[int | None] = mapped_column(Integer)
    enabled: Mapped[bool | None] = mapped_column(Boolean)  # None: as configured
    items_seen: Mapped[int] = mapped_column(Integer, default=0)


class ArticleEntry(Base):
    """One article seen by the monitor; ``status`` pending -> done | duplicate | failed."""

    __tablename__ = "monitor_articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    feed_url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="feed")  # feed|page|backfill
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(20))
    summary: Mapped[str | None] = mapped_column(Text)  # the feed's text, a fallback
    text: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("monitor_articles.id"))
    status: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    publisher: Mapped[str | None] = mapped_column(Text)  # 0005: who published it (independence)
    source_tier: Mapped[str | None] = mapped_column(String(20))  # 0005: tier of its source
    #: 0008: which process is scanning it, until when (a crashed one's lease runs out)
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)


class TripRecord(Base):
    """Reports of one trip grouped together; its status follows the latest report."""

    __tablename__ = "monitor_trips"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String(100))
    destination: Mapped[str] = mapped_column(String(2))
    place: Mapped[str | None] = mapped_column(String(300))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    outcome: Mapped[str | None] = mapped_column(String(30))  # reviewer's override
    occasion: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    first_seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_reported: Mapped[dt.date | None] = mapped_column(Date)
    review_status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    kb_trip_id: Mapped[str | None] = mapped_column(String(160))
    locked: Mapped[bool] = mapped_column(Boolean, default=False)  # corrected: news won't override
    bound: Mapped[bool | None] = mapped_column(Boolean)
    assessment: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    alerted_status: Mapped[str | None] = mapped_column(String(20))
    alerted_start: Mapped[dt.date | None] = mapped_column(Date)
    alerted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


Index("ix_monitor_trips_match", TripRecord.person_id, TripRecord.destination)


class EventRecord(Base):
    """One trip event the scanner found in one article (the evidence of a trip)."""

    __tablename__ = "monitor_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("monitor_articles.id", ondelete="CASCADE"), index=True
    )
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_trips.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(100))
    destination: Mapped[str] = mapped_column(String(2))
    place: Mapped[str | None] = mapped_column(String(300))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20))
    evidence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(20))
    published: Mapped[dt.date | None] = mapped_column(Date)
    duty: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class ContactRecord(Base):
    """Reports of one contact grouped together (migration 0007): the same meeting reported
    by many articles is one. Reviewed like trips; confirmed ones join the knowledge base."""

    __tablename__ = "monitor_contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(2))
    office: Mapped[str] = mapped_column(String(30))
    official_id: Mapped[str | None] = mapped_column(String(160))
    official_name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20), default="occurred")
    place: Mapped[str | None] = mapped_column(String(300))
    place_state: Mapped[str | None] = mapped_column(String(2))
    date: Mapped[dt.date | None] = mapped_column(Date)
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    state_party: Mapped[bool | None] = mapped_column(Boolean)
    first_seen_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_reported: Mapped[dt.date | None] = mapped_column(Date)
    review_status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    kb_contact_id: Mapped[str | None] = mapped_column(String(160))
    alerted_status: Mapped[str | None] = mapped_column(String(20))
    alerted_date: Mapped[dt.date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer, default=1)


Index("ix_monitor_contacts_match", ContactRecord.person_id, ContactRecord.state)


class ContactEventRecord(Base):
    """One contact the scanner found in one article (the evidence of a contact)."""

    __tablename__ = "monitor_contact_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("monitor_articles.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_contacts.id"), index=True)
    person_id: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(2))
    office: Mapped[str] = mapped_column(String(30))
    official_id: Mapped[str | None] = mapped_column(String(160))
    official_name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    status: Mapped[str] = mapped_column(String(20))
    place: Mapped[str | None] = mapped_column(String(300))
    place_state: Mapped[str | None] = mapped_column(String(2))
    date: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    language: Mapped[str | None] = mapped_column(String(20))
    published: Mapped[dt.date | None] = mapped_column(Date)
    state_status: Mapped[str | None] = mapped_column(String(20))
    rejected: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class OutboxAlert(Base):
    """An alert decided in the same transaction as the trip change that calls for it.

    Delivery happens after commit, per target (``AlertDelivery``), so a crash between
    the two loses nothing: the next run finds the undelivered row and sends it.
    """

    __tablename__ = "monitor_outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dedup_key: Mapped[str] = mapped_column(String(100), unique=True)
    # a trip's alert, or (migration 0007) a planned contact's, on the "contacts" channel
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_trips.id"), index=True)
    channel: Mapped[str] = mapped_column(String(20), default="trips", server_default="trips")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_contacts.id"), index=True)
    reason: Mapped[str] = mapped_column(String(20))  # new | status | date
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)


class AlertDelivery(Base):
    """One alert delivered to one target (the SHA-256 of its Apprise URL, never the URL)."""

    __tablename__ = "monitor_deliveries"
    outbox_id: Mapped[int] = mapped_column(
        ForeignKey("monitor_outbox.id", ondelete="CASCADE"), primary_key=True
    )
    target: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: None while a send is in progress or its outcome is unknown (a crash mid-send)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    #: 0008: when the last send began, written *before* sending
    attempted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who did what to which trip or event in review, when, with the values before and after."""

    __tablename__ = "monitor_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    editor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))
    trip_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_trips.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_events.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("monitor_contacts.id"))  # 0007
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)


class DigestState(Base):
    """When each digest target last had its digest (migration 0005)."""

    __tablename__ = "monitor_digests"
    target: Mapped[str] = mapped_column(String(64), primary_key=True)
    period: Mapped[str] = mapped_column(String(10), primary_key=True)
    last_sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_alert_id: Mapped[int] = mapped_column(Integer, default=0)


class BackfillUnit(Base):
    """A unit of an archive file that a backfill stored (migration 0009): written in the
    transaction of the unit's articles, so a run stopped halfway and run again skips
    exactly what was committed (see :mod:`warrantwatch.monitor.archives`)."""

    __tablename__ = "monitor_backfill_units"
    file_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit: Mapped[str] = mapped_column(String(100), primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    records: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


MONITOR_TABLES: tuple[type[Base], ...] = (
    BackfillUnit,
    DigestState,
    AuditEntry,
    AlertDelivery,
    OutboxAlert,
    ContactEventRecord,
    ContactRecord,
    EventRecord,
    TripRecord,
    ArticleEntry,
    FeedState,
)
