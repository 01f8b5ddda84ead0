"""Exports of the knowledge base: lossless JSON, CSV tables, FollowTheMoney entities.

The JSON export is a set of tables (states with their status history, situations,
persons, warrants, trips, findings, authorities, states' officials and their contacts
with persons subject to warrants, the Statute's articles), each row
with its sources written out in full. It is lossless: :func:`restore_data_dir`
turns it back into curated data files, and the export itself ships those files
under ``data/``, so ``warrantwatch data load EXPORT/data`` rebuilds the same
knowledge base. Fields the law derives (entry into force, the status today) are
kept apart under ``derived`` and ignored on the way back.

The rows are read from the lead's curated export (:func:`warrantwatch.kb.export.
export_data_dir`), so the JSON carries exactly what ``data export`` carries.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from warrantwatch.kb.export import export_data_dir
from warrantwatch.kb.files import read_data_dir
from warrantwatch.kb.loader import STATUTE_FILE
from warrantwatch.kb.schema import (
    Person,
    RecordsFile,
    SituationsFile,
    Source,
    StatesFile,
)
from warrantwatch.kb.tables import ArticleRow
from warrantwatch.law import warrants as wr
from warrantwatch.law.treaty_status import (
    entry_into_force,
    status_on,
    withdrawal_effective,
)
from warrantwatch.law.world import World

FORMAT_VERSION = 1
TABLES = (
    "states",
    "situations",
    "persons",
    "warrants",
    "trips",
    "findings",
    "authorities",
    "officials",
    "contacts",
    "articles",
)
#: Tables added after the first exports: an older export directory without them reads as
#: having none, so it still restores.
_LATER_TABLES = frozenset({"officials", "contacts"})


class ExportError(RuntimeError):
    """The knowledge base could not be written out (a problem in the data it holds)."""


# -- JSON tables -----------------------------------------------------------------------


def _resolve(keys: list[str], smap: dict[str, Source]) -> list[dict[str, Any]]:
    return [smap[k].model_dump(mode="json", exclude_none=True) for k in keys]


def _sourced(obj: Any, smap: dict[str, Source]) -> dict[str, Any]:
    """A model as a dict, every list of source keys replaced by the sources themselves."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: _resolve(v, smap)
                if k in ("sources", "identity_sources") and isinstance(v, list)
                else walk(v)
                for k, v in node.items()
            }
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    out: dict[str, Any] = walk(obj.model_dump(mode="json", exclude_none=True))
    return out


