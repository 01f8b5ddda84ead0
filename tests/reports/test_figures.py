"""The map of bound states and the trips timeline: well-formed SVG, made locally."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from warrantwatch.law.world import World
from warrantwatch.reports import figures
from warrantwatch.reports.i18n import Lang

SVG = "{http://www.w3.org/2000/svg}"


def test_bound_states_on_the_model_date(world: World) -> None:
    bound = figures.bound_states(world, world.persons["vladimir-putin"], dt.date(2025, 10, 9))
    assert "TJ" in bound and "MN" in bound and "RU" not in bound
    assert all("state_party" in b for b in bound.values())


def test_map_reuses_natural_earth_outlines_and_marks_the_host(world: World) -> None:
    assert figures.geometry() is not None
    bound = figures.bound_states(world, world.persons["vladimir-putin"], dt.date(2025, 10, 9))
    svg = figures.bound_map_svg(world, bound, "TJ", Lang("en"), "Bound states")
    root = ET.fromstring(svg)
    paths = root.findall(f"{SVG}path")
    assert len(paths) > 150  # every country outline
    fills = {p.get("fill") for p in paths}
    assert figures.FILL_PARTY in fills and figures.FILL_NOT_BOUND in fills
    assert any(t.text == "Tajikistan" for t in root.iter(f"{SVG}text"))


def test_tile_chart_when_outlines_are_missing(world: World) -> None:
    svg = figures.tile_chart_svg(world, {"TJ": ["state_party"]}, "TJ", Lang("en"), "t")
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}rect")) == len(world.states)


def test_anchor_of_a_path() -> None:
    o = figures.Outline("XX", "M10,10l10,0 0,10-10,0zM0,0l1,0 0,1z", None)
    assert figures.anchor(o) == (15.0, 15.0)


def test_timeline_places_every_label_without_overlap(world: World) -> None:
    L = Lang("en")
    p = world.persons["vladimir-putin"]
    marks = figures.trip_marks(world, p, dt.date(2025, 10, 9), "vladimir-putin-2025-10-tj", L)
    svg = figures.timeline_svg(marks, [(dt.date(2023, 3, 17), "warrant")], [], L, "Trips")
    root = ET.fromstring(svg)
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert "Mongolia · Sept 2024" in labels and "Tajikistan · Oct 2025" in labels
    assert {m.kind for m in marks} == {"bound", "this"}
    keys = figures.timeline_legend(L, marks, warrants=True, findings=False)
    assert [label for _, label in keys] == [
        "the visit this briefing concerns",
        "visit to a State Party (bound at the time)",
        "warrant issued",
    ]
