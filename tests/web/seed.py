"""Put reports into the monitor's tables the way the monitor does (through ``ingest``).

The texts are written for these tests and are fictional; one carries markup, to show
that pages escape or sanitise whatever comes from the news.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.monitor import store
from warrantwatch.monitor.model import Article, ContactEvent, TripEvent
from warrantwatch.monitor.service import RoundReport, ingest

HOSTILE = 'Jane Roe is expected in Burkina Faso <script>alert("x")</script><b>next week</b>.'


def report_trip(
    kb: KnowledgeBase,
    settings: Settings,
    *,
    person: str,
    iso2: str,
    start: dt.date,
    evidence: str,
    url: str,
    title: str = "Fixture report",
    status: str = "planned",
    confidence: float = 0.9,
) -> None:
    """One article reporting one trip, ingested as the monitor would."""
    event = TripEvent(
        person=person,
        destination_iso2=iso2,
        status=status,  # type: ignore[arg-type]
        evidence=evidence,
        confidence=confidence,
        start_date=start,
        url=url,
        title=title,
        language="en",
    )
    _ingest(kb, settings, url, title, start - dt.timedelta(days=3), evidence, [event], [])


def _ingest(
    kb: KnowledgeBase,
    settings: Settings,
    url: str,
    title: str,
    published: dt.date,
    evidence: str,
    trips: list[TripEvent],
    contacts: list[ContactEvent],
) -> None:
    """Ingest one article with the events a scanner would have found in it."""
    with Session(kb.engine) as s, s.begin():
        entry = store.add_pending(s, url, title=title, published=published)
        assert entry is not None
        article = Article(text=evidence + f" ({url})", url=url, title=title, language="en")
        ingest(
            s,
            entry,
            article,
            lambda _a: trips,
            world=kb.world,
            settings=settings,
            report=RoundReport(),
            suppress=True,
            contacts=(lambda _a: contacts) if contacts else None,
        )


def seed_reports(kb: KnowledgeBase, settings: Settings) -> None:
    report_trip(
        kb,
        settings,
        person="vladimir-putin",
        iso2="TJ",
        start=dt.date(2031, 10, 9),
        evidence="The fixture agency reports that Vladimir Putin plans to visit Dushanbe "
        "on 9 October 2031.",
        url="http://127.0.0.1:9/fixture/putin-tj",
        title="Fixture agency: planned visit",
    )
    report_trip(
        kb,
        settings,
        person="jane-roe",
        iso2="BF",
        start=dt.date(2031, 11, 2),
        evidence=HOSTILE,
        url="http://127.0.0.1:9/fixture/roe-bf",
        title="Fixture <i>weekly</i>",
        confidence=0.7,
    )


def report_contact(
    kb: KnowledgeBase,
    settings: Settings,
    *,
    person: str,
    iso2: str,
    day: dt.date,
    evidence: str,
    url: str,
    official_name: str,
    title: str = "Fixture report",
    status: str = "occurred",
) -> None:
    """One article reporting one contact, ingested as the monitor would (no trip in it)."""
    event = ContactEvent(
        person=person,
        state=iso2,
        office="head_of_state",
        kind="meeting",
        status=status,  # type: ignore[arg-type]
        evidence=evidence,
        confidence=0.9,
        official_name=official_name,
        date=day,
        url=url,
        title=title,
        published=day,
        language="en",
        state_status="party",
        state_party=True,
    )
    _ingest(kb, settings, url, title, day, evidence, [], [event])
