"""Feeds: Atom parses in a feed reader's parser, iCalendar parses back with icalendar."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import xml.etree.ElementTree as ET

import feedparser
import icalendar
from sqlalchemy.orm import Session

from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.law.records import TripRec
from warrantwatch.law.world import World
from warrantwatch.reports.feeds import atom_feed, ics_feed

NOW = dt.datetime(2025, 10, 6, 12, tzinfo=dt.UTC)
ATOM = "{http://www.w3.org/2005/Atom}"


def with_trips(world: World, *trips: TripRec) -> World:
    fields = {f.name: getattr(world, f.name) for f in dataclasses.fields(world) if f.init}
    fields = {k: v for k, v in fields.items() if not k.startswith("_")}
    return World(**{**fields, "trips": world.trips + trips})


def planned(person: str, dest: str, start: dt.date) -> TripRec:
    return TripRec(
        id=f"{person}-{start.isoformat()}-{dest.lower()}",
        person=person,
        destination=dest,
        start=start,
        end=start + dt.timedelta(days=1),
        place="Capital",
        outcome="planned",
    )


def test_atom_is_valid_and_parses(world: World) -> None:
    data = atom_feed(world, now=NOW, base_url="https://watch.example.org")
    root = ET.fromstring(data)
    assert root.find(f"{ATOM}id") is not None and root.find(f"{ATOM}updated") is not None
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}id") is not None and entry.find(f"{ATOM}updated") is not None
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.get("bozo_exception")
    titles = [e.title for e in feed.entries]
    assert any("Vladimir Putin to Tajikistan" in t and "would be bound" in t for t in titles)
    assert all(calendar.timegm(e.updated_parsed) <= NOW.timestamp() for e in feed.entries)
    assert feed.feed.links[0].href == "https://watch.example.org/feeds/alerts.atom"


def test_atom_includes_planned_trips_and_monitor_alerts(fixture_kb: KnowledgeBase) -> None:
    from warrantwatch.monitor.tables import OutboxAlert, TripRecord

    with Session(fixture_kb.engine) as s, s.begin():
        trip = TripRecord(person_id="vladimir-putin", destination="HU", status="planned")
        s.add(trip)
        s.flush()
        s.add(
            OutboxAlert(
                dedup_key="t1",
                trip_id=trip.id,
                reason="new",
                title="Reported trip: Vladimir Putin to Hungary",
                body="Hungary would be bound.",
                payload={"sources": [{"url": "https://news.example.org/a"}]},
                created_at=dt.datetime(2025, 10, 1, 8, 0),
            )
        )
    w = with_trips(fixture_kb.world, planned("vladimir-putin", "MN", dt.date(2026, 3, 1)))
    feed = feedparser.parse(atom_feed(w, engine=fixture_kb.engine, now=NOW))
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert "Reported trip: Vladimir Putin to Hungary" in titles
    assert any(t.startswith("Trip announced: Vladimir Putin to Mongolia") for t in titles)
    alert = next(e for e in feed.entries if e.id.startswith("urn:warrantwatch:alert:"))
    assert alert.links[0].href == "https://news.example.org/a"


def test_ics_lists_expected_trips_to_bound_states_only(world: World) -> None:
    w = with_trips(
        world,
        planned("vladimir-putin", "MN", dt.date(2026, 3, 1)),  # State Party: bound
        planned("vladimir-putin", "RU", dt.date(2026, 4, 1)),  # not bound: left out
    )
    cal = icalendar.Calendar.from_ical(ics_feed(w, now=NOW))
    events = list(cal.walk("VEVENT"))
    summaries = [str(e["summary"]) for e in events]
    assert any("Mongolia" in s for s in summaries)
    assert not any("Russia" in s for s in summaries)
    mn = next(e for e in events if "Mongolia" in str(e["summary"]))
    assert mn.decoded("dtstart") == dt.date(2026, 3, 1)
    assert mn.decoded("dtend") == dt.date(2026, 3, 3)  # all-day, end exclusive
    assert str(mn["status"]) == "TENTATIVE" and str(mn["uid"]).endswith("@warrantwatch")
    assert "State Party" in str(mn["description"])
    assert str(cal["prodid"]) and str(cal["version"]) == "2.0"


def test_ics_includes_the_monitors_detected_trips(fixture_kb: KnowledgeBase) -> None:
    from warrantwatch.monitor.tables import TripRecord

    with Session(fixture_kb.engine) as s, s.begin():
        s.add(
            TripRecord(
                person_id="vladimir-putin",
                destination="HU",
                start_date=dt.date(2025, 11, 20),
                status="planned",
                bound=True,
                review_status="pending",
                assessment={
                    "person": {"name": "Vladimir Putin"},
                    "state": {"name": "Hungary"},
                    "explanation": "Hungary is a State Party.",
                },
            )
        )
        s.add(
            TripRecord(
                person_id="vladimir-putin",
                destination="HU",
                start_date=dt.date(2025, 12, 1),
                bound=True,
                review_status="rejected",
            )
        )
    data = ics_feed(fixture_kb.world, engine=fixture_kb.engine, now=NOW)
    cal = icalendar.Calendar.from_ical(data)
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert "Vladimir Putin expected in Hungary; Hungary would be bound to arrest" in summaries
    assert len([x for x in summaries if "Hungary" in x]) == 1  # the rejected one is left out
    assert any("Tajikistan" in x for x in summaries)  # the fixture's trip, two days ahead


def _detected(person: str, dest: str, start: dt.date, name: str, state: str) -> object:
    from warrantwatch.monitor.tables import TripRecord

    return TripRecord(
        person_id=person,
        destination=dest,
        start_date=start,
        status="planned",
        bound=True,
        review_status="pending",
        assessment={"person": {"name": name}, "state": {"name": state}, "explanation": "."},
    )


def test_ics_a_visit_of_several_days_is_one_event_of_several_days(
    fixture_kb: KnowledgeBase,
) -> None:
    """The record's 8-10 October stay and the monitor's day-by-day reports of it (9 and
    10 October) are one event from 8 to 10 October; a detected two-day stay elsewhere,
    reported once per day, is one event of two days."""
    with Session(fixture_kb.engine) as s, s.begin():
        s.add(
            _detected("vladimir-putin", "TJ", dt.date(2025, 10, 9), "Vladimir Putin", "Tajikistan")
        )
        s.add(
            _detected("vladimir-putin", "TJ", dt.date(2025, 10, 10), "Vladimir Putin", "Tajikistan")
        )
        s.add(_detected("vladimir-putin", "HU", dt.date(2025, 11, 20), "Vladimir Putin", "Hungary"))
        s.add(_detected("vladimir-putin", "HU", dt.date(2025, 11, 21), "Vladimir Putin", "Hungary"))
        s.add(_detected("vladimir-putin", "HU", dt.date(2025, 12, 20), "Vladimir Putin", "Hungary"))
    cal = icalendar.Calendar.from_ical(
        ics_feed(fixture_kb.world, engine=fixture_kb.engine, now=NOW)
    )
    events = list(cal.walk("VEVENT"))
    tj = [e for e in events if "Tajikistan" in str(e["summary"])]
    assert len(tj) == 1
    assert (tj[0].decoded("dtstart"), tj[0].decoded("dtend")) == (
        dt.date(2025, 10, 8),
        dt.date(2025, 10, 11),  # all-day events end the day after the last
    )
    assert str(tj[0]["status"]) == "CONFIRMED"  # the knowledge base's record leads
    hu = sorted(
        (e.decoded("dtstart"), e.decoded("dtend")) for e in events if "Hungary" in str(e["summary"])
    )
    assert hu == [
        (dt.date(2025, 11, 20), dt.date(2025, 11, 22)),
        (dt.date(2025, 12, 20), dt.date(2025, 12, 21)),  # a month later: another visit
    ]
