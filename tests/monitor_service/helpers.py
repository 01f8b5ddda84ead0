"""Test helpers for the monitor service: a local HTTP server, feeds, and a fake scanner.

Nothing here reaches the network: the server listens on 127.0.0.1 only. The fake scanner
stands in for :mod:`warrantwatch.monitor.scanner` where a test is about the service (fetching,
storage, grouping, alerts) rather than about reading text: it reports a trip wherever the
text holds a marker ``[[trip PERSON ISO2 YYYY-MM-DD|- STATUS]]``. It is module-level and
importable so that worker processes (backfill) can unpickle it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
import time
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape

from warrantwatch.law.world import World
from warrantwatch.monitor.model import Article, TripEvent

MARKER = re.compile(
    r"\[\[trip (?P<person>[\w-]+) (?P<dest>[A-Z]{2}) (?P<date>\d{4}-\d\d-\d\d|-) "
    r"(?P<status>planned|occurred|cancelled|arrest)(?: conf=(?P<conf>[\d.]+))?\]\]"
)


class FakeScanner:
    """Finds ``[[trip ...]]`` markers; the evidence is the text around the marker."""

    def __init__(self, world: World | None = None) -> None:
        self.world = world
        self.calls: list[Article] = []

    def scan(self, article: Article) -> list[TripEvent]:
        self.calls.append(article)
        out = []
        for m in MARKER.finditer(article.text):
            start = max(0, m.start() - 80)
            out.append(
                TripEvent(
                    person=m["person"],
                    destination_iso2=m["dest"],
                    status=m["status"],  # type: ignore[arg-type]
                    evidence=article.text[start : m.end() + 40].strip(),
                    confidence=float(m["conf"] or 0.9),
                    start_date=None if m["date"] == "-" else dt.date.fromisoformat(m["date"]),
                    url=article.url,
                    title=article.title,
                    published=article.published,
                    language=article.language,
                )
            )
        return out


def fake_scanner_factory(world: World) -> FakeScanner:
    return FakeScanner(world)


# ---------------------------------------------------------------- local HTTP server


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    etag: str | None = None
    last_modified: str | None = None
    declare_length: bool = True


class LocalServer:
    """A threaded HTTP server on 127.0.0.1 with routes set by the test.

    GET serves ``routes[path]`` (404 otherwise), honouring ETag / Last-Modified with 304;
    POST bodies are recorded in ``posts`` (a webhook catcher for Apprise ``json://``),
    answered with ``post_status[path]`` (200 by default).
    """

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.posts: list[tuple[str, dict[str, Any], float]] = []
        self.post_status: dict[str, int] = {}
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with server.lock:
                    server.requests.append(("GET", self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None and "?" in self.path:  # a query address: route on its path
                    route = server.routes.get(self.path.split("?", 1)[0] + "?*")
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", None, route)
                    return
                if route.last_modified and (
                    self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self._send(304, b"", None, route)
                    return
                self._send(route.status, route.body, route.content_type, route)

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(n)
                try:
                    body = json.loads(raw or b"{}")
                except ValueError:
                    body = {"raw": raw.decode("utf-8", "replace")}
                status = server.post_status.get(self.path, 200)
                with server.lock:
                    server.requests.append(("POST", self.path, dict(self.headers)))
                    if status < 300:
                        server.posts.append((self.path, body, time.monotonic()))
                self._send(status, b"{}", "application/json")

            def _send(
                self, status: int, body: bytes, ctype: str | None, route: Route | None = None
            ) -> None:
                try:
                    self.send_response(status)
                    if ctype:
                        self.send_header("Content-Type", ctype)
                    if route is not None:
                        if route.etag:
                            self.send_header("ETag", route.etag)
                        if route.last_modified:
                            self.send_header("Last-Modified", route.last_modified)
                        for k, v in route.headers.items():
                            self.send_header(k, v)
                    if route is None or route.declare_length or status == 304:
                        self.send_header("Content-Length", str(len(body)))
                    else:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    if status != 304:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def gets(self, path: str) -> list[dict[str, str]]:
        with self.lock:
            return [h for m, p, h in self.requests if m == "GET" and p == path]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------- documents


def rss(items: list[dict[str, Any]], *, language: str | None = None) -> bytes:
    """An RSS 2.0 feed of ``items`` ({title, link, date (date), description})."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>']
    parts.append("<title>Fixture news</title><link>http://127.0.0.1/</link>")
    if language:
        parts.append(f"<language>{language}</language>")
    for it in items:
        parts.append("<item>")
        parts.append(f"<title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>")
        if it.get("date"):
            d = dt.datetime.combine(it["date"], dt.time(8, 0), dt.UTC)
            parts.append(f"<pubDate>{format_datetime(d)}</pubDate>")
        parts.append(f"<description>{escape(it.get('description', ''))}</description>")
        parts.append("</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def page(title: str, paragraphs: list[str], *, lang: str = "en") -> bytes:
    """A news page with navigation and footer around the article (for trafilatura)."""
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}'
        f"</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        f"<footer>Fixture newsroom. All texts are fictional test material.</footer></body></html>"
    ).encode()
