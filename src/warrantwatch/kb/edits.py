"""Editors' changes to the record: add, correct or retract a fact, each with its source.

The data files stay the base of the knowledge base. A change an editor makes (on the site,
on the command line, or by accepting a watcher's proposal) is stored as one ``kb_edits`` row
(who, when, the fact before and after, why, and the page it rests on) and applied to the
tables at once; every rebuild from the data files applies the rows again, in order, so the
change survives until ``data export`` carries it into the files. Applying is idempotent by
each fact's natural key (a custody event is its person, date, status and warrant): once the
files hold the fact, the row finds it there and changes nothing.

Every function raises :class:`EditError` with a message fit to show as it is; nothing is
written then.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from warrantwatch.kb import schema
from warrantwatch.kb.tables import (
    Base,
    ChargeRow,
    CustodyRow,
    FactSource,
    FindingRow,
    KbEdit,
    PersonRow,
    PositionRow,
    SituationRow,
    SourceRow,
    StateRow,
    TreatyActionRow,
    TripRow,
    WarrantRow,
)
from warrantwatch.kb.tiers import rules_for
from warrantwatch.kb.urls import address_problem

ACTIONS = ("add", "correct", "retract")
EDIT_ORIGIN = "edit"


class EditError(ValueError):
    """The change cannot be made; the message says why."""


@dataclass(frozen=True)
class Kind:
    """One kind of fact an editor may change: its table, owner, natural key and fields."""

    name: str
    table: type[Base]
    fact_table: str  # the name provenance links use (``fact_sources.fact_table``)
    model: type[BaseModel]  # the data-file model that validates the fields
    owner: str | None  # "person" or "state": the field naming whose fact it is
    key: tuple[str, ...]  # natural key, in data-file field names
    columns: Mapping[str, str]  # data-file field -> column, where they differ

    @staticmethod
    def row_key(row: Any) -> str:
        """The provenance key of a row (``fact_sources.fact_key``)."""
        return str(row.id)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "warrant",
            WarrantRow,
            "warrants",
            schema.Warrant,
            "person",
            ("id",),
            {"person": "person_id", "situation": "situation_id"},
        ),
        Kind(
            "custody",
            CustodyRow,
            "custody_events",
            schema.CustodyEvent,
            "person",
            ("person", "date", "status", "warrant"),
            {"person": "person_id", "warrant": "warrant_id"},
        ),
        Kind(
            "treaty_action",
            TreatyActionRow,
            "treaty_actions",
            schema.TreatyAction,
            "state",
            ("state", "type", "date"),
            {"state": "state_iso2"},
        ),
        Kind(
            "finding",
            FindingRow,
            "findings",
            schema.Finding,
            None,
            ("id",),
            {"person": "person_id", "trip": "trip_id"},
        ),
        Kind(
            "trip",
            TripRow,
            "trips",
            schema.Trip,
            None,
            ("id",),
            {"person": "person_id"},
        ),
        Kind(
            "position",
            PositionRow,
            "positions",
            schema.Position,
            "person",
            ("person", "title", "start"),
            {"person": "person_id"},
        ),
    )
}
#: fields that are provenance, not part of the fact's model fields
_PROVENANCE = ("confidence", "note")


def kind_of(name: str) -> Kind:
    kind = KINDS.get(name.replace("-", "_"))
    if kind is None:
        raise EditError(f"unknown kind {name!r}; choose one of {', '.join(KINDS)}")
    return kind


def fields_of(kind: Kind) -> list[str]:
    """The fields an editor can give for ``kind`` (the owner first)."""
    names = [n for n in kind.model.model_fields if n != "sources"]
    return ([kind.owner] if kind.owner else []) + names


# ------------------------------------------------------------------ validation


def check_source(source: Mapping[str, Any]) -> dict[str, Any]:
    """The page a change rests on, validated like a data file's source, as JSON."""
    try:
        src = schema.Source.model_validate({k: v for k, v in source.items() if v not in (None, "")})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"])
        raise EditError(
            "every change needs its source (url, publisher, title, and date or accessed): "
            + (f"{where}: " if where else "")
            + err["msg"]
        ) from exc
    if src.via is not None:
        raise EditError("a change's source is the page read; 'via' belongs in the data files")
    if problem := address_problem(src.url):
        raise EditError(f"source address: {problem}")
    if rules_for().is_placeholder(src.title):
        raise EditError("source title: give the page's real title, not a description")
    return src.model_dump(mode="json", exclude_none=True)