def json_tables(engine: Engine, world: World, today: dt.date | None = None) -> dict[str, Any]:
    """Every table of the export, from the curated export of ``engine``'s knowledge base."""
    today = today or dt.date.today()
    with tempfile.TemporaryDirectory(prefix="ww-export-") as tmp:
        export_data_dir(engine, Path(tmp))
        files = read_data_dir(Path(tmp))
    if files.problems or files.states is None or files.situations is None:
        raise ExportError("; ".join(str(p) for p in files.problems[:3]) or "incomplete export")

    states = []
    smap = files.states.sources
    for st in files.states.states:
        row = _sourced(st, smap)
        rec = world.states.get(st.iso2)
        ts = status_on(rec, today) if rec else None
        history = []
        for a in sorted(st.actions, key=lambda a: a.date):
            h: dict[str, Any] = {"type": a.type, "date": a.date.isoformat()}
            if a.type in ("ratification", "acceptance", "approval", "accession", "succession"):
                h["entry_into_force"] = (a.effective_from or entry_into_force(a.date)).isoformat()
            if a.type == "withdrawal_notified":
                h["takes_effect"] = withdrawal_effective(a.date, a.later_date).isoformat()
            history.append(h)
        row["derived"] = {
            "status_today": ts.status if ts else None,
            "party_since": ts.party_since.isoformat() if ts and ts.party_since else None,
            "status_history": history,
            "as_of": today.isoformat(),
        }
        states.append(row)

    situations = [_sourced(x, files.situations.sources) for x in files.situations.situations]

    persons, warrants = [], []
    for _, person in sorted(files.persons.values(), key=lambda fp: fp[1].id):
        row = _sourced(person, person.sources)
        row.pop("sources", None)
        ws = row.pop("warrants", [])
        rec = world.persons.get(person.id)
        row["derived"] = {
            "custody_status_today": wr.custody_status(rec, today) if rec else None,
            "as_of": today.isoformat(),
        }
        persons.append(row)
        for w in ws:
            wrec = next((x for x in rec.warrants if x.id == w["id"]), None) if rec else None
            warrants.append(
                {
                    "person": person.id,
                    **w,
                    "derived": {
                        "outstanding_today": wr.is_outstanding(rec, wrec, today)
                        if rec and wrec
                        else None
                    },
                }
            )

    trips, findings, authorities = [], [], []
    officials, contacts = [], []
    for _, rf in sorted(files.records.items()):
        for t in rf.trips:
            row = _sourced(t, rf.sources)
            host = world.states.get(t.destination)
            row["derived"] = {"host_status_then": status_on(host, t.start).status if host else None}
            trips.append(row)
        findings += [_sourced(f, rf.sources) for f in rf.findings]
        authorities += [_sourced(a, rf.sources) for a in rf.authorities]
        # an official without ``end`` held office on the latest page read, not surely
        # today: nothing is derived for them
        officials += [_sourced(o, rf.sources) for o in rf.officials]
        for c in rf.contacts:
            row = _sourced(c, rf.sources)
            # computed, never typed: whether the official's state was a party on the day
            own = world.states.get(c.state)
            then = status_on(own, c.date).status if own else None
            row["derived"] = {"state_status_then": then, "state_party_then": then == "party"}
            contacts.append(row)
    officials.sort(key=lambda o: (o["state"], o["id"]))
    contacts.sort(key=lambda c: (c["date"], c["id"]))

    with Session(engine) as s:
        articles = [
            {"number": a.number, "part": a.part, "title": a.title, "text": a.text}
            for a in s.scalars(select(ArticleRow))
        ]
    articles.sort(key=lambda a: _article_key(a["number"]))
    return {
        "meta": {
            "format": "warrantwatch-export",
            "version": FORMAT_VERSION,
            "exported": today.isoformat(),
            "counts": {
                "states": len(states),
                "situations": len(situations),
                "persons": len(persons),
                "warrants": len(warrants),
                "trips": len(trips),
                "findings": len(findings),
                "authorities": len(authorities),
                "officials": len(officials),
                "contacts": len(contacts),
                "articles": len(articles),
            },
        },
        "states": states,
        "situations": situations,
        "persons": persons,
        "warrants": warrants,
        "trips": trips,
        "findings": findings,
        "authorities": authorities,
        "officials": officials,
        "contacts": contacts,
        "articles": articles,
    }


def _article_key(number: str) -> tuple[int, str]:
    m = re.match(r"(\d+)(.*)", number)
    return (int(m[1]), m[2]) if m else (0, number)


# -- back to curated data files --------------------------------------------------------


class _Keys:
    """One data file's ``sources`` map, rebuilt from full sources with readable keys."""

    def __init__(self) -> None:
        self.by_url: dict[str, str] = {}
        self.entries: dict[str, dict[str, Any]] = {}

    def key(self, src: dict[str, Any]) -> str:
        if src["url"] not in self.by_url:
            base = re.sub(r"[^a-z0-9]+", "-", src["publisher"].lower()).strip("-")[:30] or "src"
            k, n = f"{base}-{src.get('date') or src.get('accessed') or 'undated'}", 2
            stem = k
            while k in self.entries:
                k, n = f"{stem}-{n}", n + 1
            self.by_url[src["url"]] = k
            self.entries[k] = src
        return self.by_url[src["url"]]

    def unresolve(self, node: Any) -> Any:
        if isinstance(node, dict):
            out = {}
            for k, v in node.items():
                if k == "derived":
                    continue
                if k in ("sources", "identity_sources") and isinstance(v, list):
                    out[k] = [self.key(s) for s in v]
                else:
                    out[k] = self.unresolve(v)
            return out
        if isinstance(node, list):
            return [self.unresolve(v) for v in node]
        return node


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        yaml.safe_dump(data, fh, allow_unicode=True, sort_keys=False, width=100)


