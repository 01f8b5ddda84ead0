"""Issue 15 items 1, 6 and 7: what any anonymous client can send the site."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient
from tests.web.conftest import EDITOR, csrf_of, sign_in

HUGE = 9223372036854775808  # 2**63: once an OverflowError and a 500


def test_json_body_over_the_cap_is_refused_before_parsing(client: TestClient) -> None:
    """Item 1: 2 MB of JSON without credentials is a 413, not parsed whole."""
    body = b"[" + b" " * 2_000_000 + b"]"
    r = client.post(
        "/api/v1/review/1/reject", content=body, headers={"content-type": "application/json"}
    )
    assert r.status_code == 413
    assert r.json()["error"] == "too_large"


def test_streamed_body_without_length_is_cut_at_the_cap(client: TestClient) -> None:
    """Item 1: a chunked body (no Content-Length) is counted as it arrives."""

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b" " * 65536

    r = client.post(
        "/api/v1/review/1/reject", content=chunks(), headers={"content-type": "application/json"}
    )
    assert r.status_code == 413


def test_form_over_the_cap_is_refused(client: TestClient) -> None:
    r = client.post("/login", data={"username": "x", "password": "y" * 1_500_000})
    assert r.status_code == 413


def test_small_bodies_still_work(client: TestClient) -> None:
    token = csrf_of(client)
    r = client.post(
        "/login",
        data={"username": EDITOR[0], "password": EDITOR[1], "csrf_token": token},
        follow_redirects=False,
    )
    assert r.status_code == 303


def test_ids_out_of_range_are_404_or_422_not_500(client: TestClient) -> None:
    """Item 6: the API, the confirm/reject routes and the page route."""
    sign_in(client, *EDITOR)
    token = client.cookies.get("ww_csrf") or ""
    assert client.get(f"/api/v1/review/{HUGE}").status_code in (404, 422)
    r = client.post(
        f"/api/v1/review/{HUGE}/reject",
        json={"reason": "x"},
        headers={"x-csrf-token": token},
    )
    assert r.status_code in (404, 422)
    r = client.post(f"/review/{HUGE}/reject", data={"csrf_token": token, "reason": "x"})
    assert r.status_code == 404
    r = client.post(f"/account/tokens/{HUGE}/revoke", data={"csrf_token": token})
    assert r.status_code == 404
    assert client.get("/api/v1/review/2147483648").status_code in (404, 422)  # past int4
    assert client.get("/").status_code == 200  # the connection and the server are fine


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    """Item 7: monitoring probes use HEAD."""
    r = client.head("/")
    assert r.status_code == 200 and r.content == b""
    assert client.head("/api/v1/persons").status_code == 200


def test_a_number_is_not_a_date(client: TestClient) -> None:
    """Item 7: on=0 was read as a Unix time, 1970-01-01."""
    r = client.get("/api/v1/assess", params={"person": "vladimir-putin", "state": "TJ", "on": "0"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.text
    assert client.get("/api/v1/persons", params={"on": "1700000000"}).status_code == 422
    assert client.get("/", params={"on": "0"}).status_code == 400
    ok = client.get("/api/v1/persons", params={"on": "2025-10-09"})
    assert ok.status_code == 200
