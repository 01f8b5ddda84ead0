"""Writing checked data files into the database, in one transaction.

A load replaces every curated fact and keeps what the running system added itself
(trips confirmed in review, monitor data): if anything fails, the transaction rolls
back and the database is as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warrantwatch.kb.database import fingerprint, set_meta
from warrantwatch.kb.edits import EDIT_ORIGIN, apply_all
from warrantwatch.kb.files import DataFiles
from warrantwatch.kb.schema import Source, Sourced
from warrantwatch.kb.tables import (
    CURATED_TABLES,
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
    SituationRow,
    SourceRow,
    StateRow,
    TreatyActionRow,
    TripRow,
    WarrantRow,
)
from warrantwatch.kb.tiers import TierRules, rules_for

STATUTE_FILE = Path("statute") / "rome_statute.json"


class _Sources:
    """Deduplicates sources by address across files, tiers them and records fact links.

    A source already in the database (from an earlier load, or added by review) is
    refreshed from the file the first time this load meets it, so a corrected title or a
    changed tier rule reaches the stored row.
    """

    def __init__(self, session: Session, rules: TierRules) -> None:
        self.session = session
        self.rules = rules
        self.rows: dict[str, SourceRow] = {r.url: r for r in session.scalars(select(SourceRow))}
        self.ids: dict[str, int] = {}
        self.links: dict[tuple[str, str, int], str] = {}

    def source_id(self, src: Source, smap: dict[str, Source]) -> int:
        sid = self.ids.get(src.url)
        if sid is not None:
            return sid
        via_id = self.source_id(smap[src.via], smap) if src.via and src.via in smap else None
        values = {
            "publisher": src.publisher,
            "title": src.title,
            "date": src.date,
            "accessed": src.accessed,
            "tier": self.rules.tier(src.url, src.publisher),
            "symbol": src.symbol,
            "via_id": via_id,
        }
        row = self.rows.get(src.url)
        if row is None:
            row = self.rows[src.url] = SourceRow(url=src.url, **values)
            self.session.add(row)
        else:
            for k, v in values.items():
                setattr(row, k, v)
        self.session.flush()
        sid = self.ids[src.url] = row.id
        return sid

    def link(self, table: str, key: str, keys: list[str], smap: dict[str, Source]) -> None:
        for k in keys:
            self.links.setdefault((table, key, self.source_id(smap[k], smap)), k)

    def flush(self) -> None:
        self.session.add_all(
            FactSource(fact_table=t, fact_key=k, source_id=s, cite_key=ck)
            for (t, k, s), ck in self.links.items()
        )


def _prov(fact: Sourced) -> dict[str, object]:
    return {"confidence": fact.confidence, "note": fact.note, "origin": "curated"}


def clear_curated(session: Session) -> None:
    for table in CURATED_TABLES:
        session.execute(delete(table))
    # trips added by editors go too: the overlay (kb.edits) adds them again after the load
    session.execute(delete(TripRow).where(TripRow.origin.in_(("curated", EDIT_ORIGIN))))
    session.execute(delete(ContactRow).where(ContactRow.origin == "curated"))
    # Trips and contacts confirmed in review stay, with their sources.
    session.execute(delete(FactSource).where(FactSource.fact_table.not_in(("trips", "contacts"))))
    for table, row in (("trips", TripRow), ("contacts", ContactRow)):
        kept = select(row.id)
        session.execute(
            delete(FactSource).where(
                FactSource.fact_table == table, FactSource.fact_key.not_in(kept)
            )
        )


def load_articles(session: Session, root: Path) -> int:
    """The Statute's articles, verbatim, from the bundled Public.Law JSON."""
    items = json.loads((root / STATUTE_FILE).read_text(encoding="utf-8"))
    n = 0
    for item in items:
        art = item.get("article")
        if art:
            session.add(
                ArticleRow(
                    number=art["number"],
                    part=art["part_number"],
                    title=art["name"],
                    text=art["text"],
                )
            )
            n += 1
    return n


