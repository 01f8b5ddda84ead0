"""The statement checker on the site: the form, pasted text, an uploaded file, CSRF, the
highlighting by verdict, and the JSON API."""

from __future__ import annotations

import io
import re

import docx
from fastapi.testclient import TestClient
from tests.check.statements import EN, FR
from tests.web.conftest import csrf_of


def _docx(text: str) -> bytes:
    d = docx.Document()
    for p in text.split("\n\n"):
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_form_page(client: TestClient) -> None:
    r = client.get("/check")
    assert r.status_code == 200
    assert 'name="csrf_token"' in r.text and 'name="upload"' in r.text and "<textarea" in r.text


def test_pasted_text_is_highlighted_by_verdict(client: TestClient) -> None:
    token = csrf_of(client)
    r = client.post("/check", data={"text": EN, "on": "2025-10-01", "csrf_token": token})
    assert r.status_code == 200
    marks = re.findall(
        r'<mark class="claim claim-[a-z-]+" data-verdict="([a-z ]+)" title="[a-z ]+">([^<]+)',
        r.text,
    )
    assert (
        "disagrees",
        "Tajikistan has been a State Party since 30 November 1998 and must "
        "arrest Vladimir Putin if he enters its territory.",
    ) in marks
    assert any(v == "agrees" and s.startswith("The arrest warrant of 17 March") for v, s in marks)
    assert "1 July 2002" in r.text and "https://example.org/fixture/treaty-status" in r.text


def test_uploaded_docx(client: TestClient) -> None:
    token = csrf_of(client)
    files = {"upload": ("draft.docx", _docx(FR), "application/octet-stream")}
    r = client.post("/check", data={"csrf_token": token, "on": "2025-10-01"}, files=files)
    assert r.status_code == 200
    assert 'data-verdict="disagrees"' in r.text and "Le Tadjikistan est un État partie" in r.text


def test_post_without_csrf_is_refused(client: TestClient) -> None:
    client.get("/check")
    r = client.post("/check", data={"text": EN})
    assert r.status_code == 403


def test_bad_input_is_a_422_page(client: TestClient) -> None:
    token = csrf_of(client)
    r = client.post("/check", data={"text": "  ", "csrf_token": token})
    assert r.status_code == 422 and "cannot be read" in r.text
    r = client.post("/check", data={"text": EN, "on": "July 1", "csrf_token": token})
    assert r.status_code == 422 and "Not a date" in r.text
    files = {"upload": ("x.docx", b"PK\x03\x04 not a zip", "application/octet-stream")}
    r = client.post("/check", data={"csrf_token": token}, files=files)
    assert r.status_code == 422 and ".docx" in r.text


def test_api(client: TestClient) -> None:
    r = client.post("/api/v1/check", json={"text": EN, "on": "2025-10-01"})
    assert r.status_code == 200
    body = r.json()
    kinds = {c["kind"]: c for c in body["claims"]}
    assert kinds["party_dates"]["verdict"] == "disagrees"
    assert kinds["warrant_articles"]["verdict"] == "agrees"
    assert kinds["party_dates"]["sources"][0]["url"].startswith("https://example.org/")
    assert body["counts"]["disagrees"] >= 1
    assert client.post("/api/v1/check", json={"text": ""}).status_code == 422
    assert client.post("/api/v1/check", json={"text": "x", "on": "soon"}).status_code == 422
