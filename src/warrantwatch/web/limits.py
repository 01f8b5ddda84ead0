"""Limits every request meets before any route runs: body size, and HEAD as GET.

- A request body (JSON, form, anything) longer than ``web_max_body_bytes`` is refused
  with 413 as soon as its declared length or the bytes actually received pass the cap,
  so an anonymous client cannot make the server buffer and parse 100 MB of JSON.
- ``HEAD`` is served as ``GET`` without the body (monitoring probes use HEAD; FastAPI
  routes declare GET only).
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def _too_large(scope: Scope, limit: int) -> tuple[bytes, bytes]:
    detail = f"the request body is larger than {limit} bytes"
    if str(scope.get("path", "")).startswith("/api/"):
        body = json.dumps({"error": "too_large", "detail": detail, "suggestions": []})
        return body.encode(), b"application/json"
    return f"Request too large: {detail}.".encode(), b"text/plain; charset=utf-8"


class BodyTooLarge(HTTPException):
    """Raised into the app when the streamed body passes the cap: the app's error
    handlers answer 413 in the API's or the pages' format."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


class RequestLimits:
    """Pure ASGI middleware: caps the request body and answers HEAD like GET."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body = max_body_bytes

    async def _refuse(self, scope: Scope, send: Send) -> None:
        body, ctype = _too_large(scope, self.max_body)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", ctype),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_body + 1
                if declared > self.max_body:
                    await self._refuse(scope, send)
                    return
        received = 0
        started = False

        async def capped_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        try:
            await self.app(scope, capped_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(scope, send)
