"""The person's timeline: a legend, and a trip not made is not drawn as a visit."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from warrantwatch.law.explain import LAPSED_WORDS, outcome_phrase
from warrantwatch.law.records import PersonRec, WarrantRec
from warrantwatch.law.wording import office_span
from warrantwatch.web.timeline import timeline_legend, timeline_svg, trip_kind

PERSON = PersonRec(
    id="x",
    name="X",
    warrants=(
        WarrantRec(id="x-1", kind="arrest_warrant", situation="s", issued=dt.date(2020, 1, 1)),
    ),
)


def trip(outcome: str, bound: bool = True, day: int = 1) -> dict[str, object]:
    return {
        "start": dt.date(2021, 3, day),
        "state": "Somewhere",
        "iso2": "ZZ",
        "outcome": outcome,
        "bound": bound,
    }


def test_a_trip_not_made_has_its_own_mark() -> None:
    assert trip_kind(trip("did_not_attend")) == "not_made"
    assert trip_kind(trip("cancelled")) == "not_made"
    assert trip_kind(trip("not_arrested")) == "bound"
    assert trip_kind(trip("not_arrested", bound=False)) == "visit"
    svg = str(
        timeline_svg(
            PERSON, [trip("did_not_attend"), trip("not_arrested", day=9)], dt.date(2022, 1, 1)
        )
    )
    assert svg.count('class="trip not_made"') == 2  # hollow circle and its cross
    assert svg.count('class="trip bound"') == 1
    assert "did not attend" in svg


def test_the_legend_counts_visits_apart_from_trips_not_made() -> None:
    legend = str(timeline_legend([trip("did_not_attend"), trip("not_arrested"), trip("arrested")]))
    assert "visit to a state bound to arrest on that date (2)" in legend
    assert "trip announced and not made (did not attend, cancelled) (1)" in legend
    assert "warrant or summons issued" in legend
    assert "not bound" not in legend  # no mark of that kind, no line for it


def test_office_dates_and_lapsed_plans_in_words() -> None:
    assert office_span(dt.date(2012, 5, 7), None) == "since 7 May 2012"
    assert office_span(None, dt.date(2000, 5, 7)) == "until 7 May 2000"
    assert office_span(dt.date(2008, 5, 8), dt.date(2012, 5, 7)) == "from 8 May 2008 to 7 May 2012"
    assert office_span(None, None) == "dates not recorded"
    today = dt.date(2026, 6, 1)
    assert outcome_phrase("planned", dt.date(2026, 1, 1), None, today) == LAPSED_WORDS
    assert outcome_phrase("planned", dt.date(2026, 9, 1), None, today) != LAPSED_WORDS


def test_person_page_has_legend_and_since(client: TestClient) -> None:
    html = client.get("/persons/putin").text
    assert 'class="legend timeline-legend"' in html
    assert "President of Russia (head of state, Russia): since 7 May 2012" in html
    assert "start unknown" not in html and "– present" not in html
