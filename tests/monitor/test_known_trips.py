"""An event about a trip the knowledge base records is linked to it, never reported as new."""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.world import World
from warrantwatch.monitor.known_trips import known_trip_id
from warrantwatch.monitor.model import Article
from warrantwatch.monitor.scanner import Scanner


def test_report_during_a_recorded_trip_is_linked_to_it(scanner: Scanner) -> None:
    text = "Vladimir Putin arrived in Dushanbe on Wednesday for a summit of CIS leaders."
    (ev,) = scanner.scan(Article(text=text, published=dt.date(2025, 10, 9), language="en"))
    assert (ev.destination_iso2, ev.status) == ("TJ", "occurred")
    assert ev.known_trip == "vladimir-putin-2025-10-tj"
    assert ev.as_dict()["known_trip"] == "vladimir-putin-2025-10-tj"


def test_a_new_trip_is_not_linked(scanner: Scanner) -> None:
    text = "Vladimir Putin will travel to Dushanbe on 20 November for talks."
    (ev,) = scanner.scan(Article(text=text, published=dt.date(2025, 11, 10), language="en"))
    assert ev.destination_iso2 == "TJ" and ev.known_trip is None


def test_rule_needs_person_place_nearness_and_a_covering_outcome(scan_world: World) -> None:
    day = dt.date(2024, 9, 3)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "occurred", day, None)
    # another destination, a date weeks away, an outcome that does not cover an arrest
    assert known_trip_id(scan_world, "vladimir-putin", "TJ", "occurred", day, None) is None
    far = dt.date(2024, 10, 20)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "occurred", far, None) is None
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "arrest", day, None) is None
    # without a day, the report's own date decides
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", None, day)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", None, None) is None
    # the report's own confirmed row does not count
    excl = "vladimir-putin-2024-09-mn"
    assert (
        known_trip_id(scan_world, "vladimir-putin", "MN", "occurred", day, None, exclude=excl)
        is None
    )


def test_an_undated_announcement_months_ahead_is_about_the_recorded_trip(
    scan_world: World,
) -> None:
    """Visits are announced months before: an undated "will visit Mongolia" published
    two months before the recorded visit is that visit; an arrival report is not
    stretched so far, nor is a report published after the trip."""
    before = dt.date(2024, 7, 10)  # the Mongolia trip of 2-3 September 2024
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", None, before)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "occurred", None, before) is None
    too_early = dt.date(2024, 3, 1)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", None, too_early) is None
    # a planned trip with its own day far from the recorded one is another trip
    other_day = dt.date(2024, 7, 20)
    assert (
        known_trip_id(scan_world, "vladimir-putin", "MN", "planned", other_day, before) is None
    )


def test_a_dated_plan_without_a_report_date_keeps_the_narrow_window(scan_world: World) -> None:
    """Without the report's date nothing says the day read is the announcement's own, so
    a planned day weeks before the recorded Mongolia visit is another trip."""
    day = dt.date(2024, 7, 20)
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", day, None) is None
    assert known_trip_id(scan_world, "vladimir-putin", "MN", "planned", day, day)
