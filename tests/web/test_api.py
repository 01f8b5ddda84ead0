"""The JSON API: contents, errors, pagination, conditional GET, tokens."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA
from tests.web.conftest import EDITOR

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.accounts import create_token, list_tokens, revoke_token
from warrantwatch.web.api.models import (
    AssessmentOut,
    PersonDetail,
    StateDetail,
    TripItem,
    WarrantItem,
)
from warrantwatch.web.app import create_app


def test_assess_is_the_cli_json(client: TestClient, web_kb: KnowledgeBase) -> None:
    import datetime as dt

    r = client.get("/api/v1/assess", params={"person": "putin", "state": "TJ", "on": "2025-10-09"})
    assert r.status_code == 200
    body = r.json()
    expected = web_kb.assess("vladimir-putin", "TJ", dt.date(2025, 10, 9)).as_dict()
    assert body == json.loads(json.dumps(expected))
    assert body["duty"] == "binding" and body["basis"] == ["state_party"]
    AssessmentOut.model_validate(body)


def test_names_resolve_like_the_cli(client: TestClient) -> None:
    a = client.get("/api/v1/assess?person=Путин&state=Таджикистан&on=2025-10-09").json()
    assert a["person"]["id"] == "vladimir-putin" and a["state"]["iso2"] == "TJ"


def test_unknown_ids_get_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/api/v1/persons/putn")
    assert r.status_code == 404
    body = r.json()
    assert body["error"] == "not_found"
    assert any("vladimir-putin" in s for s in body["suggestions"])
    r = client.get("/api/v1/assess?person=putin&state=Atlantis")
    assert r.status_code == 404 and r.json()["suggestions"]
    assert client.get("/api/v1/warrants/nope").status_code == 404
    assert client.get("/api/v1/nothing-here").json()["error"] == "not_found"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/assess?person=putin&state=TJ&on=2025-13-40",
        "/api/v1/assess?state=TJ",
        "/api/v1/persons?status=sleeping",
        "/api/v1/persons?limit=0",
        "/api/v1/states?status=maybe",
        "/api/v1/trips?from=yesterday",
        "/api/v1/events?status=dancing",
    ],
)
def test_malformed_parameters_get_422_json(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422
    body = r.json()
    assert body["error"] == "invalid_parameter" and body["detail"]


def test_conditional_get(client: TestClient) -> None:
    url = "/api/v1/assess?person=putin&state=MN&on=2024-09-03"
    first = client.get(url)
    etag = first.headers["etag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200
    assert client.get("/api/v1/persons", headers={"If-None-Match": "*"}).status_code == 304


def test_pagination(client: TestClient) -> None:
    page1 = client.get("/api/v1/states?limit=5").json()
    assert len(page1["items"]) == 5 and page1["total"] == 12 and page1["next"]
    page2 = client.get(page1["next"]).json()
    assert page2["offset"] == 5
    assert {s["iso2"] for s in page1["items"]}.isdisjoint(s["iso2"] for s in page2["items"])
    last = client.get("/api/v1/states?limit=5&offset=10").json()
    assert last["next"] is None and len(last["items"]) == 2


def test_persons_and_filters(client: TestClient) -> None:
    at_large = client.get("/api/v1/persons?status=at-large&on=2025-10-09").json()
    assert "vladimir-putin" in [p["id"] for p in at_large["items"]]
    assert all(p["custody_status"] == "at_large" for p in at_large["items"])
    detail = client.get("/api/v1/persons/vladimir-putin?on=2025-10-09").json()
    PersonDetail.model_validate(detail)
    assert detail["outstanding_warrants"] == ["vladimir-putin-1"]
    w = client.get("/api/v1/warrants?person=putin").json()["items"]
    assert [x["id"] for x in w] == ["vladimir-putin-1"]
    WarrantItem.model_validate(w[0])
    assert "8(2)(a)(vii)" in [c["article"] for c in w[0]["charges"]]


def test_states_and_parties(client: TestClient) -> None:
    tj = client.get("/api/v1/states/tajikistan?on=2025-10-09").json()
    StateDetail.model_validate(tj)
    assert tj["state_status"] == "party"
    assert "vladimir-putin" in [o["id"] for o in tj["owes"]]
    mn = client.get("/api/v1/states/MN").json()
    assert [f["id"] for f in mn["findings"]] == ["mn-vladimir-putin-2024"]
    before = client.get("/api/v1/parties?on=2001-01-01").json()["total"]
    after = client.get("/api/v1/parties?on=2025-10-09").json()["total"]
    assert after > before
    assert all(
        s["state_status"] == "party"
        for s in client.get("/api/v1/states?status=party&on=2025-10-09").json()["items"]
    )


def test_trips(client: TestClient) -> None:
    items = client.get("/api/v1/trips?person=putin&bound=true").json()["items"]
    assert {t["iso2"] for t in items} == {"MN", "TJ"}
    for t in items:
        TripItem.model_validate(t)
    mn = client.get("/api/v1/trips?state=MN").json()["items"][0]
    assert mn["findings"][0]["id"] == "mn-vladimir-putin-2024"
    assert client.get("/api/v1/trips?from=2025-01-01&to=2025-12-31").json()["total"] == 1


def test_events_and_alerts_from_the_monitor(client: TestClient, seeded: None) -> None:
    ev = client.get("/api/v1/events").json()
    assert ev["total"] == 2
    assert {e["person_id"] for e in ev["items"]} == {"vladimir-putin", "jane-roe"}
    only = client.get("/api/v1/events?person=putin").json()["items"]
    assert [e["destination"] for e in only] == ["TJ"]
    assert client.get("/api/v1/alerts").status_code == 200


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    for path in (
        "/api/v1/persons",
        "/api/v1/persons/{person}",
        "/api/v1/warrants",
        "/api/v1/states",
        "/api/v1/states/{state}",
        "/api/v1/parties",
        "/api/v1/assess",
        "/api/v1/trips",
        "/api/v1/events",
        "/api/v1/alerts",
    ):
        assert path in spec["paths"]
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200 and "/api/v1/assess" in docs.text


def test_private_site_needs_a_token(web_kb: KnowledgeBase, db_url: str) -> None:
    settings = Settings(
        database_url=db_url, data_dir=FIXTURE_DATA, web_secret_key="k", web_public_read=False
    )
    from warrantwatch.web.accounts import add_user

    with Session(web_kb.engine) as s, s.begin():
        add_user(s, *EDITOR, "editor", "test")
        token = create_token(s, EDITOR[0], "ci", "test")
    c = TestClient(create_app(settings, web_kb))
    r = c.get("/api/v1/persons")
    assert r.status_code == 401 and r.json()["error"] == "not_signed_in"
    ok = c.get("/api/v1/persons", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200 and "private" in ok.headers["cache-control"]
    bad = c.get("/api/v1/persons", headers={"Authorization": "Bearer ww_forged"})
    assert bad.status_code == 401
    assert c.get("/", follow_redirects=False).headers["location"].startswith("/login")
    with Session(web_kb.engine) as s, s.begin():
        revoke_token(s, list_tokens(s)[0]["id"], "test")
    assert c.get("/api/v1/persons", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_a_body_that_is_not_utf8_json_is_a_documented_400(client: TestClient) -> None:
    r = client.post(
        "/api/v1/review/1/reject",
        content=b"&\x1a\xff",
        headers={"Content-Type": "application/json"},
    )
    assert r.status_code in (400, 401, 403)  # read first or refused first: never a 500
    if r.status_code == 400:
        assert r.json()["error"] == "bad_body"
    spec = client.get("/api/v1/openapi.json").json()
    post = spec["paths"]["/api/v1/review/{trip_id}/{action}"]["post"]
    assert "400" in post["responses"]
