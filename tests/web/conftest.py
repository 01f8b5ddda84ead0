"""Fixtures for the web layer: the app on the fixture data (SQLite and PostgreSQL), a
client, an editor account, and monitor reports put in through the monitor's own code."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA
from tests.web.seed import seed_reports

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase, open_kb
from warrantwatch.web.accounts import add_user
from warrantwatch.web.app import create_app

EDITOR = ("edna", "correct horse battery")
VIEWER = ("vic", "another long password")


@pytest.fixture
def web_settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, data_dir=FIXTURE_DATA, web_secret_key="test-secret")


@pytest.fixture
def web_kb(web_settings: Settings) -> KnowledgeBase:
    return open_kb(web_settings)


@pytest.fixture
def accounts(web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        add_user(s, *EDITOR, "editor", "test")
        add_user(s, *VIEWER, "viewer", "test")


@pytest.fixture
def app(web_settings: Settings, web_kb: KnowledgeBase, accounts: None) -> FastAPI:
    return create_app(web_settings, web_kb)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def seeded(web_kb: KnowledgeBase, web_settings: Settings) -> None:
    seed_reports(web_kb, web_settings)


def csrf_of(client: TestClient) -> str:
    """Load a page so the CSRF cookie is set; return its value (what forms carry)."""
    client.get("/login")
    token = client.cookies.get("ww_csrf")
    assert token
    return token


def sign_in(client: TestClient, username: str, password: str) -> None:
    token = csrf_of(client)
    r = client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
