"""The review queue: people confirm, correct or reject what the monitor inferred.

Each function takes the database ``Engine``, runs in one transaction, writes an audit
row (who, what, when, the values before and after) and returns the trip as a
:class:`~warrantwatch.monitor.store.TripView`. Bad input raises :class:`ReviewError`
with a message fit to show as it is.

A confirmed trip joins the knowledge base: a row in ``trips`` with ``origin="review"``
and one provenance link per article it rests on (``sources`` / ``fact_sources``), so
``warrantwatch person`` lists it with its sources, and data reloads keep it. Confirming
again after a correction, or after the news changed the trip, updates that row;
rejecting a confirmed trip takes it out again. The in-memory ``World`` of a running
process does not see the change until it reloads (``KnowledgeBase.reload()``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from warrantwatch.kb.tables import FactSource, PersonRow, SourceRow, StateRow, TripRow
from warrantwatch.kb.tiers import tier_of
from warrantwatch.monitor.grouping import recompute, trip_events
from warrantwatch.monitor.store import TripView, list_trips, trip_view
from warrantwatch.monitor.tables import (
    ArticleEntry,
    AuditEntry,
    EventRecord,
    TripRecord,
    utcnow,
)

#: Review states a trip can be in; ``changed`` = confirmed, then the news moved it.
REVIEW_STATES = ("pending", "changed", "confirmed", "rejected")
#: Fields :func:`correct` accepts, and what they must be.
CORRECTABLE = {
    "person": "a person id in the knowledge base",
    "destination": "an ISO 3166-1 alpha-2 code",
    "place": "text",
    "start_date": "YYYY-MM-DD",
    "end_date": "YYYY-MM-DD",
    "status": "planned, occurred, cancelled or arrest",
    "outcome": "planned, not_arrested, arrested, cancelled or did_not_attend",
    "occasion": "text",
}
STATUSES = ("planned", "occurred", "cancelled", "arrest")
OUTCOMES = ("planned", "not_arrested", "arrested", "cancelled", "did_not_attend")
#: How a monitor status becomes a knowledge-base trip outcome (unless the reviewer set one).
OUTCOME_OF_STATUS = {
    "planned": "planned",
    "occurred": "not_arrested",
    "cancelled": "cancelled",
    "arrest": "arrested",
}


class ReviewError(ValueError):
    """The review action cannot be done; the message says why."""


def pending(engine: Engine, *, limit: int = 100, offset: int = 0) -> list[TripView]:
    """Trips waiting for a person: new ones and confirmed ones the news has changed."""
    return list_trips(engine, review_status=("pending", "changed"), limit=limit, offset=offset)


def show(engine: Engine, trip_id: int) -> TripView:
    """One trip with its events, sources and review history."""
    view = trip_view(engine, trip_id)
    if view is None:
        raise ReviewError(f"no trip #{trip_id} in the monitor")
    return view


def confirm(engine: Engine, trip_id: int, editor: str, *, note: str | None = None) -> TripView:
    """Confirm the trip: it joins the knowledge base with its articles as sources."""
    _check_editor(editor)
    with Session(engine) as s, s.begin():
        trip = _trip(s, trip_id)
        if trip.start_date is None:
            raise ReviewError(
                f"trip #{trip_id} has no date; set one first: "
                f"warrantwatch review correct {trip_id} --date YYYY-MM-DD --by NAME"
            )
        before = snapshot(trip)
        trip.review_status = "confirmed"
        trip.reviewed_by = editor
        trip.reviewed_at = utcnow()
        trip.kb_trip_id = _write_kb_trip(s, trip, editor, note)
        _audit(s, editor, "confirm", trip, before, reason=note)
    return show(engine, trip_id)


def correct(
    engine: Engine,
    trip_id: int,
    editor: str,
    fields: Mapping[str, Any],
    *,
    reason: str | None = None,
) -> TripView:
    """Set some of the trip's fields (see :data:`CORRECTABLE`); later news won't undo them.

    A confirmed trip stays confirmed and its knowledge-base row is updated.
    """
    _check_editor(editor)
    if not fields:
        raise ReviewError("nothing to correct: give at least one field")
    unknown = sorted(set(fields) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(f"cannot correct {', '.join(unknown)}; fields: {', '.join(CORRECTABLE)}")
    values = {k: _clean(k, v) for k, v in fields.items()}
    with Session(engine) as s, s.begin():
        trip = _trip(s, trip_id)
        if "person" in values and s.get(PersonRow, values["person"]) is None:
            raise ReviewError(f"no person {values['person']!r} in the knowledge base")
        if "destination" in values and s.get(StateRow, values["destination"]) is None:
            raise ReviewError(f"no state {values['destination']!r} in the knowledge base")
        before = snapshot(trip)
        for k, v in values.items():
            setattr(trip, "person_id" if k == "person" else k, v)
        if trip.end_date and trip.start_date and trip.end_date < trip.start_date:
            raise ReviewError("the end date is before the start date")
        trip.locked = True
        trip.updated_at = utcnow()
        if values.keys() & {"person", "destination", "start_date"}:
            _reassess(s, trip)
        trip.reviewed_by = editor
        trip.reviewed_at = utcnow()
        if trip.review_status == "confirmed" and trip.kb_trip_id:
            trip.kb_trip_id = _write_kb_trip(s, trip, editor, None)
        _audit(s, editor, "correct", trip, before, reason=reason)
    return show(engine, trip_id)


def reject(engine: Engine, trip_id: int, editor: str, reason: str) -> TripView:
    """Reject the trip (a false report, a misread name ...): no alerts; out of the KB."""
    _check_editor(editor)
    if not reason or not reason.strip():
        raise ReviewError("give a reason for the rejection")
    with Session(engine) as s, s.begin():
        trip = _trip(s, trip_id)
        before = snapshot(trip)
        trip.review_status = "rejected"
        trip.reviewed_by = editor
        trip.reviewed_at = utcnow()
        if trip.kb_trip_id:
            _remove_kb_trip(s, trip.kb_trip_id)
            trip.kb_trip_id = None
        _audit(s, editor, "reject", trip, before, reason=reason)
    return show(engine, trip_id)


def reject_event(engine: Engine, event_id: int, editor: str, reason: str) -> TripView:
    """Reject one report of a trip (say, a misread date); the trip is recomputed without it."""
    _check_editor(editor)
    if not reason or not reason.strip():
        raise ReviewError("give a reason for the rejection")
    with Session(engine) as s, s.begin():
        ev = s.get(EventRecord, event_id)
        if ev is None or ev.trip_id is None:
            raise ReviewError(f"no event #{event_id} in the monitor")
        trip = _trip(s, ev.trip_id)
        before = snapshot(trip)
        ev.rejected = True
        s.flush()
        recompute(trip, trip_events(s, trip.id))
        trip.updated_at = utcnow()
        _audit(s, editor, "reject_event", trip, before, reason=reason, event_id=event_id)
        trip_id = trip.id
    return show(engine, trip_id)


def snapshot(trip: TripRecord) -> dict[str, Any]:
    """The reviewable fields of a trip, JSON-ready (the audit's before/after)."""

    def iso(d: dt.date | None) -> str | None:
        return d.isoformat() if d else None

    return {
        "person": trip.person_id,
        "destination": trip.destination,
        "place": trip.place,
        "start_date": iso(trip.start_date),
        "end_date": iso(trip.end_date),
        "status": trip.status,
        "outcome": trip.outcome,
        "occasion": trip.occasion,
        "review_status": trip.review_status,
        "kb_trip_id": trip.kb_trip_id,
    }


# ---------------------------------------------------------------- internals


def _check_editor(editor: str) -> None:
    if not editor or not editor.strip():
        raise ReviewError("say who you are: an editor name is required")


def _trip(s: Session, trip_id: int) -> TripRecord:
    trip = s.get(TripRecord, trip_id)
    if trip is None:
        raise ReviewError(f"no trip #{trip_id} in the monitor")
    return trip


def _audit(
    s: Session,
    editor: str,
    action: str,
    trip: TripRecord,
    before: dict[str, Any],
    *,
    reason: str | None = None,
    event_id: int | None = None,
) -> None:
    s.add(
        AuditEntry(
            at=utcnow(),
            editor=editor.strip(),
            action=action,
            trip_id=trip.id,
            event_id=event_id,
            before=before,
            after=snapshot(trip),
            reason=reason,
        )
    )


def _clean(key: str, value: Any) -> Any:
    if value is None or value == "":
        if key in ("person", "destination", "status"):
            raise ReviewError(f"{key} cannot be empty")
        return None
    if key in ("start_date", "end_date"):
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError as exc:
            raise ReviewError(f"{key}: not a date: {value!r}; use YYYY-MM-DD") from exc
    if key == "destination":
        code = str(value).strip().upper()
        if len(code) != 2 or not code.isalpha():
            raise ReviewError(f"destination: {value!r} is not a two-letter ISO code")
        return code
    if key == "status" and value not in STATUSES:
        raise ReviewError(f"status must be one of {', '.join(STATUSES)}, not {value!r}")
    if key == "outcome" and value not in OUTCOMES:
        raise ReviewError(f"outcome must be one of {', '.join(OUTCOMES)}, not {value!r}")
    return str(value).strip()


def _reassess(s: Session, trip: TripRecord) -> None:
    """Refresh the stored verdict after a correction of who, where or when (no alert: the
    reviewer is the one who knows)."""
    from warrantwatch.kb.repository import load_world
    from warrantwatch.monitor.alerts import assessment_for

    trip.assessment = assessment_for(load_world(s), trip, utcnow().date())
    trip.bound = None if trip.assessment is None else trip.assessment["duty"] == "binding"


def kb_trip_id(trip: TripRecord) -> str:
    """Knowledge-base id of a reviewed trip; the ``-m<N>`` suffix keeps it apart from curated
    ids (``vladimir-putin-2025-10-tj``) and stable across corrections."""
    return f"{trip.person_id}-{trip.destination.lower()}-m{trip.id}"


def _publisher(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _write_kb_trip(s: Session, trip: TripRecord, editor: str, note: str | None) -> str:
    """Insert or update the trip's row in the knowledge base, with its article sources."""
    assert trip.start_date is not None
    tid = kb_trip_id(trip)
    if trip.kb_trip_id and trip.kb_trip_id != tid:
        _remove_kb_trip(s, trip.kb_trip_id)
    events = [e for e in trip_events(s, trip.id) if not e.rejected]
    arts = list(
        s.scalars(
            select(ArticleEntry)
            .where(ArticleEntry.id.in_({e.article_id for e in events}))
            .order_by(ArticleEntry.id)
        )
    )
    publishers = {_publisher(a.url) for a in arts}
    today = utcnow().date()
    bump_kb_generation(s)
    s.merge(
        TripRow(
            id=tid,
            person_id=trip.person_id,
            destination=trip.destination,
            place=trip.place,
            occasion=trip.occasion,
            start=trip.start_date,
            end=trip.end_date,
            precision="day",
            outcome=trip.outcome or OUTCOME_OF_STATUS.get(trip.status, "planned"),
            confidence="high" if len(publishers) >= 2 else "medium",
            note=(
                f"Found by the news monitor (trip #{trip.id}); confirmed in review by {editor} "
                f"on {today.isoformat()}." + (f" {note}" if note else "")
            ),
            origin="review",
        )
    )
    s.execute(
        delete(FactSource).where(FactSource.fact_table == "trips", FactSource.fact_key == tid)
    )
    s.flush()
    for a in arts:
        src = s.scalars(select(SourceRow).where(SourceRow.url == a.url)).first()
        if src is None:
            src = SourceRow(
                url=a.url,
                publisher=_publisher(a.url),
                title=a.title or a.url,
                date=a.published,
                accessed=(a.processed_at or a.seen_at).date(),
                tier=tier_of(a.url, _publisher(a.url)),
            )
            s.add(src)
            s.flush()
        s.add(FactSource(fact_table="trips", fact_key=tid, source_id=src.id))
    return tid


#: Meta key bumped in the same transaction as every change review makes to the knowledge
#: base, whichever process makes it (CLI, site, API): readers holding the knowledge base in
#: memory (each web worker, the long-running monitor) reload when it moves.
KB_GENERATION = "kb_generation"


def bump_kb_generation(s: Session) -> None:
    from warrantwatch.kb.database import get_meta, set_meta

    set_meta(s, KB_GENERATION, str(int(get_meta(s, KB_GENERATION) or 0) + 1))


def _remove_kb_trip(s: Session, tid: str) -> None:
    bump_kb_generation(s)
    s.execute(
        delete(FactSource).where(FactSource.fact_table == "trips", FactSource.fact_key == tid)
    )
    s.execute(delete(TripRow).where(TripRow.id == tid, TripRow.origin == "review"))


def _unlink(s: Session, tid: str) -> None:
    s.execute(
        delete(FactSource).where(FactSource.fact_table == "trips", FactSource.fact_key == tid)
    )
