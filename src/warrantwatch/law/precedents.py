"""What happened before: earlier visits of this person, and of any suspect to this state.

The visit being assessed (same person, same host, within a week of the date) is not
its own precedent, so it is left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law.records import PersonRec, StateRec, TripRec
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.world import World

SAME_VISIT_WINDOW = dt.timedelta(days=7)


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
        "start": trip.start.isoformat(),
        "end": trip.end.isoformat() if trip.end else None,
        "precision": trip.precision,
        "place": trip.place,
        "occasion": trip.occasion,
        "outcome": trip.outcome,
        "host_status_then": host_status,
        "verified": trip.fact.verified,
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

    for t in world.trips_of(person.id):
        if t.start >= on or same_visit(t):
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
