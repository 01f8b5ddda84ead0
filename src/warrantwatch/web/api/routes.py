"""``/api/v1``: persons, warrants, states, parties, assess, trips, events, alerts.

Every answer is JSON with an ``ETag``; a conditional GET whose ``If-None-Match``
matches gets ``304 Not Modified``. Unknown ids and malformed parameters get a 4xx
with a JSON body naming the closest valid choices. Bodies are serialised once and
``assess`` answers are cached per knowledge-base snapshot, which keeps the hot path
to a dictionary lookup.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from warrantwatch.kb.lookup import LookupFailed
from warrantwatch.law import warrants as wr
from warrantwatch.law.obligations import assess
from warrantwatch.law.summaries import STATUS_FILTERS, person_summary, state_actions, state_summary
from warrantwatch.law.summaries import parties as list_parties
from warrantwatch.law.summaries import persons as list_persons
from warrantwatch.web import facts, review_port
from warrantwatch.web.api.models import (
    AlertItem,
    AssessmentOut,
    ErrorOut,
    EventItem,
    Page,
    PersonDetail,
    PersonItem,
    StateDetail,
    StateItem,
    TripItem,
    WarrantItem,
    WhereOut,
)
from warrantwatch.web.deps import KB, DbSession, reader
from warrantwatch.web.params import IsoDate

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Reading needs an account on this site"},
    404: {"model": ErrorOut, "description": "Unknown or ambiguous id; suggestions given"},
    422: {"model": ErrorOut, "description": "Malformed parameter"},
}
router = APIRouter(prefix="/api/v1", dependencies=[Depends(reader)], responses=ERRORS)


class ApiError(Exception):
    def __init__(
        self, status: int, error: str, detail: str, suggestions: list[str] | None = None
    ) -> None:
        super().__init__(detail)
        self.status, self.error, self.detail = status, error, detail
        self.suggestions = suggestions or []

    def body(self) -> dict[str, Any]:
        return {"error": self.error, "detail": self.detail, "suggestions": self.suggestions}


def not_found(exc: LookupFailed) -> ApiError:
    return ApiError(404, "ambiguous" if exc.ambiguous else "not_found", str(exc), exc.suggestions)


def _default(o: Any) -> Any:
    if isinstance(o, dt.datetime):
        # the monitor stores naive UTC; say so, as RFC 3339 wants an offset
        return o.isoformat() if o.tzinfo else o.isoformat() + "Z"
    if isinstance(o, dt.date):
        return o.isoformat()
    if hasattr(o, "as_dict"):
        return o.as_dict()
    raise TypeError(f"cannot serialise {type(o).__name__}")


def encode(payload: Any) -> tuple[bytes, str]:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=_default).encode()
    return body, '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def etag_matches(header: str | None, etag: str) -> bool:
    if not header:
        return False
    if header.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in header.split(","))


def respond(request: Request, body: bytes, etag: str) -> Response:
    private = not request.app.state.settings.web_public_read or "authorization" in request.headers
    headers = {
        "ETag": etag,
        "Cache-Control": ("private" if private else "public") + ", max-age=0, must-revalidate",
        "Vary": "Authorization, Cookie",
    }
    if etag_matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def send(request: Request, payload: Any) -> Response:
    return respond(request, *encode(payload))


# --- shared parameters --------------------------------------------------------------------

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
On = Annotated[
    IsoDate | None,
    Query(
        description="Date, YYYY-MM-DD (default: today).",
        ge=dt.date(1, 1, 2),
        le=dt.date(9998, 12, 31),
    ),
]


def page(request: Request, items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    total = len(items)
    chunk = items[offset : offset + limit]
    nxt = None
    if offset + limit < total:
        params = dict(request.query_params)
        params.update(offset=str(offset + limit), limit=str(limit))
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": chunk, "total": total, "limit": limit, "offset": offset, "next": nxt}


def _day(on: dt.date | None) -> dt.date:
    return on or dt.date.today()


CustodyFilter = StrEnum("CustodyFilter", {k.replace("-", "_"): k for k in STATUS_FILTERS})  # type: ignore[misc]


class StatusFilter(StrEnum):
    party = "party"
    non_party = "non_party"
    not_yet_party = "not_yet_party"
    withdrawn = "withdrawn"


class OutcomeFilter(StrEnum):
    planned = "planned"
    not_arrested = "not_arrested"
    arrested = "arrested"
    cancelled = "cancelled"
    did_not_attend = "did_not_attend"


# --- persons and warrants -----------------------------------------------------------------


@router.get("/persons", response_model=Page[PersonItem], summary="Persons with ICC warrants")
async def persons(
    request: Request,
    kb: KB,
    on: On = None,
    status: Annotated[CustodyFilter | None, Query(description="Custody status on `on`.")] = None,
    situation: Annotated[str | None, Query(max_length=60, description="Situation id.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Everyone with a public ICC warrant or summons, with custody status on a date."""
    rows = list_persons(kb.world, _day(on), status.value if status else None)
    if situation:
        rows = [r for r in rows if situation in r["situations"]]
    return send(request, page(request, rows, limit, offset))


