"""Issue 15 item 13: two monitors (or web workers, or backfills) on one database."""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import threading
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page, rss

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.monitor import store
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.tables import ArticleEntry, EventRecord, FeedState

D = dt.date(2025, 10, 6)


def _open(url: str, out: mp.Queue) -> None:  # type: ignore[type-arg]
    try:
        kb = open_kb(Settings(database_url=url, data_dir=FIXTURE_DATA))
        out.put(("ok", len(kb.world.persons)))
    except BaseException as exc:  # reported to the parent
        out.put(("error", f"{type(exc).__name__}: {exc}"))


def test_two_processes_build_a_new_database_at_once(db_url: str) -> None:
    """Three processes open one new database: once "database is locked" while it was
    being built (and, on PostgreSQL, two migrations at once)."""
    url = db_url
    q: mp.Queue = mp.get_context("spawn").Queue()  # type: ignore[type-arg]
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_open, args=(url, q)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [q.get(timeout=240) for _ in procs]
    for p in procs:
        p.join()
    assert all(r[0] == "ok" for r in results), results
    assert len({r[1] for r in results}) == 1


def _feed(server: LocalServer, n: int) -> str:
    items = []
    for i in range(n):
        server.routes[f"/a{i}"] = Route(
            body=page(f"Trip {i}", [f"Text {i}. [[trip vladimir-putin TJ 2025-11-20 planned]]"])
        )
        items.append({"title": f"Trip {i}", "link": server.url(f"/a{i}"), "date": D})
    server.routes["/feed"] = Route(body=rss(items), content_type="application/rss+xml")
    return server.url("/feed")


def test_two_monitors_at_once_scan_each_article_once(
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    """IntegrityError on monitor_feeds.url_hash, and one article counted as two reports."""
    settings = make_settings([{"url": _feed(server, 12)}])
    open_kb(settings)  # built once, as by the first process to start
    scanners = [FakeScanner(), FakeScanner()]
    monitors = [Monitor(settings, scanner=s) for s in scanners]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def go(m: Monitor) -> None:
        try:
            start.wait()
            m.run_round(force=True)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=go, args=(m,)) for m in monitors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    scanned = [a.url for s in scanners for a in s.calls]
    assert len(scanned) == len(set(scanned)) == 12  # every article once, by one of them
    engine = monitors[0].engine
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(FeedState)) == 1
        assert s.scalar(select(func.count()).select_from(ArticleEntry)) == 12
        assert s.scalar(select(func.count()).select_from(EventRecord)) == 12


def test_claims_are_disjoint_and_a_dead_claim_runs_out(
    make_settings: Callable[..., Settings],
) -> None:
    kb = open_kb(make_settings())
    with Session(kb.engine) as s, s.begin():
        for i in range(10):
            store.add_pending(s, f"https://news.example/{i}")
    a = {e.id for e in store.claim_pending(kb.engine, "a", limit=6)}
    b = {e.id for e in store.claim_pending(kb.engine, "b", limit=10)}
    assert len(a) == 6 and len(b) == 4 and not a & b
    assert store.claim_pending(kb.engine, "c") == []
    with Session(kb.engine) as s, s.begin():  # "a" died: its lease runs out
        for e in s.scalars(select(ArticleEntry).where(ArticleEntry.claimed_by == "a")):
            e.claimed_until = dt.datetime(2000, 1, 1)
    assert {e.id for e in store.claim_pending(kb.engine, "c")} == a


def test_feed_state_made_twice_is_one_row(make_settings: Callable[..., Settings]) -> None:
    kb = open_kb(make_settings())
    with Session(kb.engine) as s1, Session(kb.engine) as s2:
        first = store.feed_state_for(s1, "k" * 64, "https://news.example/feed")
        s1.commit()
        second = store.feed_state_for(s2, "k" * 64, "https://news.example/feed")
        assert first.id == second.id


def test_a_locked_database_is_retried() -> None:
    from sqlalchemy.exc import OperationalError

    calls = []

    def work() -> str:
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("UPDATE", {}, Exception("database is locked"))
        return "done"

    assert store.retry_locked(work, first_wait=0.001) == "done" and len(calls) == 3
