"""Dates as statements write them, in English and French, with CLDR month names.

"30 November 1998", "November 30, 1998", "30 novembre 1998", "1er juillet 2002",
"March 2023", "mars 2023", "2002" and "2002-07-01". Each date keeps its precision, so a
claim "since 2002" is compared by year and never called wrong for lacking a day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from babel.dates import get_month_names

#: The languages whose month names are read (CLDR via Babel).
DATE_LOCALES = ("en", "fr")

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A date found in a sentence: where, what it says, and how precisely."""

    start: int
    end: int
    text: str
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        return "day" if self.day else "month" if self.month else "year"

    def as_date(self) -> dt.date | None:
        if self.day and self.month:
            return dt.date(self.year, self.month, self.day)
        return None

    def matches(self, d: dt.date) -> bool:
        """True when ``d`` is within what this date says (same day, month or year)."""
        if d.year != self.year:
            return False
        if self.month is not None and d.month != self.month:
            return False
        return self.day is None or d.day == self.day

    def within(self, start: dt.date, end: dt.date | None) -> bool:
        """True when this date falls in (or, at its precision, overlaps) ``start``..``end``."""
        last = end or start
        if self.precision == "day":
            day = self.as_date()
            return day is not None and start <= day <= last
        if self.precision == "month":
            assert self.month is not None
            return (start.year, start.month) <= (self.year, self.month) <= (last.year, last.month)
        return start.year <= self.year <= last.year


@cache
def _months() -> dict[str, int]:
    names: dict[str, int] = {}
    for loc in DATE_LOCALES:
        for width in ("wide", "abbreviated"):
            for num, name in get_month_names(width, locale=loc).items():
                key = name.lower().rstrip(".")
                if len(key) >= 3:
                    names.setdefault(key, num)
    return names


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = "|".join(sorted((re.escape(m) for m in _months()), key=len, reverse=True))
    year = r"(?P<y>1[89]\d\d|20\d\d)"
    return (
        re.compile(r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        re.compile(
            rf"\b(?P<d>[0-3]?\d)(?:er|st|nd|rd|th)?\s+(?P<mn>{month})\.?,?\s+{year}\b", re.I
        ),
        re.compile(rf"\b(?P<mn>{month})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{year}\b", re.I),
        re.compile(rf"\b(?P<mn>{month})\.?\s+(?:de\s+|of\s+)?{year}\b", re.I),
        re.compile(rf"(?<![\d(/.-]){year}(?![\d)/-])"),
    )


def find_dates(text: str) -> list[DateSpan]:
    """Every date in ``text``, the most precise reading of each stretch first, in order."""
    found: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for pat in _patterns():
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            month = int(g["m"]) if g.get("m") else _months().get((g.get("mn") or "").lower())
            day = int(g["d"]) if g.get("d") else None
            try:
                if day is not None and month is not None:
                    dt.date(int(g["y"]), month, day)
            except ValueError:
                continue  # "31 February": not a date, so nothing is claimed
            taken.append((m.start(), m.end()))
            found.append(DateSpan(m.start(), m.end(), m.group(0), int(g["y"]), month, day))
    return sorted(found, key=lambda d: d.start)


def describe(d: dt.date) -> str:
    """``1 July 2002``: the English long form used in every answer."""
    return f"{d.day} {get_month_names('wide', locale='en')[d.month]} {d.year}"