@router.get("/persons/{person}", response_model=PersonDetail, summary="One person")
async def person(
    request: Request,
    kb: KB,
    person: Annotated[str, Path(description="Slug, Wikidata id or any name variant.")],
    on: On = None,
) -> Response:
    """Warrants with charges, positions, custody history and trips, with sources."""
    try:
        p = kb.resolver.person(person)
    except LookupFailed as exc:
        raise not_found(exc) from exc
    return send(request, person_summary(kb.world, p, _day(on)))


def _warrant_rows(kb: KB, on: dt.date) -> list[dict[str, Any]]:
    world = kb.world
    out = []
    for p in sorted(world.persons.values(), key=lambda p: p.name):
        for w in sorted(p.warrants, key=lambda w: w.issued):
            sit = world.situations.get(w.situation)
            out.append(
                {
                    "id": w.id,
                    "person_id": p.id,
                    "person_name": p.name,
                    "kind": w.kind,
                    "situation": w.situation,
                    "situation_name": sit.name if sit else None,
                    "case": w.case,
                    "issued": w.issued,
                    "chamber": w.chamber,
                    "made_public": w.made_public,
                    "outstanding": wr.is_outstanding(p, w, on),
                    "verified": w.fact.verified,
                    "charges": [
                        {
                            "crime": c.crime,
                            "article": c.article,
                            "category": c.category,
                            "mode": c.mode,
                        }
                        for c in w.charges
                    ],
                    "sources": [s.as_dict() for s in w.fact.sources],
                }
            )
    return out


