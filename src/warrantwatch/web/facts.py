"""What the pages state, gathered from the knowledge base as plain dicts.

Pages and the API share these helpers so that both say the same thing; the legal
reasoning stays in :mod:`warrantwatch.law`, this module only selects and arranges.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps
from threading import Lock
from typing import Any, ParamSpec, TypeVar

from warrantwatch.law import warrants as wr
from warrantwatch.law.explain import outcome_phrase
from warrantwatch.law.obligations import _duty_for  # the engine's own basis test, per warrant
from warrantwatch.law.records import (
    ContactRec,
    PersonRec,
    SourceRef,
    StateRec,
    TripRec,
    best_first,
    only_tier6,
)
from warrantwatch.law.treaty_status import TreatyStatus, status_on
from warrantwatch.law.world import World
from warrantwatch.reports.contacts import contact_json, policy_json, since_warrant
from warrantwatch.web.worldmap import Paint

P = ParamSpec("P")
R = TypeVar("R")


def per_world_cache(maxsize: int) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """LRU cache for functions of ``(world, *hashable)``: a :class:`World` holds dicts and
    is not hashable, so it is keyed by identity (and kept alive in the entry, so an id
    is never reused while cached). A reload makes a new World, hence fresh entries."""

    def deco(fn: Callable[P, R]) -> Callable[P, R]:
        store: OrderedDict[tuple[Any, ...], tuple[Any, R]] = OrderedDict()
        lock = Lock()

        @wraps(fn)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            world, rest = args[0], args[1:]
            key = (id(world), *rest)
            with lock:
                hit = store.get(key)
                if hit is not None and hit[0] is world:
                    store.move_to_end(key)
                    return hit[1]
            value = fn(*args, **kwargs)
            with lock:
                store[key] = (world, value)
                while len(store) > maxsize:
                    store.popitem(last=False)
            return value

        return wrapper

    return deco


STATUS_CLASSES: dict[str, str] = {
    "party": "State Party",
    "withdrawing": "State Party, withdrawal pending",
    "not_yet_party": "Ratified, not yet in force",
    "withdrawn": "Withdrew",
    "signatory": "Signed, not ratified",
    "non_party": "Not a party",
    "nodata": "Not in the data (territory or dependency)",
}
OWED_CLASSES: dict[str, str] = {
    "owed": "Must arrest and surrender",
    "notowed": "No duty to arrest",
    "nodata": "Not in the data (territory or dependency)",
}


def status_class(ts: TreatyStatus) -> str:
    if ts.status == "party":
        return "withdrawing" if ts.pending_withdrawal else "party"
    if ts.status == "non_party" and ts.signed and not ts.signature_withdrawn:
        return "signatory"
    return ts.status


@per_world_cache(512)
def status_classes(world: World, on: dt.date) -> dict[str, str]:
    return {iso2: status_class(status_on(s, on)) for iso2, s in world.states.items()}


def status_paint(world: World, on: dt.date):  # type: ignore[no-untyped-def]
    classes = status_classes(world, on)

    def paint(iso2: str, ne_name: str) -> Paint:
        css = classes.get(iso2)
        if css is None:
            return Paint("s-nodata", f"{ne_name}: {STATUS_CLASSES['nodata']}", None)
        name = world.state_name(iso2)
        return Paint(f"s-{css}", f"{name}: {STATUS_CLASSES[css]}", f"/states/{iso2}")

    return paint


@per_world_cache(512)
def owed_states(world: World, person: PersonRec, on: dt.date) -> frozenset[str]:
    """States that must arrest and surrender ``person`` if found there on ``on``
    (the map of the person and ``where`` page: one answer, from :func:`law.where.where`)."""
    from warrantwatch.law.where import where

    return frozenset(s.state.iso2 for s in where(world, person, on).bound)


def owed_paint(world: World, person: PersonRec, on: dt.date):  # type: ignore[no-untyped-def]
    owed = owed_states(world, person, on)
    day = on.isoformat()

    def paint(iso2: str, ne_name: str) -> Paint:
        if iso2 not in world.states:
            return Paint("s-nodata", f"{ne_name}: {OWED_CLASSES['nodata']}", None)
        css = "owed" if iso2 in owed else "notowed"
        label = f"{world.state_name(iso2)}: {OWED_CLASSES[css]}"
        return Paint(f"s-{css}", label, f"/assess/{person.id}/{iso2}/{day}")

    return paint


def years_between(start: dt.date, end: dt.date) -> float:
    return round((end - start).days / 365.25, 1)


def at_large(world: World, on: dt.date) -> list[dict[str, Any]]:
    """Persons with an outstanding warrant and not in custody, longest at large first."""
    rows = []
    for p in world.persons.values():
        status = wr.custody_status(p, on)
        out = wr.outstanding(p, on)
        if status != "at_large" or not out:
            continue
        since = min(w.issued for w in out)
        rows.append(
            {
                "id": p.id,
                "name": p.name,
                "since": since,
                "years": years_between(since, on),
                "warrants": len(out),
                "situations": sorted({w.situation for w in out}),
                "verified": all(w.fact.verified for w in out),
            }
        )
    return sorted(rows, key=lambda r: r["since"])


def trip_row(world: World, t: TripRec) -> dict[str, Any]:
    host = world.states.get(t.destination)
    ts = status_on(host, t.start) if host else None
    person = world.persons.get(t.person)
    bound = False
    if host is not None and person is not None and ts is not None:
        bound = any(
            _duty_for(world, host, ts, w, t.start).bases for w in wr.outstanding(person, t.start)
        )
    return {
        "id": t.id,
        "person_id": t.person,
        "person": person.name if person else t.person,
        "iso2": t.destination,
        "state": world.state_name(t.destination),
        "start": t.start,
        "end": t.end,
        "precision": t.precision,
        "place": t.place,
        "occasion": t.occasion,
        "outcome": t.outcome,
        "outcome_words": outcome_phrase(t.outcome, t.start, t.end, dt.date.today()),
        "host_status": ts.status if ts else "unknown",
        "bound": bound,
        "verified": t.fact.verified,
        "tier6_only": only_tier6(t.fact.sources),
        "findings": [
            {"id": f.id, "decision_date": f.decision_date, "chamber": f.chamber}
            for f in world.findings_for_trip(t.id)
        ],
        "sources": list(t.fact.sources),
    }


@per_world_cache(64)
def trips_to_bound_states(
    world: World, on: dt.date, recent: int = 8
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(upcoming, recent) trips of persons with outstanding warrants to states bound to arrest."""
    rows = [trip_row(world, t) for t in world.trips]
    bound = [r for r in rows if r["bound"]]
    upcoming = sorted((r for r in bound if r["start"] >= on), key=lambda r: r["start"])
    past = sorted((r for r in bound if r["start"] < on), key=lambda r: r["start"], reverse=True)
    return upcoming, past[:recent]


