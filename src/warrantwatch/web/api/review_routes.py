"""Review through the JSON API: what the review page does, for the tools an NGO runs.

``GET /api/v1/review`` lists the trips the monitor found that wait for a person (or the
confirmed or rejected ones), each with its reports; ``GET /api/v1/review/{id}`` shows one;
``POST /api/v1/review/{id}/confirm|correct|reject`` decides, through the monitor's review
API, which writes the audit row and, on confirmation, the knowledge-base trip with its
sources. Editors only. A tool authenticates with a token (``Authorization: Bearer``); a
browser session must also send the page's CSRF token in ``X-CSRF-Token``, as forms do.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from warrantwatch.web import review_port
from warrantwatch.web.api.models import ErrorOut, Page, ReviewIn, ReviewTripOut
from warrantwatch.web.api.routes import ERRORS, ApiError, Limit, Offset, db_page, encode, send
from warrantwatch.web.deps import KB, DbSession, Editor, csrf_protect
from warrantwatch.web.params import RowId

_MORE: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "Not an editor, or a session without CSRF token."},
    409: {"model": ErrorOut, "description": "The review refused the decision; nothing changed."},
    503: {"model": ErrorOut, "description": "The monitor's review module is not installed."},
}
router = APIRouter(prefix="/api/v1/review", tags=["review"], responses={**ERRORS, **_MORE})


class Queue(StrEnum):
    pending = "pending"
    confirmed = "confirmed"
    rejected = "rejected"


class Action(StrEnum):
    confirm = "confirm"
    correct = "correct"
    reject = "reject"


async def write_guard(request: Request) -> None:
    """A token is proof enough; a session cookie also needs the CSRF header, since a
    cookie is sent by any page the browser visits."""
    if not request.headers.get("authorization", "").lower().startswith("bearer "):
        await csrf_protect(request)


def _trip(db: DbSession, trip_id: RowId) -> dict[str, Any]:
    trip = review_port.trip_with_events(db, trip_id)
    if trip is None:
        raise ApiError(404, "not_found", f"no trip #{trip_id} in the monitor")
    return trip


@router.get("", response_model=Page[ReviewTripOut], summary="Trips waiting for review")
def review_queue(
    request: Request,
    db: DbSession,
    user: Editor,
    status: Queue = Queue.pending,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    """Newest report first. `pending` holds new trips and confirmed ones the news has
    changed since."""
    rows = review_port.queue(db, status.value, limit=limit, offset=offset)
    total = review_port.queue_size(db, status.value)
    return send(request, db_page(request, rows, total, limit, offset))


@router.get("/{trip_id}", response_model=ReviewTripOut, summary="One trip and its reports")
def review_trip(request: Request, db: DbSession, user: Editor, trip_id: RowId) -> Response:
    return send(request, _trip(db, trip_id))


@router.post(
    "/{trip_id}/{action}",
    response_model=ReviewTripOut,
    summary="Confirm, correct or reject a trip",
    dependencies=[Depends(write_guard)],
)
def review_decide(
    request: Request,
    kb: KB,
    db: DbSession,
    user: Editor,
    trip_id: RowId,
    action: Action,
    decision: ReviewIn,
) -> Response:
    """`confirm` puts the trip into the knowledge base (it needs a date: `correct` one
    first); `correct` sets the fields given in `changes`, which later news will not
    undo; `reject` (with a `reason`) stops alerts and takes the trip out of the
    knowledge base. The trip is returned as it is now."""
    _trip(db, trip_id)  # 404 before anything else
    changes: dict[str, Any] | None = None
    if action is Action.correct:
        given = decision.changes.model_dump(exclude_none=True) if decision.changes else {}
        if "destination" in given:
            given["destination"] = given["destination"].upper()
        changes = given
    try:
        review_port.apply(
            kb.engine, action.value, trip_id, user.username, reason=decision.reason, changes=changes
        )
    except review_port.ReviewRefused as exc:
        raise ApiError(409, "refused", str(exc)) from exc
    except review_port.ReviewUnavailable as exc:
        raise ApiError(503, "unavailable", str(exc)) from exc
    request.app.state.kb_watch.changed()
    db.expire_all()
    body, _ = encode(_trip(db, trip_id))
    return Response(body, media_type="application/json", headers={"Cache-Control": "no-store"})
