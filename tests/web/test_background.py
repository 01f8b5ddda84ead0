"""The monitor runs inside ``serve`` when feeds are configured, in one process only."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.conftest import FIXTURE_DATA

from warrantwatch.config import FeedConfig, Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.app import create_app
from warrantwatch.web.background import MonitorThread


def test_no_feeds_no_monitor(web_settings: Settings, web_kb: KnowledgeBase) -> None:
    app = create_app(web_settings, web_kb)
    with TestClient(app):
        assert app.state.monitor.state.startswith("no sources")


def test_monitor_thread_runs_once_per_database(web_kb: KnowledgeBase, db_url: str) -> None:
    settings = Settings(
        database_url=db_url,
        data_dir=FIXTURE_DATA,
        web_secret_key="k",
        # a closed port on this machine: each poll fails fast and is recorded, nothing leaves
        feeds=[FeedConfig(url="http://127.0.0.1:9/feed.xml", interval=3600)],
        allow_private_addresses=True,
        fetch_retries=0,
    )
    app = create_app(settings, web_kb)
    with TestClient(app):
        first = app.state.monitor
        assert first.state.startswith("running"), first.state
        second = MonitorThread(settings, web_kb)  # a second worker on the same database
        assert second.start() == "running in another worker"
        second.stop()
    assert first.thread is not None and not first.thread.is_alive()
    off = Settings(**{**settings.model_dump(), "web_run_monitor": False})
    assert MonitorThread(off, web_kb).start().startswith("disabled")
