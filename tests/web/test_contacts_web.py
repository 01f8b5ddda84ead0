"""Contacts on the site and in the API, on a data set with one recorded contact."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.kb.test_contacts_data import CONTACT, OFFICIAL, data_with

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.web.app import create_app


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    data = data_with(tmp_path, [OFFICIAL], [CONTACT])
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'w.sqlite3'}", data_dir=data, web_secret_key="k"
    )
    with TestClient(create_app(settings, open_kb(settings)), base_url="http://testserver") as c:
        yield c


def test_state_and_person_pages_list_the_contact_with_its_source(client: TestClient) -> None:
    for path in ("/states/TJ?on=2025-12-01", "/persons/vladimir-putin?on=2025-12-01"):
        html = client.get(path).text
        assert "Contacts" in html and "Ivan Example" in html, path
        assert "https://example.org/report" in html
        assert "does not decide whether a contact was essential" in html


def test_api_lists_contacts_with_filters_and_sources(client: TestClient) -> None:
    r = client.get("/api/v1/contacts", params={"state": "Tajikistan"})
    assert r.status_code == 200
    (item,) = r.json()["items"]
    assert (item["state"], item["official_name"], item["state_status"]) == (
        "TJ",
        "Ivan Example",
        "party",
    )
    assert item["sources"][0]["url"] == "https://example.org/report"
    assert client.get("/api/v1/contacts", params={"party": "false"}).json()["items"] == []
    assert client.get("/api/v1/contacts", params={"from": "2026-01-01"}).json()["total"] == 0
    bad = client.get("/api/v1/contacts", params={"state": "Atlantis"})
    assert bad.status_code == 404
    st = client.get("/api/v1/states/TJ", params={"on": "2025-12-01"}).json()
    assert [c["id"] for c in st["contacts"]] == [CONTACT["id"]]
    assert "essential" in st["contact_policy"]["note"]
    p = client.get("/api/v1/persons/vladimir-putin", params={"on": "2025-12-01"}).json()
    assert [c["id"] for c in p["contacts"]] == [CONTACT["id"]]
