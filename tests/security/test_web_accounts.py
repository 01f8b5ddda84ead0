"""Issue 15 items 2, 3 and 4: tokens cannot mint credentials, logout ends the session,
password guessing is slowed."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlalchemy.orm import Session
from tests.web.conftest import EDITOR, VIEWER, csrf_of, sign_in

from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web.accounts import add_user, create_token, list_users
from warrantwatch.web.tables import LoginFailureRow

ADMIN = ("ada", "a very long admin password")


def _token(kb: KnowledgeBase, username: str) -> str:
    with Session(kb.engine) as s, s.begin():
        return create_token(s, username, "script", "test")


def test_a_token_cannot_reach_account_pages_or_mint_tokens(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    """Item 2: a viewer's token gave the CSRF token and then a new working token."""
    bearer = {"Authorization": f"Bearer {_token(web_kb, VIEWER[0])}"}
    assert client.get("/api/v1/persons", headers=bearer).status_code == 200  # it still reads
    r = client.get("/account", headers=bearer, follow_redirects=False)
    assert r.status_code == 403 and "csrf_token" not in r.text
    csrf = csrf_of(client)
    r = client.post(
        "/account/tokens",
        data={"name": "again", "csrf_token": csrf, "password": VIEWER[1]},
        headers=bearer,
        follow_redirects=False,
    )
    assert r.status_code == 403 and "ww_" not in r.text


def test_an_admin_token_cannot_create_an_admin(client: TestClient, web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        add_user(s, *ADMIN, "admin", "test")
    bearer = {"Authorization": f"Bearer {_token(web_kb, ADMIN[0])}"}
    csrf = csrf_of(client)
    data = {
        "username": "mallory",
        "password": "a password long enough",
        "role": "admin",
        "csrf_token": csrf,
        "your_password": ADMIN[1],
    }
    r = client.post("/admin/users", data=data, headers=bearer, follow_redirects=False)
    assert r.status_code == 403
    with Session(web_kb.engine) as s:
        assert "mallory" not in {u["username"] for u in list_users(s)}


def test_new_tokens_and_admins_need_the_password_again(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    with Session(web_kb.engine) as s, s.begin():
        add_user(s, *ADMIN, "admin", "test")
    sign_in(client, *ADMIN)
    csrf = client.cookies.get("ww_csrf") or ""
    r = client.post("/account/tokens", data={"name": "bot", "csrf_token": csrf})
    assert r.status_code == 403 and "cannot be shown again" not in r.text
    data = {"username": "mallory", "password": "a password long enough", "role": "admin"}
    r = client.post("/admin/users", data={**data, "csrf_token": csrf}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(
        "/admin/users",
        data={**data, "csrf_token": csrf, "your_password": ADMIN[1]},
        follow_redirects=False,
    )
    assert r.status_code == 303


def test_logout_ends_the_session_for_a_copied_cookie(client: TestClient) -> None:
    """Item 3: a copy of the session cookie worked for 12 hours after logout."""
    sign_in(client, *EDITOR)
    stolen = client.cookies.get("ww_session")
    assert stolen and client.get("/account", follow_redirects=False).status_code == 200
    r = client.post("/logout", data={"csrf_token": client.cookies.get("ww_csrf")})
    assert r.status_code in (200, 303)
    client.cookies.set("ww_session", stolen)
    assert client.get("/account", follow_redirects=False).status_code == 303  # to sign-in


def test_a_password_change_ends_the_other_sessions(app, client: TestClient) -> None:  # type: ignore[no-untyped-def]
    other = TestClient(app, base_url="http://testserver")
    sign_in(other, *EDITOR)
    sign_in(client, *EDITOR)
    new = "a brand new long password"
    r = client.post(
        "/account/password",
        data={
            "current": EDITOR[1],
            "new": new,
            "repeat": new,
            "csrf_token": client.cookies.get("ww_csrf"),
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert client.get("/account", follow_redirects=False).status_code == 200  # this one goes on
    assert other.get("/account", follow_redirects=False).status_code == 303  # the other ended


def _login(client: TestClient, username: str, password: str) -> int:
    csrf = csrf_of(client)
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": csrf},
        follow_redirects=False,
    )
    return r.status_code


def test_password_guessing_is_slowed_then_the_real_user_gets_in(
    client: TestClient, web_kb: KnowledgeBase
) -> None:
    """Item 4: 50 wrong passwords in 5.5 s, then the right one accepted."""
    codes = [_login(client, EDITOR[0], f"guess number {i}") for i in range(8)]
    assert codes[:5] == [401] * 5 and codes[-1] == 429
    csrf = csrf_of(client)
    r = client.post(
        "/login",
        data={"username": EDITOR[0], "password": EDITOR[1], "csrf_token": csrf},
        follow_redirects=False,
    )
    assert r.status_code == 429 and "Wait" in r.text and int(r.headers["retry-after"]) <= 900
    with Session(web_kb.engine) as s, s.begin():  # the wait runs out by itself
        past = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
        s.execute(update(LoginFailureRow).values(wait_until=past))
    assert _login(client, EDITOR[0], EDITOR[1]) == 303


def test_guessing_many_accounts_from_one_address_is_slowed(client: TestClient) -> None:
    codes = [_login(client, f"user{i}", "wrong password here") for i in range(22)]
    assert 429 in codes and codes.index(429) <= 21
