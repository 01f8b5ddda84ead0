"""The knowledge base as FollowTheMoney entities (followthemoney 4).

- the Court: a ``PublicBody``;
- each person: a ``Person`` with names, aliases, Wikidata id and topics (``wanted``
  while a warrant is outstanding, ``crime.war`` for crimes under the Statute);
- each warrant: a ``Risk`` on the person, ``authority`` naming the Court;
- each office: a ``Position`` and the person's ``Occupancy`` of it;
- each trip and each non-compliance finding: an ``Event`` involving the person;
- each state official with a recorded contact: a ``Person`` (``position`` and country);
- each contact: an ``Event`` involving both the person and the official.

Entities are made through the library's model, and :func:`put` refuses a property
the schema lacks or a value its type rejects (the library would drop it silently),
so an export that would be invalid fails here. Every entity carries its sources'
addresses (``sourceUrl``) and publishers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from followthemoney import EntityProxy, model
from followthemoney.exc import InvalidData

from warrantwatch.law import warrants as wr
from warrantwatch.law.records import ContactRec, Fact, PersonRec, SourceRef
from warrantwatch.law.world import World

DATASET = "warrantwatch"
COURT_NAME = "International Criminal Court"
COURT_ID = "ww-icc"
#: Categories of charge that FtM's ``crime.war`` topic (war crimes) covers best.
WAR_TOPIC_CATEGORIES = frozenset({"war_crime", "crime_against_humanity", "genocide", "aggression"})
OCCASION_WORDS = {
    "not_arrested": "not arrested",
    "arrested": "arrested",
    "cancelled": "trip cancelled",
    "did_not_attend": "did not attend",
    "planned": "trip announced",
}


def put(entity: EntityProxy, prop: str, values: Any) -> None:
    """Add values, failing on an unknown property or a value the property's type rejects."""
    if values is None:
        return
    items = values if isinstance(values, list | tuple | set) else [values]
    schema_prop = entity.schema.get(prop)
    if schema_prop is None:
        raise InvalidData(f"{entity.schema.name} has no property {prop!r}")
    for v in items:
        if v is None or v == "":
            continue
        text = v.isoformat() if isinstance(v, dt.date) else str(v)
        if schema_prop.type.clean(text, proxy=entity) is None:
            raise InvalidData(f"{entity.schema.name}.{prop}: invalid value {text!r}")
        entity.add(prop, text)


def make(schema: str, ident: str, **props: Any) -> EntityProxy:
    """An entity of ``schema`` with ``props``, checked for required properties."""
    e = model.make_entity(schema)
    e.id = ident
    for prop, value in props.items():
        put(e, prop, value)
    missing = [r for r in sorted(e.schema.required) if not e.has(r)]
    if missing:  # Schema.validate checks only the properties present
        raise InvalidData(f"{schema} {ident}: required {', '.join(missing)} missing")
    e.schema.validate(e.to_dict())
    return e


def _prov(fact: Fact | Iterable[SourceRef]) -> dict[str, Any]:
    sources = list(fact.sources) if isinstance(fact, Fact) else list(fact)
    return {
        "sourceUrl": [s.url for s in sources],
        "publisher": list(dict.fromkeys(s.publisher for s in sources)),
    }


def _date(d: dt.date | None, precision: str = "day") -> str | None:
    if d is None:
        return None
    return {"year": d.isoformat()[:4], "month": d.isoformat()[:7]}.get(precision, d.isoformat())


def court() -> EntityProxy:
    return make(
        "PublicBody",
        COURT_ID,
        name=COURT_NAME,
        alias=["ICC", "Cour pénale internationale", "CPI"],
        website="https://www.icc-cpi.int",
        topics="gov.igo",
        address="Oude Waalsdorperweg 10, 2597 AK The Hague, Netherlands",
        country="nl",
    )


