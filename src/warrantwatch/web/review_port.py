"""The review queue as the web layer sees it, in front of the monitor's review API.

Listing reads the monitor's tables (``monitor_trips`` pending review, with their
``monitor_events`` as evidence and ``monitor_audit`` as the trail). Changes go only
through :mod:`warrantwatch.monitor.review`, which owns the rules (a confirmed trip is
copied into the knowledge base with its sources); when that module is missing the
page says so and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
from types import ModuleType
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from warrantwatch import rounding
from warrantwatch.monitor.tables import ArticleEntry, AuditEntry, EventRecord, TripRecord

ACTIONS = ("confirm", "correct", "reject")
OUTCOMES = ("planned", "not_arrested", "arrested", "cancelled", "did_not_attend")


class ReviewUnavailable(RuntimeError):
    """The monitor's review module is not installed in this build."""


class ReviewRefused(ValueError):
    """The review API refused the change (unknown trip, stale version, bad value)."""


def review_module() -> ModuleType | None:
    try:
        return importlib.import_module("warrantwatch.monitor.review")
    except ImportError:
        return None


def _event_dict(e: EventRecord, a: ArticleEntry | None) -> dict[str, Any]:
    return {
        "id": e.id,
        "status": e.status,
        "place": e.place,
        "start_date": e.start_date,
        "evidence": e.evidence,
        "confidence": rounding.confidence(e.confidence),
        "language": e.language,
        "published": e.published,
        "rejected": e.rejected,
        "url": a.url if a else None,
        "title": a.title if a else None,
    }


def trip_dict(t: TripRecord) -> dict[str, Any]:
    return {
        "id": t.id,
        "person_id": t.person_id,
        "destination": t.destination,
        "place": t.place,
        "start_date": t.start_date,
        "end_date": t.end_date,
        "status": t.status,
        "outcome": t.outcome,
        "occasion": t.occasion,
        "confidence": rounding.confidence(t.confidence),
        "first_seen_at": t.first_seen_at,
        "updated_at": t.updated_at,
        "review_status": t.review_status,
        "reviewed_by": t.reviewed_by,
        "reviewed_at": t.reviewed_at,
        "bound": t.bound,
        "version": t.version,
        "kb_trip_id": t.kb_trip_id,
    }


#: Review tabs and the monitor review states each shows ("changed" = confirmed, then the
#: news moved it: it needs a person again).
QUEUES = {"pending": ("pending", "changed"), "confirmed": ("confirmed",), "rejected": ("rejected",)}


