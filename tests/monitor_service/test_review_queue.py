"""The review queue: confirm / correct / reject with an audit trail; confirmed trips join the KB."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page, rss

from warrantwatch.config import Settings
from warrantwatch.kb.repository import load_world
from warrantwatch.kb.service import build
from warrantwatch.kb.tables import FactSource, SourceRow, TripRow
from warrantwatch.law.summaries import person_summary
from warrantwatch.monitor import review
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.tables import AuditEntry

D = dt.date(2025, 10, 6)


@pytest.fixture
def found(make_settings: Callable[..., Settings], server: LocalServer) -> Monitor:
    """A monitor that has found one trip (two reports from two sites) and one undated trip."""
    server.routes["/a"] = Route(
        body=page("Trip", ["Visit ahead. [[trip vladimir-putin TJ 2025-11-20 planned]]"])
    )
    server.routes["/b"] = Route(
        body=page("Trip", ["Arrived. [[trip vladimir-putin TJ 2025-11-20 occurred]]"])
    )
    server.routes["/c"] = Route(
        body=page("Maybe", ["Some day. [[trip omar-al-bashir ZA - planned]]"])
    )
    items = [
        {"title": "Visit ahead", "link": server.url("/a"), "date": D},
        # a second "site": another host name for the same local server
        {"title": "Arrived", "link": f"http://localhost:{server.port}/b", "date": D},
        {"title": "Maybe", "link": server.url("/c"), "date": D},
    ]
    server.routes["/feed"] = Route(body=rss(items), content_type="application/rss+xml")
    m = Monitor(make_settings([{"url": server.url("/feed")}]), scanner=FakeScanner())
    m.run_round()
    return m


def trip_ids(m: Monitor) -> dict[str, int]:
    return {v.person_id: v.id for v in review.pending(m.engine)}


def test_pending_lists_new_trips(found: Monitor) -> None:
    views = review.pending(found.engine)
    assert {(v.person_id, v.destination) for v in views} == {
        ("vladimir-putin", "TJ"),
        ("omar-al-bashir", "ZA"),
    }
    putin = next(v for v in views if v.person_id == "vladimir-putin")
    assert putin.status == "occurred" and len(putin.events) == 2 and len(putin.sources) == 2
    assert putin.as_dict()["assessment"]["duty"] == "binding"


def test_confirm_puts_the_trip_in_the_knowledge_base(found: Monitor) -> None:
    tid = trip_ids(found)["vladimir-putin"]
    view = review.confirm(found.engine, tid, "alice", note="Checked against two reports.")
    assert view.review_status == "confirmed" and view.kb_trip_id
    assert view.audit[-1].editor == "alice" and view.audit[-1].action == "confirm"
    assert view.audit[-1].before["review_status"] == "pending"
    assert view.audit[-1].after["review_status"] == "confirmed"
    with Session(found.engine) as s:
        row = s.get(TripRow, view.kb_trip_id)
        assert row is not None and row.origin == "review" and row.outcome == "not_arrested"
        assert row.confidence == "high"  # two sites
        urls = set(
            s.scalars(
                select(SourceRow.url)
                .join(FactSource, FactSource.source_id == SourceRow.id)
                .where(FactSource.fact_table == "trips", FactSource.fact_key == row.id)
            )
        )
        world = load_world(s)
    assert len(urls) == 2
    trips = person_summary(world, world.persons["vladimir-putin"], D)["trips"]
    mine = [t for t in trips if t["id"] == view.kb_trip_id]
    assert mine and mine[0]["iso2"] == "TJ" and mine[0]["start"] == "2025-11-20"
    assert mine[0]["verified"] is True
    # the curated loader rebuilds around it
    build(found.engine, FIXTURE_DATA)
    with Session(found.engine) as s:
        assert s.get(TripRow, view.kb_trip_id) is not None
        assert {t.id for t in load_world(s).trips_of("vladimir-putin")} >= {view.kb_trip_id}
        assert len(load_world(s).trip(view.kb_trip_id).fact.sources) == 2  # type: ignore[union-attr]
    assert tid not in trip_ids(found).values()  # no longer pending


def test_correct_then_confirm_undated_trip(found: Monitor) -> None:
    tid = trip_ids(found)["omar-al-bashir"]
    with pytest.raises(review.ReviewError, match="no date"):
        review.confirm(found.engine, tid, "bob")
    view = review.correct(
        found.engine,
        tid,
        "bob",
        {"start_date": "2015-06-13", "status": "occurred", "place": "Johannesburg"},
        reason="Date from the summit programme",
    )
    assert view.start_date == dt.date(2015, 6, 13) and view.place == "Johannesburg"
    entry = view.audit[-1]
    assert entry.action == "correct" and entry.reason == "Date from the summit programme"
    assert entry.before["start_date"] is None and entry.after["start_date"] == "2015-06-13"
    confirmed = review.confirm(found.engine, tid, "bob")
    with Session(found.engine) as s:
        row = s.get(TripRow, confirmed.kb_trip_id)
        assert row is not None and row.start == dt.date(2015, 6, 13) and row.confidence == "medium"


def test_reject_removes_from_kb_and_is_audited(found: Monitor) -> None:
    tid = trip_ids(found)["vladimir-putin"]
    kb_id = review.confirm(found.engine, tid, "alice").kb_trip_id
    view = review.reject(found.engine, tid, "carol", "Misread: a different delegation")
    assert view.review_status == "rejected" and view.kb_trip_id is None
    with Session(found.engine) as s:
        assert s.get(TripRow, kb_id) is None
        assert not list(s.scalars(select(FactSource).where(FactSource.fact_key == kb_id)))
        actions = [a.action for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["confirm", "reject"]


def test_reject_event_recomputes_the_trip(found: Monitor) -> None:
    view = review.show(found.engine, trip_ids(found)["vladimir-putin"])
    occurred = next(e for e in view.events if e.status == "occurred")
    after = review.reject_event(found.engine, occurred.id, "dan", "The arrival was a rumour")
    assert after.status == "planned"
    assert after.audit[-1].action == "reject_event" and after.audit[-1].event_id == occurred.id


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "nothing to correct"),
        ({"colour": "red"}, "cannot correct colour"),
        ({"start_date": "9 Oct"}, "not a date"),
        ({"status": "maybe"}, "status must be"),
        ({"destination": "Tajikistan"}, "two-letter"),
        ({"destination": "QQ"}, "no state"),
        ({"person": "nobody"}, "no person"),
        ({"start_date": "2025-10-09", "end_date": "2025-10-01"}, "before the start"),
    ],
)
def test_bad_corrections_are_refused(found: Monitor, fields: dict, message: str) -> None:
    tid = trip_ids(found)["vladimir-putin"]
    with pytest.raises(review.ReviewError, match=message):
        review.correct(found.engine, tid, "eve", fields)
    assert review.show(found.engine, tid).audit == []  # nothing written


def test_unknown_trip_and_missing_editor(found: Monitor) -> None:
    with pytest.raises(review.ReviewError, match="no trip #999"):
        review.confirm(found.engine, 999, "alice")
    with pytest.raises(review.ReviewError, match="editor"):
        review.confirm(found.engine, trip_ids(found)["vladimir-putin"], " ")
    with pytest.raises(review.ReviewError, match="reason"):
        review.reject(found.engine, trip_ids(found)["vladimir-putin"], "alice", "")


def test_news_after_confirmation_sends_the_trip_back(found: Monitor, server: LocalServer) -> None:
    tid = trip_ids(found)["vladimir-putin"]
    kb_id = review.confirm(found.engine, tid, "alice").kb_trip_id
    server.routes["/d"] = Route(
        body=page("Cancelled", ["Called off. [[trip vladimir-putin TJ 2025-11-20 cancelled]]"])
    )
    items = [{"title": "Cancelled", "link": server.url("/d"), "date": D + dt.timedelta(days=5)}]
    server.routes["/feed"] = Route(body=rss(items), content_type="application/rss+xml")
    found.run_round(force=True)
    view = review.show(found.engine, tid)
    assert view.status == "cancelled" and view.review_status == "changed"
    assert tid in trip_ids(found).values()  # back in the queue
    with Session(found.engine) as s:
        assert s.get(TripRow, kb_id).outcome == "not_arrested"  # type: ignore[union-attr]
    review.confirm(found.engine, tid, "alice")
    with Session(found.engine) as s:
        assert s.get(TripRow, kb_id).outcome == "cancelled"  # type: ignore[union-attr]
        assert len(list(s.scalars(select(FactSource).where(FactSource.fact_key == kb_id)))) == 3


def test_correcting_the_destination_reassesses(found: Monitor) -> None:
    tid = trip_ids(found)["vladimir-putin"]
    assert review.show(found.engine, tid).bound is True
    view = review.correct(found.engine, tid, "alice", {"destination": "ru"})
    assert view.destination == "RU" and view.bound is False
    assert view.assessment is not None and view.assessment["state"]["iso2"] == "RU"