def person_entities(world: World, p: PersonRec, today: dt.date) -> Iterator[EntityProxy]:
    pid = f"ww-person-{p.id}"
    cats = {c.category for w in p.warrants for c in w.charges}
    topics = []
    if wr.outstanding(p, today):
        topics.append("wanted")
    if cats & WAR_TOPIC_CATEGORIES:
        topics.append("crime.war")
    if any(pos.role in ("head_of_state", "head_of_government") for pos in p.positions):
        topics.append("gov.head")
    aliases = [n.name for n in p.names if n.kind in ("full", "alias", "transliteration", "short")]
    weak = [n.name for n in p.names if n.kind == "surname"]
    sources = [s for f in (p.identity, *(w.fact for w in p.warrants)) for s in f.sources]
    yield make(
        "Person",
        pid,
        name=p.name,
        alias=[a for a in dict.fromkeys(aliases) if a != p.name],
        weakAlias=list(dict.fromkeys(weak)),
        wikidataId=p.wikidata,
        birthDate=_date(p.birth_date),
        nationality=[c.lower() for c in p.nationality],
        topics=topics,
        notes=f"Custody status on {today.isoformat()}: {wr.custody_status(p, today)}",
        **_prov(list(dict.fromkeys(sources))),
    )
    for w in p.warrants:
        sit = world.situations.get(w.situation)
        charges = "; ".join(f"{c.crime} (art. {c.article})" for c in w.charges)
        out = wr.is_outstanding(p, w, today)
        yield make(
            "Risk",
            f"ww-warrant-{w.id}",
            entity=pid,
            authority=COURT_NAME,
            program="ICC arrest warrants" if w.kind == "arrest_warrant" else "ICC summonses",
            reason=f"Alleged: {charges}" if charges else None,
            summary=" · ".join(
                x
                for x in (
                    "arrest warrant" if w.kind == "arrest_warrant" else "summons to appear",
                    w.chamber,
                    sit.name if sit else w.situation,
                    w.case,
                )
                if x
            ),
            status="outstanding" if out else "executed or lapsed",
            topics=["wanted"] if out else [],
            startDate=_date(w.issued),
            listingDate=_date(w.made_public or w.issued),
            recordId=w.id,
            country=[c.lower() for c in (sit.territory if sit else ())],
            **_prov(w.fact),
        )
    for i, pos in enumerate(p.positions):
        post_id = f"ww-position-{_slug(pos.title)}-{(pos.state or 'xx').lower()}"
        yield make(
            "Position",
            post_id,
            name=pos.title,
            country=(pos.state or "").lower() or None,
            topics="gov.head" if pos.role in ("head_of_state", "head_of_government") else None,
        )
        yield make(
            "Occupancy",
            f"ww-occupancy-{p.id}-{i}",
            holder=pid,
            post=post_id,
            startDate=_date(pos.start),
            endDate=_date(pos.end),
            status="ended" if pos.end and pos.end <= today else "current",
            **_prov(pos.fact),
        )


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def trip_entities(world: World) -> Iterator[EntityProxy]:
    for t in world.trips:
        person = world.persons.get(t.person)
        who = person.name if person else t.person
        where = world.state_name(t.destination)
        yield make(
            "Event",
            f"ww-trip-{t.id}",
            name=f"{who}: visit to {where}",
            involved=f"ww-person-{t.person}",
            country=t.destination.lower(),
            location=t.place,
            startDate=_date(t.start, t.precision),
            endDate=_date(t.end, t.precision),
            summary="; ".join(x for x in (t.occasion, OCCASION_WORDS.get(t.outcome)) if x),
            recordId=t.id,
            important="true" if t.outcome == "planned" else None,
            **_prov(t.fact),
        )
    for f in world.findings:
        person = world.persons.get(f.person)
        yield make(
            "Event",
            f"ww-finding-{f.id}",
            name=f"Non-compliance finding (art. 87(7)): {world.state_name(f.state)}",
            organizer=COURT_ID,
            involved=f"ww-person-{f.person}" if person else None,
            country=f.state.lower(),
            date=_date(f.decision_date),
            summary=f"{f.chamber}: {f.summary}",
            recordId=f.id,
            **_prov(f.fact),
        )


CONTACT_WORDS = {
    "meeting": "meeting",
    "call": "call",
    "joint_appearance": "joint appearance",
    "letter": "letter or invitation",
}


def _official_id(c: ContactRec) -> str:
    return (
        f"ww-official-{c.official}"
        if c.official
        else (f"ww-official-{c.state.lower()}-{_slug(c.official_name or c.office)}")
    )


def contact_entities(world: World) -> Iterator[EntityProxy]:
    """The officials with recorded contacts (``Person``) and the contacts (``Event``)."""
    made: set[str] = set()
    for c in world.contacts:
        oid = _official_id(c)
        o = world.official(c.official)
        name = o.name if o else (c.official_name or f"{world.state_name(c.state)}: {c.office}")
        if oid not in made:
            made.add(oid)
            yield make(
                "Person",
                oid,
                name=name,
                alias=list(o.names) if o else None,
                country=c.state.lower(),
                position=f"{(o.office_key if o else c.office).replace('_', ' ')}, "
                f"{world.state_name(c.state)}",
                **_prov(o.fact if o else c.fact),
            )
        person = world.persons.get(c.person)
        who = person.name if person else c.person
        yield make(
            "Event",
            f"ww-contact-{c.id}",
            name=f"{who} and {name} ({world.state_name(c.state)}): {CONTACT_WORDS[c.kind]}",
            involved=[f"ww-person-{c.person}", oid],
            country=c.place_state.lower() if c.place_state else None,
            location=c.place,
            date=_date(c.date, c.precision),
            summary="; ".join(x for x in (CONTACT_WORDS[c.kind], c.status, c.occasion) if x),
            recordId=c.id,
            important="true" if c.status == "planned" else None,
            **_prov(c.fact),
        )


def entities(world: World, today: dt.date | None = None) -> list[EntityProxy]:
    """Every entity of the export, the Court first."""
    today = today or dt.date.today()
    out = [court()]
    seen: set[str] = {COURT_ID}
    for p in sorted(world.persons.values(), key=lambda p: p.id):
        for e in person_entities(world, p, today):
            if e.id not in seen:
                seen.add(e.id)
                out.append(e)
    out.extend(trip_entities(world))
    out.extend(contact_entities(world))
    return out


def ftm_line(e: EntityProxy) -> str:
    """One entity in FollowTheMoney's line format (a JSON object and a newline), the
    way ``ftm`` tools read and write entities on a pipe."""
    data = e.to_dict()
    data["datasets"] = [DATASET]
    return json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n"


def count_schemata(ents: Iterable[EntityProxy]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in ents:
        counts[e.schema.name] = counts.get(e.schema.name, 0) + 1
    return counts


def write_ftm(world: World, out: Path, today: dt.date | None = None) -> dict[str, int]:
    """``entities.ftm.json``: one JSON entity per line, as the ``ftm`` tools read and write."""
    out.mkdir(parents=True, exist_ok=True)
    ents = entities(world, today)
    with (out / "entities.ftm.json").open("w", encoding="utf-8") as fh:
        fh.writelines(ftm_line(e) for e in ents)
    return count_schemata(ents)
