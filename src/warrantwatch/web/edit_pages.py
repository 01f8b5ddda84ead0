"""Editors change the record in the browser: the same rules as ``warrantwatch edit``.

One form per kind of fact (warrant or summons, custody event, treaty action, finding, trip,
position), with the page the change rests on and the reason; the change goes through
:func:`warrantwatch.kb.edits.record` (validated, applied, audited in one transaction) and
every worker reloads the knowledge base through the generation counter. A refused change is
shown on the form again with the reason, status 422, and nothing is written.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote_plus

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from warrantwatch.kb.edits import ACTIONS, KINDS, EditError, fields_of, record
from warrantwatch.web.deps import KB, CsrfChecked, Editor
from warrantwatch.web.pages import render

router = APIRouter(include_in_schema=False)

SOURCE_FIELDS = ("url", "publisher", "title", "date", "accessed", "symbol")
#: fields shown as a date picker
DATE_FIELDS = frozenset(
    {
        "date",
        "issued",
        "made_public",
        "start",
        "end",
        "decision_date",
        "later_date",
        "effective_from",
    }
)
#: what each field takes, beside its box
HINTS = {
    "person": "person id (vladimir-putin)",
    "state": "ISO alpha-2 (TJ)",
    "destination": "ISO alpha-2",
    "status": "at_large, arrested, surrendered, appeared, in_national_custody, released, "
    "convicted, acquitted, deceased, warrant_withdrawn, proceedings_terminated",
    "type": "signature, ratification, accession, withdrawal_notified …",
    "kind": "arrest_warrant or summons",
    "charges": 'JSON list: [{"crime": "…", "article": "8(2)(a)(vii)", "category": "war_crime"}]',
    "referred_to": 'JSON list: ["asp", "unsc"]',
    "confidence": "high, medium or low (unverified)",
    "outcome": "planned, not_arrested, arrested, cancelled, did_not_attend",
}


def _form_ctx(kind: str, form: dict[str, str], **extra: Any) -> dict[str, Any]:
    k = KINDS[kind]
    return {
        "kinds": list(KINDS),
        "kind": kind,
        "fields": fields_of(k),
        "key_fields": k.key,
        "date_fields": DATE_FIELDS,
        "hints": HINTS,
        "actions": ACTIONS,
        "form": form,
        "nav": "edit",
        **extra,
    }


@router.get("/edit", response_class=HTMLResponse)
def edit_form(request: Request, user: Editor, kind: str = "custody") -> Response:
    kind = kind.replace("-", "_")
    if kind not in KINDS:
        kind = "custody"
    form = {k: str(v) for k, v in request.query_params.items()}
    return render(request, "edit.html", _form_ctx(kind, form))


def _back_to(kind: str, fact: dict[str, Any] | None) -> str:
    if not fact:
        return "/audit"
    if fact.get("person"):
        return f"/persons/{fact['person']}"
    if fact.get("state"):
        return f"/states/{fact['state']}"
    return "/audit"


@router.post("/edit", dependencies=[CsrfChecked])
async def edit_submit(request: Request, kb: KB, user: Editor) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    kind = form.get("kind", "").replace("-", "_")
    if kind not in KINDS:
        return render(
            request,
            "edit.html",
            _form_ctx("custody", form, error=f"unknown kind {kind!r}"),
            status=422,
        )
    action = form.get("action", "add")
    names = fields_of(KINDS[kind])
    values = {f: form[f"v_{f}"] for f in names if form.get(f"v_{f}", "").strip()}
    match = {f: form[f"m_{f}"] for f in names if form.get(f"m_{f}", "").strip()}
    source = {f: form.get(f"s_{f}", "").strip() or None for f in SOURCE_FIELDS}
    try:
        edit = record(
            kb.engine,
            user.username,
            action,
            kind,
            values=values if action != "retract" else None,
            match=match if action != "add" else None,
            source=source,
            reason=form.get("reason", ""),
        )
    except EditError as exc:
        return render(request, "edit.html", _form_ctx(kind, form, error=str(exc)), status=422)
    request.app.state.kb_watch.changed()
    done = {"add": "added", "correct": "corrected", "retract": "retracted"}[action]
    note = f"{kind.replace('_', ' ').capitalize()} {edit.target} {done} (change {edit.id})."
    target = _back_to(kind, edit.after or edit.before)
    return RedirectResponse(f"{target}?notice={quote_plus(note)}", status_code=303)


@router.post("/review/proposals/{proposal_id}/{action}", dependencies=[CsrfChecked])
async def proposal_action(
    request: Request, kb: KB, user: Editor, proposal_id: int, action: str
) -> Response:
    """Accept (with the editor's completions) or reject a watcher's proposal."""
    from warrantwatch.monitor.record_watch import ProposalError, accept, reject

    form = {k: str(v) for k, v in (await request.form()).items()}
    try:
        if action == "accept":
            changes = {k[2:]: v for k, v in form.items() if k.startswith("v_") and v.strip()}
            edit_id = accept(kb.engine, proposal_id, user.username, changes=changes)
            note = f"Proposal {proposal_id} accepted (change {edit_id})."
        elif action == "reject":
            reject(kb.engine, proposal_id, user.username, form.get("reason", ""))
            note = f"Proposal {proposal_id} rejected."
        else:
            return render(request, "error.html", {"heading": "No such action",
                          "message": f"unknown action {action!r}", "suggestions": []},
                          status=404)  # fmt: skip
    except (EditError, ProposalError) as exc:
        ctx = {
            "heading": "Not changed",
            "message": str(exc),
            "suggestions": [("Review", "/review")],
        }
        return render(request, "error.html", ctx, status=409)
    request.app.state.kb_watch.changed()
    return RedirectResponse(f"/review?notice={quote_plus(note)}", status_code=303)
