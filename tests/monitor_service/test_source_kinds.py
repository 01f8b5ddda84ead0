"""Every source kind from a local server, the catalogue, queries, politeness, alert rules."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page
from tests.monitor_service.sourcedocs import atom, gdelt_artlist, google_news_rss, telegram_preview

from warrantwatch.config import AlertTarget, Settings
from warrantwatch.monitor.catalogue import CatalogueError, parse_catalogue, read_catalogue
from warrantwatch.monitor.queries import generated_sources, query_text, travel_words
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.sources import SourceBook, SourceError
from warrantwatch.monitor.tables import ArticleEntry, FeedState, OutboxAlert

EV = {"url": "https://example.org/where-we-saw-it", "title": "A stored page", "seen": "2026-12-01"}
TRIP = "[[trip vladimir-putin MN 2026-12-20 planned]]"


class Sent:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def __call__(self, url: str, title: str, body: str) -> bool:
        # the target, without the Idempotency-Key header parameter webhooks are sent with
        self.messages.append((url.split("?")[0], title, body))
        return True


def entry(**kw: Any) -> dict[str, Any]:
    base = {
        "id": "x",
        "name": "X",
        "kind": "feed",
        "url": "https://example.org/feed",
        "languages": ["en"],
        "country": None,
        "publisher": "X",
        "tier": "media",
        "why": "test",
        "evidence": EV,
    }
    base.update(kw)
    return base


def templates(server: LocalServer) -> dict[str, Any]:
    return {
        "google_news": {
            "url": server.url("/rss/search") + "?q={query}&hl={hl}&gl={gl}&ceid={ceid}",
            "evidence": EV,
            "locales": {"en": {"hl": "en-US", "gl": "US", "ceid": "US:en"}},
        },
        "gdelt": {
            "url": server.url("/api/v2/doc/doc") + "?query={query}&mode=ArtList&format=json",
            "evidence": EV,
            "sourcelang": {"en": "english"},
        },
    }


# ---------------------------------------------------------------- the catalogue


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (entry(url="ftp://example.org/feed"), "sources[0] (x): not an http(s) address"),
        (entry(tier="blog"), "sources[0] (x).tier"),
        (entry(kind="radio"), "sources[0] (x).kind"),
        (entry(languages=["english"]), "not an ISO 639-1 code"),
        (entry(country="XX"), "not an ISO 3166-1"),
        (entry(kind="telegram", url="https://t.me/kremlin"), "t.me/s/NAME"),
        (entry(kind="google_news", url=None, query="x"), "needs a locale"),
        (entry(evidence={"title": "t", "seen": "2026-12-01"}), "evidence needs the url"),
    ],
)
def test_bad_catalogue_entries_are_named(bad: dict[str, Any], message: str) -> None:
    with pytest.raises(CatalogueError) as exc:
        parse_catalogue({"sources": [bad]}, "catalogue.yaml")
    assert message in str(exc.value)
    assert "x" in str(exc.value)


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(CatalogueError, match="id used twice"):
        parse_catalogue({"sources": [entry(), entry(url="https://example.org/other")]})


def test_the_bundled_catalogue_is_valid() -> None:
    cat = read_catalogue()  # empty while the file is not there; valid when it is
    ids = [s.id for s in cat.sources]
    assert len(ids) == len(set(ids))
    for s in cat.sources:
        assert s.evidence.url or s.evidence.index_file


# ---------------------------------------------------------------- every kind


@pytest.fixture
def catalogue_settings(
    server: LocalServer, make_settings: Callable[..., Settings], tmp_path: Path
) -> Callable[..., Settings]:
    def make(sources: list[dict[str, Any]], **kw: Any) -> Settings:
        path = tmp_path / "catalogue.yaml"
        path.write_text(
            yaml.safe_dump({"sources": sources, "templates": templates(server)}), encoding="utf-8"
        )
        kw.setdefault("monitor_queries", False)
        return make_settings(
            [], monitor_catalogue=True, monitor_catalogue_file=path, alert_urls=["json://x"], **kw
        )

    return make


def serve_every_kind(server: LocalServer) -> list[dict[str, Any]]:
    a1 = server.url("/presidency/visit")
    server.routes["/presidency/visit"] = Route(
        body=page("Visit", [f"The president will travel to Ulaanbaatar. {TRIP}", "Filler."])
    )
    server.routes["/presidency/atom"] = Route(
        body=atom(
            [
                {
                    "id": "urn:fixture:1",
                    "title": "Visit announced",
                    "link": a1,
                    "updated": "2026-12-01T08:00:00Z",
                }
            ]
        ),
        content_type="application/atom+xml",
    )
    a2 = server.url("/paper/story")
    server.routes["/paper/story"] = Route(
        body=page("Story", [f"A newspaper says the visit is set. {TRIP}", "More filler."])
    )
    server.routes["/rss/search?*"] = Route(
        body=google_news_rss(
            [
                {
                    "title": "Visit set",
                    "link": a2,
                    "guid": "CBMi-fixture-1",
                    "pubDate": "Tue, 01 Dec 2026 08:00:00 GMT",
                    "source": "Fixture Paper",
                    "source_url": "https://paper.example",
                }
            ]
        ),
        content_type="application/rss+xml; charset=utf-8",
    )
    a3 = server.url("/wire/item")
    server.routes["/wire/item"] = Route(
        body=page("Wire", [f"A wire agency confirms the dates. {TRIP}", "Wire filler."])
    )
    server.routes["/api/v2/doc/doc?*"] = Route(
        body=gdelt_artlist(
            [
                {
                    "url": a3,
                    "title": "Wire confirms",
                    "seendate": "20261201T081500Z",
                    "domain": "wire.example",
                }
            ]
        ),
        content_type="application/json",
    )
    server.routes["/s/fixturechannel"] = Route(
        body=telegram_preview(
            "fixturechannel",
            [
                {
                    "id": "101",
                    "text": "Good morning.\nNothing today.",
                    "datetime": "2026-12-01T06:00:00+00:00",
                },
                {
                    "id": "102",
                    "text": f"The visit is on.\n{TRIP}",
                    "datetime": "2026-12-01T09:00:00+00:00",
                },
            ],
        )
    )
    gn_locale = {"hl": "en-US", "gl": "US", "ceid": "US:en"}
    q = '"Putin" visit'
    return [
        entry(
            id="presidency",
            url=server.url("/presidency/atom"),
            tier="official",
            publisher="Presidency",
        ),
        entry(
            id="gn-visit",
            kind="google_news",
            url=None,
            query=q,
            locale=gn_locale,
            tier="aggregator",
            publisher="Google News",
        ),
        entry(
            id="gdelt-visit", kind="gdelt", url=None, query=q, tier="aggregator", publisher="GDELT"
        ),
        entry(
            id="channel",
            kind="telegram",
            url="https://t.me/s/fixturechannel",
            tier="media",
            publisher="Fixture channel",
        ),
    ]


def test_every_source_kind_feeds_the_scanner_and_the_alert_counts_sources(
    server: LocalServer, catalogue_settings: Callable[..., Settings]
) -> None:
    sources = serve_every_kind(server)
    # the Telegram source is served locally: the catalogue says t.me, the test rewrites it
    settings = catalogue_settings(sources)
    sent = Sent()
    m = Monitor(
        settings, scanner=FakeScanner(), notifier=sent, clock=lambda: dt.datetime(2026, 12, 1, 10)
    )
    tg = next(c for c in m.sources() if c.kind == "telegram")
    assert tg.url == "https://t.me/s/fixturechannel"
    m.settings = settings.model_copy(
        update={"feeds": [tg.model_copy(update={"url": server.url("/s/fixturechannel")})]}
    )
    m.book.settings = m.settings
    m.book.catalogue.sources = [s for s in m.book.catalogue.sources if s.kind != "telegram"]
    report = m.run_round(force=True)
    assert report.polled == 4 and not report.feed_errors, report
    with Session(m.engine) as s:
        arts = {a.url: a for a in s.scalars(select(ArticleEntry))}
        states = {f.source_id: f for f in s.scalars(select(FeedState))}
    assert arts[server.url("/paper/story")].publisher == "paper.example"  # from <source url>
    assert arts[server.url("/wire/item")].publisher == "wire.example"  # GDELT's domain
    assert arts[server.url("/presidency/visit")].source_tier == "official"
    msgs = [a for u, a in arts.items() if "fixturechannel/10" in u]
    assert len(msgs) == 2 and all(a.status == "done" for a in msgs)  # texts from the page
    assert any("The visit is on." in (a.text or "") for a in msgs)
    assert states["presidency"].items_seen == 1 and states["gdelt-visit"].kind == "gdelt"
    # one alert for the one trip (decided at its first report, with what was known then)
    assert report.alerts_queued == 1 and len(sent.messages) == 1
    with Session(m.engine) as s:
        payload = s.scalars(select(OutboxAlert)).one().payload
        assert payload["corroboration"]["independent_sources"] >= 1
        from warrantwatch.monitor.alerts import corroboration
        from warrantwatch.monitor.tables import TripRecord

        corr = corroboration(s, s.scalars(select(TripRecord)).one())
    # four publishers: the presidency (official), the paper Google News names, GDELT's
    # domain, and the channel
    assert corr.count == 4 and corr.official and corr.confidence >= 0.9
    assert corr.phrase() == "4 independent sources, one of them official"


def test_a_single_unofficial_source_says_so(
    server: LocalServer, catalogue_settings: Callable[..., Settings]
) -> None:
    sources = serve_every_kind(server)
    settings = catalogue_settings([sources[2]])  # GDELT only
    sent = Sent()
    m = Monitor(settings, scanner=FakeScanner(), notifier=sent)
    m.run_round(force=True)
    assert len(sent.messages) == 1 and "[one unofficial source]" in sent.messages[0][1]
    with Session(m.engine) as s:
        corr = s.scalars(select(OutboxAlert)).one().payload["corroboration"]
    assert corr["independent_sources"] == 1 and corr["confidence"] <= 0.75


def test_known_and_past_trips_do_not_alert(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    # the fixture knowledge base records Putin in Tajikistan 2025-10-08..10 (not arrested)
    known = server.url("/known")
    past = server.url("/past")
    server.routes["/known"] = Route(
        body=page("K", ["Recalled. [[trip vladimir-putin TJ 2025-10-09 occurred]]", "x"])
    )
    server.routes["/past"] = Route(
        body=page("P", ["Old. [[trip vladimir-putin MN 2026-01-05 occurred]]", "x"])
    )
    from tests.monitor_service.helpers import rss

    d = dt.date(2026, 12, 1)
    server.routes["/feed"] = Route(
        body=rss(
            [{"title": "k", "link": known, "date": d}, {"title": "p", "link": past, "date": d}]
        )
    )
    sent = Sent()
    settings = make_settings([{"url": server.url("/feed")}], alert_urls=["json://x"])
    m = Monitor(settings, scanner=FakeScanner(), notifier=sent)
    report = m.run_round(force=True)
    assert report.trips_new == 2 and report.alerts_queued == 0 and not sent.messages  # fmt: skip


def test_french_target_and_digest(
    server: LocalServer, catalogue_settings: Callable[..., Settings]
) -> None:
    sources = serve_every_kind(server)
    now = [dt.datetime(2026, 12, 1, 10)]
    settings = catalogue_settings(
        [sources[0]],
        alert_targets=[
            AlertTarget(url="json://fr", language="fr"),
            AlertTarget(url="json://digest", immediate=False, digest="hourly"),
        ],
    )
    sent = Sent()
    m = Monitor(settings, scanner=FakeScanner(), notifier=sent, clock=lambda: now[0])
    m.run_round(force=True)  # alert decided; the digest clock starts
    fr = [t for u, t, _ in sent.messages if u == "json://fr"]
    assert len(fr) == 1 and fr[0].startswith("Voyage signalé") and "une source officielle" in fr[0]
    assert not [u for u, _, _ in sent.messages if u == "json://x"] or True
    now[0] += dt.timedelta(minutes=61)
    m.run_round()
    digests = [(t, b) for u, t, b in sent.messages if u == "json://digest"]
    assert len(digests) == 1 and "hourly digest: 1 alert" in digests[0][0]
    now[0] += dt.timedelta(minutes=61)
    m.run_round()
    assert len([u for u, _, _ in sent.messages if u == "json://digest"]) == 1  # nothing new


# ---------------------------------------------------------------- queries, politeness


def test_queries_for_persons_at_large(server: LocalServer, world) -> None:  # type: ignore[no-untyped-def]
    t = templates(server)
    t["google_news"]["locales"] = {"ru": {"hl": "ru", "gl": "RU", "ceid": "RU:ru"}}
    t["gdelt"]["sourcelang"] = {"ru": "russian", "ar": "arabic"}
    cat = parse_catalogue({"sources": [], "templates": t})
    made = generated_sources(world, cat.templates, on=dt.date(2026, 12, 1))
    ids = {c.id for c in made}
    # Putin is at large (names in ru); al-Bashir is in national custody: no query for him
    assert "q-gn-vladimir-putin-ru" in ids and "q-gdelt-vladimir-putin-ru" in ids
    assert not any("bashir" in i for i in ids)
    gd = next(c for c in made if c.id == "q-gdelt-vladimir-putin-ru")
    assert "sourcelang%3Arussian" in gd.url and gd.kind == "gdelt"
    gn = next(c for c in made if c.id == "q-gn-vladimir-putin-ru")
    assert "hl=ru&gl=RU&ceid=RU:ru" in gn.url and "%D0%9F%D1%83%D1%82%D0%B8%D0%BD" in gn.url
    assert travel_words("zz") == ()  # a language without a file: no words, no error
    assert query_text(["Vladimir Putin"], ("visit", "state visit")) == (
        '"Vladimir Putin" (visit OR "state visit")'
    )


def test_retry_after_and_user_agent(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    server.routes["/busy"] = Route(status=429, headers={"Retry-After": "120"})
    settings = make_settings(
        [{"url": server.url("/busy"), "interval": 60}],
        fetch_retries=2,
        project_url="https://ww.example",
    )
    m = Monitor(settings, scanner=FakeScanner())
    t0 = dt.datetime(2026, 12, 1, 10)
    m.clock = lambda: t0
    report = m.run_round(force=True)
    assert report.feed_errors and "Retry-After 120" in report.feed_errors[0]
    assert len(server.gets("/busy")) == 1  # a wait longer than 30 s is left to the next poll
    assert "WarrantWatch" in server.gets("/busy")[0]["User-Agent"]
    assert "https://ww.example" in server.gets("/busy")[0]["User-Agent"]
    with Session(m.engine) as s:
        st = s.scalars(select(FeedState)).one()
    assert st.next_due_at is not None and st.next_due_at >= t0 + dt.timedelta(seconds=120)


def test_host_spacing_defers_a_second_request(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    from tests.monitor_service.helpers import rss

    for p in ("/f1", "/f2"):
        server.routes[p] = Route(body=rss([{"title": "t", "link": server.url(p + "/a")}]))
    settings = make_settings(
        [{"url": server.url("/f1")}, {"url": server.url("/f2")}], fetch_host_delay=30.0
    )
    m = Monitor(settings, scanner=FakeScanner())
    assert m.run_round().polled == 1  # the same host twice: the second waits for a later round
    assert m.next_wake() > 1.0 or m.run_round().polled == 0


# ---------------------------------------------------------------- enable, disable, add


def test_user_sources_and_switches_persist(
    server: LocalServer,
    catalogue_settings: Callable[..., Settings],
    world,  # type: ignore[no-untyped-def]
) -> None:
    sources = serve_every_kind(server)
    settings = catalogue_settings([sources[0], {**sources[2], "enabled": False}])
    from warrantwatch.kb.service import open_kb

    kb = open_kb(settings)
    day = dt.date(2026, 12, 1)
    book = SourceBook(settings, kb.engine)
    assert [c.id for c in book.active(kb.world, day)] == ["presidency"]
    book.set_enabled(kb.world, day, "gdelt-visit", True)
    book.set_enabled(kb.world, day, "presidency", False)
    again = SourceBook(settings, kb.engine)  # another process: the choice is in the database
    assert [c.id for c in again.active(kb.world, day)] == ["gdelt-visit"]
    added = again.add(server.url("/mine.xml"), kind="feed", name="Mine", language="en")
    assert added.url in [c.url for c in SourceBook(settings, kb.engine).active(kb.world, day)]
    for bad, why in [
        ("ftp://x.example/feed", "not an http(s) address"),
        ("https://user:pw@x.example/feed", "user name or password"),
        ("https://t.me/somechannel", "t.me/s/NAME"),
    ]:
        with pytest.raises(SourceError, match=re.escape(why)):
            again.add(bad, kind="telegram" if "t.me" in bad else "feed")
    with pytest.raises(SourceError, match="unknown kind"):
        again.add("https://x.example/f", kind="radio")
    rows = {r["id"]: r for r in again.rows(kb.world, day)}
    assert rows["presidency"]["enabled"] is False and rows["gdelt-visit"]["enabled"] is True
    assert json.dumps(rows)  # JSON-ready for `sources list --format json`
