"""Issue 15 item 14: the duplicate-delivery window of alerts after a crash."""

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
from warrantwatch.monitor.tables import AlertDelivery, utcnow

D = dt.date(2025, 10, 6)


class Crash(BaseException):
    """The process dying (nothing catches it)."""


def _monitor(server: LocalServer, make_settings: Callable[..., Settings], url: str) -> Monitor:
    server.routes["/a"] = Route(
        body=page("Trip", ["He will travel. [[trip vladimir-putin TJ 2025-11-20 planned]]"])
    )
    server.routes["/feed"] = Route(
        body=rss([{"title": "Trip", "link": server.url("/a"), "date": D}]),
        content_type="application/rss+xml",
    )
    m = Monitor(
        make_settings([{"url": server.url("/feed")}], alert_urls=[url]), scanner=FakeScanner()
    )
    m.deliver = lambda report: None  # type: ignore[method-assign]
    m.run_round()
    return m


def _headers(server: LocalServer, path: str) -> list[dict[str, str]]:
    return [h for method, p, h in server.requests if method == "POST" and p == path]


def test_webhooks_carry_an_idempotency_key_the_same_on_a_resend(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    url = f"json://127.0.0.1:{server.port}/hook"
    m = _monitor(server, make_settings, url)
    real_send: list[str] = []

    def dies_after_sending(address: str, title: str, body: str) -> bool:
        from warrantwatch.monitor.alerts import apprise_notifier

        real_send.append(address)
        apprise_notifier()(address, title, body)  # the target takes it ...
        raise Crash  # ... and the process dies before recording that

    with pytest.raises(Crash):
        deliver_pending(m.engine, [url], notifier=dies_after_sending)
    with Session(m.engine) as s:  # the attempt was written down before sending
        row = s.scalars(select(AlertDelivery)).one()
        assert row.attempted_at is not None and row.delivered_at is None
    later = utcnow() + dt.timedelta(minutes=2)
    assert deliver_pending(m.engine, [url], now=lambda: later).sent == 1
    keys = [h.get("Idempotency-Key") for h in _headers(server, "/hook")]
    assert len(keys) == 2 and keys[0] and keys[0] == keys[1]  # the receiver can drop one
    assert keys[0].startswith("ww-alert-")


def test_other_targets_mark_a_possible_repeat(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    url = "mailto://user:pass@mail.example"  # never reached: the notifier is a double
    m = _monitor(server, make_settings, f"json://127.0.0.1:{server.port}/unused")
    bodies: list[str] = []

    def dies(address: str, title: str, body: str) -> bool:
        bodies.append(body)
        raise Crash

    with pytest.raises(Crash):
        deliver_pending(m.engine, [url], notifier=dies)
    later = utcnow() + dt.timedelta(minutes=2)

    def takes(address: str, title: str, body: str) -> bool:
        bodies.append(body)
        return True

    assert deliver_pending(m.engine, [url], notifier=takes, now=lambda: later).sent == 1
    assert "Possible repeat" not in bodies[0] and "Possible repeat" in bodies[1]
    with Session(m.engine) as s:
        row = s.get(AlertDelivery, (1, target_key(url)))
        assert row is not None and row.delivered_at is not None


def test_a_known_failure_is_retried_unmarked(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    url = "mailto://user:pass@mail.example"
    m = _monitor(server, make_settings, f"json://127.0.0.1:{server.port}/unused")
    bodies: list[str] = []

    def refuses(address: str, title: str, body: str) -> bool:
        bodies.append(body)
        return False

    assert deliver_pending(m.engine, [url], notifier=refuses).failed == 1
    later = utcnow() + dt.timedelta(minutes=5)
    deliver_pending(m.engine, [url], notifier=lambda a, t, b: bodies.append(b) or True,
                    now=lambda: later)  # fmt: skip
    assert len(bodies) == 2 and "Possible repeat" not in bodies[1]