def _parse_value(value: Any) -> Any:
    """Values from a form or the command line: JSON lists and objects are parsed."""
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in "[{":
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise EditError(f"not valid JSON: {text[:40]!r} ({exc.msg})") from exc
        return text or None
    return value


def _validate(kind: Kind, fields: Mapping[str, Any]) -> dict[str, Any]:
    """``fields`` checked against the data-file model; returns them JSON-ready."""
    values = {k: _parse_value(v) for k, v in fields.items()}
    values = {k: v for k, v in values.items() if v is not None}
    unknown = sorted(set(values) - set(fields_of(kind)))
    if unknown:
        raise EditError(
            f"{kind.name} has no field {', '.join(unknown)}; fields: {', '.join(fields_of(kind))}"
        )
    if kind.owner and not values.get(kind.owner):
        raise EditError(f"say whose {kind.name} it is: {kind.owner}=...")
    body = {k: v for k, v in values.items() if k != kind.owner}
    try:
        model = kind.model.model_validate({**body, "sources": ["edit"]})
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(x) for x in err["loc"]) or kind.name
        raise EditError(f"{kind.name}: {where}: {err['msg']}") from exc
    out = model.model_dump(mode="json", exclude_none=True, exclude={"sources"})
    out = {k: v for k, v in out.items() if not (k == "confidence" and v == "high")}
    if kind.owner:
        out = {kind.owner: str(values[kind.owner]), **out}
    return out


def _refs(s: Session, kind: Kind, fact: Mapping[str, Any]) -> None:
    """The records a fact points at exist (person, state, situation, warrant, trip)."""
    checks: list[tuple[str, type[Base], str]] = [
        ("person", PersonRow, "person"),
        ("state", StateRow, "state"),
        ("destination", StateRow, "state"),
        ("situation", SituationRow, "situation"),
        ("trip", TripRow, "trip"),
    ]
    if kind.name != "warrant":
        checks.append(("warrant", WarrantRow, "warrant"))
    for field, table, what in checks:
        value = fact.get(field)
        if value is not None and s.get(table, value) is None:
            raise EditError(f"no {what} {value!r} in the knowledge base")
    if kind.name == "custody" and fact.get("warrant"):
        w = s.get(WarrantRow, fact["warrant"])
        if w is not None and w.person_id != fact["person"]:
            raise EditError(f"warrant {fact['warrant']!r} is not {fact['person']}'s")
        executes = fact["status"] in ("arrested", "surrendered", "appeared")
        if w is not None and executes and dt.date.fromisoformat(fact["date"]) < w.issued:
            raise EditError(f"warrant executed before it was issued ({w.issued})")
    if kind.name == "warrant" and not str(fact["id"]).startswith(fact["person"]):
        raise EditError(f"warrant id must start with {fact['person']}")


# ------------------------------------------------------------------ rows <-> facts


def _column(kind: Kind, field: str) -> str:
    return kind.columns.get(field, field)


def _coerce(kind: Kind, column: str, value: Any) -> Any:
    """A JSON value (ISO date strings) as the column stores it."""
    if isinstance(value, str):
        try:
            if kind.table.__table__.c[column].type.python_type is dt.date:
                return dt.date.fromisoformat(value)
        except (NotImplementedError, KeyError):
            return value
    return value


def fact_of(s: Session, kind: Kind, row: Any) -> dict[str, Any]:
    """A row as a fact in the data-file shape (what the audit shows before and after)."""
    out: dict[str, Any] = {}
    for field in fields_of(kind):
        if field == "charges":
            charges = s.scalars(
                select(ChargeRow).where(ChargeRow.warrant_id == row.id).order_by(ChargeRow.seq)
            )
            value: Any = [
                {
                    k: v
                    for k, v in (
                        ("crime", c.crime),
                        ("article", c.article),
                        ("category", c.category),
                        ("mode", c.mode),
                    )
                    if v is not None
                }
                for c in charges
            ]
        else:
            value = getattr(row, _column(kind, field), None)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value not in (None, [], "") and not (field == "confidence" and value == "high"):
            out[field] = value
    return out


def _key_of(kind: Kind, fact: Mapping[str, Any]) -> dict[str, Any]:
    return {k: fact.get(k) for k in kind.key}


