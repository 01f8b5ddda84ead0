"""Watchers of the record read feeds and pages written here in the real formats (the Court's
RSS 2.0 with HTML descriptions, a press-release page, a depositary listing of notifications
named C.N.<n>.<year>.TREATIES-XVIII.10 "STATE: ACTION"), served from 127.0.0.1, and put what
they find into the review queue; an editor accepts or rejects. All texts are fictional."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import LocalServer, Route, rss

from warrantwatch.config import Settings
from warrantwatch.kb.edits import history
from warrantwatch.kb.lookup import LookupFailed
from warrantwatch.kb.repository import load_world
from warrantwatch.kb.service import KnowledgeBase, open_kb
from warrantwatch.monitor.fetch import FetchPolicy, fetch
from warrantwatch.monitor.record_watch import (
    ProposalError,
    accept,
    last_checks,
    pending,
    reject,
    run_round,
)

FEED = rss(
    [
        {
            "title": "Fixture: Omar al-Bashir transferred to the ICC's custody",
            "link": "http://127.0.0.1/news/fixture-transfer",
            "date": dt.date(2026, 11, 28),
            "description": "<p>Fixture text: <strong>Omar al-Bashir</strong> was surrendered "
            "to the Court today.</p>",
        },
        {
            "title": "Fixture: the Assembly of States Parties meets",
            "link": "http://127.0.0.1/news/fixture-assembly",
            "date": dt.date(2026, 11, 27),
            "description": "<p>Fixture text about a session.</p>",
        },
        {
            "title": "Fixture: Jane Roe surrendered to the ICC",
            "link": "http://127.0.0.1/news/fixture-roe",
            "date": dt.date(2024, 5, 2),
            "description": "<p>Already on record in the fixture data.</p>",
        },
    ]
)
LISTING = b"""<!doctype html><html><head><title>Depositary notifications</title></head><body>
<table><thead><tr><th>Date</th><th>Reference</th><th>Subject</th></tr></thead><tbody>
<tr><td>2026-11-03</td><td><a href="/doc/Publication/CN/2026/CN.901.2026-Eng.pdf">
C.N.901.2026.TREATIES-XVIII.10</a></td><td>MONGOLIA: NOTIFICATION OF WITHDRAWAL</td></tr>
<tr><td>2026-11-04</td><td><a href="/doc/Publication/CN/2026/CN.902.2026-Eng.pdf">
C.N.902.2026.TREATIES-XXVII.7</a></td><td>ANOTHER TREATY: RATIFICATION</td></tr>
<tr><td>2026-11-05</td><td><a href="/doc/Publication/CN/2026/CN.903.2026-Eng.pdf">
C.N.903.2026.TREATIES-XVIII.10</a></td><td>ATLANTIS: ACCESSION</td></tr>
</tbody></table></body></html>"""


@pytest.fixture
def kb(make_settings: Callable[..., Settings]) -> KnowledgeBase:
    return open_kb(make_settings())


def round_on(kb: KnowledgeBase, server: LocalServer) -> dict[str, str]:
    policy = FetchPolicy(allow_private=True, timeout=3)

    def state_of(name: str) -> str | None:
        try:
            return kb.resolver.state(name).iso2
        except LookupFailed:
            return None

    report = run_round(
        kb.engine,
        kb.world,
        lambda u: fetch(u, policy).content,
        state_of=state_of,
        urls={
            "icc-press-releases": server.url("/rss.xml"),
            "un-depositary-rome-statute": server.url("/cns"),
        },
    )
    return report.checked


def test_round_proposes_accept_and_reject(kb: KnowledgeBase, server: LocalServer) -> None:
    server.routes["/rss.xml"] = Route(FEED, content_type="application/rss+xml")
    server.routes["/cns"] = Route(LISTING)
    checked = round_on(kb, server)
    assert checked["icc-press-releases"].startswith("ok")
    props = {p.summary.split(" (")[0]: p for p in pending(kb.engine)}
    surrender = props["surrendered: omar-al-bashir"]
    assert surrender.values == {
        "person": "omar-al-bashir",
        "status": "surrendered",
        "date": "2026-11-28",
    }
    assert surrender.source["url"] == "http://127.0.0.1/news/fixture-transfer"
    assert not any("jane-roe" in s for s in props)  # already on record
    assert not any("Assembly" in s for s in props)  # no change of the record
    withdrawal = props["withdrawal notified: MONGOLIA"]
    assert withdrawal.values == {"state": "MN", "type": "withdrawal_notified", "date": "2026-11-03"}
    assert withdrawal.source["symbol"] == "C.N.901.2026.TREATIES-XVIII.10"
    assert withdrawal.source["url"].endswith("/doc/Publication/CN/2026/CN.901.2026-Eng.pdf")
    assert not any("XXVII" in p.source.get("symbol", "") for p in props.values())
    unknown = props["accession: ATLANTIS"]
    assert "state" not in unknown.values and "not recognised" in (unknown.note or "")

    # a second round proposes nothing new
    round_on(kb, server)
    assert len(pending(kb.engine)) == len(props)
    checks = {c["id"]: c for c in last_checks(kb.engine)}
    assert checks["icc-press-releases"]["at"] and checks["un-depositary-rome-statute"]["at"]

    edit_id = accept(kb.engine, surrender.id, "edna", changes={"date": "2026-11-27"})
    with Session(kb.engine) as s:
        bashir = load_world(s).persons["omar-al-bashir"]
    last = bashir.custody[-1]
    assert (last.status, last.date) == ("surrendered", dt.date(2026, 11, 27))
    (h,) = [h for h in history(kb.engine) if h["id"] == edit_id]
    assert h["origin"] == "watcher:icc-press-releases" and h["editor"] == "edna"
    with pytest.raises(ProposalError, match="already accepted"):
        accept(kb.engine, surrender.id, "edna")

    with pytest.raises(ProposalError, match="reason"):
        reject(kb.engine, unknown.id, "edna", " ")
    reject(kb.engine, unknown.id, "edna", "fictional state")
    assert [p.id for p in pending(kb.engine, "rejected")] == [unknown.id]


def test_a_failing_source_is_recorded_not_fatal(kb: KnowledgeBase, server: LocalServer) -> None:
    server.routes["/cns"] = Route(LISTING)  # the feed address answers 404
    checked = round_on(kb, server)
    assert checked["icc-press-releases"].startswith("error: BadStatus")
    assert checked["un-depositary-rome-statute"].startswith("ok")


def test_a_court_page_proposes_a_warrant_made_public(kb: KnowledgeBase) -> None:
    from warrantwatch.monitor.record_watch import court_page_items, court_proposals, read_watchers

    page = (
        b"<!doctype html><html><head><title>Fixture | ICC</title></head><body><nav>Home</nav>"
        b"<h1>Fixture: judges unseal a warrant of arrest against Vladimir Putin</h1>"
        b"<p>Press release: 30 November 2026</p><p>Fixture text only.</p></body></html>"
    )
    conf = read_watchers()
    watched = conf.watched[0].model_copy(update={"kind": "court_page"})
    items = court_page_items(page, "http://127.0.0.1/news/fixture-unsealed")
    assert items[0].date == dt.date(2026, 11, 30)
    (p,) = court_proposals(kb.world, watched, conf.court_signals, items)
    assert p.kind == "warrant" and p.values == {
        "person": "vladimir-putin",
        "made_public": "2026-11-30",
    }
    assert "Complete the warrant" in (p.note or "")
