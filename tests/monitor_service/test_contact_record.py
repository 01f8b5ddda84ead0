"""The monitor's record of contacts: stored, grouped, alerted on their own channel, reviewed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import FakeScanner, LocalServer, Route, page, rss

from warrantwatch.config import Settings
from warrantwatch.kb.repository import load_world
from warrantwatch.monitor import contact_record
from warrantwatch.monitor.model import Article, ContactEvent
from warrantwatch.monitor.service import Monitor
from warrantwatch.monitor.tables import ContactEventRecord, ContactRecord, OutboxAlert

D = dt.date(2025, 11, 3)
CONTACT = re.compile(
    r"\[\[contact (?P<person>\S+) (?P<state>[A-Z]{2}) (?P<date>\S+) "
    r"(?P<status>\w+) (?P<kind>\w+)\]\]"
)


class ContactScanner(FakeScanner):
    """The fake trip scanner, plus ``[[contact person STATE date status kind]]`` markers."""

    def contacts(self, article: Article) -> list[ContactEvent]:
        out = []
        for m in CONTACT.finditer(article.text):
            out.append(
                ContactEvent(
                    person=m["person"],
                    state=m["state"],
                    office="head_of_state",
                    kind=m["kind"],  # type: ignore[arg-type]
                    status=m["status"],  # type: ignore[arg-type]
                    evidence=article.text[: m.start()].strip(),
                    confidence=0.9,
                    date=dt.date.fromisoformat(m["date"]),
                    url=article.url,
                    published=article.published,
                    state_status="party" if m["state"] in ("TJ", "MN") else "non_party",
                    state_party=m["state"] in ("TJ", "MN"),
                )
            )
        return out


class Sent:
    def __init__(self) -> None:
        self.messages: list[tuple[str, str, str]] = []

    def __call__(self, url: str, title: str, body: str) -> bool:
        self.messages.append((url, title, body))
        return True


def count(m: Monitor, model: type) -> int:
    with Session(m.engine) as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


@pytest.fixture
def monitor(server: LocalServer, make_settings: Callable[..., Settings]):  # type: ignore[no-untyped-def]
    texts = {
        "/a1": "Tajikistan's president will meet the visitor in Dushanbe. "
        "[[contact vladimir-putin TJ 2025-11-20 planned meeting]]",
        "/a2": "The meeting of the two presidents was confirmed for later this month. "
        "[[contact vladimir-putin TJ 2025-11-20 planned meeting]]",
        "/a3": "Kazakhstan's president will call the visitor. "
        "[[contact vladimir-putin KZ 2025-11-20 planned call]]",
    }
    items = []
    for path, text in texts.items():
        server.routes[path] = Route(body=page("Report", [text, "Filler paragraph."]))
        items.append({"title": "Report " + path, "link": server.url(path), "date": D})
    server.routes["/feed"] = Route(body=rss(items), content_type="application/rss+xml")
    trips, contacts = Sent(), Sent()
    settings = make_settings(
        [{"url": server.url("/feed"), "interval": 60}],
        alert_urls=["json://127.0.0.1:9/trips"],
        contact_alert_urls=["json://127.0.0.1:9/contacts"],
    )

    def notify(url: str, title: str, body: str) -> bool:
        return (contacts if "/contacts" in url else trips)(url, title, body)

    m = Monitor(settings, scanner=ContactScanner(), notifier=notify)
    return m, trips, contacts


def test_reports_of_one_meeting_are_one_contact_alerted_on_its_own_channel(monitor) -> None:  # type: ignore[no-untyped-def]
    m, trips, contacts = monitor
    r = m.run_round()
    assert r.processed == 3
    assert count(m, ContactEventRecord) == 3
    # the two reports of Tajikistan's meeting are one contact
    with Session(m.engine) as s:
        rows = {c.state: c for c in s.scalars(select(ContactRecord))}
        assert set(rows) == {"TJ", "KZ"}
        assert rows["TJ"].date == dt.date(2025, 11, 20) and rows["TJ"].status == "planned"
        alerts = list(s.scalars(select(OutboxAlert)))
    # one alert, for the State Party; none for Kazakhstan (not a party)
    assert [(a.channel, a.contact_id) for a in alerts] == [("contacts", rows["TJ"].id)]
    assert trips.messages == []  # the trip targets never get contact alerts
    assert len(contacts.messages) == 1
    _, title, body = contacts.messages[0]
    assert "Planned contact" in title and "Tajikistan" in title
    assert "does not decide whether a contact was essential" in body
    assert "/a1" in body  # the source


def test_review_confirms_into_the_knowledge_base_and_rejects_out(monitor) -> None:  # type: ignore[no-untyped-def]
    m, _, _ = monitor
    m.run_round()
    with Session(m.engine) as s:
        tj = s.scalars(select(ContactRecord).where(ContactRecord.state == "TJ")).one()
        kz = s.scalars(select(ContactRecord).where(ContactRecord.state == "KZ")).one()
    with pytest.raises(contact_record.ContactReviewError, match="editor"):
        contact_record.confirm(m.engine, tj.id, " ")
    view = contact_record.confirm(m.engine, tj.id, "Reviewer")
    assert view.contact["review_status"] == "confirmed"
    with Session(m.engine) as s:
        world = load_world(s)
    (c,) = [x for x in world.contacts if x.id == view.contact["kb_contact_id"]]
    assert (c.state, c.kind, c.date) == ("TJ", "meeting", dt.date(2025, 11, 20))
    assert {s.url.rsplit("/", 1)[1] for s in c.fact.sources} == {"a1", "a2"}
    contact_record.reject(m.engine, tj.id, "Reviewer", "misread")
    with Session(m.engine) as s:
        assert all(x.id != c.id for x in load_world(s).contacts)
    with pytest.raises(contact_record.ContactReviewError, match="reason"):
        contact_record.reject(m.engine, kz.id, "Reviewer", "")
    with pytest.raises(contact_record.ContactReviewError, match="no contact #999"):
        contact_record.show(m.engine, 999)


def test_french_contact_target_and_contact_digest(  # type: ignore[no-untyped-def]
    server: LocalServer, make_settings: Callable[..., Settings]
) -> None:
    """A contact target in French gets the French text; a digest target gets one contacts
    digest once its period has passed; trip targets get neither."""
    from warrantwatch.config import AlertTarget

    server.routes["/c1"] = Route(
        body=page(
            "Report",
            [
                "Tajikistan's president will meet the visitor in Dushanbe. "
                "[[contact vladimir-putin TJ 2025-11-20 planned meeting]]",
                "Filler paragraph.",
            ],
        )
    )
    server.routes["/feed"] = Route(
        body=rss([{"title": "Report", "link": server.url("/c1"), "date": D}]),
        content_type="application/rss+xml",
    )
    now = [dt.datetime(2025, 11, 3, 10)]
    settings = make_settings(
        [{"url": server.url("/feed"), "interval": 60}],
        alert_targets=[AlertTarget(url="json://trip-digest", immediate=False, digest="daily")],
        contact_alert_urls=["json://contacts-en"],
        contact_alert_targets=[
            AlertTarget(url="json://contacts-fr", language="fr"),
            AlertTarget(url="json://contacts-digest", immediate=False, digest="daily"),
        ],
    )
    sent = Sent()
    m = Monitor(settings, scanner=ContactScanner(), notifier=sent, clock=lambda: now[0])
    m.run_round(force=True)
    by_url: dict[str, list[tuple[str, str]]] = {}
    for url, title, body in sent.messages:
        by_url.setdefault(url.split("?")[0], []).append((title, body))
    ((fr_title, fr_body),) = by_url["json://contacts-fr"]
    assert fr_title.startswith("Contact prévu : chef d'État du Tadjikistan")
    assert "le Tadjikistan est un État partie" in fr_title and "rencontre" in fr_title
    assert "il ne décide pas si un contact était essentiel" in fr_body
    assert "Alert key: ww-alert-" in fr_body
    ((en_title, _),) = by_url["json://contacts-en"]
    assert en_title.startswith("Planned contact: Tajikistan's head of state")
    assert "json://contacts-digest" not in by_url  # the digest clock has only started
    now[0] += dt.timedelta(days=1, minutes=1)
    m.run_round()
    digests = [(t, b) for u, t, b in sent.messages if u == "json://contacts-digest"]
    assert len(digests) == 1
    title, body = digests[0]
    assert title == "Warrant Watch daily contacts digest: 1 alert"
    assert "Planned contact: Tajikistan's head of state" in body
    # the trip digest target never lists the contact alert (it has nothing to send)
    assert not [u for u, _, _ in sent.messages if u == "json://trip-digest"]
    now[0] += dt.timedelta(days=1, minutes=1)
    m.run_round()
    assert len([u for u, _, _ in sent.messages if u == "json://contacts-digest"]) == 1
