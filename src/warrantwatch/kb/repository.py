"""Reading the database back into the engine's plain records.

One pass over each table builds the whole :class:`~warrantwatch.law.world.World`;
sources are resolved once through the provenance link table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from warrantwatch.kb.tables import (
    ArticleRow,
    AuthorityRow,
    ChargeRow,
    ContactRow,
    CustodyRow,
    DeclarationRow,
    FactSource,
    FindingRow,
    OfficialRow,
    PersonNameRow,
    PersonRow,
    PositionRow,
    Provenance,
    SituationRow,
    SourceRow,
    StateRow,
    TreatyActionRow,
    TripRow,
    WarrantRow,
)
from warrantwatch.law.records import (
    ArticleRec,
    AuthorityRec,
    ChargeRec,
    ContactRec,
    CustodyRec,
    DeclarationRec,
    Fact,
    FindingRec,
    NameRec,
    OfficialRec,
    PersonRec,
    PositionRec,
    SituationRec,
    SourceRef,
    StateRec,
    TreatyActionRec,
    TripRec,
    WarrantRec,
    best_first,
)
from warrantwatch.law.world import World


class _Provenance:
    def __init__(self, session: Session) -> None:
        rows = {r.id: r for r in session.scalars(select(SourceRow))}

        def ref(r: SourceRow, via: SourceRef | None = None) -> SourceRef:
            return SourceRef(
                r.url, r.publisher, r.title, r.date, r.accessed, r.tier or 6, r.symbol, via
            )

        plain = {sid: ref(r) for sid, r in rows.items()}
        sources = {
            sid: ref(r, plain.get(r.via_id)) if r.via_id in plain else plain[sid]
            for sid, r in rows.items()
        }
        self.by_fact: dict[tuple[str, str], list[SourceRef]] = defaultdict(list)
        for fs in session.scalars(select(FactSource).order_by(FactSource.source_id)):
            self.by_fact[(fs.fact_table, fs.fact_key)].append(sources[fs.source_id])

    def fact(self, table: str, key: object, row: Provenance | None = None) -> Fact:
        srcs = tuple(best_first(self.by_fact.get((table, str(key)), ())))
        if row is None:
            return Fact(sources=srcs)
        return Fact(sources=srcs, confidence=row.confidence, note=row.note)


def _group(rows: Iterable, key: str) -> dict[str, list]:  # type: ignore[type-arg]
    out: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for r in rows:
        out[getattr(r, key)].append(r)
    return out


def load_world(session: Session) -> World:
    """The whole knowledge base as an immutable in-memory snapshot."""
    prov = _Provenance(session)

    actions = _group(
        session.scalars(select(TreatyActionRow).order_by(TreatyActionRow.date)), "state_iso2"
    )
    decls = _group(session.scalars(select(DeclarationRow)), "state_iso2")
    states = {
        s.iso2: StateRec(
            iso2=s.iso2,
            iso3=s.iso3,
            name=s.name,
            un_status=s.un_status,
            aliases=tuple(s.aliases or ()),
            actions=tuple(
                TreatyActionRec(
                    a.type,
                    a.date,
                    a.later_date,
                    prov.fact("treaty_actions", a.id, a),
                    a.effective_from,
                )
                for a in actions.get(s.iso2, [])
            ),
            declarations=tuple(
                DeclarationRec(
                    d.lodged,
                    d.period_start,
                    d.period_end,
                    d.situation_id,
                    prov.fact("declarations", d.id, d),
                )
                for d in decls.get(s.iso2, [])
            ),
        )
        for s in session.scalars(select(StateRow))
    }

    situations = {
        s.id: SituationRec(
            id=s.id,
            name=s.name,
            icc_number=s.icc_number,
            territory=tuple(s.territory),
            triggers=tuple(s.triggers),
            unsc_resolution=s.unsc_resolution,
            unsc_resolution_date=s.unsc_resolution_date,
            unsc_bound_states=tuple(s.unsc_bound_states or ()),
            referring_states=tuple(s.referring_states or ()),
            investigation_opened=s.investigation_opened,
            fact=prov.fact("situations", s.id, s),
        )
        for s in session.scalars(select(SituationRow))
    }

    charges = _group(session.scalars(select(ChargeRow).order_by(ChargeRow.seq)), "warrant_id")
    warrants = _group(session.scalars(select(WarrantRow).order_by(WarrantRow.issued)), "person_id")
    names = _group(session.scalars(select(PersonNameRow).order_by(PersonNameRow.id)), "person_id")
    positions = _group(session.scalars(select(PositionRow).order_by(PositionRow.id)), "person_id")
    custody = _group(
        session.scalars(select(CustodyRow).order_by(CustodyRow.date, CustodyRow.id)), "person_id"
    )
    persons = {
        p.id: PersonRec(
            id=p.id,
            name=p.name,
            wikidata=p.wikidata,
            birth_date=p.birth_date,
            nationality=tuple(p.nationality or ()),
            names=tuple(NameRec(n.name, n.lang, n.kind) for n in names.get(p.id, [])),
            positions=tuple(
                PositionRec(
                    x.title, x.role, x.state, x.start, x.end, prov.fact("positions", x.id, x)
                )
                for x in positions.get(p.id, [])
            ),
            warrants=tuple(
                WarrantRec(
                    id=w.id,
                    kind=w.kind,
                    situation=w.situation_id,
                    issued=w.issued,
                    case=w.case,
                    chamber=w.chamber,
                    made_public=w.made_public,
                    charges=tuple(
                        ChargeRec(c.crime, c.article, c.category, c.mode)
                        for c in charges.get(w.id, [])
                    ),
                    fact=prov.fact("warrants", w.id, w),
                )
                for w in warrants.get(p.id, [])
            ),
            custody=tuple(
                CustodyRec(
                    c.date, c.status, c.warrant_id, c.place, prov.fact("custody_events", c.id, c)
                )
                for c in custody.get(p.id, [])
            ),
            identity=prov.fact("persons", p.id),
        )
        for p in session.scalars(select(PersonRow))
    }

    trips = tuple(
        TripRec(
            id=t.id,
            person=t.person_id,
            destination=t.destination,
            start=t.start,
            outcome=t.outcome,
            end=t.end,
            place=t.place,
            occasion=t.occasion,
            precision=t.precision,
            fact=prov.fact("trips", t.id, t),
        )
        for t in session.scalars(select(TripRow).order_by(TripRow.start))
    )
    findings = tuple(
        FindingRec(
            id=f.id,
            state=f.state,
            person=f.person_id,
            decision_date=f.decision_date,
            chamber=f.chamber,
            summary=f.summary,
            trip=f.trip_id,
            referred_to=tuple(f.referred_to or ()),
            document=f.document,
            fact=prov.fact("findings", f.id, f),
        )
        for f in session.scalars(select(FindingRow).order_by(FindingRow.decision_date))
    )
    authorities = tuple(
        AuthorityRec(
            id=a.id,
            kind=a.kind,
            body=a.body,
            date=a.date,
            title=a.title,
            topics=tuple(a.topics),
            summary=a.summary,
            document=a.document,
            fact=prov.fact("authorities", a.id, a),
        )
        for a in session.scalars(select(AuthorityRow).order_by(AuthorityRow.date))
    )
    articles = {
        a.number: ArticleRec(a.number, a.title, a.text) for a in session.scalars(select(ArticleRow))
    }
    officials = tuple(
        OfficialRec(
            id=o.id,
            state=o.state,
            office=o.office,
            name=o.name,
            start=o.start,
            end=o.end,
            names=tuple(o.names or ()),
            fact=prov.fact("officials", o.id, o),
            heads_government=bool(o.heads_government),
        )
        for o in session.scalars(select(OfficialRow).order_by(OfficialRow.start))
    )
    by_official = {o.id: o for o in officials}
    contacts = tuple(
        ContactRec(
            id=c.id,
            person=c.person_id,
            state=c.state,
            office=c.office,
            kind=c.kind,
            date=c.date,
            official=c.official_id,
            official_name=c.official_name
            or (by_official[c.official_id].name if c.official_id in by_official else None),
            place=c.place,
            place_state=c.place_state,
            occasion=c.occasion,
            precision=c.precision,
            status=c.status,
            fact=prov.fact("contacts", c.id, c),
        )
        for c in session.scalars(select(ContactRow).order_by(ContactRow.date))
    )
    return World(
        states=states,
        persons=persons,
        situations=situations,
        trips=trips,
        findings=findings,
        authorities=authorities,
        articles=articles,
        officials=officials,
        contacts=contacts,
    )
