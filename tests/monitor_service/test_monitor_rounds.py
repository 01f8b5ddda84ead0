"""Monitor rounds against a local feed server: polling, dedup, grouping, faults, alerts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page, rss

from warrantwatch.config import Settings
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.tables import ArticleEntry, EventRecord, FeedState, TripRecord

D = dt.date(2025, 10, 6)
PUTIN_TJ = "[[trip vladimir-putin TJ 2025-11-20 planned]]"


class Sent:
    """A notifier that records what it is asked to send."""

    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.messages: list[tuple[str, str, str]] = []

    def __call__(self, url: str, title: str, body: str) -> bool:
        self.messages.append((url, title, body))
        return self.ok


def article(server: LocalServer, path: str, title: str, text: str, lang: str = "en") -> str:
    server.routes[path] = Route(body=page(title, [text, "A second paragraph of filler text."]))
    return server.url(path)


def count(m: Monitor, model: type) -> int:
    with Session(m.engine) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def monitor_for(make_settings: Callable[..., Settings]) -> Callable[..., tuple[Monitor, Sent]]:
    def make(feeds: list[dict], **kw) -> tuple[Monitor, Sent]:  # type: ignore[no-untyped-def]
        sent = Sent()
        settings = make_settings(feeds, alert_urls=["json://127.0.0.1:9/hook"], **kw)
        return Monitor(settings, scanner=FakeScanner(), notifier=sent), sent

    return make


def test_round_fetches_scans_groups_and_alerts_once(server: LocalServer, monitor_for) -> None:
    a1 = article(server, "/a1", "Visit planned", f"The president will travel. {PUTIN_TJ}")
    a2 = article(server, "/a2", "Visit confirmed", f"Officials confirmed the visit. {PUTIN_TJ}")
    server.routes["/feed"] = Route(
        body=rss(
            [
                {"title": "Visit planned", "link": a1, "date": D},
                {"title": "Visit confirmed", "link": a2 + "#comments", "date": D},
            ]
        ),
        content_type="application/rss+xml",
        etag='"f1"',
    )
    m, sent = monitor_for([{"url": server.url("/feed"), "interval": 60}])
    r = m.run_round()
    assert (r.polled, r.new_articles, r.processed, r.events) == (1, 2, 2, 2)
    assert (r.trips_new, r.alerts_queued, r.alerts_sent) == (1, 1, 1)
    assert count(m, TripRecord) == 1
    title, body = sent.messages[0][1], sent.messages[0][2]
    assert "Vladimir Putin" in title and "Tajikistan" in title
    assert "Duty: binding" in body and a1 in body  # the verdict and the source
    assert "The president will travel" in body  # the evidence
    assert "State Party" in body or "state_party" in body

    # second round, forced: the feed answers 304 to the conditional GET; nothing new
    r2 = m.run_round(force=True)
    assert (r2.polled, r2.not_modified, r2.new_articles, r2.alerts_sent) == (1, 1, 0, 0)
    assert server.gets("/feed")[-1].get("If-None-Match") == '"f1"'
    assert len(sent.messages) == 1


def test_interval_is_respected(server: LocalServer, monitor_for) -> None:
    server.routes["/feed"] = Route(body=rss([]), content_type="application/rss+xml")
    m, _ = monitor_for([{"url": server.url("/feed"), "interval": 3600}])
    assert m.run_round().polled == 1
    assert m.run_round().polled == 0  # not due for an hour
    assert m.run_round(force=True).polled == 1
    assert m.next_wake() > 3500 or m.next_wake() == 60.0


def test_same_content_under_two_addresses_is_scanned_once(server: LocalServer, monitor_for):
    text = f"Syndicated story about the trip. {PUTIN_TJ}"
    a1 = article(server, "/wire/1", "Trip", text)
    a2 = article(server, "/mirror/1", "Trip", text)
    server.routes["/feed"] = Route(
        body=rss([{"title": "T", "link": a1, "date": D}, {"title": "T", "link": a2, "date": D}]),
        content_type="application/rss+xml",
    )
    m, _ = monitor_for([{"url": server.url("/feed")}])
    r = m.run_round()
    assert (r.processed, r.duplicates, r.events) == (1, 1, 1)
    assert len(m.scanner.calls) == 1  # type: ignore[attr-defined]
    with Session(m.engine) as s:
        statuses = sorted(s.scalars(select(ArticleEntry.status)))
    assert statuses == ["done", "duplicate"]


def test_failing_feeds_do_not_stop_the_others(server: LocalServer, monitor_for) -> None:
    good = article(server, "/good", "Trip", f"Report. {PUTIN_TJ}")
    server.routes["/ok"] = Route(
        body=rss([{"title": "ok", "link": good, "date": D}]), content_type="application/rss+xml"
    )
    server.routes["/500"] = Route(status=500, body=b"oops")
    server.routes["/slow"] = Route(body=rss([]), delay=2.0, content_type="application/rss+xml")
    server.routes["/bad"] = Route(
        body=b"<rss><channel><item><title>broken", content_type="text/xml"
    )
    server.routes["/huge"] = Route(body=b"<rss>" + b"x" * 300_000, content_type="text/xml")
    feeds = [
        {"url": server.url(p), "interval": 60} for p in ["/500", "/slow", "/bad", "/huge", "/ok"]
    ] + [{"url": server.url("/missing"), "interval": 60}]
    m, sent = monitor_for(feeds, fetch_timeout=0.5, fetch_max_bytes=100_000)
    r = m.run_round()
    assert r.polled == 6
    assert len(r.feed_errors) == 5
    assert r.processed == 1 and r.alerts_sent == 1 and len(sent.messages) == 1
    with Session(m.engine) as s:
        states = {f.url.rsplit("/", 1)[1]: f for f in s.scalars(select(FeedState))}
    assert states["ok"].failures == 0
    for name in ["500", "slow", "bad", "huge", "missing"]:
        assert states[name].failures == 1 and states[name].last_error
    assert "HTTP 500" in states["500"].last_error
    assert "timed out" in states["slow"].last_error or "longer" in states["slow"].last_error
    assert "feed" in states["bad"].last_error
    assert "cap" in states["huge"].last_error
    # the 500 was retried once within the round (fetch_retries=1)
    assert len(server.gets("/500")) == 2
    # failing feeds back off: the second failure doubles the delay
    m.run_round(force=True)
    with Session(m.engine) as s:
        st = s.scalars(select(FeedState).where(FeedState.url == server.url("/500"))).one()
        assert st.failures == 2
        assert st.next_due_at - st.last_polled_at == dt.timedelta(seconds=120)


def test_article_fetch_failure_is_retried_then_falls_back_to_summary(
    server: LocalServer, monitor_for
) -> None:
    link = server.url("/flaky-article")
    server.routes["/flaky-article"] = Route(status=503)
    server.routes["/feed"] = Route(
        body=rss([{"title": "T", "link": link, "date": D, "description": f"Summary {PUTIN_TJ}"}]),
        content_type="application/rss+xml",
        etag='"e"',
    )
    m, _ = monitor_for([{"url": server.url("/feed")}])
    r1 = m.run_round()
    assert r1.new_articles == 1 and r1.processed == 0
    # the feed now answers 304, but the pending article is still tried each round
    r2 = m.run_round(force=True)
    assert r2.not_modified == 1 and r2.processed == 0
    r3 = m.run_round(force=True)
    assert r3.processed == 1 and r3.events == 1  # from the feed's summary, after 3 tries


def test_status_follows_the_news_and_realerts(server: LocalServer, monitor_for) -> None:
    a1 = article(server, "/n1", "Planned", f"Trip announced. {PUTIN_TJ}")
    feed = [{"title": "Planned", "link": a1, "date": D}]
    server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
    m, sent = monitor_for([{"url": server.url("/feed")}])
    m.run_round()
    a2 = article(
        server,
        "/n2",
        "Arrived",
        "He arrived in Dushanbe. [[trip vladimir-putin TJ 2025-11-20 occurred]]",
    )
    a3 = article(server, "/n3", "Old news", f"Earlier: the trip is planned. {PUTIN_TJ}")
    feed = [
        {"title": "Arrived", "link": a2, "date": D + dt.timedelta(days=3)},
        {"title": "Old", "link": a3, "date": D + dt.timedelta(days=4)},
        *feed,
    ]
    server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
    r = m.run_round(force=True)
    assert r.trips_changed >= 1 and r.alerts_sent == 1
    with Session(m.engine) as s:
        trip = s.scalars(select(TripRecord)).one()
        assert trip.status == "occurred"  # a later "planned" report does not undo it
        assert s.scalar(select(func.count()).select_from(EventRecord)) == 3
    assert [t for _, t, _ in sent.messages][1].startswith("Trip update")
    # a date change is alerted too
    a4 = article(server, "/n4", "Moved", "Now [[trip vladimir-putin TJ 2025-11-23 occurred]]")
    feed = [{"title": "Moved", "link": a4, "date": D + dt.timedelta(days=6)}, *feed]
    server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
    m.run_round(force=True)
    assert len(sent.messages) == 3 and sent.messages[2][1].startswith("Trip date changed")


def test_not_bound_no_alert(server: LocalServer, monitor_for) -> None:
    a1 = article(server, "/ru", "Home", "At home. [[trip vladimir-putin RU 2025-10-09 planned]]")
    server.routes["/feed"] = Route(
        body=rss([{"title": "x", "link": a1, "date": D}]), content_type="application/rss+xml"
    )
    m, sent = monitor_for([{"url": server.url("/feed")}])
    r = m.run_round()
    assert r.trips_new == 1 and r.alerts_queued == 0 and sent.messages == []
    with Session(m.engine) as s:
        assert s.scalars(select(TripRecord)).one().bound is False


def test_low_confidence_is_not_alerted(server: LocalServer, monitor_for) -> None:
    a1 = article(server, "/w", "Rumour", "[[trip vladimir-putin TJ 2025-11-20 planned conf=0.2]]")
    server.routes["/feed"] = Route(
        body=rss([{"title": "x", "link": a1, "date": D}]), content_type="application/rss+xml"
    )
    m, sent = monitor_for([{"url": server.url("/feed")}])
    assert m.run_round().alerts_queued == 0 and sent.messages == []


def test_watched_page_is_scanned_when_it_changes(server: LocalServer, monitor_for) -> None:
    server.routes["/page"] = Route(body=page("Agenda", ["Nothing planned yet for this week."]))
    m, _ = monitor_for([{"url": server.url("/page"), "kind": "page", "language": "en"}])
    r1 = m.run_round()
    assert r1.new_articles == 1 and r1.events == 0
    assert m.run_round(force=True).new_articles == 0  # same text
    server.routes["/page"] = Route(body=page("Agenda", [f"Visit abroad. {PUTIN_TJ}"]))
    r3 = m.run_round(force=True)
    assert r3.new_articles == 1 and r3.events == 1 and r3.alerts_sent == 1
