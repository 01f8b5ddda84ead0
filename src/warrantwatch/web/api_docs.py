"""The API's reference page: each route with its parameters and an example response.

The example of a public ``GET`` route is a real answer of this site, asked in-process
with the reader's own credentials (so a private site shows what the reader may see)
and cached per knowledge-base snapshot; nothing in it is typed by hand, so it can
never drift from what the API returns. Routes that need an editor, or change
something, get the shape of their response built from its OpenAPI schema instead,
marked as such. Descriptions are Markdown (what OpenAPI expects): inline code in
backticks, paragraphs on blank lines; docstrings' reStructuredText double backticks
and roles are shown the same way, never raw.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from warrantwatch.law.world import World
from warrantwatch.web.facts import per_world_cache

#: Preferred example values (the model case); others are taken from the knowledge base.
EXAMPLE_PERSON, EXAMPLE_STATE, EXAMPLE_DAY = "vladimir-putin", "TJ", "2025-10-09"
_CODE = re.compile(r"``(.+?)``|`([^`]+?)`")
_ROLE = re.compile(r":(?:func|class|mod|meth|attr|data):`~?([^`]+)`")


def doc_html(text: str | None) -> Markup:
    """A description as HTML: paragraphs, and inline code (Markdown or reST) as <code>."""
    if not text:
        return Markup("")
    text = _ROLE.sub(lambda m: f"`{m[1].rsplit('.', 1)[-1]}`", text)
    out = []
    for para in re.split(r"\n\s*\n", text.strip()):
        parts, last = [], 0
        flat = " ".join(para.split())
        for m in _CODE.finditer(flat):
            parts.append(str(escape(flat[last : m.start()])))
            parts.append(f"<code>{escape(m[1] or m[2])}</code>")
            last = m.end()
        parts.append(str(escape(flat[last:])))
        out.append(f"<p>{''.join(parts)}</p>")
    return Markup("".join(out))


def example_values(world: World) -> dict[str, str]:
    """Values for the path and query parameters of the examples."""
    person = EXAMPLE_PERSON if EXAMPLE_PERSON in world.persons else min(world.persons)
    state = EXAMPLE_STATE if EXAMPLE_STATE in world.states else min(world.states)
    warrants = sorted(w.id for w in world.persons[person].warrants)
    return {
        "person": person,
        "state": state,
        "on": EXAMPLE_DAY,
        "warrant_id": warrants[0] if warrants else "",
    }


def example_request(path: str, op: dict[str, Any], values: dict[str, str]) -> str:
    """The address an example asks: path parameters filled, the required query
    parameters and ``on`` given, lists cut to two items."""
    url = path
    query: dict[str, str] = {}
    for p in op.get("parameters", []):
        name = p["name"]
        if p["in"] == "path":
            url = url.replace("{" + name + "}", values.get(name, ""))
        elif name in ("person", "state") and (p.get("required") or path.endswith("/trips")):
            query[name] = values[name]
        elif name == "on":
            query["on"] = values["on"]
        elif name == "limit":
            query["limit"] = "2"
    return url + (f"?{urlencode(query)}" if query else "")


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = spec["components"]["schemas"][name]
    return schema


def shape(schema: dict[str, Any], spec: dict[str, Any], depth: int = 0) -> Any:
    """A value of ``schema`` whose leaves name their type: the shape of a response."""
    schema = _resolve(schema, spec)
    if depth > 6:
        return "…"
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return shape(options[0], spec, depth) if options else None
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        if not props:
            return {}
        return {k: shape(v, spec, depth + 1) for k, v in props.items()}
    if kind == "array":
        return [shape(schema.get("items", {}), spec, depth + 1)]
    if "enum" in schema:
        return " | ".join(str(x) for x in schema["enum"])
    fmt = schema.get("format")
    return {
        "string": {"date": "YYYY-MM-DD", "date-time": "YYYY-MM-DDThh:mm:ssZ"}.get(
            fmt or "", "string"
        ),
        "integer": 0,
        "number": 0.0,
        "boolean": True,
    }.get(kind or "", "…")


def _response_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    ok = op.get("responses", {}).get("200", {})
    return ok.get("content", {}).get("application/json", {}).get("schema")


@per_world_cache(64)
def live_example(world: World, app: Any, url: str, auth: tuple[tuple[str, str], ...]) -> str:
    """The site's own answer to ``url``, pretty-printed (asked in-process)."""
    from starlette.testclient import TestClient

    with_auth = dict(auth)
    client = TestClient(app, base_url="http://example.invalid", raise_server_exceptions=False)
    r = client.get(url, headers=with_auth)
    try:
        return json.dumps(r.json(), ensure_ascii=False, indent=2)
    except ValueError:
        return r.text


def endpoints(
    spec: dict[str, Any], world: World, app: Any, auth: tuple[tuple[str, str], ...]
) -> list[dict[str, Any]]:
    """Every operation of the spec with its example, in the spec's order."""
    values = example_values(world)
    out = []
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            editor_only = "review" in op.get("tags", [])
            item: dict[str, Any] = {
                "method": method.upper(),
                "path": path,
                "op": op,
                "summary": op.get("summary", ""),
                "description": doc_html(op.get("description")),
                "parameters": [
                    {**p, "description_html": doc_html(p.get("description"))}
                    for p in op.get("parameters", [])
                ],
            }
            if method == "get" and not editor_only:
                url = example_request(path, op, values)
                item["example_url"] = url
                item["example"] = live_example(world, app, url, auth)
                item["example_kind"] = "live"
            else:
                schema = _response_schema(op)
                item["example"] = (
                    json.dumps(shape(schema, spec), ensure_ascii=False, indent=2)
                    if schema
                    else "{}"
                )
                item["example_kind"] = "shape"
            out.append(item)
    return out
