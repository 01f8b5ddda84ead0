"""Grouping events into trips: same person, destination and date window; status follows news."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from warrantwatch.config import Settings
from warrantwatch.kb.database import open_engine
from warrantwatch.monitor.grouping import attach
from warrantwatch.monitor.tables import ArticleEntry, EventRecord, utcnow


@pytest.fixture
def session(make_settings: Callable[..., Settings]):  # type: ignore[no-untyped-def]
    engine = open_engine(make_settings().database_url)
    with Session(engine) as s:
        s.add(ArticleEntry(id=1, url_hash="h", url="http://a/", status="done", attempts=1))
        s.flush()
        yield s
        s.rollback()


def event(
    s: Session,
    dest: str = "TJ",
    start: dt.date | None = dt.date(2025, 10, 9),
    status: str = "planned",
    published: dt.date = dt.date(2025, 10, 1),
    person: str = "vladimir-putin",
    conf: float = 0.9,
) -> EventRecord:
    ev = EventRecord(
        article_id=1,
        person_id=person,
        destination=dest,
        start_date=start,
        status=status,
        evidence="...",
        confidence=conf,
        published=published,
        rejected=False,
        created_at=utcnow(),
    )
    s.add(ev)
    s.flush()
    return ev


def test_same_trip_within_window(session: Session) -> None:
    [c1] = attach(session, [event(session)], window=10)
    [c2] = attach(session, [event(session, start=dt.date(2025, 10, 12))], window=10)
    assert c1.created and not c2.created and c1.trip.id == c2.trip.id
    assert c2.fields == {"start_date"} | (c2.fields & {"last_reported", "confidence"})
    assert c2.trip.start_date == dt.date(2025, 10, 12)  # the latest report's date


def test_other_window_destination_or_person_is_another_trip(session: Session) -> None:
    [base] = attach(session, [event(session)], window=10)
    others = [
        event(session, start=dt.date(2025, 11, 20)),
        event(session, dest="MN"),
        event(session, person="omar-al-bashir"),
    ]
    changes = attach(session, others, window=10)
    assert all(c.created for c in changes)
    assert base.trip.id not in {c.trip.id for c in changes}


def test_undated_report_joins_the_recent_trip(session: Session) -> None:
    [base] = attach(session, [event(session)], window=10)
    [c] = attach(session, [event(session, start=None, published=dt.date(2025, 10, 5))], window=10)
    assert c.trip.id == base.trip.id and c.trip.start_date == dt.date(2025, 10, 9)


def test_status_follows_the_latest_news(session: Session) -> None:
    [c] = attach(session, [event(session)], window=10)
    trip = c.trip
    attach(session, [event(session, status="cancelled", published=dt.date(2025, 10, 5))], 10)
    assert trip.status == "cancelled"
    attach(session, [event(session, status="planned", published=dt.date(2025, 10, 6))], 10)
    assert trip.status == "cancelled"  # a plain "planned" does not undo it
    attach(session, [event(session, status="occurred", published=dt.date(2025, 10, 10))], 10)
    assert trip.status == "occurred"
    # an older report arriving late does not override a newer one
    attach(session, [event(session, status="cancelled", published=dt.date(2025, 10, 2))], 10)
    assert trip.status == "occurred"


def test_locked_trip_keeps_the_reviewers_values(session: Session) -> None:
    [c] = attach(session, [event(session)], window=10)
    c.trip.locked = True
    c.trip.status = "planned"
    attach(session, [event(session, status="occurred", published=dt.date(2025, 10, 10))], 10)
    assert c.trip.status == "planned"
