"""A person's record on one line: warrants issued and trips abroad, as a small inline SVG."""

from __future__ import annotations

import datetime as dt
from typing import Any

from markupsafe import Markup, escape

from warrantwatch.law.explain import OUTCOME_WORDS
from warrantwatch.law.records import PersonRec
from warrantwatch.law.wording import long_date

WIDTH, HEIGHT, PAD = 900, 70, 30


#: The marks of the timeline, in the order of its legend: (kind, words). A trip that was
#: announced and not made (did not attend, cancelled) is not a visit and has its own mark.
LEGEND: tuple[tuple[str, str], ...] = (
    ("warrant", "warrant or summons issued"),
    ("bound", "visit to a state bound to arrest on that date"),
    ("visit", "visit to a state not bound"),
    ("planned", "trip announced, not (yet) known to have taken place"),
    ("not_made", "trip announced and not made (did not attend, cancelled)"),
)


def trip_kind(t: dict[str, Any]) -> str:
    """Which mark a trip gets: only a trip that took place is a visit."""
    if t["outcome"] in ("did_not_attend", "cancelled"):
        return "not_made"
    if t["outcome"] == "planned":
        return "planned"
    return "bound" if t["bound"] else "visit"


def timeline_legend(trips: list[dict[str, Any]]) -> Markup:
    """The legend under the timeline, with the number of marks of each kind it shows."""
    n = {k: 0 for k, _ in LEGEND}
    for t in trips:
        n[trip_kind(t)] += 1
    items = "".join(
        f'<li><svg class="timeline-key" viewBox="0 0 14 14" aria-hidden="true">{_key(k)}</svg> '
        f"{escape(words)}" + (f" ({n[k]})" if k != "warrant" else "") + "</li>"
        for k, words in LEGEND
        if k == "warrant" or n[k]
    )
    return Markup(f'<ul class="legend timeline-legend">{items}</ul>')


def _key(kind: str) -> str:
    if kind == "warrant":
        return '<line class="warrant" x1="7" y1="0" x2="7" y2="14"/>'
    mark = f'<circle class="trip {kind}" cx="7" cy="7" r="5"/>'
    if kind == "not_made":
        mark += '<path class="trip not_made" d="M3,3l8,8m0,-8l-8,8"/>'
    return mark


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
        what = "Summons to appear" if w.kind == "summons" else "Arrest warrant"
        label = escape(f"{what} {w.id} issued {long_date(w.issued)}")
        out.append(
            f'<line class="warrant" x1="{xx}" y1="8" x2="{xx}" y2="44">'
            f"<title>{label}</title></line>"
        )
    for t in trips:
        kind = trip_kind(t)
        xx = x(t["start"])
        outcome = t.get("outcome_words") or OUTCOME_WORDS.get(t["outcome"], t["outcome"])
        label = escape(f"{long_date(t['start'])}: {t['state']} ({outcome})")
        # hollow for a trip that did not take place (yet); crossed when it was not made
        mark = (
            f'<circle class="trip {kind}" cx="{xx}" cy="40" r="5"><title>{label}</title></circle>'
        )
        if kind == "not_made":
            mark += f'<path class="trip not_made" d="M{xx - 4},36l8,8m0,-8l-8,8"/>'
        out.append(f'<a href="/states/{escape(t["iso2"])}">{mark}</a>')
    out.append("</svg>")
    return Markup("".join(out))
