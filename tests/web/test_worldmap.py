"""The bundled map: small, complete for the states we know, codes mapped right."""

from __future__ import annotations

import datetime as dt
import re

from warrantwatch.kb.files import bundled_data_dir
from warrantwatch.law.world import World
from warrantwatch.web import facts, worldmap


def test_geo_file_is_small_and_has_the_quirky_codes() -> None:
    assert worldmap.GEO_FILE.stat().st_size < 1_000_000
    codes = {s.iso2 for s in worldmap.geography().shapes}
    # Natural Earth gives France and Norway ISO_A2 "-99" and Kosovo no numeric code
    assert {"FR", "NO", "XK", "TJ", "MN", "PS", "TV"} <= codes
    assert "AQ" not in codes
    assert (worldmap.GEO_FILE.parent / "README.md").read_text().count("public domain") >= 1


def test_every_state_in_the_data_can_be_drawn() -> None:
    import yaml

    states = yaml.safe_load((bundled_data_dir() / "states.yaml").read_text())["states"]
    codes = {s.iso2 for s in worldmap.geography().shapes}
    missing = sorted(s["iso2"] for s in states if s["iso2"] not in codes)
    assert missing == []


def test_status_map_links_and_colours(world: World) -> None:
    svg = worldmap.render(
        facts.status_paint(world, dt.date(2025, 10, 9)), "title", facts.STATUS_CLASSES
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    links = set(re.findall(r'href="/states/([A-Z]{2})"', svg))
    assert links == set(world.states)
    assert re.search(r'href="/states/TJ" aria-label="Tajikistan: State Party"', svg)
    assert 'class="s-nodata"' in svg  # countries not in the fixture data are drawn, unlinked


def test_owed_map_matches_the_engine(world: World) -> None:
    from warrantwatch.law.obligations import assess

    putin = world.persons["vladimir-putin"]
    on = dt.date(2025, 10, 9)
    owed = facts.owed_states(world, putin, on)
    for iso2, state in world.states.items():
        assert (iso2 in owed) == (assess(world, putin, state, on).duty == "binding"), iso2
