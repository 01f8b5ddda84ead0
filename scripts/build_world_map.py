"""Build the compact world map the dashboard draws, from Natural Earth via ``world-atlas``.

Run once when the boundaries should change; the output is committed with the package:

    cd /tmp && npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python scripts/build_world_map.py /tmp/package/countries-50m.json \
        src/warrantwatch/web/geo/countries.json

``world-atlas`` (ISC licence) is Natural Earth's public-domain admin-0 boundaries as
TopoJSON, keyed by ISO 3166-1 numeric code. This script decodes the topology,
projects it with the Robinson projection, simplifies every shared arc once (so
neighbours keep a common border), rounds to a tenth of a unit on a 1000-unit-wide
canvas, and writes one SVG path per country keyed by ISO 3166-1 alpha-2.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path

import pycountry

WIDTH = 1000.0
#: Robinson's table: parallels every 5 degrees, (X length, Y distance) factors.
ROBINSON = [
    (1.0000, 0.0000), (0.9986, 0.0620), (0.9954, 0.1240), (0.9900, 0.1860),
    (0.9822, 0.2480), (0.9730, 0.3100), (0.9600, 0.3720), (0.9427, 0.4340),
    (0.9216, 0.4958), (0.8962, 0.5571), (0.8679, 0.6176), (0.8350, 0.6769),
    (0.7986, 0.7346), (0.7597, 0.7903), (0.7186, 0.8435), (0.6732, 0.8936),
    (0.6213, 0.9394), (0.5722, 0.9761), (0.5322, 1.0000),
]  # fmt: skip
R = WIDTH / 2 / (0.8487 * math.pi)
TOLERANCE = 0.35  # canvas units; a country's outline loses detail below this
#: Features Natural Earth gives no ISO numeric code, and where they belong.
BY_NAME = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO", "Indian Ocean Ter.": "AU"}
SKIP = {"Antarctica", "Siachen Glacier", "Fr. S. Antarctic Lands"}
MICRO = 4.0  # a country whose outline fits in this many units also gets a dot to click
#: States too small for the 1:50m boundaries at all: a dot at (lon, lat) of the capital.
EXTRA_DOTS = {"TV": ("Tuvalu", 179.2, -8.5)}


def robinson(lon: float, lat: float) -> tuple[float, float]:
    a = min(abs(lat), 90.0) / 5.0
    i = min(int(a), 17)
    f = a - i
    x0, y0 = ROBINSON[i]
    x1, y1 = ROBINSON[i + 1]
    xf, yf = x0 + (x1 - x0) * f, y0 + (y1 - y0) * f
    return 0.8487 * R * xf * math.radians(lon), -math.copysign(1.3523 * R * yf, lat)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Arcs in longitude/latitude (the TopoJSON is quantised and delta-encoded)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out


def crosses_antimeridian(ring: list[tuple[float, float]]) -> bool:
    return any(abs(b[0] - a[0]) > 180 for a, b in itertools.pairwise(ring))


def _clip(ring: list[tuple[float, float]], x: float, keep_below: bool) -> list[tuple[float, float]]:
    """Sutherland-Hodgman against the vertical line ``lon = x``."""
    out: list[tuple[float, float]] = []
    if not ring:
        return out

    def inside(p: tuple[float, float]) -> bool:
        return p[0] <= x if keep_below else p[0] >= x

    for i, cur in enumerate(ring):
        prev = ring[i - 1]
        if inside(cur):
            if not inside(prev):
                t = (x - prev[0]) / (cur[0] - prev[0])
                out.append((x, prev[1] + t * (cur[1] - prev[1])))
            out.append(cur)
        elif inside(prev):
            t = (x - prev[0]) / (cur[0] - prev[0])
            out.append((x, prev[1] + t * (cur[1] - prev[1])))
    return out


def split_at_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring that crosses 180 degrees, unwrapped and cut into pieces inside [-180, 180]."""
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        prev = unwrapped[-1][0]
        while lon - prev > 180:
            lon -= 360
        while prev - lon > 180:
            lon += 360
        unwrapped.append((lon, lat))
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        moved = [(lon + shift, lat) for lon, lat in unwrapped]
        piece = _clip(_clip(moved, 180.0, True), -180.0, False)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def simplify(pts: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the end points always stay."""
    if len(pts) < 3:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = pts[i]
            d = (
                abs(dy * px - dx * py + bx * ay - by * ax) / norm
                if norm
                else math.hypot(px - ax, py - ay)
            )
            if d > best:
                best, idx = d, i
        if idx > 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(pts, keep, strict=True) if k]


def ring_points(
    ring: list[int], arcs: list[list[tuple[float, float]]]
) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in ring:
        seg = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(seg if not pts else seg[1:])
    return pts


def path_of(rings: list[list[tuple[float, float]]], ox: float, oy: float) -> str:
    """Relative SVG path commands, coordinates rounded to 0.1 before differencing."""
    parts = []
    for pts in rings:
        q = [(round((x - ox) * 10), round((y - oy) * 10)) for x, y in pts]
        dedup = [q[0]] + [p for prev, p in itertools.pairwise(q) if p != prev]
        if len(dedup) < 3:
            continue
        cmd = [f"M{dedup[0][0] / 10:g},{dedup[0][1] / 10:g}l"]
        for (x0, y0), (x1, y1) in itertools.pairwise(dedup):
            cmd.append(f"{(x1 - x0) / 10:g},{(y1 - y0) / 10:g}")
        parts.append(cmd[0] + " ".join(cmd[1:]).replace(" -", "-") + "z")
    return "".join(parts)


def iso2_of(feature: dict) -> str | None:
    name = feature.get("properties", {}).get("name", "")
    if name in SKIP:
        return None
    if name in BY_NAME:
        return BY_NAME[name]
    num = feature.get("id")
    c = pycountry.countries.get(numeric=num) if num else None
    return c.alpha_2 if c else None


def main(src: Path, dest: Path) -> None:
    topo = json.loads(src.read_text())
    raw = decode_arcs(topo)
    arcs = [simplify([robinson(*p) for p in a], TOLERANCE) for a in raw]
    shapes: dict[str, list[list[tuple[float, float]]]] = {}
    names: dict[str, str] = {}
    for g in topo["objects"]["countries"]["geometries"]:
        iso2 = iso2_of(g)
        if iso2 is None:
            print("skipped:", g.get("id"), g.get("properties"), file=sys.stderr)
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = []
        for poly in polys:
            for r in poly:
                lonlat = ring_points(r, raw)
                if crosses_antimeridian(lonlat):
                    for piece in split_at_antimeridian(lonlat):
                        rings.append(simplify([robinson(*p) for p in piece], TOLERANCE))
                else:
                    rings.append(ring_points(r, arcs))
        shapes.setdefault(iso2, []).extend(rings)
        names.setdefault(iso2, g["properties"]["name"])
    xs = [x for rings in shapes.values() for r in rings for x, _ in r]
    ys = [y for rings in shapes.values() for r in rings for _, y in r]
    ox, oy = min(xs), min(ys)
    width, height = math.ceil(max(xs) - ox), math.ceil(max(ys) - oy)
    countries = []
    for iso2 in sorted(shapes):
        rings = shapes[iso2]
        rx = [x for r in rings for x, _ in r]
        ry = [y for r in rings for _, y in r]
        big = max(max(rx) - min(rx), max(ry) - min(ry))
        entry: dict[str, object] = {"iso2": iso2, "ne_name": names[iso2]}
        entry["d"] = path_of(rings, ox, oy)
        if big < MICRO:
            entry["dot"] = [round((sum(rx) / len(rx) - ox), 1), round((sum(ry) / len(ry) - oy), 1)]
        countries.append(entry)
    for iso2, (name, lon, lat) in EXTRA_DOTS.items():
        x, y = robinson(lon, lat)
        dot = [round(x - ox, 1), round(y - oy, 1)]
        countries.append({"iso2": iso2, "ne_name": name, "d": "", "dot": dot})
    countries.sort(key=lambda c: str(c["iso2"]))
    out = {
        "source": "Natural Earth 1:50m admin-0 countries via world-atlas 2.0.2 (TopoJSON)",
        "projection": "Robinson",
        "width": width,
        "height": height,
        "countries": countries,
    }
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(out, separators=(",", ":"), ensure_ascii=False))
    print(f"{len(countries)} countries, {dest.stat().st_size / 1024:.0f} KiB -> {dest}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