def restore_data_dir(tables: dict[str, Any], out: Path) -> dict[str, int]:
    """Write the curated data files that ``tables`` (a JSON export) describes.

    Every file is validated against the data-file models before it is written, so a
    damaged export fails here rather than in ``data load``.
    """
    keys = _Keys()
    states = [keys.unresolve(s) for s in tables["states"]]
    sf = StatesFile.model_validate({"sources": keys.entries, "states": states})
    _dump(out / "states.yaml", sf.model_dump(mode="json", exclude_none=True))

    keys = _Keys()
    sits = [keys.unresolve(s) for s in tables["situations"]]
    xf = SituationsFile.model_validate({"sources": keys.entries, "situations": sits})
    _dump(out / "situations.yaml", xf.model_dump(mode="json", exclude_none=True))

    by_person: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for w in tables["warrants"]:
        by_person[w["person"]].append({k: v for k, v in w.items() if k != "person"})
    for row in tables["persons"]:
        keys = _Keys()
        body = keys.unresolve({**row, "warrants": by_person[row["id"]]})
        person = Person.model_validate({**body, "sources": keys.entries})
        data = person.model_dump(mode="json", exclude_none=True)
        _dump(out / "persons" / f"{person.id}.yaml", {"sources": data.pop("sources"), **data})

    keys = _Keys()
    body = {
        "trips": [keys.unresolve(t) for t in tables["trips"]],
        "findings": [keys.unresolve(f) for f in tables["findings"]],
        "authorities": [keys.unresolve(a) for a in tables["authorities"]],
        "officials": [keys.unresolve(o) for o in tables.get("officials", [])],
        "contacts": [keys.unresolve(c) for c in tables.get("contacts", [])],
    }
    rf = RecordsFile.model_validate({"sources": keys.entries, **body})
    _dump(out / "records" / "records.yaml", rf.model_dump(mode="json", exclude_none=True))

    statute = [
        {
            "article": {
                "number": a["number"],
                "part_number": a["part"],
                "name": a["title"],
                "text": a["text"],
            }
        }
        for a in tables["articles"]
    ]
    (out / STATUTE_FILE).parent.mkdir(parents=True, exist_ok=True)
    (out / STATUTE_FILE).write_text(json.dumps(statute, ensure_ascii=False, indent=1), "utf-8")
    return {
        "states": len(states),
        "situations": len(sits),
        "persons": len(tables["persons"]),
        "trips": len(body["trips"]),
        "officials": len(body["officials"]),
        "contacts": len(body["contacts"]),
    }


