"""What happened before: earlier visits of this person, and of any suspect to this state.

The visit being assessed (same person, same host, within a week of the date) is listed
once it has happened (``"this_visit": true``): a trip the record shows under way or over on
the date is part of what happened. Only an announced trip is left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law.records import PersonRec, StateRec, TripRec
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.world import World

SAME_VISIT_WINDOW = dt.timedelta(days=7)


def visit_on(world: World, person: PersonRec, state: StateRec, on: dt.date) -> TripRec | None:
    """The recorded trip of ``person`` to ``state`` nearest ``on``, within a week of it."""
    best: tuple[int, TripRec] | None = None
    for t in world.trips_of(person.id):
        if t.destination != state.iso2:
            continue
        end = t.end or t.start
        gap = 0 if t.start <= on <= end else min(abs((t.start - on).days), abs((end - on).days))
        if gap <= SAME_VISIT_WINDOW.days and (best is None or gap < best[0]):
            best = (gap, t)
    return best[1] if best else None


def trip_fields(trip: TripRec) -> dict[str, Any]:
    """A trip's dates, place, occasion and outcome as the JSON contract writes them."""
    return {
        "trip_id": trip.id,
        "start": trip.start.isoformat(),
        "end": trip.end.isoformat() if trip.end else None,
        "precision": trip.precision,
        "place": trip.place,
        "occasion": trip.occasion,
        "outcome": trip.outcome,
        "verified": trip.fact.verified,
    }


def _entry(world: World, trip: TripRec, kind: str) -> dict[str, Any]:
    host = world.states.get(trip.destination)
    host_status = status_on(host, trip.start).status if host else "unknown"
    findings = world.findings_for_trip(trip.id)
    f = findings[0] if findings else None
    person = world.persons.get(trip.person)
    return {
        "kind": kind,
        "trip_id": trip.id,
        "person": {"id": trip.person, "name": person.name if person else trip.person},
        "state": {"iso2": trip.destination, "name": world.state_name(trip.destination)},
        **trip_fields(trip),
        "host_status_then": host_status,
        "finding": None
        if f is None
        else {
            "id": f.id,
            "decision_date": f.decision_date.isoformat(),
            "chamber": f.chamber,
            "referred_to": list(f.referred_to),
            "summary": f.summary,
        },
    }


def precedents(
    world: World, person: PersonRec, state: StateRec, on: dt.date
) -> list[dict[str, Any]]:
    """Earlier trips that bear on this one, oldest first."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()

    def same_visit(t: TripRec) -> bool:
        return (
            t.person == person.id
            and t.destination == state.iso2
            and abs((t.start - on).days) <= SAME_VISIT_WINDOW.days
        )

    visit = visit_on(world, person, state, on)
    if visit is not None and visit.start <= on and visit.outcome != "planned":
        out.append({**_entry(world, visit, "same_person"), "this_visit": True})
        seen.add(visit.id)
    for t in world.trips_of(person.id):
        if t.id in seen or t.start >= on or same_visit(t):
            continue
        host = world.states.get(t.destination)
        bound_then = host is not None and status_on(host, t.start).status == "party"
        if t.destination == state.iso2 or bound_then or world.findings_for_trip(t.id):
            out.append(_entry(world, t, "same_person"))
            seen.add(t.id)
    for t in world.trips_to(state.iso2):
        if t.id in seen or t.start >= on or same_visit(t):
            continue
        out.append(_entry(world, t, "same_state"))
        seen.add(t.id)
    for f in world.findings:
        if (
            f.state == state.iso2
            and f.decision_date < on
            and (f.trip is None or f.trip not in seen)
        ):
            out.append(
                {
                    "kind": "finding",
                    "trip_id": f.trip,
                    "person": {
                        "id": f.person,
                        "name": world.persons[f.person].name
                        if f.person in world.persons
                        else f.person,
                    },
                    "state": {"iso2": f.state, "name": world.state_name(f.state)},
                    "start": f.decision_date.isoformat(),
                    "outcome": "non_compliance_finding",
                    "verified": f.fact.verified,
                    "finding": {
                        "id": f.id,
                        "decision_date": f.decision_date.isoformat(),
                        "chamber": f.chamber,
                        "referred_to": list(f.referred_to),
                        "summary": f.summary,
                    },
                }
            )
    return sorted(out, key=lambda p: p["start"])
