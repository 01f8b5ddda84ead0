"""The Sources page lists every source with its state, and the navigation links to it."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA

from warrantwatch.config import FeedConfig, Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.monitor.service import describe
from warrantwatch.monitor.sources import feed_key
from warrantwatch.monitor.tables import FeedState, utcnow
from warrantwatch.web.app import create_app


def test_sources_page_shows_state_and_failures(db_url: str) -> None:
    feed = FeedConfig(
        url="http://127.0.0.1:9/agency.xml",
        name="Fixture agency",
        language="ru",
        kind="google_news",
    )  # a kind is shown in words ("google news"), not as its id
    settings = Settings(
        database_url=db_url, data_dir=FIXTURE_DATA, web_secret_key="k", feeds=[feed],
        web_run_monitor=False,
    )  # fmt: skip
    kb = open_kb(settings)
    with Session(kb.engine) as s, s.begin():
        st = FeedState(url_hash=feed_key(feed.url), url=feed.url, failures=2, polls=3, items_seen=7)
        describe(st, feed)
        st.last_ok_at = utcnow()
        st.last_error = "http://127.0.0.1:9/agency.xml: ConnectError: refused"
        s.add(st)
    app = create_app(settings, kb)
    with TestClient(app) as client:
        home = client.get("/").text
        assert '<a href="/sources"' in home
        r = client.get("/sources")
        assert r.status_code == 200
        html = r.text
        assert "Fixture agency" in html and "ConnectError: refused" in html
        assert "(2 in a row)" in html and ">7<" in html and ">ru<" in html
        assert "1 of 1 sources failed" in html
        assert "<td>google news</td>" in html and "google_news" not in html
