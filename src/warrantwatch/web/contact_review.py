"""Editors review the contacts the monitor found, in the browser: the same rules as
``warrantwatch review confirm-contact`` / ``reject-contact``.

The queue lists the monitor's grouped contacts (``monitor_contacts``) with the reports they
rest on; confirming copies a contact into the knowledge base with its articles as sources,
rejecting takes it out again. Both go through :mod:`warrantwatch.monitor.contact_record`
(its own transaction and audit row), behind the editor sign-in and the CSRF check every
other changing page uses. The page reports contacts; it does not judge whether one was
essential, and says so.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from warrantwatch import rounding
from warrantwatch.monitor.contact_record import (
    NOT_JUDGED,
    ContactReviewError,
    confirm,
    contact_dict,
    reject,
)
from warrantwatch.monitor.tables import ArticleEntry, ContactEventRecord, ContactRecord
from warrantwatch.web.deps import KB, CsrfChecked, DbSession, Editor
from warrantwatch.web.pages import PageError, render, review_names
from warrantwatch.web.params import RowId

router = APIRouter(include_in_schema=False)

#: Review tabs and the review states each shows, as on the trips' review page.
QUEUES = {"pending": ("pending",), "confirmed": ("confirmed",), "rejected": ("rejected",)}
ACTIONS = ("confirm", "reject")


def contact_queue(session: Session, status: str, limit: int = 50) -> list[dict[str, Any]]:
    """Contacts in one review state, latest change first, each with its reports."""
    rows = session.scalars(
        select(ContactRecord)
        .where(ContactRecord.review_status.in_(QUEUES.get(status, (status,))))
        .order_by(ContactRecord.updated_at.desc(), ContactRecord.id.desc())
        .limit(limit)
    ).all()
    out = []
    for c in rows:
        reports = session.execute(
            select(ContactEventRecord, ArticleEntry)
            .join(ArticleEntry, ArticleEntry.id == ContactEventRecord.article_id, isouter=True)
            .where(ContactEventRecord.contact_id == c.id)
            .order_by(ContactEventRecord.id)
        ).all()
        out.append(
            {
                **contact_dict(c),
                "date": c.date,
                "confidence": rounding.confidence(c.confidence),
                "reviewed_by": c.reviewed_by,
                "reviewed_at": c.reviewed_at,
                "events": [
                    {
                        "evidence": e.evidence,
                        "rejected": e.rejected,
                        "published": e.published,
                        "language": e.language,
                        "url": a.url if a else None,
                        "title": a.title if a else None,
                    }
                    for e, a in reports
                ],
            }
        )
    return out


@router.get("/review/contacts", response_class=HTMLResponse)
def contacts_review_page(
    request: Request,
    kb: KB,
    db: DbSession,
    user: Editor,
    status: str = "pending",
    notice: str | None = None,
) -> Response:
    if status not in QUEUES:
        status = "pending"
    ctx = {
        "contacts": contact_queue(db, status),
        "status": status,
        "tabs": list(QUEUES),
        "notice": notice,
        "not_judged": NOT_JUDGED,
        **review_names(kb.world),
    }
    return render(request, "review_contacts.html", ctx)


@router.post("/review/contacts/{contact_id}/{action}", dependencies=[CsrfChecked])
async def contact_review_action(
    request: Request, kb: KB, user: Editor, contact_id: RowId, action: str
) -> Response:
    """Confirm or reject one contact under the signed-in editor's name."""
    if action not in ACTIONS:
        raise PageError(
            404,
            "No such action",
            f"unknown review action {action!r}; choose one of {', '.join(ACTIONS)}",
            [("Review contacts", "/review/contacts")],
        )
    form = {k: str(v) for k, v in (await request.form()).items()}
    reason = (form.get("reason") or "").strip()
    try:
        if action == "confirm":
            confirm(kb.engine, contact_id, user.username, note=reason or None)
        else:
            reject(kb.engine, contact_id, user.username, reason)
    except ContactReviewError as exc:
        raise PageError(
            409, "Not changed", str(exc), [("Review contacts", "/review/contacts")]
        ) from exc
    request.app.state.kb_watch.changed()
    done = "confirmed" if action == "confirm" else "rejected"
    note = quote_plus(f"Contact {contact_id} {done}.")
    return RedirectResponse(f"/review/contacts?notice={note}", status_code=303)
