"""Writing the knowledge base back out as data files that ``data load`` reads unchanged.

The database, not the repository, may hold the newest facts (trips confirmed in
review), so an export in the curated-file layout is the way to carry them into the
repository or to another installation. Each file gets its own ``sources`` map, with
keys made from the publisher and date so that diffs stay readable.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from warrantwatch.kb.files import bundled_data_dir
from warrantwatch.kb.loader import STATUTE_FILE
from warrantwatch.kb.tables import (
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


class _SourceMap:
    """Builds one file's ``sources`` map, keeping the keys the data files used.

    A source keeps the key its file cited it by (``fact_sources.cite_key``), so an export of
    an unchanged knowledge base reads like the files it came from and a change shows as the
    lines it changed; a source with no key (added by review or an editor) gets one made from
    its publisher and date. A document cited through another page brings that page along.
    """

    def __init__(
        self,
        links: dict[tuple[str, str], list[tuple[SourceRow, str | None]]],
        by_id: dict[int, SourceRow],
    ) -> None:
        self.links = links
        self.by_id = by_id
        self.keys: dict[str, str] = {}
        self.entries: dict[str, dict[str, Any]] = {}

    def _key_for(self, src: SourceRow, wanted: str | None) -> str:
        if wanted and wanted not in self.entries:
            return wanted
        base = re.sub(r"[^a-z0-9]+", "-", src.publisher.lower()).strip("-")[:30] or "source"
        stamp = (src.date or src.accessed or dt.date.min).isoformat()
        k, n = f"{base}-{stamp}", 2
        while k in self.entries:
            k, n = f"{base}-{stamp}-{n}", n + 1
        return k

    def add(self, src: SourceRow, wanted: str | None = None) -> str:
        if src.url in self.keys:
            return self.keys[src.url]
        via = self.by_id.get(src.via_id) if src.via_id else None
        via_key = self.add(via) if via is not None else None
        k = self.keys[src.url] = self._key_for(src, wanted)
        entry: dict[str, Any] = {"url": src.url, "publisher": src.publisher, "title": src.title}
        if src.symbol:
            entry["symbol"] = src.symbol
        if src.date:
            entry["date"] = src.date
        if src.accessed:
            entry["accessed"] = src.accessed
        if via_key:
            entry["via"] = via_key
        self.entries[k] = entry
        return k

    def cite(self, table: str, key: object) -> list[str]:
        return [self.add(src, ck) for src, ck in self.links.get((table, str(key)), [])]


def _prov(row: Any, smap: _SourceMap, table: str, key: object) -> dict[str, Any]:
    out: dict[str, Any] = {"sources": smap.cite(table, key)}
    if row.confidence != "high":
        out["confidence"] = row.confidence
    if row.note:
        out["note"] = row.note
    return out


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != []}


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=100)


def export_data_dir(engine: Engine, out: Path) -> dict[str, int]:
    """Write every fact in the database to ``out`` in the curated-file layout."""
    with Session(engine) as s:
        sources = {r.id: r for r in s.scalars(select(SourceRow))}
        links: dict[tuple[str, str], list[tuple[SourceRow, str | None]]] = defaultdict(list)
        for fs in s.scalars(select(FactSource).order_by(FactSource.source_id)):
            links[(fs.fact_table, fs.fact_key)].append((sources[fs.source_id], fs.cite_key))

        def new_map() -> _SourceMap:
            return _SourceMap(links, sources)

        smap = new_map()
        actions = defaultdict(list)
        for a in s.scalars(
            select(TreatyActionRow).order_by(TreatyActionRow.date, TreatyActionRow.id)
        ):
            actions[a.state_iso2].append(a)
        decls = defaultdict(list)
        for d in s.scalars(
            select(DeclarationRow).order_by(DeclarationRow.lodged, DeclarationRow.id)
        ):
            decls[d.state_iso2].append(d)
        states = []
        for st in s.scalars(select(StateRow).order_by(StateRow.name)):
            states.append(
                _clean(
                    {
                        "iso2": st.iso2,
                        "iso3": st.iso3,
                        "name": st.name,
                        "un_status": st.un_status,
                        "aliases": list(st.aliases or []),
                        "actions": [
                            _clean(
                                {
                                    "type": a.type,
                                    "date": a.date,
                                    "later_date": a.later_date,
                                    "effective_from": a.effective_from,
                                    **_prov(a, smap, "treaty_actions", a.id),
                                }
                            )
                            for a in actions[st.iso2]
                        ],
                        "declarations": [
                            _clean(
                                {
                                    "lodged": d.lodged,
                                    "period_start": d.period_start,
                                    "period_end": d.period_end,
                                    "situation": d.situation_id,
                                    **_prov(d, smap, "declarations", d.id),
                                }
                            )
                            for d in decls[st.iso2]
                        ],
                        "sources": smap.cite("states", st.iso2),
                        "note": st.note,
                    }
                )
            )
        _dump(out / "states.yaml", {"sources": smap.entries, "states": states})

        smap = new_map()
        sits = [
            _clean(
                {
                    "id": x.id,
                    "icc_number": x.icc_number,
                    "name": x.name,
                    "territory": x.territory,
                    "triggers": x.triggers,
                    "referring_states": x.referring_states,
                    "unsc_resolution": x.unsc_resolution,
                    "unsc_resolution_date": x.unsc_resolution_date,
                    "unsc_bound_states": x.unsc_bound_states,
                    "investigation_opened": x.investigation_opened,
                    **_prov(x, smap, "situations", x.id),
                }
            )
            for x in s.scalars(select(SituationRow).order_by(SituationRow.id))
        ]
        _dump(out / "situations.yaml", {"sources": smap.entries, "situations": sits})

        n_persons = 0
        for p in s.scalars(select(PersonRow).order_by(PersonRow.id)):
            smap = new_map()
            identity = smap.cite("persons", p.id)
            warrants = []
            for w in s.scalars(
                select(WarrantRow)
                .where(WarrantRow.person_id == p.id)
                .order_by(WarrantRow.issued, WarrantRow.id)
            ):
                charges = s.scalars(
                    select(ChargeRow).where(ChargeRow.warrant_id == w.id).order_by(ChargeRow.seq)
                )
                warrants.append(
                    _clean(
                        {
                            "id": w.id,
                            "kind": w.kind,
                            "situation": w.situation_id,
                            "case": w.case,
                            "issued": w.issued,
                            "chamber": w.chamber,
                            "made_public": w.made_public,
                            "charges": [
                                _clean(
                                    {
                                        "crime": c.crime,
                                        "article": c.article,
                                        "category": c.category,
                                        "mode": c.mode,
                                    }
                                )
                                for c in charges
                            ],
                            **_prov(w, smap, "warrants", w.id),
                        }
                    )
                )
            body = _clean(
                {
                    "id": p.id,
                    "name": p.name,
                    "wikidata": p.wikidata,
                    "birth_date": p.birth_date,
                    "nationality": list(p.nationality or []),
                    "names": [
                        _clean({"name": n.name, "lang": n.lang, "kind": n.kind})
                        for n in s.scalars(
                            select(PersonNameRow)
                            .where(PersonNameRow.person_id == p.id)
                            .order_by(PersonNameRow.id)
                        )
                    ],
                    "positions": [
                        _clean(
                            {
                                "title": x.title,
                                "role": x.role,
                                "state": x.state,
                                "start": x.start,
                                "end": x.end,
                                **_prov(x, smap, "positions", x.id),
                            }
                        )
                        for x in s.scalars(
                            select(PositionRow)
                            .where(PositionRow.person_id == p.id)
                            .order_by(PositionRow.id)
                        )
                    ],
                    "warrants": warrants,
                    "custody": [
                        _clean(
                            {
                                "date": c.date,
                                "status": c.status,
                                "warrant": c.warrant_id,
                                "place": c.place,
                                **_prov(c, smap, "custody_events", c.id),
                            }
                        )
                        for c in s.scalars(
                            select(CustodyRow)
                            .where(CustodyRow.person_id == p.id)
                            .order_by(CustodyRow.date, CustodyRow.id)
                        )
                    ],
                    "identity_sources": identity,
                    "note": p.note,
                }
            )
            _dump(out / "persons" / f"{p.id}.yaml", {"sources": smap.entries, **body})
            n_persons += 1

        smap = new_map()
        trips = [
            _clean(
                {
                    "id": t.id,
                    "person": t.person_id,
                    "destination": t.destination,
                    "place": t.place,
                    "occasion": t.occasion,
                    "start": t.start,
                    "end": t.end,
                    "precision": None if t.precision == "day" else t.precision,
                    "outcome": t.outcome,
                    **_prov(t, smap, "trips", t.id),
                }
            )
            for t in s.scalars(select(TripRow).order_by(TripRow.start, TripRow.id))
        ]
        findings = [
            _clean(
                {
                    "id": f.id,
                    "state": f.state,
                    "person": f.person_id,
                    "trip": f.trip_id,
                    "decision_date": f.decision_date,
                    "chamber": f.chamber,
                    "referred_to": f.referred_to,
                    "document": f.document,
                    "summary": f.summary,
                    **_prov(f, smap, "findings", f.id),
                }
            )
            for f in s.scalars(select(FindingRow).order_by(FindingRow.decision_date, FindingRow.id))
        ]
        auths = [
            _clean(
                {
                    "id": a.id,
                    "kind": a.kind,
                    "body": a.body,
                    "date": a.date,
                    "title": a.title,
                    "topics": a.topics,
                    "summary": a.summary,
                    "document": a.document,
                    **_prov(a, smap, "authorities", a.id),
                }
            )
            for a in s.scalars(select(AuthorityRow).order_by(AuthorityRow.date, AuthorityRow.id))
        ]
        officials = [
            _clean(
                {
                    "id": o.id,
                    "state": o.state,
                    "office": o.office,
                    "name": o.name,
                    "names": o.names or None,
                    "title": o.title,
                    "start": o.start,
                    "start_precision": None if o.start_precision == "day" else o.start_precision,
                    "end": o.end,
                    "heads_government": o.heads_government or None,
                    **_prov(o, smap, "officials", o.id),
                }
            )
            for o in s.scalars(select(OfficialRow).order_by(OfficialRow.state, OfficialRow.id))
        ]
        contacts = [
            _clean(
                {
                    "id": c.id,
                    "person": c.person_id,
                    "state": c.state,
                    "office": c.office,
                    "official": c.official_id,
                    "official_name": c.official_name,
                    "kind": c.kind,
                    "date": c.date,
                    "precision": None if c.precision == "day" else c.precision,
                    "status": None if c.status == "occurred" else c.status,
                    "place": c.place,
                    "place_state": c.place_state,
                    "occasion": c.occasion,
                    **_prov(c, smap, "contacts", c.id),
                }
            )
            for c in s.scalars(select(ContactRow).order_by(ContactRow.date, ContactRow.id))
        ]
        # one file per kind of record, as the bundled data keeps them, each with its own map
        for name, items in (
            ("trips", trips),
            ("findings", findings),
            ("authorities", auths),
            ("officials", officials),
            ("contacts", contacts),
        ):
            used = {k for item in items for k in item.get("sources", [])}
            used |= {smap.entries[k]["via"] for k in used if "via" in smap.entries[k]}
            own = {k: v for k, v in smap.entries.items() if k in used}
            _dump(out / "records" / f"{name}.yaml", {"sources": own, name: items})

    (out / STATUTE_FILE).parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(bundled_data_dir() / STATUTE_FILE, out / STATUTE_FILE)
    return {
        "states": len(states),
        "situations": len(sits),
        "persons": n_persons,
        "trips": len(trips),
        "findings": len(findings),
        "authorities": len(auths),
        "officials": len(officials),
        "contacts": len(contacts),
    }
