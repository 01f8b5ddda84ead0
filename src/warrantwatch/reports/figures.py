"""SVG figures for the briefings, drawn locally: a map of bound states and a trips timeline.

Both are made for paper: greys that stay distinct when photocopied, shapes as well as
fills so that no meaning rests on colour, text no smaller than 7 pt at A4 width.
The map reuses the dashboard's Natural Earth outlines (``web/geo/countries.json``,
public domain; see its README); if that file cannot be read, a tile chart of the
bound states' codes takes its place.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from warrantwatch.law.obligations import assess
from warrantwatch.law.records import PersonRec
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.world import World
from warrantwatch.reports.i18n import Lang

GEO_FILE = Path(__file__).parents[1] / "web" / "geo" / "countries.json"

#: Fills that stay apart in greyscale (and carry a pattern where two would be close).
FILL_PARTY = "#3d3d3d"
FILL_OTHER_BASIS = "url(#hatch)"
FILL_NOT_BOUND = "#e2e2e2"
FILL_NO_DATA = "#ffffff"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"


@dataclass(frozen=True, slots=True)
class Outline:
    iso2: str
    d: str
    dot: tuple[float, float] | None


@dataclass(frozen=True, slots=True)
class Geometry:
    width: float
    height: float
    outlines: tuple[Outline, ...]


@cache
def geometry() -> Geometry | None:
    """The shared world outlines, or None where the web layer's file is absent."""
    try:
        raw = json.loads(GEO_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Geometry(
        float(raw["width"]),
        float(raw["height"]),
        tuple(
            Outline(c["iso2"], c.get("d") or "", tuple(c["dot"]) if c.get("dot") else None)
            for c in raw["countries"]
        ),
    )


_TOKEN = re.compile(r"[MmLlHhVvZz]|-?\d*\.?\d+(?:e-?\d+)?")


def _points(d: str) -> list[tuple[float, float]]:
    """Absolute vertices of a path that uses M, L, H, V and Z (upper or lower case)."""
    pts: list[tuple[float, float]] = []
    x = y = 0.0
    start = (0.0, 0.0)
    cmd = "M"
    nums: list[float] = []

    def flush() -> None:
        nonlocal x, y, start, cmd
        i = 0
        while i < len(nums):
            if cmd in "Hh":
                x = nums[i] + (x if cmd == "h" else 0)
                i += 1
            elif cmd in "Vv":
                y = nums[i] + (y if cmd == "v" else 0)
                i += 1
            else:
                if i + 1 >= len(nums):
                    break
                dx, dy = nums[i], nums[i + 1]
                if cmd.islower():
                    x, y = x + dx, y + dy
                else:
                    x, y = dx, dy
                if cmd in "Mm":
                    start = (x, y)
                    cmd = "l" if cmd == "m" else "L"
                i += 2
            pts.append((x, y))
        nums.clear()

    for tok in _TOKEN.findall(d):
        if tok in "MmLlHhVvZz":
            flush()
            if tok in "Zz":
                x, y = start
                cmd = "L"
            else:
                cmd = tok
        else:
            nums.append(float(tok))
    flush()
    return pts


def anchor(outline: Outline) -> tuple[float, float] | None:
    """Where to point at a country: its dot, or the middle of its largest ring's box."""
    if outline.dot is not None:
        return outline.dot
    best: tuple[float, tuple[float, float]] | None = None
    for ring in re.split(r"(?=M)", outline.d):
        pts = _points(ring)
        if not pts:
            continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        area = (max(xs) - min(xs)) * (max(ys) - min(ys))
        if best is None or area > best[0]:
            best = (area, ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2))
    return best[1] if best else None


def bound_states(world: World, person: PersonRec, on: dt.date) -> dict[str, list[str]]:
    """Every state that would have to arrest ``person`` on ``on``, with its legal bases."""
    out: dict[str, list[str]] = {}
    for iso2, st in sorted(world.states.items()):
        a = assess(world, person, st, on)
        if a.duty == "binding":
            out[iso2] = list(a.basis)
    return out