def load(session: Session, files: DataFiles) -> dict[str, int]:
    """Replace the curated knowledge base with ``files`` (already checked). Returns counts."""
    assert files.states is not None and files.situations is not None
    clear_curated(session)
    session.flush()
    src = _Sources(session, rules_for(files.root))
    counts: dict[str, int] = {}

    smap = files.states.sources
    for st in files.states.states:
        session.add(
            StateRow(
                iso2=st.iso2,
                iso3=st.iso3,
                name=st.name,
                un_status=st.un_status,
                aliases=list(st.aliases),
                note=st.note,
            )
        )
        src.link("states", st.iso2, st.sources, smap)
    session.flush()
    for st in files.states.states:
        for act in st.actions:
            row = TreatyActionRow(
                state_iso2=st.iso2,
                type=act.type,
                date=act.date,
                later_date=act.later_date,
                effective_from=act.effective_from,
                **_prov(act),
            )
            session.add(row)
            session.flush()
            src.link("treaty_actions", str(row.id), act.sources, smap)
        for dec in st.declarations:
            drow = DeclarationRow(
                state_iso2=st.iso2,
                lodged=dec.lodged,
                period_start=dec.period_start,
                period_end=dec.period_end,
                situation_id=dec.situation,
                **_prov(dec),
            )
            session.add(drow)
            session.flush()
            src.link("declarations", str(drow.id), dec.sources, smap)
    counts["states"] = len(files.states.states)

    smap = files.situations.sources
    for sit in files.situations.situations:
        session.add(
            SituationRow(
                id=sit.id,
                icc_number=sit.icc_number,
                name=sit.name,
                territory=sit.territory,
                triggers=list(sit.triggers),
                referring_states=sit.referring_states,
                unsc_resolution=sit.unsc_resolution,
                unsc_resolution_date=sit.unsc_resolution_date,
                unsc_bound_states=sit.unsc_bound_states,
                investigation_opened=sit.investigation_opened,
                **_prov(sit),
            )
        )
        src.link("situations", sit.id, sit.sources, smap)
    counts["situations"] = len(files.situations.situations)

    for _fname, p in files.persons.values():
        smap = p.sources
        session.add(
            PersonRow(
                id=p.id,
                name=p.name,
                wikidata=p.wikidata,
                birth_date=p.birth_date,
                nationality=p.nationality,
                note=p.note,
            )
        )
        session.flush()
        src.link("persons", p.id, p.identity_sources, smap)
        session.add_all(
            PersonNameRow(person_id=p.id, name=n.name, lang=n.lang, kind=n.kind) for n in p.names
        )
        for pos in p.positions:
            prow = PositionRow(
                person_id=p.id,
                title=pos.title,
                role=pos.role,
                state=pos.state,
                start=pos.start,
                end=pos.end,
                **_prov(pos),
            )
            session.add(prow)
            session.flush()
            src.link("positions", str(prow.id), pos.sources, smap)
        for w in p.warrants:
            session.add(
                WarrantRow(
                    id=w.id,
                    person_id=p.id,
                    kind=w.kind,
                    situation_id=w.situation,
                    case=w.case,
                    issued=w.issued,
                    chamber=w.chamber,
                    made_public=w.made_public,
                    **_prov(w),
                )
            )
            session.flush()
            session.add_all(
                ChargeRow(
                    warrant_id=w.id,
                    seq=i,
                    crime=c.crime,
                    article=c.article,
                    category=c.category,
                    mode=c.mode,
                )
                for i, c in enumerate(w.charges)
            )
            src.link("warrants", w.id, w.sources, smap)
        for ev in p.custody:
            crow = CustodyRow(
                person_id=p.id,
                warrant_id=ev.warrant,
                date=ev.date,
                status=ev.status,
                place=ev.place,
                **_prov(ev),
            )
            session.add(crow)
            session.flush()
            src.link("custody_events", str(crow.id), ev.sources, smap)
    counts["persons"] = len(files.persons)

    counts.update(trips=0, findings=0, authorities=0)
    for rec in files.records.values():
        smap = rec.sources
        for t in rec.trips:
            session.merge(
                TripRow(
                    id=t.id,
                    person_id=t.person,
                    destination=t.destination,
                    place=t.place,
                    occasion=t.occasion,
                    start=t.start,
                    end=t.end,
                    precision=t.precision,
                    outcome=t.outcome,
                    **_prov(t),
                )
            )
            src.link("trips", t.id, t.sources, smap)
        for f in rec.findings:
            session.add(
                FindingRow(
                    id=f.id,
                    state=f.state,
                    person_id=f.person,
                    trip_id=f.trip,
                    decision_date=f.decision_date,
                    chamber=f.chamber,
                    referred_to=list(f.referred_to),
                    document=f.document,
                    summary=f.summary,
                    **_prov(f),
                )
            )
            src.link("findings", f.id, f.sources, smap)
        for a in rec.authorities:
            session.add(
                AuthorityRow(
                    id=a.id,
                    kind=a.kind,
                    body=a.body,
                    date=a.date,
                    title=a.title,
                    topics=a.topics,
                    summary=a.summary,
                    document=a.document,
                    **_prov(a),
                )
            )
            src.link("authorities", a.id, a.sources, smap)
        for o in rec.officials:
            session.add(
                OfficialRow(
                    id=o.id,
                    state=o.state,
                    office=o.office,
                    name=o.name,
                    names=list(o.names),
                    title=o.title,
                    start=o.start,
                    start_precision=o.start_precision,
                    end=o.end,
                    heads_government=o.heads_government,
                    **_prov(o),
                )
            )
            src.link("officials", o.id, o.sources, smap)
        for c in rec.contacts:
            session.merge(
                ContactRow(
                    id=c.id,
                    person_id=c.person,
                    state=c.state,
                    office=c.office,
                    official_id=c.official,
                    official_name=c.official_name,
                    kind=c.kind,
                    date=c.date,
                    precision=c.precision,
                    status=c.status,
                    place=c.place,
                    place_state=c.place_state,
                    occasion=c.occasion,
                    **_prov(c),
                )
            )
            src.link("contacts", c.id, c.sources, smap)
        counts["officials"] = counts.get("officials", 0) + len(rec.officials)
        counts["contacts"] = counts.get("contacts", 0) + len(rec.contacts)
        counts["trips"] += len(rec.trips)
        counts["findings"] += len(rec.findings)
        counts["authorities"] += len(rec.authorities)

    counts["articles"] = load_articles(session, files.root)
    session.flush()
    src.flush()
    counts["sources"] = len(src.ids)
    edits = apply_all(session)
    if any(edits.values()):
        counts["editors' changes re-applied"] = edits["applied"]
        if edits["stale"]:
            counts["editors' changes that no longer apply"] = edits["stale"]
    set_meta(session, "data_fingerprint", fingerprint(files.root))
    set_meta(session, "data_dir", str(files.root))
    set_meta(session, "loaded_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    return counts
