"""Cookies that prove who you are, tokens that prove a form is yours, and response headers.

- The session cookie is signed (itsdangerous), HttpOnly, SameSite=Lax, Secure over
  HTTPS, and names the account, its ``session_version`` and a server-side session id
  (:mod:`warrantwatch.web.sessions`): signing out ends that session, changing a
  password or disabling an account ends its sessions everywhere.
- CSRF: every form and every htmx request carries a token equal to the signed
  ``ww_csrf`` cookie (double submit). A cross-site page can neither read the cookie
  nor set the field, so it cannot forge a POST.
- Every response gets a strict Content-Security-Policy (scripts and styles only from
  this origin, no inline code) and the usual companions.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "ww_session"
CSRF_COOKIE = "ww_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task): adds the headers above to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend(h for h in HEADERS if h[0] not in present)
                if https:
                    headers.append(HSTS)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Signer:
    """Signs and checks the session and CSRF cookies with one secret."""

    def __init__(self, secret: str, session_max_age: int) -> None:
        self.session = URLSafeTimedSerializer(secret, salt="ww-session")
        self.csrf = URLSafeTimedSerializer(secret, salt="ww-csrf")
        self.max_age = session_max_age

    def session_value(self, user_id: int, version: int, sid: str) -> str:
        return self.session.dumps({"u": user_id, "v": version, "s": sid})

    def read_session(self, value: str | None) -> tuple[int, int, str] | None:
        """(account id, session version, session id) of a well-signed, unexpired cookie;
        the session id must still be live in the database (:mod:`.sessions`)."""
        if not value:
            return None
        try:
            data: Any = self.session.loads(value, max_age=self.max_age)
            return int(data["u"]), int(data["v"]), str(data["s"])
        except (BadSignature, KeyError, TypeError, ValueError):
            return None

    def new_csrf(self) -> str:
        return self.csrf.dumps(secrets.token_urlsafe(16))

    def csrf_valid(self, cookie: str | None, submitted: str | None) -> bool:
        if not cookie or not submitted or not hmac.compare_digest(cookie, submitted):
            return False
        try:
            self.csrf.loads(cookie, max_age=7 * 24 * 3600)
        except BadSignature:
            return False
        return True


def cookie_secure(request: Request, forced: bool | None) -> bool:
    return forced if forced is not None else request.url.scheme == "https"


def csrf_token(request: Request) -> str:
    """The CSRF token for forms on this page; a new one is set as a cookie if needed."""
    token = getattr(request.state, "csrf", None)
    if token:
        return str(token)
    signer: Signer = request.app.state.signer
    cookie = request.cookies.get(CSRF_COOKIE)
    ok = False
    if cookie:
        try:
            signer.csrf.loads(cookie, max_age=7 * 24 * 3600)
            ok = True
        except BadSignature:
            ok = False
    token = cookie if ok and cookie else signer.new_csrf()
    request.state.csrf = token
    request.state.csrf_new = not ok
    return token


def attach_csrf_cookie(request: Request, response: Response, secure: bool) -> None:
    if getattr(request.state, "csrf_new", False):
        response.set_cookie(
            CSRF_COOKIE,
            request.state.csrf,
            max_age=7 * 24 * 3600,
            httponly=True,
            samesite="strict",
            secure=secure,
            path="/",
        )
