"""Read-only summaries of states and persons, as plain dicts for JSON, tables and pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law import warrants as wr
from warrantwatch.law.records import PersonRec, SourceRef, StateRec, best_first, only_tier6
from warrantwatch.law.treaty_status import in_force_from, status_on, withdrawal_effective
from warrantwatch.law.world import World

#: CLI/API spellings of custody filters and the statuses each covers.
STATUS_FILTERS: dict[str, frozenset[str]] = {
    "at-large": frozenset({"at_large"}),
    "in-custody": frozenset({"arrested", "surrendered", "convicted"}),
    "in-national-custody": frozenset({"in_national_custody"}),
    "released": frozenset({"released", "appeared"}),
    "acquitted": frozenset({"acquitted"}),
    "convicted": frozenset({"convicted"}),
    "deceased": frozenset({"deceased"}),
    "closed": frozenset({"warrant_withdrawn", "proceedings_terminated"}),
}


def state_summary(state: StateRec, on: dt.date) -> dict[str, Any]:
    ts = status_on(state, on)
    return {
        "iso2": state.iso2,
        "iso3": state.iso3,
        "name": state.name,
        "un_status": state.un_status,
        **ts.as_dict(),
    }


def state_actions(state: StateRec) -> list[dict[str, Any]]:
    """The state's record with the dates the law derives from it shown beside each act."""
    out: list[dict[str, Any]] = []
    for a in sorted(state.actions, key=lambda a: a.date):
        row: dict[str, Any] = {
            "type": a.type,
            "date": a.date.isoformat(),
            "verified": a.fact.verified,
            "tier6_only": only_tier6(a.fact.sources),
            "confidence": a.fact.confidence,
            "note": a.fact.note,
            "sources": [s.as_dict() for s in a.fact.sources],
        }
        if a.type in ("ratification", "acceptance", "approval", "accession", "succession"):
            row["entry_into_force"] = in_force_from(a).isoformat()
        if a.type == "withdrawal_notified":
            row["takes_effect"] = withdrawal_effective(a.date, a.later_date).isoformat()
        out.append(row)
    return out


def state_sources(state: StateRec) -> list[SourceRef]:
    seen: dict[str, SourceRef] = {}
    for a in state.actions:
        for s in a.fact.sources:
            seen.setdefault(s.url, s)
    for d in state.declarations:
        for s in d.fact.sources:
            seen.setdefault(s.url, s)
    return best_first(seen.values())


def parties(world: World, on: dt.date) -> list[dict[str, Any]]:
    """Every state that is a party on ``on`` (withdrawal pending or not)."""
    out = [state_summary(s, on) for s in world.states.values()]
    return sorted((s for s in out if s["state_status"] == "party"), key=lambda s: s["name"])


def person_sources(p: PersonRec) -> list[SourceRef]:
    seen: dict[str, SourceRef] = {}
    facts = [
        p.identity,
        *(w.fact for w in p.warrants),
        *(c.fact for c in p.custody),
        *(x.fact for x in p.positions),
    ]
    for f in facts:
        for s in f.sources:
            seen.setdefault(s.url, s)
    return best_first(seen.values())


def person_summary(world: World, p: PersonRec, on: dt.date) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "on": on.isoformat(),
        "wikidata": p.wikidata,
        "birth_date": p.birth_date.isoformat() if p.birth_date else None,
        "nationality": list(p.nationality),
        "custody_status": wr.custody_status(p, on),
        "outstanding_warrants": [w.id for w in wr.outstanding(p, on)],
        "names": [{"name": n.name, "lang": n.lang, "kind": n.kind} for n in p.names],
        "positions": [
            {
                "title": x.title,
                "role": x.role,
                "state": x.state,
                "state_name": world.state_name(x.state) if x.state else None,
                "start": x.start.isoformat() if x.start else None,
                "end": x.end.isoformat() if x.end else None,
                "verified": x.fact.verified,
                "tier6_only": only_tier6(x.fact.sources),
            }
            for x in p.positions
        ],
        "warrants": [
            {
                "id": w.id,
                "kind": w.kind,
                "situation": w.situation,
                "case": w.case,
                "issued": w.issued.isoformat(),
                "chamber": w.chamber,
                "made_public": w.made_public.isoformat() if w.made_public else None,
                "outstanding": wr.is_outstanding(p, w, on),
                "verified": w.fact.verified,
                "tier6_only": only_tier6(w.fact.sources),
                "charges": [
                    {"crime": c.crime, "article": c.article, "category": c.category, "mode": c.mode}
                    for c in w.charges
                ],
            }
            for w in p.warrants
        ],
        "custody": [
            {
                "date": c.date.isoformat(),
                "status": c.status,
                "warrant": c.warrant,
                "place": c.place,
                "verified": c.fact.verified,
                "tier6_only": only_tier6(c.fact.sources),
            }
            for c in p.custody
        ],
        "trips": [
            {
                "id": t.id,
                "state": world.state_name(t.destination),
                "iso2": t.destination,
                "start": t.start.isoformat(),
                "end": t.end.isoformat() if t.end else None,
                "precision": t.precision,
                "place": t.place,
                "occasion": t.occasion,
                "outcome": t.outcome,
                "verified": t.fact.verified,
                "tier6_only": only_tier6(t.fact.sources),
            }
            for t in world.trips_of(p.id)
        ],
        "sources": [s.as_dict() for s in person_sources(p)],
    }


def persons(world: World, on: dt.date, status: str | None = None) -> list[dict[str, Any]]:
    """Persons with their custody status on ``on``, optionally filtered (``at-large`` ...)."""
    wanted = STATUS_FILTERS.get(status) if status else None
    out = []
    for p in sorted(world.persons.values(), key=lambda p: p.name):
        st = wr.custody_status(p, on)
        if wanted is not None and st not in wanted:
            continue
        # "First warrant" is the first arrest warrant: a summons to appear is not one
        # (Banda's summons of 2009 was replaced by a warrant in 2014), so it has its own key.
        first = min((w.issued for w in p.warrants if w.kind == "arrest_warrant"), default=None)
        summons = min((w.issued for w in p.warrants if w.kind == "summons"), default=None)
        out.append(
            {
                "id": p.id,
                "name": p.name,
                "custody_status": st,
                "first_warrant": first.isoformat() if first else None,
                "first_summons": summons.isoformat() if summons else None,
                "situations": sorted({w.situation for w in p.warrants}),
                "outstanding_warrants": len(wr.outstanding(p, on)),
            }
        )
    return out


def latest_fact(world: World, today: dt.date) -> dt.date | None:
    """The date of the newest dated fact on or before ``today`` (how current the record is):
    warrants issued or made public, custody events, positions, treaty actions, trips,
    findings."""
    dates: list[dt.date] = []
    for p in world.persons.values():
        dates += [w.made_public or w.issued for w in p.warrants]
        dates += [c.date for c in p.custody]
        dates += [x.start for x in p.positions if x.start]
    for st in world.states.values():
        dates += [a.date for a in st.actions]
    dates += [t.start for t in world.trips]
    dates += [f.decision_date for f in world.findings]
    past = [d for d in dates if d <= today]
    return max(past) if past else None