def target_label(kind: Kind, fact: Mapping[str, Any]) -> str:
    return " ".join(str(v) for v in _key_of(kind, fact).values() if v is not None)


def find(s: Session, kind: Kind, match: Mapping[str, Any]) -> list[Any]:
    """Rows of ``kind`` whose fields equal every value in ``match`` (data-file names)."""
    q = select(kind.table)
    for field, value in match.items():
        if field not in fields_of(kind) or field == "charges":
            raise EditError(f"cannot select a {kind.name} by {field!r}")
        name = _column(kind, field)
        col = getattr(kind.table, name)
        q = q.where(col.is_(None) if value is None else col == _coerce(kind, name, value))
    return list(s.scalars(q))


def _one(s: Session, kind: Kind, match: Mapping[str, Any]) -> Any:
    if not match:
        raise EditError(f"say which {kind.name}: give the fields that pick it out")
    rows = find(s, kind, {k: _parse_value(v) for k, v in match.items()})
    if not rows:
        raise EditError(f"no {kind.name} matches {dict(match)}")
    if len(rows) > 1:
        found = "; ".join(target_label(kind, fact_of(s, kind, r)) for r in rows[:5])
        raise EditError(f"{len(rows)} {kind.name}s match; be more precise ({found})")
    return rows[0]


def _write(s: Session, kind: Kind, row: Any, fact: Mapping[str, Any]) -> None:
    for field, value in fact.items():
        if field in ("charges",):
            continue
        col = _column(kind, field)
        setattr(row, col, _coerce(kind, col, value))
    if "charges" in fact:
        s.flush()
        s.execute(delete(ChargeRow).where(ChargeRow.warrant_id == row.id))
        s.add_all(
            ChargeRow(
                warrant_id=row.id,
                seq=i,
                crime=c["crime"],
                article=c["article"],
                category=c["category"],
                mode=c.get("mode"),
            )
            for i, c in enumerate(fact["charges"])
        )


def _new_row(s: Session, kind: Kind, fact: Mapping[str, Any], note: str) -> Any:
    row = kind.table()
    for field in fields_of(kind):
        if field in ("charges",):
            continue
        col = _column(kind, field)
        if hasattr(kind.table, col):
            setattr(row, col, None)
    defaults = {"confidence": "high", "note": note, "origin": EDIT_ORIGIN}
    if kind.name == "warrant":
        defaults["kind"] = "arrest_warrant"
    if kind.name == "trip":
        defaults["precision"] = "day"
    for k, v in defaults.items():
        setattr(row, k, v)
    _write(s, kind, row, {k: v for k, v in fact.items() if k != "charges"})
    s.add(row)
    s.flush()
    if "charges" in fact:
        _write(s, kind, row, {"charges": fact["charges"]})
    return row


def _source_id(s: Session, source: Mapping[str, Any]) -> int:
    row = s.scalars(select(SourceRow).where(SourceRow.url == source["url"])).first()
    if row is None:
        row = SourceRow(
            url=source["url"],
            publisher=source["publisher"],
            title=source["title"],
            date=dt.date.fromisoformat(source["date"]) if source.get("date") else None,
            accessed=dt.date.fromisoformat(source["accessed"]) if source.get("accessed") else None,
            tier=rules_for().tier(source["url"], source["publisher"]),
            symbol=source.get("symbol"),
        )
        s.add(row)
        s.flush()
    return row.id


def _link(s: Session, kind: Kind, row: Any, source: Mapping[str, Any]) -> None:
    key = kind.row_key(row)
    sid = _source_id(s, source)
    exists = s.get(FactSource, (kind.fact_table, key, sid))
    if exists is None:
        s.add(FactSource(fact_table=kind.fact_table, fact_key=key, source_id=sid))


def _unlink(s: Session, kind: Kind, row: Any) -> None:
    s.execute(
        delete(FactSource).where(
            FactSource.fact_table == kind.fact_table, FactSource.fact_key == kind.row_key(row)
        )
    )


# ------------------------------------------------------------------ applying


def _note(editor: str, at: dt.datetime, reason: str, action: str) -> str:
    verb = {"add": "Added", "correct": "Corrected", "retract": "Retracted"}[action]
    return f"{verb} by {editor} on {at.date().isoformat()}: {reason}"


