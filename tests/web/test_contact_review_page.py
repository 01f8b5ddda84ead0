"""The contacts' review page: the queue with its reports, confirm and reject under the
editor's name, behind the same sign-in and CSRF check as the trips' review."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import EDITOR, VIEWER, sign_in
from tests.web.seed import report_contact

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase

EVIDENCE = (
    "The fixture agency says the president of Tajikistan, Ivan Example, met Vladimir Putin "
    'in Dushanbe on 3 March 2031 <script>alert("x")</script>.'
)


@pytest.fixture
def contact_seeded(web_kb: KnowledgeBase, web_settings: Settings) -> None:
    report_contact(
        web_kb,
        web_settings,
        person="vladimir-putin",
        iso2="TJ",
        day=dt.date(2031, 3, 3),
        evidence=EVIDENCE,
        url="http://127.0.0.1:9/fixture/tj-meeting",
        official_name="Ivan Example",
        title="Fixture agency: a meeting",
    )


def _contact_id(page: str) -> int:
    m = re.search(r'id="contact-(\d+)"', page)
    assert m, page
    return int(m.group(1))


def test_contact_review_needs_an_editor(client: TestClient, contact_seeded: None) -> None:
    r = client.get("/review/contacts", follow_redirects=False)
    assert r.headers["location"].startswith("/login")
    sign_in(client, *VIEWER)
    assert client.get("/review/contacts").status_code == 403
    token = client.cookies.get("ww_csrf")
    r = client.post("/review/contacts/1/confirm", data={"csrf_token": token})
    assert r.status_code == 403


def test_queue_lists_the_contact_with_its_report_escaped(
    client: TestClient, contact_seeded: None
) -> None:
    sign_in(client, *EDITOR)
    page = client.get("/review/contacts").text
    assert "Tajikistan" in page and "Ivan Example" in page and "Vladimir Putin" in page
    assert "http://127.0.0.1:9/fixture/tj-meeting" in page
    assert "<script>alert" not in page
    assert "does not decide whether a contact was essential" in page
    assert "was a State Party that day" in page
    assert "No contacts confirmed." in client.get("/review/contacts?status=confirmed").text
    assert 'href="/review/contacts"' in client.get("/review").text


def test_confirm_joins_the_record_and_reject_takes_it_out(
    client: TestClient, contact_seeded: None
) -> None:
    sign_in(client, *EDITOR)
    cid = _contact_id(client.get("/review/contacts").text)
    token = client.cookies.get("ww_csrf")
    # without the CSRF token nothing changes
    assert client.post(f"/review/contacts/{cid}/confirm", data={}).status_code == 403
    r = client.post(
        f"/review/contacts/{cid}/confirm", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    assert f"Contact {cid} confirmed." in client.get(r.headers["location"]).text
    assert "No contacts pending." in client.get("/review/contacts").text
    person = client.get("/persons/vladimir-putin?on=2031-03-10").text
    assert "Ivan Example" in person and "http://127.0.0.1:9/fixture/tj-meeting" in person
    audit = client.get("/audit").text
    assert f"contact {cid} (TJ – vladimir-putin, 2031-03-03)" in audit and EDITOR[0] in audit
    # a rejection needs a reason; with one, the contact leaves the record
    no_reason = client.post(f"/review/contacts/{cid}/reject", data={"csrf_token": token})
    assert no_reason.status_code == 409 and "reason" in no_reason.text
    r = client.post(
        f"/review/contacts/{cid}/reject",
        data={"csrf_token": token, "reason": "the report misread a photograph caption"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert "Ivan Example" not in client.get("/persons/vladimir-putin?on=2031-03-10").text
    assert "Ivan Example" in client.get("/review/contacts?status=rejected").text


def test_bad_actions_and_unknown_contacts_are_refused(
    client: TestClient, contact_seeded: None
) -> None:
    sign_in(client, *EDITOR)
    token = client.cookies.get("ww_csrf")
    r = client.post("/review/contacts/1/approve", data={"csrf_token": token})
    assert r.status_code == 404 and "choose one of confirm, reject" in r.text
    r = client.post("/review/contacts/999/confirm", data={"csrf_token": token})
    assert r.status_code == 409 and "no contact #999" in r.text
    r = client.post("/review/contacts/0/confirm", data={"csrf_token": token})
    assert r.status_code in (404, 422)