def _defs() -> str:
    return (
        "<defs>"
        '<pattern id="hatch" patternUnits="userSpaceOnUse" width="4" height="4" '
        'patternTransform="rotate(45)">'
        f'<rect width="4" height="4" fill="{FILL_NOT_BOUND}"/>'
        '<rect width="2" height="4" fill="#3d3d3d"/></pattern>'
        "</defs>"
    )


def _fill(iso2: str, known: set[str], bound: dict[str, list[str]]) -> str:
    if iso2 in bound:
        return FILL_PARTY if "state_party" in bound[iso2] else FILL_OTHER_BASIS
    return FILL_NOT_BOUND if iso2 in known else FILL_NO_DATA


def bound_map_svg(
    world: World,
    bound: dict[str, list[str]],
    host: str | None,
    L: Lang,
    title: str,
) -> str:
    """A world map: bound states dark, others light, the host outlined and named."""
    geo = geometry()
    if geo is None:
        return tile_chart_svg(world, bound, host, L, title)
    known = set(world.states)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {geo.width:g} {geo.height:g}" '
        f'role="img" aria-label="{escape(title)}" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        _defs(),
        f'<rect x="0" y="0" width="{geo.width:g}" height="{geo.height:g}" fill="#ffffff"/>',
    ]
    dots = []
    host_outline: Outline | None = None
    for o in geo.outlines:
        fill = _fill(o.iso2, known, bound)
        if o.iso2 == host:
            host_outline = o
        if o.d:
            out.append(
                f'<path d="{o.d}" fill="{fill}" stroke="#8a8a8a" stroke-width="0.35" '
                'stroke-linejoin="round"/>'
            )
        if o.dot is not None and o.iso2 in known:
            dots.append(
                f'<circle cx="{o.dot[0]}" cy="{o.dot[1]}" r="2.4" fill="{fill}" '
                'stroke="#000000" stroke-width="0.5"/>'
            )
    out.extend(dots)
    if host_outline is not None:
        if host_outline.d:
            out.append(
                f'<path d="{host_outline.d}" fill="none" stroke="#000000" stroke-width="1.6" '
                'stroke-linejoin="round"/>'
            )
        pt = anchor(host_outline)
        if pt is not None:
            out.append(_callout(pt, L.country(host, world.state_name(host)).name, geo))
    out.append("</svg>")
    return "".join(out)


def _callout(pt: tuple[float, float], label: str, geo: Geometry) -> str:
    """A ring on the host and its name in a box, with a leader line, kept on the canvas."""
    x, y = pt
    size = 15.0
    width = len(label) * size * 0.6 + 12
    lx = x + 34 if x + 34 + width < geo.width - 4 else x - 34 - width
    ly = max(6.0, y - 52)
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="none" stroke="#000000" '
        'stroke-width="1.6"/>'
        f'<line x1="{x:.1f}" y1="{y - 7:.1f}" x2="{lx + (0 if lx > x else width):.1f}" '
        f'y2="{ly + 11:.1f}" stroke="#000000" stroke-width="1.2"/>'
        f'<rect x="{lx:.1f}" y="{ly:.1f}" width="{width:.1f}" height="22" fill="#ffffff" '
        'stroke="#000000" stroke-width="1.2" rx="2"/>'
        f'<text x="{lx + 6:.1f}" y="{ly + 16:.1f}" font-size="{size:g}" font-weight="bold" '
        f'fill="#000000">{escape(label)}</text>'
    )


