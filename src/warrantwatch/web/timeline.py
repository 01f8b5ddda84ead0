"""A person's record on one line: warrants issued and trips abroad, as a small inline SVG."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

from warrantwatch.law.records import PersonRec
from warrantwatch.law.wording import long_date

WIDTH, HEIGHT, PAD = 900, 70, 30


def timeline_svg(person: PersonRec, trips: list[dict[str, Any]], on: dt.date) -> Markup:
    if not person.warrants and not trips:
        return Markup("")
    dates = [w.issued for w in person.warrants] + [t["start"] for t in trips] + [on]
    first = dt.date(min(dates).year, 1, 1)
    last = dt.date(max(dates).year + 1, 1, 1)
    span = (last - first).days or 1

    def x(d: dt.date) -> float:
        return round(PAD + (WIDTH - 2 * PAD) * (d - first).days / span, 1)

    out = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="Timeline of warrants and trips of {escape(person.name)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{PAD}" y1="40" x2="{WIDTH - PAD}" y2="40"/>',
    ]
    years = range(first.year, last.year + 1)
    step = max(1, len(years) // 12)
    for y in years[::step]:
        xx = x(dt.date(y, 1, 1))
        out.append(f'<line class="axis" x1="{xx}" y1="36" x2="{xx}" y2="44"/>')
        out.append(f'<text x="{xx}" y="60" text-anchor="middle">{y}</text>')
    for w in person.warrants:
        xx = x(w.issued)
        label = escape(f"Warrant {w.id} issued {long_date(w.issued)}")
        out.append(
            f'<line class="warrant" x1="{xx}" y1="8" x2="{xx}" y2="44">'
            f"<title>{label}</title></line>"
        )
    for t in trips:
        css = "trip bound" if t["bound"] else "trip"
        label = escape(f"{long_date(t['start'])}: {t['state']} ({t['outcome'].replace('_', ' ')})")
        out.append(
            f'<a href="/states/{escape(t["iso2"])}"><circle class="{css}" cx="{x(t["start"])}" '
            f'cy="40" r="5"><title>{label}</title></circle></a>'
        )
    out.append("</svg>")
    return Markup("".join(out))
