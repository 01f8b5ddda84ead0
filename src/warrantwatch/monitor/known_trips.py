"""Is a reported trip one the knowledge base already records?

Real articles recall earlier trips all the time ("his first visit to an ICC member since
Mongolia"), and reports of a trip go on for days after it. Both the scanner (which labels
an event ``known_trip``) and the alerts (which stay silent on it) ask the same question, so
the rule lives here once: same person and destination, and the reported day inside the
recorded trip or within ``window`` days of it (without a day: the report's own date that
near, or for an announcement or a cancellation up to ``LEAD`` days before the trip), and a
recorded outcome that covers the reported status.
"""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.world import World

#: Knowledge-base outcomes that already record a trip in each reported status.
KNOWN_OUTCOMES = {
    "planned": {"planned", "not_arrested", "arrested", "cancelled", "did_not_attend"},
    "occurred": {"not_arrested", "arrested"},
    "cancelled": {"cancelled", "did_not_attend"},
    "arrest": {"arrested"},
}

#: Days around a recorded trip within which a report is taken to be about it.
WINDOW = 10

#: Days before a recorded trip within which an undated announcement or cancellation of a
#: trip to the same state is taken to be about it: state visits and summits are announced
#: months ahead (the Kremlin's visit to Tajikistan of October 2025 was reported in July,
#: the cancelled South African summit trip of August 2023 a month before).
LEAD = 120


def known_trip_id(
    world: World,
    person: str,
    destination: str,
    status: str,
    day: dt.date | None,
    reported: dt.date | None,
    *,
    window: int = WINDOW,
    exclude: str | None = None,
) -> str | None:
    """The id of the recorded trip this report is about, or None (``exclude``: a trip id
    that does not count, such as the report's own confirmed row, whose changes are news)."""
    span = dt.timedelta(days=window)
    lead = dt.timedelta(days=LEAD if status in ("planned", "cancelled") else window)
    for kt in world.trips_of(person):
        if kt.destination != destination or kt.id == exclude:
            continue
        if kt.outcome not in KNOWN_OUTCOMES.get(status, set()):
            continue
        end = kt.end or kt.start
        if day is not None:
            # an announcement's or a cancellation's own day often stands in for the trip's
            # ("said on Wednesday he will not attend"): weeks before the trip it is that trip
            before = lead if reported is not None and day <= reported else span
            near = kt.start - before <= day <= end + span
        else:
            near = reported is not None and kt.start - lead <= reported <= end + span
        if near:
            return kt.id
    return None


def recorded_day(
    world: World, person: str, destination: str, month: int, day: int, *, slack: int = 2
) -> dt.date | None:
    """The day of a recorded trip of ``person`` to ``destination`` that falls on ``day``
    ``month`` (within ``slack`` days), for a text that names the day but no year at all.

    "Arrives in Ulaanbaatar on 3 September", in a page without a date or a year, cannot
    be placed by reading alone; if the knowledge base records that trip, the text is
    about it, and the event is linked to it as known. Nothing is guessed otherwise.
    """
    span = dt.timedelta(days=slack)
    for kt in world.trips_of(person):
        if kt.destination != destination:
            continue
        end = kt.end or kt.start
        for year in range(kt.start.year, end.year + 1):
            try:
                cand = dt.date(year, month, day)
            except ValueError:
                continue
            if kt.start - span <= cand <= end + span:
                return cand
    return None