def tile_chart_svg(
    world: World, bound: dict[str, list[str]], host: str | None, L: Lang, title: str
) -> str:
    """Fallback without outlines: one labelled tile per state, bound ones dark."""
    codes = sorted(world.states)
    cols, size, gap = 20, 44, 4
    rows = (len(codes) + cols - 1) // cols
    w, h = cols * (size + gap), rows * (size + gap)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" '
        f'aria-label="{escape(title)}" font-family="{FONT}"><title>{escape(title)}</title>',
        _defs(),
    ]
    for i, code in enumerate(codes):
        x, y = (i % cols) * (size + gap), (i // cols) * (size + gap)
        fill = _fill(code, set(codes), bound)
        ink = "#ffffff" if fill == FILL_PARTY else "#000000"
        stroke = ' stroke="#000000" stroke-width="3"' if code == host else ""
        out.append(
            f'<rect x="{x}" y="{y}" width="{size}" height="{size}" fill="{fill}"{stroke}/>'
            f'<text x="{x + size / 2}" y="{y + size / 2 + 6}" font-size="16" '
            f'text-anchor="middle" fill="{ink}">{code}</text>'
        )
    out.append("</svg>")
    return "".join(out)


# -- timeline --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mark:
    day: dt.date
    label: str
    kind: str  # "bound", "not_bound", "cancelled", "this", "planned"
    priority: int = 1


def trip_marks(
    world: World,
    person: PersonRec,
    until: dt.date,
    this_trip: str | None,
    L: Lang,
    label_all_below: int = 10,
) -> list[Mark]:
    """One mark per trip up to ``until``; with many trips only the ones that matter get words.

    The visit itself, announced trips and visits to States Parties are labelled with
    the country's name; other trips get their ISO code when there are few of them,
    and no label (the symbol only) when there are ``label_all_below`` or more.
    """
    trips = [t for t in world.trips_of(person.id) if t.start <= until or t.id == this_trip]
    label_all = len(trips) < label_all_below
    marks = []
    for t in world.trips_of(person.id):
        if t.start > until and t.id != this_trip:
            continue
        host = world.states.get(t.destination)
        bound_then = host is not None and status_on(host, t.start).status == "party"
        if t.id == this_trip:
            kind, prio = "this", 3
        elif t.outcome in ("cancelled", "did_not_attend"):
            kind, prio = "cancelled", 1
        elif t.outcome == "planned":
            kind, prio = "planned", 2
        else:
            kind, prio = ("bound" if bound_then else "not_bound"), (2 if bound_then else 1)
        when = L.short_month(t.start) if t.precision != "year" else str(t.start.year)
        if prio >= 2:
            label = f"{L.country(t.destination, world.state_name(t.destination)).name} · {when}"
        else:
            label = f"{t.destination} · {when}" if label_all else ""
        marks.append(Mark(t.start, label, kind, prio))
    return marks


def _marker(kind: str, x: float, y: float) -> str:
    if kind == "this":
        r = 9
        return (
            f'<path d="M{x:.1f},{y - r}l{r},{r}-{r},{r}-{r},-{r}z" fill="#000000" '
            'stroke="#ffffff" stroke-width="1.5"/>'
        )
    if kind == "planned":
        r = 7
        return (
            f'<path d="M{x:.1f},{y - r}l{r},{r}-{r},{r}-{r},-{r}z" fill="#ffffff" '
            'stroke="#000000" stroke-width="2"/>'
        )
    if kind == "cancelled":
        return (
            f'<path d="M{x - 7:.1f},{y + 6}l7,-13 7,13z" fill="#ffffff" stroke="#000000" '
            'stroke-width="1.8"/>'
        )
    fill = "#000000" if kind == "bound" else "#ffffff"
    return (
        f'<circle cx="{x:.1f}" cy="{y}" r="6.5" fill="{fill}" stroke="#000000" stroke-width="2"/>'
    )


def timeline_svg(
    marks: list[Mark],
    warrants: list[tuple[dt.date, str]],
    findings: list[tuple[dt.date, str]],
    L: Lang,
    title: str,
    lanes: int = 5,
) -> str:
    """Trips on a time axis, labels set in lanes above it so that none overlap."""
    days = [m.day for m in marks] + [d for d, _ in warrants] + [d for d, _ in findings]
    if not days:
        days = [dt.date.today()]
    first = dt.date(min(days).year, 1, 1)
    last = dt.date(max(days).year + 1, 1, 1)
    if (last - first).days < 730:
        last = dt.date(first.year + 2, 1, 1)
    width, left, right = 1000.0, 20.0, 20.0
    fs, lane_h = 15.0, 24.0

    def xpos(d: dt.date) -> float:
        span = (last - first).days
        return left + (width - left - right) * (d - first).days / span

    placed: list[tuple[Mark, float, int]] = []
    lane_ends: list[list[tuple[float, float]]] = [[] for _ in range(lanes)]
    for m in sorted(marks, key=lambda m: (-m.priority, m.day)):
        if not m.label:
            continue
        x = xpos(m.day)
        w = len(m.label) * fs * 0.58 + 6
        x0 = min(max(x - w / 2, 0), width - w)
        for lane in range(lanes):
            if all(x0 + w + 6 < a or x0 > b + 6 for a, b in lane_ends[lane]):
                lane_ends[lane].append((x0, x0 + w))
                placed.append((m, x0, lane))
                break
    used = max((lane for _, _, lane in placed), default=0) + 1
    top = 22.0 + (used - 1) * lane_h
    axis_y = top + 16
    height = axis_y + 70 + (22 if findings else 0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'role="img" aria-label="{escape(title)}" font-family="{FONT}">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#000000" '
        'stroke-width="1.5"/>',
    ]
    year = first.year
    while dt.date(year, 1, 1) <= last:
        x = xpos(dt.date(year, 1, 1))
        out.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 8}" stroke="#000000"/>'
        )
        if dt.date(year, 1, 1) < last:
            mid = xpos(dt.date(year, 7, 1))
            out.append(
                f'<text x="{mid:.1f}" y="{axis_y + 26}" font-size="{fs:g}" text-anchor="middle" '
                f'fill="#000000">{year}</text>'
            )
        year += 1
    for d, label in warrants:
        x = xpos(d)
        out.append(
            f'<line x1="{x:.1f}" y1="{axis_y - 6}" x2="{x:.1f}" y2="{axis_y + 44}" '
            'stroke="#000000" stroke-width="1.5" stroke-dasharray="4 3"/>'
            f'<text x="{x + 4:.1f}" y="{axis_y + 46}" font-size="{fs - 2:g}" '
            f'fill="#000000">{escape(label)}</text>'
        )
    last_end = -1.0
    for d, label in sorted(findings):
        x = xpos(d)
        y = axis_y + 60
        if x - 5 < last_end:  # too close to the previous finding's words: the square alone
            out.append(f'<rect x="{x - 5:.1f}" y="{y - 5}" width="10" height="10" fill="#000000"/>')
            continue
        last_end = x + 9 + len(label) * (fs - 2) * 0.58 + 4
        out.append(
            f'<rect x="{x - 5:.1f}" y="{y - 5}" width="10" height="10" fill="#000000"/>'
            f'<text x="{x + 9:.1f}" y="{y + 5}" font-size="{fs - 2:g}" '
            f'fill="#000000">{escape(label)}</text>'
        )
    for m, _x0, lane in placed:  # leader lines first, so that labels sit on top of them
        x = xpos(m.day)
        ly = top - lane * lane_h
        out.append(
            f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{ly + 4:.1f}" stroke="#9a9a9a" '
            'stroke-width="1"/>'
        )
    for m, x0, lane in placed:
        ly = top - lane * lane_h
        w = len(m.label) * fs * 0.58 + 6
        bold = ' font-weight="bold"' if m.kind == "this" else ""
        out.append(
            f'<rect x="{x0:.1f}" y="{ly - fs:.1f}" width="{w:.1f}" height="{fs + 5:g}" '
            'fill="#ffffff"/>'
            f'<text x="{x0 + 3:.1f}" y="{ly:.1f}" font-size="{fs:g}" fill="#000000"{bold}>'
            f"{escape(m.label)}</text>"
        )
    for m in sorted(marks, key=lambda m: m.priority):
        out.append(_marker(m.kind, xpos(m.day), axis_y))
    out.append("</svg>")
    return "".join(out)