def write_json(tables: dict[str, Any], out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    for name in ("meta", *TABLES):
        (out / f"{name}.json").write_text(
            json.dumps(tables[name], ensure_ascii=False, indent=1) + "\n", "utf-8"
        )
    restore_data_dir(tables, out / "data")
    return {k: len(tables[k]) for k in TABLES}


def read_json(directory: Path) -> dict[str, Any]:
    """The tables of a JSON export directory, as :func:`json_tables` returned them."""
    out: dict[str, Any] = {}
    for name in ("meta", *TABLES):
        path = directory / f"{name}.json"
        if name in _LATER_TABLES and not path.exists():
            out[name] = []
            continue
        out[name] = json.loads(path.read_text("utf-8"))
    return out


# -- CSV ---------------------------------------------------------------------------------


def _src_cells(sources: list[dict[str, Any]]) -> dict[str, str]:
    sources = list({s["url"]: s for s in sources}.values())
    return {
        "source_urls": " | ".join(s["url"] for s in sources),
        "source_titles": " | ".join(f"{s['publisher']}: {s['title']}" for s in sources),
    }


def csv_rows(tables: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Flat tables for spreadsheets; each row names its sources (URL and title)."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for s in tables["states"]:
        d = s["derived"]
        out["states"].append(
            {
                "iso2": s["iso2"],
                "iso3": s["iso3"],
                "name": s["name"],
                "un_status": s["un_status"],
                "status_today": d["status_today"],
                "party_since": d["party_since"],
                "as_of": d["as_of"],
                "note": s.get("note"),
                **_src_cells(
                    [x for a in s.get("actions", []) for x in a["sources"]] + s.get("sources", [])
                ),
            }
        )
        derived = {(h["type"], h["date"]): h for h in d["status_history"]}
        for a in s.get("actions", []):
            h = derived.get((a["type"], a["date"]), {})
            out["state_actions"].append(
                {
                    "iso2": s["iso2"],
                    "type": a["type"],
                    "date": a["date"],
                    "later_date": a.get("later_date"),
                    "effective_from": a.get("effective_from"),
                    "entry_into_force": h.get("entry_into_force"),
                    "takes_effect": h.get("takes_effect"),
                    "confidence": a.get("confidence", "high"),
                    "note": a.get("note"),
                    **_src_cells(a["sources"]),
                }
            )
        for dcl in s.get("declarations", []):
            out["declarations"].append(
                {
                    "iso2": s["iso2"],
                    **{
                        k: dcl.get(k) for k in ("lodged", "period_start", "period_end", "situation")
                    },
                    "confidence": dcl.get("confidence", "high"),
                    **_src_cells(dcl["sources"]),
                }
            )
    for p in tables["persons"]:
        out["persons"].append(
            {
                "id": p["id"],
                "name": p["name"],
                "wikidata": p.get("wikidata"),
                "birth_date": p.get("birth_date"),
                "nationality": " | ".join(p.get("nationality", [])),
                "names": " | ".join(n["name"] for n in p.get("names", [])),
                "custody_status_today": p["derived"]["custody_status_today"],
                "note": p.get("note"),
                **_src_cells(p.get("identity_sources", [])),
            }
        )
        for pos in p.get("positions", []):
            out["positions"].append(
                {
                    "person": p["id"],
                    **{k: pos.get(k) for k in ("title", "role", "state", "start", "end")},
                    **_src_cells(pos["sources"]),
                }
            )
        for c in p.get("custody", []):
            out["custody"].append(
                {
                    "person": p["id"],
                    **{k: c.get(k) for k in ("date", "status", "warrant", "place")},
                    **_src_cells(c["sources"]),
                }
            )
    for w in tables["warrants"]:
        out["warrants"].append(
            {
                "person": w["person"],
                **{
                    k: w.get(k)
                    for k in ("id", "kind", "situation", "case", "issued", "chamber", "made_public")
                },
                "charges": " | ".join(
                    f"{c['crime']} (art. {c['article']})" for c in w.get("charges", [])
                ),
                "outstanding_today": w["derived"]["outstanding_today"],
                "confidence": w.get("confidence", "high"),
                **_src_cells(w["sources"]),
            }
        )
    for t in tables["trips"]:
        out["trips"].append(
            {
                **{
                    k: t.get(k)
                    for k in (
                        "id",
                        "person",
                        "destination",
                        "place",
                        "occasion",
                        "start",
                        "end",
                        "precision",
                        "outcome",
                        "confidence",
                    )
                },
                "host_status_then": t["derived"]["host_status_then"],
                **_src_cells(t["sources"]),
            }
        )
    for f in tables["findings"]:
        out["findings"].append(
            {
                **{
                    k: f.get(k)
                    for k in ("id", "state", "person", "trip", "decision_date", "chamber")
                },
                "referred_to": " | ".join(f.get("referred_to", [])),
                "summary": f["summary"],
                "document": f.get("document"),
                **_src_cells(f["sources"]),
            }
        )
    for o in tables.get("officials", []):
        out["officials"].append(
            {
                **{k: o.get(k) for k in ("id", "state", "office", "name", "title", "start")},
                "start_precision": o.get("start_precision", "day"),
                "end": o.get("end"),
                "names": " | ".join(o.get("names", [])),
                **_src_cells(o["sources"]),
            }
        )
    names = {o["id"]: o["name"] for o in tables.get("officials", [])}
    for c in tables.get("contacts", []):
        out["contacts"].append(
            {
                **{k: c.get(k) for k in ("id", "person", "state", "office", "official")},
                "official_name": c.get("official_name") or names.get(c.get("official") or ""),
                **{k: c.get(k) for k in ("kind", "date")},
                "precision": c.get("precision", "day"),
                "status": c.get("status", "occurred"),
                **{k: c.get(k) for k in ("place", "place_state", "occasion")},
                "state_status_then": c["derived"]["state_status_then"],
                "state_party_then": c["derived"]["state_party_then"],
                **_src_cells(c["sources"]),
            }
        )
    seen: dict[str, dict[str, Any]] = {}
    for table in (t for t in TABLES if t not in ("authorities", "articles")):
        _collect_sources(tables.get(table, []), seen)
    out["sources"] = sorted(seen.values(), key=lambda s: s["url"])
    return dict(out)


def _collect_sources(node: Any, seen: dict[str, dict[str, Any]]) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("sources", "identity_sources") and isinstance(v, list):
                for s in v:
                    seen.setdefault(
                        s["url"],
                        {
                            "url": s["url"],
                            "publisher": s["publisher"],
                            "title": s["title"],
                            "date": s.get("date"),
                            "accessed": s.get("accessed"),
                        },
                    )
            else:
                _collect_sources(v, seen)
    elif isinstance(node, list):
        for v in node:
            _collect_sources(v, seen)


def write_csv(tables: dict[str, Any], out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for name, rows in csv_rows(tables).items():
        cols = list(dict.fromkeys(k for r in rows for k in r))
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=cols)
            w.writeheader()
            w.writerows(rows)
        counts[name] = len(rows)
    return counts


def export(engine: Engine, world: World, fmt: str, out: Path) -> dict[str, int]:
    """Write the export in ``fmt`` (``json``, ``csv`` or ``ftm``) into directory ``out``."""
    if fmt == "ftm":
        from warrantwatch.reports.ftm import write_ftm

        return write_ftm(world, out)
    tables = json_tables(engine, world)
    if fmt == "csv":
        return write_csv(tables, out)
    return write_json(tables, out)
