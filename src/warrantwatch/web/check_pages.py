"""The statement checker on the site: ``GET /check`` (the form), ``POST /check`` (pasted
text or an uploaded file, CSRF-checked like every form) and ``POST /api/v1/check`` (JSON).

The page shows the statement with each checked sentence highlighted by its worst
verdict, and the claims with what the knowledge base says and its sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from warrantwatch.check.engine import check_text
from warrantwatch.check.inputs import MAX_INPUT_BYTES, UnreadableInput, text_of
from warrantwatch.check.model import CheckResult, worst
from warrantwatch.web.api.models import ErrorOut
from warrantwatch.web.api.routes import ERRORS, ApiError
from warrantwatch.web.deps import KB, CsrfChecked, Reader, reader
from warrantwatch.web.pages import render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", dependencies=[Depends(reader)], responses=ERRORS)


def segments(result: CheckResult) -> list[dict[str, Any]]:
    """The text cut into plain stretches and checked sentences, each with its verdict."""
    by_span: dict[tuple[int, int], list[int]] = {}
    for i, c in enumerate(result.claims, 1):
        by_span.setdefault((c.start, c.end), []).append(i)
    out: list[dict[str, Any]] = []
    pos = 0
    for (start, end), ids in sorted(by_span.items()):
        if start < pos:
            continue
        if start > pos:
            out.append({"text": result.text[pos:start], "verdict": None, "ids": []})
        verdict = worst([result.claims[i - 1].verdict for i in ids])
        out.append({"text": result.text[start:end], "verdict": verdict, "ids": ids})
        pos = end
    if pos < len(result.text):
        out.append({"text": result.text[pos:], "verdict": None, "ids": []})
    return out


@router.get("/check", response_class=HTMLResponse)
def check_page(request: Request, _user: Reader) -> Response:
    return render(request, "check.html", {"nav": "check", "on": dt.date.today()})


@router.post("/check", response_class=HTMLResponse, dependencies=[CsrfChecked])
async def check_post(
    request: Request,
    kb: KB,
    _user: Reader,
    text: Annotated[str, Form(max_length=MAX_INPUT_BYTES)] = "",
    on: Annotated[str, Form(max_length=20)] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    ctx: dict[str, Any] = {"nav": "check", "text": text, "on": on or dt.date.today()}
    try:
        day = dt.date.fromisoformat(on) if on.strip() else dt.date.today()
    except ValueError:
        ctx["error"] = f"Not a date: {on!r}. Use YYYY-MM-DD, for example 2025-10-09."
        return render(request, "check.html", ctx, status=422)
    try:
        statement = await _statement(text, upload)
    except UnreadableInput as exc:
        ctx["error"] = f"The statement cannot be read: {exc}."
        return render(request, "check.html", ctx, status=422)
    result = check_text(kb.world, statement, day)
    ctx.update({"result": result, "segments": segments(result), "on": day, "text": statement})
    return render(request, "check.html", ctx)


async def _statement(text: str, upload: UploadFile | None) -> str:
    if upload is not None and upload.filename:
        data = await upload.read(MAX_INPUT_BYTES + 1)
        if len(data) > MAX_INPUT_BYTES:
            raise UnreadableInput(f"the file is larger than {MAX_INPUT_BYTES} bytes")
        statement = text_of(data, upload.filename, upload.content_type or "")
    else:
        statement = text
    if not statement.strip():
        raise UnreadableInput("paste a statement or choose a file")
    return statement


class CheckIn(BaseModel):
    text: str = Field(
        min_length=1, max_length=MAX_INPUT_BYTES, description="The statement, plain text"
    )
    on: dt.date | None = Field(None, description="Judge as of this date (default today)")


@api_router.post(
    "/check",
    summary="Check a statement's claims against the knowledge base",
    responses={400: {"model": ErrorOut, "description": "A body that is not JSON"}},
)
def check_api(body: CheckIn, kb: KB) -> dict[str, Any]:
    """JSON in, JSON out; a JSON body cannot be sent cross-site without the browser asking
    first, and nothing is stored, so no CSRF token is needed here."""
    if not body.text.strip():
        raise ApiError(422, "empty", "the statement is empty")
    return check_text(kb.world, body.text, body.on).as_dict()
