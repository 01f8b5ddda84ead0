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


def test_fields_kept_as_reports_come_equal_the_fields_of_the_latest_report() -> None:
    """attach_bulk keeps a trip's fields up to date one report at a time (Latest); after
    every report they must be what the rule gives over all reports so far: status of
    the latest final report (else planned), date and place of the latest dated and
    placed one, highest confidence, latest publication; rejected reports ignored."""
    import random

    from warrantwatch.monitor.grouping import FINAL_STATUSES, Latest
    from warrantwatch.monitor.tables import TripRecord

    rnd = random.Random(14)
    for _ in range(30):
        trip = TripRecord(status="planned", confidence=0.0, locked=False)
        latest, seen = Latest(), []
        for i in rnd.sample(range(1, 60), 25):  # arrival order is not id order
            ev = EventRecord(
                id=i,
                status=rnd.choice(["planned", "planned", *sorted(FINAL_STATUSES)]),
                start_date=rnd.choice([None, dt.date(2025, 1, 1) + dt.timedelta(rnd.randrange(9))]),
                place=rnd.choice([None, "", "Dushanbe", "Khujand"]),
                confidence=rnd.random(),
                published=rnd.choice([None, dt.date(2025, 1, 1) + dt.timedelta(rnd.randrange(5))]),
                created_at=dt.datetime(2025, 1, 1 + rnd.randrange(3)),
                rejected=rnd.random() < 0.2,
            )
            seen.append(ev)
            latest.add(ev)
            latest.apply(trip)
            live = sorted(
                (e for e in seen if not e.rejected),
                key=lambda e: (e.published or e.created_at.date(), e.id),
            )
            if not live:
                continue
            finals = [e for e in live if e.status in FINAL_STATUSES]
            assert trip.status == (finals[-1].status if finals else "planned")
            dated = [e for e in live if e.start_date]
            if dated:
                assert trip.start_date == dated[-1].start_date
            placed = [e for e in live if e.place]
            if placed:
                assert trip.place == placed[-1].place
            assert trip.confidence == max(e.confidence for e in live)
            published = [e.published for e in live if e.published]
            if published:
                assert trip.last_reported == max(published)
