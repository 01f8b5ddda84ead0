"""Review through the JSON API: editors only, tokens or CSRF, 4xx for bad decisions."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.web.conftest import EDITOR, VIEWER, sign_in

from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.accounts import create_token
from warrantwatch.web.api.models import ReviewTripOut


def bearer(kb: KnowledgeBase, username: str) -> dict[str, str]:
    with Session(kb.engine) as s, s.begin():
        token = create_token(s, username, "review tool", "test")
    return {"Authorization": f"Bearer {token}"}


def putin_trip(client: TestClient, headers: dict[str, str]) -> dict:  # type: ignore[type-arg]
    r = client.get("/api/v1/review", headers=headers)
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    return next(t for t in items if t["person_id"] == "vladimir-putin")


def test_queue_needs_an_editor(client: TestClient, web_kb: KnowledgeBase, seeded: None) -> None:
    assert client.get("/api/v1/review").status_code == 401
    assert client.get("/api/v1/review", headers=bearer(web_kb, VIEWER[0])).status_code == 403
    r = client.get("/api/v1/review", headers=bearer(web_kb, EDITOR[0]))
    body = r.json()
    assert body["total"] == 2 and len(body["items"]) == 2
    for item in body["items"]:
        ReviewTripOut.model_validate(item)
        assert item["review_status"] == "pending" and item["events"]
    page = client.get("/api/v1/review?limit=1", headers=bearer(web_kb, EDITOR[0])).json()
    assert len(page["items"]) == 1 and page["next"] and "offset=1" in page["next"]


def test_confirm_correct_reject_with_a_token(
    client: TestClient, web_kb: KnowledgeBase, seeded: None
) -> None:
    h = bearer(web_kb, EDITOR[0])
    trip = putin_trip(client, h)
    tid = trip["id"]
    r = client.post(f"/api/v1/review/{tid}/confirm", json={"reason": "two agencies"}, headers=h)
    assert r.status_code == 200, r.text
    done = r.json()
    assert done["review_status"] == "confirmed" and done["reviewed_by"] == EDITOR[0]
    assert done["kb_trip_id"]
    # the confirmed trip is in the record the API serves
    trips = client.get("/api/v1/trips", params={"person": "putin", "from": "2031-01-01"}).json()
    assert any(t["start"] == "2031-10-09" and t["iso2"] == "TJ" for t in trips["items"])
    r = client.post(
        f"/api/v1/review/{tid}/correct",
        json={"changes": {"place": "Khujand", "destination": "tj"}, "reason": "wrong city"},
        headers=h,
    )
    assert r.status_code == 200 and r.json()["place"] == "Khujand"
    assert r.json()["destination"] == "TJ"
    r = client.post(f"/api/v1/review/{tid}/reject", json={"reason": "hoax"}, headers=h)
    assert r.status_code == 200 and r.json()["review_status"] == "rejected"
    assert r.json()["kb_trip_id"] is None
    assert client.get(f"/api/v1/review/{tid}", headers=h).json()["review_status"] == "rejected"


def test_bad_decisions_are_4xx_and_change_nothing(
    client: TestClient, web_kb: KnowledgeBase, seeded: None
) -> None:
    h = bearer(web_kb, EDITOR[0])
    tid = putin_trip(client, h)["id"]
    cases = [
        ("post", f"/api/v1/review/{tid}/reject", {}, 409),  # a reason is required
        ("post", f"/api/v1/review/{tid}/correct", {}, 409),  # nothing to correct
        ("post", f"/api/v1/review/{tid}/correct", {"changes": {"start_date": "soon"}}, 422),
        ("post", f"/api/v1/review/{tid}/correct", {"changes": {"colour": "red"}}, 422),
        ("post", f"/api/v1/review/{tid}/correct", {"changes": {"destination": "XX"}}, 409),
        ("post", f"/api/v1/review/{tid}/approve", {}, 422),
        ("post", "/api/v1/review/999999/confirm", {}, 404),
        ("get", "/api/v1/review/999999", None, 404),
    ]
    for method, path, body, status in cases:
        r = client.request(method, path, json=body, headers=h)
        assert r.status_code == status, (path, body, r.text)
        assert "error" in r.json()
    after = client.get(f"/api/v1/review/{tid}", headers=h).json()
    assert after["review_status"] == "pending" and after["reviewed_by"] is None


def test_a_browser_session_needs_the_csrf_header(
    client: TestClient, web_kb: KnowledgeBase, seeded: None
) -> None:
    sign_in(client, *EDITOR)
    tid = putin_trip(client, {})["id"]
    r = client.post(f"/api/v1/review/{tid}/confirm", json={})
    assert r.status_code == 403 and r.json()["error"] == "csrf"
    csrf = client.cookies.get("ww_csrf")
    r = client.post(f"/api/v1/review/{tid}/confirm", json={}, headers={"X-CSRF-Token": csrf})
    assert r.status_code == 200 and r.json()["review_status"] == "confirmed"
