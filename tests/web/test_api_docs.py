"""The API reference page: no raw reStructuredText, an example response for every
route (the site's own answer where the route is public), parameters described."""

from __future__ import annotations

import html
import json
import re

from fastapi.testclient import TestClient

from warrantwatch.web.api_docs import doc_html, shape


def _sections(text: str) -> list[str]:
    return text.split('<section class="card endpoint"')[1:]


def test_every_route_has_an_example_and_no_raw_rst(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    page = client.get("/api/v1/docs").text
    n_ops = sum(len(ops) for ops in spec["paths"].values())
    sections = _sections(page)
    assert len(sections) == n_ops
    for sec in sections:
        assert '<pre class="json"><code>' in sec, sec[:200]
    main = page.split("<main", 1)[1]
    assert "``" not in main and ":func:" not in main and ":class:" not in main
    assert "<code>warrantwatch assess --format json</code>" in main  # backticks became code


def test_the_live_example_is_the_apis_own_answer(client: TestClient) -> None:
    page = client.get("/api/v1/docs").text
    sec = next(s for s in _sections(page) if "<code>GET /api/v1/assess</code>" in s)
    url = html.unescape(re.search(r"Example: <code>GET (\S+)</code>", sec)[1])
    assert url == "/api/v1/assess?person=vladimir-putin&state=TJ&on=2025-10-09"
    shown = json.loads(
        html.unescape(re.search(r"<pre class=\"json\"><code>(.*?)</code>", sec, re.S)[1])
    )
    assert shown == client.get(url).json()
    assert shown["duty"] == "binding" and shown["state"]["iso2"] == "TJ"


def test_editor_routes_show_the_shape_of_their_answer(client: TestClient) -> None:
    page = client.get("/api/v1/docs").text
    sec = next(s for s in _sections(page) if "/api/v1/review/{trip_id}/{action}" in s)
    assert "Example response (its shape)" in sec
    body = json.loads(
        html.unescape(re.search(r"<pre class=\"json\"><code>(.*?)</code>", sec, re.S)[1])
    )
    assert isinstance(body, dict) and "id" in body


def test_path_parameters_are_described(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    params = spec["paths"]["/api/v1/persons/{person}"]["get"]["parameters"]
    assert next(p for p in params if p["name"] == "person")["description"]


def test_doc_html_turns_markdown_and_rst_code_into_code() -> None:
    out = str(doc_html("The same as ``a --b`` and `c`; see :func:`x.y.assess`.\n\nNext <b>."))
    assert out == (
        "<p>The same as <code>a --b</code> and <code>c</code>; see <code>assess</code>.</p>"
        "<p>Next &lt;b&gt;.</p>"
    )


def test_shape_follows_refs_and_nullable_fields() -> None:
    spec = {
        "components": {
            "schemas": {
                "T": {
                    "type": "object",
                    "properties": {
                        "on": {"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
                        "n": {"type": "integer"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                }
            }
        }
    }
    assert shape({"$ref": "#/components/schemas/T"}, spec) == {
        "on": "YYYY-MM-DD",
        "n": 0,
        "tags": ["string"],
    }