@router.get("/warrants", response_model=Page[WarrantItem], summary="Warrants and summonses")
async def warrants(
    request: Request,
    kb: KB,
    on: On = None,
    person: Annotated[
        str | None, Query(max_length=200, description="Person (any name variant).")
    ] = None,
    situation: Annotated[str | None, Query(max_length=60, description="Situation id.")] = None,
    outstanding: Annotated[
        bool | None, Query(description="Only those outstanding (or not) on `on`.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Every public warrant and summons with its charges (articles) and sources."""
    rows = _warrant_rows(kb, _day(on))
    if person:
        try:
            pid = kb.resolver.person(person).id
        except LookupFailed as exc:
            raise not_found(exc) from exc
        rows = [r for r in rows if r["person_id"] == pid]
    if situation:
        rows = [r for r in rows if r["situation"] == situation]
    if outstanding is not None:
        rows = [r for r in rows if r["outstanding"] is outstanding]
    return send(request, page(request, rows, limit, offset))


@router.get("/warrants/{warrant_id}", response_model=WarrantItem, summary="One warrant")
async def warrant(request: Request, kb: KB, warrant_id: str, on: On = None) -> Response:
    rows = _warrant_rows(kb, _day(on))
    for r in rows:
        if r["id"] == warrant_id:
            return send(request, r)
    from rapidfuzz import process

    close = [c for c, _, _ in process.extract(warrant_id, [r["id"] for r in rows], limit=3)]
    raise ApiError(404, "not_found", f"unknown warrant {warrant_id!r}", close)


# --- states -------------------------------------------------------------------------------


@router.get("/states", response_model=Page[StateItem], summary="States and their status")
async def states(
    request: Request,
    kb: KB,
    on: On = None,
    status: Annotated[
        StatusFilter | None, Query(description="Rome Statute status on `on`.")
    ] = None,
    limit: Limit = 250,
    offset: Offset = 0,
) -> Response:
    day = _day(on)
    rows = [state_summary(s, day) for s in sorted(kb.world.states.values(), key=lambda s: s.name)]
    if status:
        rows = [r for r in rows if r["state_status"] == status.value]
    return send(request, page(request, rows, limit, offset))


@router.get("/states/{state}", response_model=StateDetail, summary="One state")
async def state(
    request: Request,
    kb: KB,
    state: Annotated[str, Path(description="ISO code or a name in a major language.")],
    on: On = None,
) -> Response:
    """Treaty record, what the state owes on the date, and non-compliance findings."""
    try:
        s = kb.resolver.state(state)
    except LookupFailed as exc:
        raise not_found(exc) from exc
    day = _day(on)
    rec = facts.state_record(kb.world, s, day)
    payload = {
        **state_summary(s, day),
        "actions": state_actions(s),
        "declarations": [
            {
                "lodged": d.lodged,
                "period_start": d.period_start,
                "period_end": d.period_end,
                "situation": d.situation,
                "verified": d.fact.verified,
            }
            for d in s.declarations
        ],
        "owes": rec["owes"],
        "findings": [
            {
                "id": f.id,
                "person": f.person,
                "trip": f.trip,
                "decision_date": f.decision_date,
                "chamber": f.chamber,
                "summary": f.summary,
                "referred_to": list(f.referred_to),
                "verified": f.fact.verified,
            }
            for f in rec["findings"]
        ],
        "sources": [x.as_dict() for x in rec["sources"]],
    }
    return send(request, payload)


@router.get("/parties", response_model=Page[StateItem], summary="States Parties on a date")
async def parties(
    request: Request, kb: KB, on: On = None, limit: Limit = 250, offset: Offset = 0
) -> Response:
    return send(request, page(request, list_parties(kb.world, _day(on)), limit, offset))


# --- the question -------------------------------------------------------------------------


@facts.per_world_cache(4096)
def _assessment_body(world: Any, person_id: str, iso2: str, on: dt.date) -> tuple[bytes, str]:
    return encode(assess(world, world.persons[person_id], world.states[iso2], on).as_dict())


@router.get("/assess", response_model=AssessmentOut, summary="Must STATE arrest PERSON on a date?")
async def assess_api(
    request: Request,
    kb: KB,
    person: Annotated[
        str,
        Query(min_length=1, max_length=200, description="Slug, Wikidata id or any name variant."),
    ],
    state: Annotated[
        str,
        Query(min_length=1, max_length=200, description="ISO code or a name in a major language."),
    ],
    on: On = None,
) -> Response:
    """The same JSON as `warrantwatch assess --format json`: duty, basis, reasoning,
    citations with the articles quoted, precedents, caveats and sources."""
    try:
        p = kb.resolver.person(person)
        s = kb.resolver.state(state)
    except LookupFailed as exc:
        raise not_found(exc) from exc
    return respond(request, *_assessment_body(kb.world, p.id, s.iso2, _day(on)))


@router.get("/where", response_model=WhereOut, summary="Which states must arrest PERSON on a date?")
async def where_api(
    request: Request,
    kb: KB,
    person: Annotated[
        str,
        Query(min_length=1, max_length=200, description="Slug, Wikidata id or any name variant."),
    ],
    on: On = None,
) -> Response:
    """Every state, with whether it must arrest the person on the date and on what basis:
    the same JSON as `warrantwatch where PERSON --format json`."""
    from warrantwatch.law.where import where

    try:
        p = kb.resolver.person(person)
    except LookupFailed as exc:
        raise not_found(exc) from exc
    return send(request, where(kb.world, p, _day(on)).as_dict())


# --- trips, events, alerts ----------------------------------------------------------------


@router.get("/trips", response_model=Page[TripItem], summary="Trips of persons subject to warrants")
async def trips(
    request: Request,
    kb: KB,
    person: Annotated[
        str | None, Query(max_length=200, description="Person (any name variant).")
    ] = None,
    state: Annotated[str | None, Query(max_length=200, description="Destination state.")] = None,
    outcome: OutcomeFilter | None = None,
    start_from: Annotated[
        IsoDate | None, Query(alias="from", description="First day, inclusive.")
    ] = None,
    start_to: Annotated[
        IsoDate | None, Query(alias="to", description="Last day, inclusive.")
    ] = None,
    bound: Annotated[
        bool | None, Query(description="Only trips to hosts bound (or not) to arrest.")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    world = kb.world
    try:
        pid = kb.resolver.person(person).id if person else None
        iso2 = kb.resolver.state(state).iso2 if state else None
    except LookupFailed as exc:
        raise not_found(exc) from exc
    rows = []
    for t in sorted(world.trips, key=lambda t: t.start, reverse=True):
        if (pid and t.person != pid) or (iso2 and t.destination != iso2):
            continue
        if (outcome and t.outcome != outcome.value) or (start_from and t.start < start_from):
            continue
        if start_to and t.start > start_to:
            continue
        row = facts.trip_row(world, t)
        if bound is not None and row["bound"] is not bound:
            continue
        row["sources"] = [x.as_dict() for x in row["sources"]]
        row["findings"] = [{**f} for f in row["findings"]]
        rows.append(row)
    return send(request, page(request, rows, limit, offset))


@router.get("/events", response_model=Page[EventItem], summary="Trip events the monitor found")
def events(
    request: Request,
    kb: KB,
    db: DbSession,
    person: Annotated[str | None, Query(max_length=200)] = None,
    state: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[
        str | None, Query(max_length=20, pattern="^(planned|occurred|cancelled|arrest)$")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Reports of trips found in the news, newest first, each with its evidence and article."""
    try:
        pid = kb.resolver.person(person).id if person else None
        iso2 = kb.resolver.state(state).iso2 if state else None
    except LookupFailed as exc:
        raise not_found(exc) from exc
    rows, total = review_port.events(
        db, person=pid, destination=iso2, status=status, limit=limit, offset=offset
    )
    return send(request, db_page(request, rows, total, limit, offset))


@router.get("/alerts", response_model=Page[AlertItem], summary="Alerts the monitor raised")
def alerts(request: Request, db: DbSession, limit: Limit = 50, offset: Offset = 0) -> Response:
    rows, total = review_port.alerts(db, limit=limit, offset=offset)
    return send(request, db_page(request, rows, total, limit, offset))


def db_page(
    request: Request, rows: list[Any], total: int, limit: int, offset: int
) -> dict[str, Any]:
    nxt = None
    if offset + limit < total:
        params = dict(request.query_params)
        params.update(offset=str(offset + limit), limit=str(limit))
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": rows, "total": total, "limit": limit, "offset": offset, "next": nxt}
