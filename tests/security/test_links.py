"""Issue 15 item 5: only http(s) addresses are stored from feeds and archives, and
nothing else is rendered as a link (home page, review queue, person pages)."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.web.conftest import EDITOR, sign_in
from tests.web.seed import report_trip

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.monitor import store
from warrantwatch.monitor.backfill import read_archive
from warrantwatch.monitor.feeds import parse_feed
from warrantwatch.monitor.tables import ArticleEntry

BAD = ("javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>")


def _rss(link: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>Trip</title><link>{link}</link></item>"
        "<item><title>Fine</title><link>https://news.example/fine</link></item>"
        "</channel></rss>"
    ).encode()


def test_feed_items_with_other_schemes_are_dropped() -> None:
    for link in BAD:
        items = parse_feed(_rss(link.replace("<", "&lt;")), "https://news.example/feed")
        assert [i.url for i in items] == ["https://news.example/fine"]


def test_store_refuses_other_schemes(web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        for link in BAD:
            assert store.add_pending(s, link) is None
        assert store.add_pending(s, "https://news.example/ok") is not None


def test_archives_skip_other_schemes(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    lines = [{"url": u, "text": "Some text."} for u in (*BAD, "https://news.example/x")]
    path.write_bytes(gzip.compress("\n".join(json.dumps(x) for x in lines).encode()))
    bad: list[str] = []
    docs = list(read_archive(path, bad))
    assert [d.url for d in docs] == ["https://news.example/x"]
    assert len(bad) == 2 and all("http or https" in b for b in bad)


def test_a_stored_javascript_address_is_never_a_link(
    client: TestClient, web_kb: KnowledgeBase, web_settings: Settings
) -> None:
    """A row an older version stored: shown as text on the home page and review queue."""
    url = "https://news.example/trip"
    report_trip(
        web_kb,
        web_settings,
        person="vladimir-putin",
        iso2="TJ",
        start=dt.date(2031, 10, 9),
        evidence="Vladimir Putin plans to visit Dushanbe.",
        url=url,
    )
    with Session(web_kb.engine) as s, s.begin():
        for row in s.query(ArticleEntry).all():
            row.url = BAD[0]
    sign_in(client, *EDITOR)
    for page in ("/", "/review"):
        html = client.get(page).text
        assert "Vladimir Putin" in html
        assert 'href="javascript:' not in html and "href='javascript:" not in html
