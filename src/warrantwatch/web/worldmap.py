"""The world map as inline SVG, drawn on the server from the bundled Natural Earth outlines.

No tile server and no script: each country is a link to its page, coloured by a class
the caller chooses (treaty status on a date, or whether arrest is owed), with a
``<title>`` that screen readers and hover tooltips read. See ``geo/README.md``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markupsafe import Markup, escape

GEO_FILE = Path(__file__).with_name("geo") / "countries.json"
DOT_RADIUS = 2.2


@dataclass(frozen=True, slots=True)
class Shape:
    iso2: str
    name: str
    d: str
    dot: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Geography:
    width: int
    height: int
    shapes: tuple[Shape, ...]


@cache
def geography() -> Geography:
    raw = json.loads(GEO_FILE.read_text(encoding="utf-8"))
    shapes = tuple(
        Shape(c["iso2"], c["ne_name"], c["d"], tuple(c["dot"]) if c.get("dot") else None)
        for c in raw["countries"]
    )
    return Geography(raw["width"], raw["height"], shapes)


@dataclass(frozen=True, slots=True)
class Paint:
    """How one country is drawn: CSS class, the label it reads as, and where it links."""

    css: str
    label: str
    href: str | None


def render(
    paint: Callable[[str, str], Paint],
    title: str,
    legend: Mapping[str, str],
) -> Markup:
    """An ``<svg>`` of the world; ``paint(iso2, natural_earth_name)`` styles each country.

    ``legend`` maps CSS class to its meaning; it is drawn as a list under the map by the
    template, and named here in the SVG's description for screen readers.
    """
    geo = geography()
    out = [
        f'<svg class="worldmap" viewBox="0 0 {geo.width} {geo.height}" role="img" '
        f'aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="map-title">{escape(title)}</title>'
        f'<desc id="map-desc">Colours: {escape("; ".join(legend.values()))}. '
        "Each country links to its page.</desc>"
    ]
    dots: list[str] = []
    for s in geo.shapes:
        p = paint(s.iso2, s.name)
        tip = f"<title>{escape(p.label)}</title>"
        body = f'<path class="{p.css}" d="{s.d}">{tip}</path>' if s.d else ""
        if s.dot is not None:
            dots.append(
                _link(
                    p,
                    f'<circle class="{p.css} dot" cx="{s.dot[0]}" cy="{s.dot[1]}" '
                    f'r="{DOT_RADIUS}">{tip}</circle>',
                )
            )
        if body:
            out.append(_link(p, body))
    out.extend(dots)
    out.append("</svg>")
    return Markup("".join(out))


def _link(p: Paint, inner: str) -> str:
    if p.href is None:
        return inner
    return f'<a href="{escape(p.href)}" aria-label="{escape(p.label)}">{inner}</a>'
