"""A confidence is read with two decimals in the API, on pages and in CLI text
(0.88, never 0.8795000000000002); the database keeps its full value."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.web.conftest import EDITOR
from tests.web.seed import report_trip
from tests.web.test_api_review import bearer

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.rounding import confidence

RAW = 0.8795000000000002  # what a sum of weighted cues gives in floating point


def test_confidence_has_two_decimals() -> None:
    assert confidence(RAW) == 0.88 and confidence(None) is None and confidence(1) == 1.0


def test_api_pages_and_cli_round_the_confidence(
    client: TestClient,
    web_kb: KnowledgeBase,
    web_settings: Settings,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from warrantwatch.monitor.tables import EventRecord, TripRecord

    report_trip(
        web_kb,
        web_settings,
        person="vladimir-putin",
        iso2="TJ",
        start=dt.date(2031, 3, 4),
        evidence="TEST FIXTURE. Vladimir Putin is expected in Dushanbe.",
        url="https://news.example.org/round",
        confidence=RAW,
    )
    with Session(web_kb.engine) as s:
        assert s.scalars(select(EventRecord.confidence)).first() == RAW  # stored in full
        trip_id = s.scalars(select(TripRecord.id)).first()
    events = client.get("/api/v1/events").json()["items"]
    assert [e["confidence"] for e in events] == [0.88]
    queue = client.get("/api/v1/review", headers=bearer(web_kb, EDITOR[0])).json()["items"]
    assert queue[0]["confidence"] == 0.88
    assert queue[0]["events"][0]["confidence"] == 0.88
    body = client.get("/api/v1/review", headers=bearer(web_kb, EDITOR[0])).text
    assert "0.8795" not in body
    assert "confidence 88%" in client.get("/").text
    # the CLI's text, on the same database
    from typer.testing import CliRunner

    from warrantwatch.cli.main import app
    from warrantwatch.config import get_settings

    monkeypatch.setenv("WARRANTWATCH_DATABASE_URL", web_settings.database_url)
    monkeypatch.setenv("WARRANTWATCH_DATA_DIR", str(web_settings.data_dir))
    get_settings.cache_clear()
    try:
        res = CliRunner().invoke(app, ["review", "show", str(trip_id)])
    finally:
        get_settings.cache_clear()
    assert res.exit_code == 0, res.stderr
    assert "confidence 0.88" in res.stdout and "0.8795" not in res.stdout
