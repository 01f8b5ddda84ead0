"""The HTML pages: what they say, how they fail, and that they are safe to show."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import EDITOR, VIEWER, csrf_of, sign_in


def test_home_shows_map_and_fugitives(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert 'class="worldmap"' in html and 'href="/states/TJ"' in html
    assert re.search(r"<strong>\d+</strong> persons? subject to an outstanding", html)
    assert 'href="/persons/vladimir-putin"' in html
    assert "Sources" in html and "https://example.org/fixture" in html


def test_map_date_changes_colours(client: TestClient) -> None:
    # Tajikistan: ratified 2000, in force for it from 1 July 2002 (fixture data)
    before = client.get("/fragments/status-map?on=2001-01-01").text
    after = client.get("/fragments/status-map?on=2025-10-09")
    assert after.headers["hx-push-url"] == "/?on=2025-10-09"
    tj = re.compile(r'href="/states/TJ"[^>]*><path class="s-([a-z_]+)"')
    assert tj.search(before).group(1) == "not_yet_party"  # type: ignore[union-attr]
    assert tj.search(after.text).group(1) == "party"  # type: ignore[union-attr]


def test_the_model_question(client: TestClient) -> None:
    r = client.get("/assess/putin/TJ/2025-10-09")
    assert r.status_code == 200
    html = r.text
    assert "Tajikistan must arrest and surrender Vladimir Putin to the International" in html
    lead = html[html.index("<strong>Yes.</strong>") :].split(".", 2)[1]
    assert lead.count("Vladimir Putin") == 1  # the name once per sentence (issue 12)
    assert "vladimir-putin-1" in html and "17 March 2023" in html
    assert "8(2)(a)(vii)" in html and "8(2)(b)(viii)" in html
    assert "Rome Statute, art. 89(1)" in html and "comply with requests for arrest" in html
    assert "Mongolia" in html and "non-compliance" in html
    assert '<link rel="canonical" href="/assess/vladimir-putin/TJ/2025-10-09">' in html


def test_ask_form_leads_to_the_shareable_address(client: TestClient) -> None:
    r = client.get(
        "/assess",
        params={"person": "Poutine", "state": "Tadjikistan", "on": "2025-10-09"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert r.headers["location"] == "/assess/vladimir-putin/TJ/2025-10-09"
    bad = client.get("/assess", params={"person": "nobody at all", "state": "TJ"})
    assert bad.status_code == 404 and "unknown person" in bad.text


def test_unknown_ids_get_a_helpful_404(client: TestClient) -> None:
    r = client.get("/persons/putn")
    assert r.status_code == 404
    assert 'href="/persons/vladimir-putin"' in r.text and "Traceback" not in r.text
    s = client.get("/states/Mongolai")
    assert s.status_code == 404 and 'href="/states/MN"' in s.text
    assert client.get("/assess/putin/TJ/2025-99-99").status_code == 400
    assert client.get("/no/such/page").status_code == 404


def test_person_and_state_pages(client: TestClient) -> None:
    p = client.get("/persons/vladimir-putin?on=2025-10-09").text
    for needle in (
        "vladimir-putin-1",
        "art. 8(2)(a)(vii)",
        "President of Russia",
        "Ulaanbaatar",
        'class="timeline"',
        'id="owed-map"',
        "Fixture warrant page",
    ):
        assert needle in p
    s = client.get("/states/MN?on=2025-10-09").text
    for needle in (
        "Status history",
        "Non-compliance findings",
        "Pre-Trial Chamber II",
        "Vladimir Putin",
        "not arrested",
    ):
        assert needle in s
    assert client.get("/states").status_code == 200
    assert client.get("/persons?status=at-large").status_code == 200


def test_security_headers_and_no_inline_script(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    for url in ("/", "/assess/putin/TJ/2025-10-09", "/persons/putin", "/login"):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html and " onclick=" not in html


def test_news_text_is_sanitised(client: TestClient, seeded: None) -> None:
    html = client.get("/").text
    assert "<script>alert" not in html
    assert "<b>next week</b>" in html  # harmless emphasis survives nh3
    sign_in(client, *EDITOR)
    review = client.get("/review").text
    assert "<script>alert" not in review and "Jane Roe is expected in Burkina Faso" in review


def test_forms_need_the_csrf_token(client: TestClient) -> None:
    csrf_of(client)
    r = client.post("/login", data={"username": EDITOR[0], "password": EDITOR[1]})
    assert r.status_code == 403 and "Form expired" in r.text
    r = client.post(
        "/login",
        data={"username": EDITOR[0], "password": EDITOR[1], "csrf_token": "forged"},
    )
    assert r.status_code == 403


def test_sign_in_sets_a_safe_cookie(client: TestClient) -> None:
    token = csrf_of(client)
    r = client.post(
        "/login",
        data={"username": EDITOR[0], "password": EDITOR[1], "csrf_token": token, "next": "/review"},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"].lower()
    assert "ww_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    wrong = client.post(
        "/login", data={"username": EDITOR[0], "password": "nope", "csrf_token": token}
    )
    assert wrong.status_code == 401 and "Wrong user name or password" in wrong.text
    offsite = client.post(
        "/login",
        data={
            "username": EDITOR[0],
            "password": EDITOR[1],
            "csrf_token": token,
            "next": "//evil.example/",
        },
        follow_redirects=False,
    )
    assert offsite.headers["location"] == "/"


def test_review_needs_an_editor(client: TestClient) -> None:
    assert client.get("/review", follow_redirects=False).headers["location"].startswith("/login")
    sign_in(client, *VIEWER)
    assert client.get("/review").status_code == 403


def test_editor_confirms_and_the_audit_log_shows_it(client: TestClient, seeded: None) -> None:
    sign_in(client, *EDITOR)
    page = client.get("/review").text
    trip_id = int(re.search(r'id="trip-(\d+)"[\s\S]*?Vladimir Putin', page).group(1))  # type: ignore[union-attr]
    token = client.cookies.get("ww_csrf")
    r = client.post(
        f"/review/{trip_id}/confirm", data={"csrf_token": token}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    assert f"Trip {trip_id} confirmed" in client.get(r.headers["location"]).text
    audit = client.get("/audit").text
    assert "confirm" in audit and EDITOR[0] in audit
    # the confirmed trip joins the record the pages show
    person = client.get("/persons/vladimir-putin?on=2031-10-09").text
    assert "9 October 2031" in person
    rej = client.post(
        f"/review/{trip_id + 1}/reject", data={"csrf_token": token}, follow_redirects=False
    )
    assert rej.status_code == 409  # a reason is required; nothing changed


def test_editor_corrects_with_bad_input(client: TestClient, seeded: None) -> None:
    sign_in(client, *EDITOR)
    token = client.cookies.get("ww_csrf")
    r = client.post(
        "/review/1/correct", data={"csrf_token": token, "start_date": "soon", "reason": "x"}
    )
    assert r.status_code == 409 and "not a date" in r.text
    ok = client.post(
        "/review/1/correct",
        data={"csrf_token": token, "place": "Khujand", "reason": "report named the wrong city"},
        follow_redirects=False,
    )
    assert ok.status_code == 303
    assert "Khujand" in client.get("/audit").text


def test_sign_out(client: TestClient) -> None:
    sign_in(client, *EDITOR)
    assert "Signed in as" in client.get("/").text
    token = client.cookies.get("ww_csrf")
    client.post("/logout", data={"csrf_token": token})
    assert "Signed in as" not in client.get("/").text


def test_assess_page_says_what_happened_before_once(client: TestClient) -> None:
    """Issue 12: the explanation's list is not repeated above the page's own section."""
    page = client.get("/assess/putin/TJ/2025-10-09").text
    assert page.count("What happened before") == 1
    assert "The record holds a visit of Vladimir Putin to Tajikistan" in page
