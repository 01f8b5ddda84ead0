"""Accounts in the browser: own password and tokens; users for administrators."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.web.conftest import EDITOR, VIEWER, sign_in

from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.accounts import add_user, list_users

ADMIN = ("ada", "a very long admin password")


def post(client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(
        path, data={"csrf_token": client.cookies.get("ww_csrf"), **data}, follow_redirects=False
    )


def test_change_own_password(client: TestClient) -> None:
    sign_in(client, *VIEWER)
    page = client.get("/account")
    assert page.status_code == 200 and VIEWER[0] in page.text
    new = "a brand new passphrase"
    assert (
        post(client, "/account/password", current="wrong", new=new, repeat=new).status_code == 400
    )
    r = post(client, "/account/password", current=VIEWER[1], new=new, repeat=new + "x")
    assert r.status_code == 400 and "differ" in r.text
    r = post(client, "/account/password", current=VIEWER[1], new="short", repeat="short")
    assert r.status_code == 400 and "too short" in r.text
    r = post(client, "/account/password", current=VIEWER[1], new=new, repeat=new)
    assert r.status_code == 303
    # still signed in with the new session cookie; the old password no longer works
    assert "Password changed" in client.get(r.headers["location"]).text
    other = TestClient(client.app)
    sign_in(other, VIEWER[0], new)
    bad = other.post(
        "/login",
        data={
            "username": VIEWER[0],
            "password": VIEWER[1],
            "csrf_token": other.cookies.get("ww_csrf"),
        },
    )
    assert bad.status_code == 401


def test_make_use_and_revoke_a_token(client: TestClient) -> None:
    sign_in(client, *EDITOR)
    r = post(client, "/account/tokens", name="review bot")
    assert r.status_code == 403 and "password again" in r.text  # the password is asked again
    r = post(client, "/account/tokens", name="review bot", password=EDITOR[1])
    assert r.status_code == 200 and "cannot be shown again" in r.text
    token = re.search(r"(ww_[A-Za-z0-9_-]{20,})", r.text).group(1)  # type: ignore[union-attr]
    api = TestClient(client.app)
    h = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/review", headers=h).status_code == 200
    page = client.get("/account").text
    assert "review bot" in page and token not in page  # shown once only
    tid = re.search(r"/account/tokens/(\d+)/revoke", page).group(1)  # type: ignore[union-attr]
    assert post(client, f"/account/tokens/{tid}/revoke").status_code == 303
    assert api.get("/api/v1/review", headers=h).status_code == 401
    # someone else's token is not yours to revoke
    sign_in(client, *VIEWER)
    assert post(client, f"/account/tokens/{tid}/revoke").status_code == 404


def test_forms_need_their_csrf_token(client: TestClient) -> None:
    sign_in(client, *VIEWER)
    r = client.post("/account/tokens", data={"name": "x"}, follow_redirects=False)
    assert r.status_code == 403


def test_admin_manages_users(client: TestClient, web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        add_user(s, *ADMIN, "admin", "test")
    sign_in(client, *VIEWER)
    assert client.get("/admin/users").status_code == 403
    sign_in(client, *ADMIN)
    assert VIEWER[0] in client.get("/admin/users").text
    r = post(
        client, "/admin/users", username="nadia", password="another fine password", role="editor"
    )
    assert r.status_code == 303
    r = post(client, "/admin/users", username="nadia", password="another fine password")
    assert r.status_code == 400 and "already exists" in r.text
    assert (
        post(client, "/admin/users", username="x y", password="long enough pass").status_code == 400
    )
    assert post(client, "/admin/users/nadia/role", role="admin").status_code == 403
    r = post(client, "/admin/users/nadia/role", role="admin", your_password=ADMIN[1])
    assert r.status_code == 303
    assert post(client, "/admin/users/nadia/role", role="boss").status_code == 400
    assert post(client, "/admin/users/nadia/disable").status_code == 303
    assert post(client, f"/admin/users/{ADMIN[0]}/disable").status_code == 400  # not yourself
    assert post(client, "/admin/users/nobody/enable").status_code == 400
    assert post(client, "/admin/users/nadia/explode").status_code == 404
    with Session(web_kb.engine) as s:
        nadia = next(u for u in list_users(s) if u["username"] == "nadia")
    assert nadia["role"] == "admin" and nadia["disabled"] is True
    disabled = TestClient(client.app)
    disabled.get("/login")
    r = disabled.post(
        "/login",
        data={
            "username": "nadia",
            "password": "another fine password",
            "csrf_token": disabled.cookies.get("ww_csrf"),
        },
    )
    assert r.status_code == 401
    audit = client.get("/audit").text
    assert "user.add" in audit and "user.role" in audit and "user.disable" in audit
