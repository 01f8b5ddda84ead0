"""The answers, consistent and complete (issue 12): the visit on the date, future dates,
withdrawals only announced, the person named once per sentence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.law.explain import explain
from warrantwatch.law.obligations import assess
from warrantwatch.law.world import World

ON = dt.date(2025, 10, 9)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The bundled knowledge base (the real record), built once on SQLite."""
    path: Path = tmp_path_factory.mktemp("bundled") / "ww.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{path}")).world


def test_visit_on_the_date_is_said_and_listed(bundled: World) -> None:
    a = assess(bundled, bundled.persons["vladimir-putin"], bundled.states["TJ"], ON)
    assert a.visit is not None and a.visit["outcome"] == "not_arrested"
    assert a.visit["start"] == "2025-10-08" and a.visit["end"] == "2025-10-10"
    assert (
        "The record holds a visit of Vladimir Putin to Tajikistan (Dushanbe) from 8 to "
        "10 October 2025: no arrest was made." in a.explanation
    )
    this = [p for p in a.precedents if p.get("this_visit")]
    assert len(this) == 1 and this[0]["state"]["iso2"] == "TJ"
    assert "(the visit on this date)" in a.explanation
    assert a.explanation.count("What happened before") == 1
    assert a.as_dict()["visit"]["trip_id"] == this[0]["trip_id"]


def test_conclusion_names_the_person_once(bundled: World) -> None:
    a = assess(bundled, bundled.persons["vladimir-putin"], bundled.states["TJ"], ON)
    conclusion = next(p for p in a.explanation.split("\n\n") if p.startswith("Conclusion"))
    assert conclusion.count("Vladimir Putin") == 1
    assert "must arrest and surrender Vladimir Putin to the Court" in conclusion


def test_future_date_gets_a_caveat(bundled: World) -> None:
    p, s = bundled.persons["vladimir-putin"], bundled.states["TJ"]
    later = assess(bundled, p, s, dt.date(2030, 1, 1), today=dt.date(2026, 12, 1))
    assert any("1 January 2030 is in the future" in c for c in later.caveats)
    assert "as of 1 December 2026" in later.explanation
    now = assess(bundled, p, s, ON, today=dt.date(2026, 12, 1))
    assert not any("in the future" in c for c in now.caveats)


def test_withdrawal_announced_not_notified(bundled: World) -> None:
    p, hu = bundled.persons["benjamin-netanyahu"], bundled.states["HU"]
    may = assess(bundled, p, hu, dt.date(2025, 5, 1))
    assert may.duty == "binding" and may.treaty.status == "party"
    assert any(
        "announced on 3 April 2025" in c and "only a notification starts" in c for c in may.caveats
    )
    july = assess(bundled, p, hu, dt.date(2025, 7, 1))  # notified on 2 June 2025
    assert not any("announced on" in c for c in july.caveats)


def test_past_announced_trip_says_nothing_is_known(world: World) -> None:
    person, state = world.persons["vladimir-putin"], world.states["TJ"]
    trip = next(t for t in world.trips_of(person.id) if t.destination == "TJ")
    planned = dataclasses.replace(trip, outcome="planned")
    trips = tuple(planned if t.id == trip.id else t for t in world.trips)
    # fresh indexes: the session-wide world must not see the changed trip
    w = dataclasses.replace(world, trips=trips, _trips_by_person={}, _trips_by_state={})
    a = assess(w, w.persons[person.id], state, ON)
    assert not [p for p in a.precedents if p.get("this_visit")]  # not a precedent
    assert "what became of it is not on record" in explain(w, a)


def test_philippines_after_withdrawal_is_contested(bundled: World) -> None:
    """Duterte's warrant (7 March 2025) before his surrender: the art. 127(2) question is shown
    as contested with the rulings made by then, not as a plain "no treaty duty"."""
    p, ph = bundled.persons["rodrigo-duterte"], bundled.states["PH"]
    a = assess(bundled, p, ph, dt.date(2025, 3, 10))
    q = next(c for c in a.contested if c["question"] == "art_127_2_withdrawal")
    # the rulings made by that date only (the 23 October 2025 decision came later)
    assert {r["date"] for r in q["court_rulings"]} == {"2021-09-15", "2023-07-18"}
    assert "no treaty duty" not in a.explanation
    assert "Contested (art. 127(2))" in a.explanation
    assert any(c.get("ref") == "127(2)" for c in a.as_dict()["citations"])


def test_palestine_2009_declaration_says_what_became_of_it(bundled: World) -> None:
    from warrantwatch.reports.record import state_briefing
    from warrantwatch.reports.render import render_markdown

    ps = bundled.states["PS"]
    en = render_markdown(state_briefing(bundled, ps, ON, "en"))
    fr = render_markdown(state_briefing(bundled, ps, ON, "fr"))
    assert (
        "lodged on 22 January 2009, for acts from 1 July 2002: no situation before the Court "
        "rests on it." in en
    )
    assert "an open end" not in en and "for —" not in en
    assert "for acts from 13 June 2014 onwards" in en
    assert "déposée le 22 janvier 2009, pour les faits commis depuis le 1er juillet 2002" in fr
    assert "Palestine and the Rome Statute" in en and "l'État de Palestine" in fr
