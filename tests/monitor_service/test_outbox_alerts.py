"""The alert outbox: intent recorded with the trip change, delivered after, never twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page, rss

from warrantwatch.config import Settings
from warrantwatch.monitor.alerts import deliver_pending, target_key
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.tables import AlertDelivery, OutboxAlert, utcnow

D = dt.date(2025, 10, 6)


class Crash(BaseException):
    """Stands for the process dying (not an Exception: nothing catches it)."""


def serve_trip(server: LocalServer) -> str:
    server.routes["/a"] = Route(
        body=page("Trip", ["He will travel. [[trip vladimir-putin TJ 2025-11-20 planned]]"])
    )
    server.routes["/feed"] = Route(
        body=rss([{"title": "Trip", "link": server.url("/a"), "date": D}]),
        content_type="application/rss+xml",
    )
    return server.url("/feed")


@pytest.fixture
def settings_for(make_settings: Callable[..., Settings], server: LocalServer):
    def make(targets: list[str]) -> Settings:
        return make_settings([{"url": serve_trip(server)}], alert_urls=targets)

    return make


def test_apprise_json_target_receives_the_alert(server: LocalServer, settings_for) -> None:
    settings = settings_for([f"json://127.0.0.1:{server.port}/hook"])
    r = Monitor(settings, scanner=FakeScanner()).run_round()
    assert r.alerts_sent == 1
    assert len(server.posts) == 1
    path, body, _ = server.posts[0]
    assert path == "/hook"
    assert "Vladimir Putin" in body["title"] and "Tajikistan" in body["title"]
    assert "Duty: binding" in body["message"] and server.url("/a") in body["message"]


def test_crash_before_delivery_then_restart_delivers_once(server, settings_for, monkeypatch):
    settings = settings_for([f"json://127.0.0.1:{server.port}/hook"])
    m = Monitor(settings, scanner=FakeScanner())

    def crash(report) -> None:  # type: ignore[no-untyped-def]
        raise Crash

    monkeypatch.setattr(m, "deliver", crash)
    with pytest.raises(Crash):
        m.run_round()
    assert server.posts == []
    with Session(m.engine) as s:
        assert s.scalars(select(OutboxAlert)).one().delivered_at is None  # the intent survived

    restarted = Monitor(settings, scanner=FakeScanner())
    assert restarted.run_round(force=True).alerts_sent == 1
    assert restarted.run_round(force=True).alerts_sent == 0
    assert len(server.posts) == 1


def test_crash_after_target_took_it_does_not_resend(server, settings_for) -> None:
    url = f"json://127.0.0.1:{server.port}/hook"
    m = Monitor(settings_for([url]), scanner=FakeScanner())
    m.deliver = lambda report: None  # type: ignore[method-assign]
    m.run_round()
    with Session(m.engine) as s, s.begin():  # the state a crash right after sending leaves
        alert = s.scalars(select(OutboxAlert)).one()
        s.add(AlertDelivery(outbox_id=alert.id, target=target_key(url), delivered_at=utcnow()))
    report = deliver_pending(m.engine, [url])
    assert report.sent == 1 and server.posts == []
    with Session(m.engine) as s:
        assert s.scalars(select(OutboxAlert)).one().delivered_at is not None


def test_crash_while_sending_resumes_after_the_lease(server, settings_for) -> None:
    url = f"json://127.0.0.1:{server.port}/hook"
    m = Monitor(settings_for([url]), scanner=FakeScanner())
    m.deliver = lambda report: None  # type: ignore[method-assign]
    m.run_round()

    def dying(url: str, title: str, body: str) -> bool:
        raise Crash

    with pytest.raises(Crash):
        deliver_pending(m.engine, [url], notifier=dying)
    assert deliver_pending(m.engine, [url]).waiting == 1  # leased: not sent twice at once
    later = utcnow() + dt.timedelta(minutes=2)
    assert deliver_pending(m.engine, [url], now=lambda: later).sent == 1
    assert len(server.posts) == 1


def test_failing_target_is_retried_without_repeating_the_others(server, settings_for) -> None:
    good, bad = (f"json://127.0.0.1:{server.port}/good", f"json://127.0.0.1:{server.port}/bad")
    server.post_status["/bad"] = 500
    m = Monitor(settings_for([good, bad]), scanner=FakeScanner())
    r = m.run_round()
    assert r.alerts_failed == 1 and r.alerts_sent == 0
    assert [p for p, _, _ in server.posts] == ["/good"]
    with Session(m.engine) as s:
        alert = s.scalars(select(OutboxAlert)).one()
        assert alert.attempts == 1 and "refused" in (alert.last_error or "")
        assert alert.next_attempt_at is not None and alert.next_attempt_at > utcnow()
    assert deliver_pending(m.engine, [good, bad]).waiting == 1  # backing off
    server.post_status["/bad"] = 200
    later = utcnow() + dt.timedelta(minutes=5)
    assert deliver_pending(m.engine, [good, bad], now=lambda: later).sent == 1
    assert sorted(p for p, _, _ in server.posts) == ["/bad", "/good"]


def test_no_targets_keeps_alerts_waiting(server, settings_for) -> None:
    m = Monitor(settings_for([]), scanner=FakeScanner())
    r = m.run_round()
    assert r.alerts_queued == 1 and r.alerts_waiting == 1
    with Session(m.engine) as s:
        assert s.scalars(select(OutboxAlert)).one().delivered_at is None