def timeline_legend(
    L: Lang, marks: list[Mark], warrants: bool = True, findings: bool = True
) -> list[tuple[str, str]]:
    """(key symbol as SVG, meaning) for the symbols the timeline actually shows."""
    used = {"tl-" + m.kind.replace("_", "-") for m in marks}
    if warrants:
        used.add("tl-warrant")
    if findings:
        used.add("tl-finding")
    return [(swatch(css), label) for css, label in _timeline_keys(L) if css in used]


def _timeline_keys(L: Lang) -> list[tuple[str, str]]:
    return [
        ("tl-this", L._("the visit this briefing concerns")),
        ("tl-bound", L._("visit to a State Party (bound at the time)")),
        ("tl-not-bound", L._("visit to a state not bound as a State Party")),
        ("tl-planned", L._("trip announced")),
        ("tl-cancelled", L._("trip cancelled or not attended")),
        ("tl-finding", L._("non-compliance finding (art. 87(7))")),
        ("tl-warrant", L._("warrant issued")),
    ]


def map_legend(L: Lang, bound: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(key symbol as SVG, meaning) for the map."""
    return [(swatch(css), label) for css, label in _map_keys(L, bound)]


def _map_keys(L: Lang, bound: dict[str, list[str]]) -> list[tuple[str, str]]:
    out = [("map-party", L._("bound as a State Party"))]
    if any("state_party" not in b for b in bound.values()):
        out.append(
            ("map-other", L._("bound on another basis (Security Council, art. 12(3), 127(2))"))
        )
    out += [
        ("map-not", L._("not bound")),
        ("map-host", L._("the host state (outlined)")),
        ("map-none", L._("no data")),
    ]
    return out


def summarise_bases(bound: dict[str, list[str]]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for bases in bound.values():
        key = "state_party" if "state_party" in bases else bases[0]
        counts[key] = counts.get(key, 0) + 1
    return {"total": len(bound), "by_basis": counts}


_SWATCH_BODY = {
    "map-party": f'<rect x="1" y="1" width="16" height="12" fill="{FILL_PARTY}"/>',
    "map-other": '<rect x="1" y="1" width="16" height="12" fill="url(#hatch)" stroke="#8a8a8a"/>',
    "map-not": f'<rect x="1" y="1" width="16" height="12" fill="{FILL_NOT_BOUND}" '
    'stroke="#8a8a8a"/>',
    "map-host": '<rect x="2" y="2" width="14" height="10" fill="#ffffff" stroke="#000000" '
    'stroke-width="2"/>',
    "map-none": '<rect x="1" y="1" width="16" height="12" fill="#ffffff" stroke="#8a8a8a"/>',
    "tl-this": '<path d="M9,0l7,7-7,7-7,-7z" fill="#000000"/>',
    "tl-bound": '<circle cx="9" cy="7" r="5" fill="#000000" stroke="#000000" stroke-width="1.5"/>',
    "tl-not-bound": '<circle cx="9" cy="7" r="5" fill="#ffffff" stroke="#000000" '
    'stroke-width="1.5"/>',
    "tl-planned": '<path d="M9,1l6,6-6,6-6,-6z" fill="#ffffff" stroke="#000000" '
    'stroke-width="1.5"/>',
    "tl-cancelled": '<path d="M3,12l6,-11 6,11z" fill="#ffffff" stroke="#000000" '
    'stroke-width="1.5"/>',
    "tl-finding": '<rect x="5" y="3" width="8" height="8" fill="#000000"/>',
    "tl-warrant": '<line x1="9" y1="0" x2="9" y2="14" stroke="#000000" stroke-width="1.5" '
    'stroke-dasharray="3 2"/>',
}


def swatch(css: str) -> str:
    """A small key symbol drawn exactly as the figure draws it."""
    body = _SWATCH_BODY.get(css, "")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="swatch" width="18" height="14" '
        f'viewBox="0 0 18 14">{_defs() if css == "map-other" else ""}{body}</svg>'
    )
