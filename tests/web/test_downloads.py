"""Downloads on the site: briefings from every assessment, person and state page, the
feeds (served, linked with rel=alternate, listed with their addresses), the exports,
and the `where` page and API route."""

from __future__ import annotations

import io
import json
import re
import zipfile

import feedparser
import icalendar
import pytest
from fastapi.testclient import TestClient


def _links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+/briefing\.[a-z]+\?[^"]*)"', html.replace("&amp;", "&"))


@pytest.mark.parametrize(
    "page",
    ["/assess/putin/TJ/2025-10-09", "/persons/vladimir-putin?on=2025-10-09", "/states/TJ"],
)
def test_every_page_links_its_briefing_in_each_format_and_language(
    client: TestClient, page: str
) -> None:
    html = client.get(page).text
    links = _links(html)
    for ext in ("pdf", "html", "md"):
        for lang in ("en", "fr"):
            assert any(f"/briefing.{ext}?" in u and f"lang={lang}" in u for u in links), (ext, lang)
    md = client.get(next(u for u in links if ".md?" in u and "lang=en" in u))
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")


def test_the_visit_briefing_is_the_report_layers(client: TestClient) -> None:
    from warrantwatch.reports.render import render_markdown
    from warrantwatch.reports.visit import visit_briefing

    kb = client.app.state.kb  # type: ignore[attr-defined]
    w = kb.world
    r = client.get("/assess/Путин/Tajikistan/2025-10-09/briefing.md?lang=fr")
    assert r.status_code == 200
    expected = render_markdown(
        visit_briefing(
            w,
            w.persons["vladimir-putin"],
            w.states["TJ"],
            __import__("datetime").date(2025, 10, 9),
            lang="fr",
        )
    )
    assert r.text == expected
    assert (
        'filename="warrantwatch-vladimir-putin-TJ-2025-10-09-fr.md"'
        in r.headers["content-disposition"]
    )
    pdf = client.get("/assess/putin/TJ/2025-10-09/briefing.pdf?lang=fr")
    assert pdf.content.startswith(b"%PDF-") and pdf.headers["content-type"] == "application/pdf"
    html = client.get("/assess/putin/TJ/2025-10-09/briefing.html")
    assert '<html lang="en">' in html.text
    assert "style-src 'unsafe-inline'" in html.headers["content-security-policy"]
    assert "script-src" not in html.headers["content-security-policy"]  # 'none' by default


def test_person_and_state_briefings_take_a_date(client: TestClient) -> None:
    r = client.get("/states/MN/briefing.md?on=2025-10-09&lang=en")
    assert r.status_code == 200 and "Mongolia" in r.text
    r = client.get("/persons/al-bashir/briefing.md?on=2015-06-14&lang=fr")
    assert r.status_code == 200 and "14 juin 2015" in r.text  # the date asked, in French


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/assess/putin/TJ/2025-10-09/briefing.docx", 404),
        ("/assess/putin/TJ/2025-10-09/briefing.pdf?lang=de", 400),
        ("/assess/putin/TJ/9-10-2025/briefing.pdf", 400),
        ("/assess/nobody-at-all/TJ/2025-10-09/briefing.pdf", 404),
        ("/persons/nobody-at-all/briefing.md", 404),
        ("/states/Atlantis/briefing.md", 404),
        ("/states/TJ/briefing.md?on=2025-02-30", 400),
        ("/feeds/alerts.rss", 404),
        ("/exports/everything.tar", 404),
    ],
)
def test_bad_download_addresses_get_a_4xx_page(client: TestClient, url: str, status: int) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert "text/html" in r.headers["content-type"] and "Traceback" not in r.text


def test_feeds_are_served_linked_and_listed(client: TestClient) -> None:
    home = client.get("/").text
    assert '<link rel="alternate" type="application/atom+xml" href="/feeds/alerts.atom"' in home
    assert '<link rel="alternate" type="text/calendar" href="/feeds/trips.ics"' in home
    atom = client.get("/feeds/alerts.atom")
    assert atom.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(atom.content)
    assert not feed.bozo and feed.feed.links[0].href == "http://testserver/feeds/alerts.atom"
    ics = client.get("/feeds/trips.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert str(icalendar.Calendar.from_ical(ics.content)["version"]) == "2.0"
    page = client.get("/feeds").text
    assert "http://testserver/feeds/alerts.atom" in page
    assert "webcal://testserver/feeds/trips.ics" in page
    for name in ("warrantwatch.ftm.json", "warrantwatch-csv.zip", "warrantwatch-json.zip"):
        assert f'href="/exports/{name}"' in page


def test_exports_download(client: TestClient) -> None:
    ftm = client.get("/exports/warrantwatch.ftm.json")
    lines = [json.loads(x) for x in ftm.text.splitlines()]
    assert lines[0]["schema"] == "PublicBody"
    assert any(e["id"] == "ww-person-vladimir-putin" for e in lines)
    csvz = zipfile.ZipFile(io.BytesIO(client.get("/exports/warrantwatch-csv.zip").content))
    assert {"states.csv", "persons.csv", "trips.csv", "sources.csv"} <= set(csvz.namelist())
    assert "Tajikistan" in csvz.read("states.csv").decode()
    jz = zipfile.ZipFile(io.BytesIO(client.get("/exports/warrantwatch-json.zip").content))
    meta = json.loads(jz.read("meta.json"))
    assert meta["format"] == "warrantwatch-export"
    assert "data/states.yaml" in jz.namelist()  # the files that rebuild the knowledge base


def test_where_page_splits_every_state(client: TestClient) -> None:
    r = client.get("/where/putin?on=2025-10-09")
    assert r.status_code == 200
    html = r.text
    party = html.split('id="g-state_party"', 1)[1].split("</details>", 1)[0]
    none = html.split('id="g-none"', 1)[1].split("</details>", 1)[0]
    assert 'data-iso2="TJ"' in party and 'data-iso2="TJ"' not in none
    assert 'data-iso2="RU"' in none
    assert 'href="/assess/vladimir-putin/TJ/2025-10-09"' in party
    assert "svg" in html and 'id="owed-map"' in html
    r = client.get("/where?person=Путин&on=2025-10-09", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/where/vladimir-putin?on=2025-10-09"
    assert client.get("/where/nobody-at-all").status_code == 404
    assert client.get("/where/putin?on=2025-13-01").status_code == 400
    assert client.get("/where?person=putin&on=tomorrow").status_code == 400
    assert client.get("/where?person=nobody-at-all").status_code == 404


def test_where_api_is_the_cli_json(client: TestClient) -> None:
    from warrantwatch.law.where import where

    kb = client.app.state.kb  # type: ignore[attr-defined]
    r = client.get("/api/v1/where", params={"person": "putin", "on": "2025-10-09"})
    assert r.status_code == 200
    import datetime as dt

    assert (
        r.json()
        == where(kb.world, kb.world.persons["vladimir-putin"], dt.date(2025, 10, 9)).as_dict()
    )
    assert client.get("/api/v1/where", params={"person": "nobody-at-all"}).status_code == 404
    assert client.get("/api/v1/where", params={"person": "putin", "on": "x"}).status_code == 422