def queue(
    session: Session, status: str = "pending", limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """Trips awaiting review (or in another review state), newest report first, with evidence."""
    trips = session.scalars(
        select(TripRecord)
        .where(TripRecord.review_status.in_(QUEUES.get(status, (status,))))
        .order_by(TripRecord.updated_at.desc(), TripRecord.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return [_with_events(session, t) for t in trips]


def queue_size(session: Session, status: str = "pending") -> int:
    from sqlalchemy import func

    q = select(func.count()).select_from(TripRecord)
    return session.scalar(q.where(TripRecord.review_status.in_(QUEUES.get(status, (status,))))) or 0


def trip_with_events(session: Session, trip_id: int) -> dict[str, Any] | None:
    """One trip as the review queue shows it, or None."""
    t = session.get(TripRecord, trip_id)
    return None if t is None else _with_events(session, t)


def _with_events(session: Session, t: TripRecord) -> dict[str, Any]:
    rows = session.execute(
        select(EventRecord, ArticleEntry)
        .join(ArticleEntry, ArticleEntry.id == EventRecord.article_id, isouter=True)
        .where(EventRecord.trip_id == t.id)
        .order_by(EventRecord.id)
    ).all()
    return {**trip_dict(t), "events": [_event_dict(e, a) for e, a in rows]}


def _audit_target(r: AuditEntry) -> str:
    snap = r.after or r.before or {}
    if r.contact_id and not r.trip_id:
        when = f", {snap['date']}" if snap.get("date") else ""
        who = f" ({snap['state']} – {snap['person']}{when})" if snap.get("person") else ""
        return f"contact {r.contact_id}{who}"
    what = f"trip {r.trip_id}" if r.trip_id else f"event {r.event_id}"
    if snap.get("person") and snap.get("destination"):
        when = f", {snap['start_date']}" if snap.get("start_date") else ""
        what += f" ({snap['person']} → {snap['destination']}{when})"
    if r.event_id and r.trip_id:
        what += f", report {r.event_id}"
    return what


def audit_trail(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)).all()
    return [
        {
            "at": r.at,
            "actor": r.editor,
            "action": r.action,
            "target": _audit_target(r),
            "trip_id": r.trip_id,
            "event_id": r.event_id,
            "before": r.before,
            "after": r.after,
            "note": r.reason,
        }
        for r in rows
    ]


def apply(
    engine: Engine,
    action: str,
    trip_id: int,
    editor: str,
    *,
    reason: str | None = None,
    changes: dict[str, Any] | None = None,
) -> None:
    """Confirm, correct or reject one trip through the monitor's review API (its own
    transaction and audit row)."""
    mod = review_module()
    if mod is None:
        raise ReviewUnavailable("the monitor's review module is not installed")
    if action not in ACTIONS:
        raise ReviewRefused(f"unknown action {action!r}")
    try:
        if action == "confirm":
            mod.confirm(engine, trip_id, editor, note=reason)
        elif action == "correct":
            mod.correct(engine, trip_id, editor, changes or {}, reason=reason)
        else:
            mod.reject(engine, trip_id, editor, reason or "")
    except mod.ReviewError as exc:
        raise ReviewRefused(str(exc)) from exc


def parse_changes(form: dict[str, str]) -> dict[str, Any]:
    """The correction fields an editor filled in; empty fields change nothing."""
    out: dict[str, Any] = {}
    for key in ("destination", "place", "occasion"):
        v = (form.get(key) or "").strip()
        if v:
            out[key] = v.upper() if key == "destination" else v
    for key in ("start_date", "end_date"):
        v = (form.get(key) or "").strip()
        if v:
            try:
                out[key] = dt.date.fromisoformat(v)
            except ValueError as exc:
                raise ReviewRefused(f"{key.replace('_', ' ')}: not a date: {v!r}") from exc
    v = (form.get("outcome") or "").strip()
    if v:
        if v not in OUTCOMES:
            raise ReviewRefused(f"unknown outcome {v!r}; choose one of {', '.join(OUTCOMES)}")
        out["outcome"] = v
    return out


def events(
    session: Session,
    *,
    person: str | None = None,
    destination: str | None = None,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict[str, Any]], int]:
    """Trip events the monitor found, newest first, with the article each came from."""
    from sqlalchemy import func

    q = select(EventRecord, ArticleEntry).join(
        ArticleEntry, ArticleEntry.id == EventRecord.article_id, isouter=True
    )
    count = select(func.count()).select_from(EventRecord)
    for col, value in (
        (EventRecord.person_id, person),
        (EventRecord.destination, destination),
        (EventRecord.status, status),
    ):
        if value is not None:
            q, count = q.where(col == value), count.where(col == value)
    rows = session.execute(
        q.order_by(EventRecord.created_at.desc(), EventRecord.id.desc()).limit(limit).offset(offset)
    ).all()
    out = [
        {
            **_event_dict(e, a),
            "trip_id": e.trip_id,
            "person_id": e.person_id,
            "destination": e.destination,
            "created_at": e.created_at,
        }
        for e, a in rows
    ]
    return out, int(session.scalar(count) or 0)


def alerts(
    session: Session, *, limit: int = 50, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Alerts the monitor decided on, newest first, whether delivered yet or not."""
    from sqlalchemy import func

    from warrantwatch.monitor.tables import OutboxAlert

    rows = session.scalars(
        select(OutboxAlert)
        .order_by(OutboxAlert.created_at.desc(), OutboxAlert.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    total = session.scalar(select(func.count()).select_from(OutboxAlert)) or 0
    return [
        {
            "id": r.id,
            "trip_id": r.trip_id,
            "reason": r.reason,
            "title": r.title,
            "body": r.body,
            "created_at": r.created_at,
            "delivered_at": r.delivered_at,
        }
        for r in rows
    ], int(total)
