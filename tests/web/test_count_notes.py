"""Every count on the pages says what it counts (issue 12: 25 at large against 28 to
arrest; 124 States Parties against 125 states bound)."""

from __future__ import annotations

import html as html_lib
import re

from fastapi.testclient import TestClient


def notes(html: str) -> list[str]:
    return [
        html_lib.unescape(re.sub(r"\s+", " ", n))
        for n in re.findall(r'class="[^"]*count-note[^"]*">([^<]+)<', html)
    ]


def test_home_explains_both_numbers(client: TestClient) -> None:
    found = notes(client.get("/").text)
    assert any(
        n.startswith("Counts the persons subject to at least one outstanding") for n in found
    )
    assert any(n.startswith("Counts the ") and "Rome Statute is in force" in n for n in found)


def test_where_page_adds_the_parts_up(client: TestClient) -> None:
    html = client.get("/where/jane-roe?on=2022-01-01").text
    (note,) = notes(html)  # once on the page, not again under the map
    assert "former State Party bound under art. 127(2) (Burundi)" in note
    assert re.search(r"= \d+\.$", note)


def test_state_page_splits_its_list(client: TestClient) -> None:
    (note,) = notes(client.get("/states/TJ?on=2020-01-01").text)
    assert "held in national custody (Omar al-Bashir)" in note
    assert "count of persons at large on that date (0, as on the home page)" in note


def test_persons_and_states_lists_say_what_they_count(client: TestClient) -> None:
    html = client.get("/persons?status=at-large").text
    assert "with a public ICC arrest warrant or summons, whose custody status is at large" in html
    assert "a summons to appear" in html and "is shown as such" in html
    assert notes(client.get("/states").text)


def test_where_page_and_api_give_the_future_caveat(client: TestClient) -> None:
    html = client.get("/where/putin?on=2099-01-01").text
    assert "1 January 2099 is in the future" in html
    data = client.get("/api/v1/where?person=putin&on=2099-01-01").json()
    assert any("is in the future" in c for c in data["caveats"])


def test_declarations_name_their_situation_not_its_id(client: TestClient) -> None:
    html = client.get("/states/UA").text
    assert "for the Situation in Ukraine, for acts from 20 February 2014 onwards" in html
    assert "(situation ukraine)" not in html