def _apply(s: Session, edit: KbEdit) -> str:
    """Apply one stored edit; returns ``applied``, ``present`` (already so) or ``stale``."""
    kind = kind_of(edit.kind)
    after, before = edit.after or {}, edit.before or {}
    if edit.action == "add":
        if find(s, kind, _key_of(kind, after)):
            return "present"
        row = _new_row(s, kind, after, _note(edit.editor, edit.at, edit.reason, "add"))
        _link(s, kind, row, edit.source)
        return "applied"
    rows = find(s, kind, _key_of(kind, before))
    if edit.action == "retract":
        if not rows:
            return "present"
        for row in rows:
            _unlink(s, kind, row)
            s.delete(row)
        return "applied"
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    changed.update({k: None for k in before if k not in after})
    if not rows:
        return "present" if find(s, kind, _key_of(kind, after)) else "stale"
    row = rows[0]
    _write(s, kind, row, changed)
    note = _note(edit.editor, edit.at, edit.reason, "correct")
    row.note = f"{row.note} {note}" if row.note and note not in row.note else note
    _link(s, kind, row, edit.source)
    return "applied"


def apply_all(s: Session) -> dict[str, int]:
    """Apply every stored edit in order (after a rebuild from the data files)."""
    counts = {"applied": 0, "present": 0, "stale": 0}
    for edit in list(s.scalars(select(KbEdit).order_by(KbEdit.id))):
        try:
            counts[_apply(s, edit)] += 1
        except (EditError, ValueError, KeyError):  # a field or record the data no longer has
            counts["stale"] += 1
        s.flush()
    return counts


def record(
    engine: Engine,
    editor: str,
    action: str,
    kind_name: str,
    *,
    values: Mapping[str, Any] | None = None,
    match: Mapping[str, Any] | None = None,
    source: Mapping[str, Any],
    reason: str,
    origin: str = "editor",
) -> KbEdit:
    """Make one change and keep it: validated, applied, audited, in one transaction."""
    if not editor or not editor.strip():
        raise EditError("say who you are: an editor name is required")
    if not reason or not reason.strip():
        raise EditError("say why: a reason is required")
    if action not in ACTIONS:
        raise EditError(f"unknown action {action!r}; choose one of {', '.join(ACTIONS)}")
    kind = kind_of(kind_name)
    src = check_source(source)
    from warrantwatch.monitor.review import bump_kb_generation

    with Session(engine) as s, s.begin():
        before: dict[str, Any] | None = None
        if action == "add":
            after: dict[str, Any] | None = _validate(kind, values or {})
            assert after is not None
            _refs(s, kind, after)
            if find(s, kind, _key_of(kind, after)):
                raise EditError(
                    f"that {kind.name} is already on record: {target_label(kind, after)}"
                )
        else:
            row = _one(s, kind, match or {})
            before = fact_of(s, kind, row)
            if action == "retract":
                after = None
            else:
                if not values:
                    raise EditError("nothing to correct: give the fields to change")
                merged = {**before, **{k: _parse_value(v) for k, v in values.items()}}
                after = _validate(kind, merged)
                _refs(s, kind, after)
                if after == before:
                    raise EditError("nothing changes: the values given are those on record")
        edit = KbEdit(
            at=dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0),
            editor=editor.strip(),
            action=action,
            kind=kind.name,
            target=target_label(kind, after or before or {}),
            before=before,
            after=after,
            source=src,
            reason=reason.strip(),
            origin=origin,
        )
        s.add(edit)
        s.flush()
        if _apply(s, edit) != "applied":
            raise EditError("the change could not be applied; nothing was written")
        bump_kb_generation(s)
        s.expunge(edit)
    return edit


def history(engine: Engine, limit: int = 100) -> list[dict[str, Any]]:
    """The changes editors made, newest first, as the audit shows them."""
    with Session(engine) as s:
        rows = s.scalars(select(KbEdit).order_by(KbEdit.id.desc()).limit(limit)).all()
        return [
            {
                "id": r.id,
                "at": r.at,
                "editor": r.editor,
                "action": r.action,
                "kind": r.kind,
                "target": r.target,
                "before": r.before,
                "after": r.after,
                "source": r.source,
                "reason": r.reason,
                "origin": r.origin,
            }
            for r in rows
        ]


def latest_edit(engine: Engine) -> dt.datetime | None:
    with Session(engine) as s:
        return s.scalar(select(KbEdit.at).order_by(KbEdit.id.desc()).limit(1))