def dedupe_sources(groups: Iterable[Iterable[SourceRef]]) -> list[SourceRef]:
    seen: dict[str, SourceRef] = {}
    for g in groups:
        for s in g:
            seen.setdefault(s.url, s)
    return best_first(seen.values())


def state_record(world: World, state: StateRec, on: dt.date) -> dict[str, Any]:
    """A state's page: what it owes on ``on``, findings against it, fugitives' visits."""
    ts = status_on(state, on)
    owes = []
    for p in sorted(world.persons.values(), key=lambda p: p.name):
        outs = wr.outstanding(p, on)
        duties = [_duty_for(world, state, ts, w, on) for w in outs]
        bound = [d for d in duties if d.bases]
        if bound and wr.custody_status(p, on) in ("at_large", "in_national_custody"):
            owes.append(
                {
                    "id": p.id,
                    "name": p.name,
                    "warrants": [d.warrant.id for d in bound],
                    "bases": sorted({b for d in bound for b in d.bases}),
                }
            )
    findings = sorted(
        (f for f in world.findings if f.state == state.iso2), key=lambda f: f.decision_date
    )
    visits = [trip_row(world, t) for t in world.trips_to(state.iso2)]
    contacts = contact_rows(world, since_warrant(world, world.contacts_by(state.iso2), on))
    sources = dedupe_sources(
        [
            *(a.fact.sources for a in state.actions),
            *(d.fact.sources for d in state.declarations),
            *(f.fact.sources for f in findings),
            *(v["sources"] for v in visits),
            *(x.fact.sources for x in since_warrant(world, world.contacts_by(state.iso2), on)),
        ]
    )
    return {
        "treaty": ts,
        "status_class": status_class(ts),
        "owes": owes,
        "findings": findings,
        "visits": visits,
        "contacts": contacts,
        "policy": policy_json(world),
        "sources": sources,
    }


def contact_rows(world: World, contacts: list[ContactRec]) -> list[dict[str, Any]]:
    """Contacts as the pages show them: the API's fields plus names and a date value."""
    out = []
    for x in contacts:
        row = contact_json(world, x)
        person = world.persons.get(x.person)
        row["person_name"] = person.name if person else x.person
        row["date_value"] = x.date
        out.append(row)
    return out
