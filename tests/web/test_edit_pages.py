"""An editor records a new arrest on the site, with its source; it shows at once, in the
audit log, and in a fresh export."""

from __future__ import annotations

from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from tests.web.conftest import EDITOR, VIEWER, sign_in

from warrantwatch.kb.edits import history
from warrantwatch.kb.export import export_data_dir
from warrantwatch.kb.service import KnowledgeBase

FORM = {
    "kind": "custody",
    "action": "add",
    "v_person": "vladimir-putin",
    "v_date": "2026-11-30",
    "v_status": "arrested",
    "v_place": "Fixture City",
    "s_url": "https://www.icc-cpi.int/news/fixture-arrest",
    "s_publisher": "International Criminal Court",
    "s_title": "Fixture press release on an arrest",
    "s_date": "2026-11-30",
    "reason": "the Court announced the arrest",
}


def test_editor_records_an_arrest(
    client: TestClient, web_kb: KnowledgeBase, tmp_path: Path
) -> None:
    sign_in(client, *EDITOR)
    page = client.get("/edit?kind=custody&v_person=vladimir-putin")
    assert page.status_code == 200 and 'value="vladimir-putin"' in page.text
    r = client.post(
        "/edit", data={**FORM, "csrf_token": client.cookies["ww_csrf"]}, follow_redirects=False
    )
    assert r.status_code == 303 and r.headers["location"].startswith(
        "/persons/vladimir-putin?notice="
    )
    person = client.get(r.headers["location"])
    assert "Fixture City" in person.text and "added (change 1)" in person.text
    assert "tier 1" in person.text and "Fixture press release on an arrest" in person.text
    assert "arrested" in client.get("/api/v1/persons/vladimir-putin").text
    audit = client.get("/audit")
    assert "add custody" in audit.text and "the Court announced the arrest" in audit.text
    out = tmp_path / "export"
    export_data_dir(web_kb.engine, out)
    doc = yaml.safe_load((out / "persons" / "vladimir-putin.yaml").read_text(encoding="utf-8"))
    assert any(c["status"] == "arrested" and c["place"] == "Fixture City" for c in doc["custody"])


def test_a_change_without_a_real_source_is_refused(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    sign_in(client, *EDITOR)
    client.get("/edit")
    bad = {**FORM, "s_title": "", "csrf_token": client.cookies["ww_csrf"]}
    r = client.post("/edit", data=bad)
    assert r.status_code == 422 and "Not changed" in r.text and "title" in r.text
    assert 'value="Fixture City"' in r.text  # the form comes back filled in
    assert history(web_kb.engine) == []


def test_viewers_and_strangers_cannot_edit(client: TestClient) -> None:
    assert client.get("/edit", follow_redirects=False).status_code in (303, 401, 403)
    sign_in(client, *VIEWER)
    assert client.get("/edit", follow_redirects=False).status_code == 403
    r = client.post(
        "/edit", data={**FORM, "csrf_token": client.cookies["ww_csrf"]}, follow_redirects=False
    )
    assert r.status_code == 403


def test_a_watchers_proposal_is_accepted_on_the_review_page(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    import datetime as dt

    from sqlalchemy.orm import Session

    from warrantwatch.kb.tables import KbProposal

    with Session(web_kb.engine) as s, s.begin():
        s.add(
            KbProposal(
                watcher="icc-press-releases",
                found_at=dt.datetime(2026, 12, 1, 9, 0),
                kind="custody",
                summary="surrendered: omar-al-bashir (Fixture item)",
                values={"person": "omar-al-bashir", "status": "surrendered", "date": "2026-11-28"},
                source={"url": "https://www.icc-cpi.int/news/fixture-transfer",
                        "publisher": "International Criminal Court",
                        "title": "Fixture transfer item", "date": "2026-11-28"},
                fingerprint="f" * 64,
            )
        )  # fmt: skip
    sign_in(client, *EDITOR)
    page = client.get("/review")
    assert "Proposed changes to the record" in page.text and "Fixture transfer item" in page.text
    r = client.post(
        "/review/proposals/1/accept",
        data={"v_person": "omar-al-bashir", "v_status": "surrendered", "v_date": "2026-11-27",
              "csrf_token": client.cookies["ww_csrf"]},
        follow_redirects=False,
    )  # fmt: skip
    assert r.status_code == 303, r.text
    assert "2026-11-27" in client.get("/api/v1/persons/omar-al-bashir").text
    again = client.post(
        "/review/proposals/1/accept", data={"csrf_token": client.cookies["ww_csrf"]}
    )
    assert again.status_code == 409 and "already accepted" in again.text


def test_home_says_how_current_the_record_is(client: TestClient) -> None:
    page = client.get("/")
    assert "How current the record is" in page.text and "Newest dated fact on record" in page.text
    assert "International Criminal Court: press releases and news" in page.text
