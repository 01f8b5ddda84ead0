"""FastAPI dependencies as ``Annotated`` aliases: ``kb: KB``, ``db: DbSession``, ``user: Editor``.

Who is asking is settled once per request: an ``Authorization: Bearer ww_...`` API token
or the signed session cookie. Reading is public unless ``web_public_read`` is false.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.accounts import User, user_for_token
from warrantwatch.web.security import CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE, Signer
from warrantwatch.web.sessions import session_user


class NotSignedIn(Exception):
    """Reading needs an account here, or an action needs one; pages redirect to sign-in."""


class Forbidden(Exception):
    """Signed in, but the role is too low for this."""

    def __init__(self, role: str) -> None:
        self.role = role
        super().__init__(f"this needs the {role} role")


class CsrfFailed(Exception):
    """A state-changing request without the page's CSRF token."""


async def csrf_protect(request: Request) -> None:
    """Reject a POST whose form field (or htmx header) does not match the CSRF cookie."""
    submitted = request.headers.get(CSRF_HEADER)
    if submitted is None:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            value = (await request.form()).get(CSRF_FIELD)
            submitted = value if isinstance(value, str) else None
    signer: Signer = request.app.state.signer
    if not signer.csrf_valid(request.cookies.get(CSRF_COOKIE), submitted):
        raise CsrfFailed()


async def get_kb(request: Request) -> KnowledgeBase:
    request.app.state.kb_watch.maybe_reload()
    return request.app.state.kb  # type: ignore[no-any-return]


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_db(request: Request) -> Iterator[Session]:
    with Session(request.app.state.kb.engine, expire_on_commit=False) as session:
        yield session


def via_token(request: Request) -> bool:
    """Does the request authenticate with an API token (rather than a session)?"""
    return request.headers.get("authorization", "").lower().startswith("bearer ")


def _lookup_user(request: Request) -> User | None:
    auth = request.headers.get("authorization", "")
    signer: Signer = request.app.state.signer
    if via_token(request):
        with Session(request.app.state.kb.engine) as s, s.begin():
            return user_for_token(s, auth[7:].strip())
    found = signer.read_session(request.cookies.get(SESSION_COOKIE))
    if found is None:
        return None
    with Session(request.app.state.kb.engine) as s:
        return session_user(s, *found)


async def current_user(request: Request) -> User | None:
    """The account behind this request, if any (cached on the request).

    Anonymous requests (no token, no session cookie) never touch the database; the
    others look their account up in a worker thread, off the event loop.
    """
    if hasattr(request.state, "user"):
        return request.state.user  # type: ignore[no-any-return]
    user: User | None = None
    if "authorization" in request.headers or SESSION_COOKIE in request.cookies:
        user = await run_in_threadpool(_lookup_user, request)
    request.state.user = user
    return user


async def reader(request: Request) -> User | None:
    user = await current_user(request)
    if user is None and not request.app.state.settings.web_public_read:
        raise NotSignedIn()
    return user


class NeedsSession(Forbidden):
    """Managing accounts and tokens needs a signed-in browser, never an API token: a
    leaked token must not be able to mint a new one or a new administrator."""

    def __init__(self) -> None:
        Exception.__init__(self, "this needs a signed-in session, not an API token")
        self.role = "session"


def require(role: str, session_only: bool = False):  # type: ignore[no-untyped-def]
    async def check(request: Request) -> User:
        if session_only and via_token(request):
            raise NeedsSession()
        user = await current_user(request)
        if user is None:
            raise NotSignedIn()
        if not user.can(role):
            raise Forbidden(role)
        return user

    return check


def today() -> dt.date:
    return dt.date.today()


CsrfChecked = Depends(csrf_protect)
KB = Annotated[KnowledgeBase, Depends(get_kb)]
DbSession = Annotated[Session, Depends(get_db)]
AppSettings = Annotated[Settings, Depends(get_settings_dep)]
MaybeUser = Annotated[User | None, Depends(current_user)]
Reader = Annotated[User | None, Depends(reader)]
Editor = Annotated[User, Depends(require("editor"))]
Admin = Annotated[User, Depends(require("admin"))]
#: account, token and user management: a browser session only (see NeedsSession)
SessionUser = Annotated[User, Depends(require("viewer", session_only=True))]
SessionAdmin = Annotated[User, Depends(require("admin", session_only=True))]
