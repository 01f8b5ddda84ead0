"""The FastAPI application: pages, the JSON API, static files, errors, security.

``create_app()`` opens the knowledge base (building the embedded SQLite database from
the bundled data on first run, exactly like the CLI), so ``uvicorn --factory
warrantwatch.web.app:create_app`` and ``warrantwatch serve`` run the same site.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException

from warrantwatch.config import Settings, get_settings
from warrantwatch.kb.database import get_meta, set_meta
from warrantwatch.kb.service import KnowledgeBase, open_kb
from warrantwatch.web import (
    account_pages,
    check_pages,
    contact_review,
    downloads,
    edit_pages,
    pages,
)
from warrantwatch.web.api import review_routes as api_review
from warrantwatch.web.api import routes as api
from warrantwatch.web.background import MonitorThread
from warrantwatch.web.deps import CsrfFailed, Forbidden, NotSignedIn
from warrantwatch.web.kbwatch import KbWatch
from warrantwatch.web.limits import RequestLimits
from warrantwatch.web.security import SecurityHeaders, Signer
from warrantwatch.web.templating import make_templates

STATIC = Path(__file__).with_name("static")
log = logging.getLogger("warrantwatch.web")

API_DESCRIPTION = (
    "Must state Y arrest person X on date D, and on what basis? Persons subject to ICC "
    "warrants, their warrants and charges, states' Rome Statute status on any date, the "
    "assessment with its reasoning, citations and sources, trips, and what the news "
    "monitor found. Read-only; public unless the site is configured otherwise."
)


def secret_key(settings: Settings, kb: KnowledgeBase) -> str:
    """The configured key, or one made once and kept in the database for every worker."""
    if settings.web_secret_key:
        return settings.web_secret_key
    with Session(kb.engine) as s, s.begin():
        key = get_meta(s, "web_secret_key")
        if key is None:
            key = secrets.token_urlsafe(48)
            set_meta(s, "web_secret_key", key)
    # another worker may have won the race: read back what is stored
    with Session(kb.engine) as s:
        return get_meta(s, "web_secret_key") or key


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def api_error(
    status: int, error: str, detail: str, suggestions: list[str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": error, "detail": detail, "suggestions": suggestions or []}, status_code=status
    )


def _validation_detail(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    errors = []
    for e in exc.errors():
        loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
        errors.append({"parameter": ".".join(loc), "problem": e.get("msg", "invalid")})
    text = "; ".join(f"{e['parameter']}: {e['problem']}" for e in errors) or "invalid request"
    return text, errors


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(api.ApiError)
    async def _api_error(request: Request, exc: api.ApiError) -> Response:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(pages.PageError)
    async def _page_error(request: Request, exc: pages.PageError) -> Response:
        return pages.page_error(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        text, errors = _validation_detail(exc)
        if not is_api(request) and any(e.get("loc", ())[:1] == ("path",) for e in exc.errors()):
            # a page address with an id out of range names no page: 404, as for any other
            message = f"There is no page at {request.url.path}."
            return pages.page_error(request, pages.PageError(404, "Page not found", message))
        if is_api(request):
            return JSONResponse(
                {"error": "invalid_parameter", "detail": text, "suggestions": [], "errors": errors},
                status_code=422,
            )
        return pages.page_error(request, pages.PageError(400, "Bad request", text))

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        if is_api(request):
            return api_error(
                401,
                "not_signed_in",
                "sign in, or send an API token as 'Authorization: Bearer ww_...'",
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        if is_api(request):
            return api_error(403, "forbidden", str(exc))
        return pages.page_error(
            request, pages.PageError(403, "Not allowed", str(exc).capitalize() + ".")
        )

    @app.exception_handler(CsrfFailed)
    async def _csrf(request: Request, exc: CsrfFailed) -> Response:
        msg = "The form had expired or did not come from this site. Reload the page and try again."
        if is_api(request):
            return api_error(403, "csrf", msg)
        return pages.page_error(request, pages.PageError(403, "Form expired", msg))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if is_api(request):
            kind = {400: "bad_body", 404: "not_found", 413: "too_large"}.get(
                exc.status_code, "http_error"
            )
            detail = (
                "no such endpoint; see /api/v1/docs" if exc.status_code == 404 else str(exc.detail)
            )
            resp = api_error(exc.status_code, kind, detail)
        else:
            heading = "Page not found" if exc.status_code == 404 else "Error"
            message = (
                f"There is no page at {request.url.path}."
                if exc.status_code == 404
                else str(exc.detail)
            )
            resp = pages.page_error(request, pages.PageError(exc.status_code, heading, message))
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s", request.url.path)
        if is_api(request):
            return api_error(
                500, "internal_error", "something went wrong on our side; it is logged"
            )
        return HTMLResponse(
            "<!doctype html><title>Error</title><h1>Something went wrong</h1>"
            "<p>The error is logged. <a href='/'>Home</a></p>",
            status_code=500,
        )


def create_app(settings: Settings | None = None, kb: KnowledgeBase | None = None) -> FastAPI:
    """The whole site on the configured database (or on ``kb``, for tests)."""
    settings = settings or get_settings()
    kb = kb or open_kb(settings)
    monitor = MonitorThread(settings, kb)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state = monitor.start()
        log.info("monitor: %s", state)
        try:
            yield
        finally:
            monitor.stop()

    app = FastAPI(
        title="Warrant Watch API",
        version="1",
        description=API_DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.kb = kb
    app.state.kb_watch = KbWatch(kb)
    app.state.signer = Signer(secret_key(settings, kb), settings.web_session_hours * 3600)
    app.state.templates = make_templates()
    app.state.monitor = monitor

    install_error_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestLimits, max_body_bytes=settings.web_max_body_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(api.router)
    app.include_router(api_review.router)
    app.include_router(check_pages.api_router)
    app.include_router(contact_review.router)
    app.include_router(pages.router)
    app.include_router(downloads.router)
    app.include_router(check_pages.router)
    app.include_router(account_pages.router)
    app.include_router(edit_pages.router)

    @app.get("/api/v1/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        from warrantwatch.web import api_docs as docs

        request.app.state.kb_watch.maybe_reload()
        # a private site's examples are what this reader may see: ask with their credentials
        auth: tuple[tuple[str, str], ...] = ()
        if not settings.web_public_read:
            auth = tuple(
                (k, v) for k, v in request.headers.items() if k in ("authorization", "cookie")
            )
        spec = app.openapi()
        ops = docs.endpoints(spec, request.app.state.kb.world, app, auth)
        return pages.render(request, "api_docs.html", {"spec": spec, "endpoints": ops})

    return app
