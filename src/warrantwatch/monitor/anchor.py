"""The day a report was written, when no publication date comes with it.

"On Thursday", "tomorrow" and "8 October" name a day only relative to the report's own date.
Feeds and HTML pages usually give it; a pasted text, a plain file or an archive line often
does not. The text itself often does: the address ("/2024/09/02/"), the dateline ("DUSHANBE,
Oct 8 (Reuters) –", "新华社杜尚别10月8日电", "ДУШАНБЕ, 8 окт — РИА Новости") or a time stamp
at the head of the page. Where only a day and month are given, the year is the latest year
the text names (a report is not older than the events it recalls); with no year anywhere,
nothing is inferred: a date is never made up.
"""

from __future__ import annotations

import datetime as dt
import re

from warrantwatch.monitor.dates import _YEAR, DateMention, resolve

# /2024/09/02/, /2024-09-02, _20240902_, ?date=2024-09-02: a year 2000-2039, a month, a day.
_URL_DATE = re.compile(r"(?<!\d)(20[0-3]\d)([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
#: How far into the text a dateline or a page's time stamp stands.
HEAD = 200
#: How far into its line a dateline's date stands ("NEW DELHI, Oct 8 (Reuters) -").
LEAD = 40


def url_date(url: str | None, *, today: dt.date | None = None) -> dt.date | None:
    """A date written in an address, if it is a real day not after ``today``."""
    if not url:
        return None
    latest = today or dt.date.today()
    for m in _URL_DATE.finditer(url):
        try:
            day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
        if day <= latest:
            return day
    return None


#: No report about a duty under the Rome Statute predates its entry into force (2002): an
#: earlier year in a text is history ("the battle of 1939"), not the report's.
FIRST_YEAR = 2002


def text_year(
    norm: str,
    *,
    today: dt.date | None = None,
    skip: list[tuple[int, int]] | None = None,
) -> int | None:
    """The latest year the text names that is not in the future: a floor for its date.

    ``skip``: stretches whose years say nothing of the report's date (the warrant's own
    date, "in March 2023", recalled in nearly every report about it)."""
    latest = (today or dt.date.today()).year
    years = [
        int(m.group(1))
        for m in _YEAR.finditer(norm)
        if not any(a <= m.start() < b for a, b in skip or ())
    ]
    years = [y for y in years if FIRST_YEAR <= y <= latest]
    return max(years) if years else None


def head_date(
    norm: str,
    mentions: list[DateMention],
    year: int | None,
    published: dt.date | None = None,
    *,
    recalled: dt.date | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    """The date at the head of the text (a dateline or a time stamp), its year from
    ``published`` (the nearest such day not after it) or else ``year`` when the head gives
    only a day and month.

    ``recalled``: the first day of the latest month the text names with its year ("in
    September 2023"). A report is not older than what it recalls: a head "June 18" read
    with the year 2023 in a text recalling September 2023 is of the next June, if that is
    not in the future."""
    head_end = min(len(norm), HEAD)
    for m in sorted(mentions, key=lambda x: x.start):
        if m.start >= head_end:
            break
        # A dateline or a stamp opens its line: a few words (the place, the agency) before
        # the date at most, and no sentence ended before it on that line.
        line = norm.rfind("\n", 0, m.start) + 1
        before = norm[line : m.start]
        if len(before) > LEAD or any(c in before for c in ".!?。"):
            continue
        if m.kind == "N" and m.exact is not None:
            return m.exact
        if m.kind == "D" and published is not None and not m.year:
            day = resolve(m, published, False)
            if day is not None:
                return day
        if m.kind == "D":
            y = m.year or year
            if y:
                try:
                    day = dt.date(y, m.month, m.day)
                except ValueError:
                    continue
                if not m.year and recalled is not None and day < recalled:
                    later = _safe(y + 1, m.month, m.day)
                    if later is not None and later <= (today or dt.date.today()):
                        return later
                return day
    return None


def recalled_month(
    mentions: list[DateMention],
    *,
    today: dt.date | None = None,
    skip: list[tuple[int, int]] | None = None,
) -> dt.date | None:
    """The first day of the latest month named with its year ("in September 2023"), not
    in the future and not in ``skip`` (the warrant's own month): a floor for an undated
    report's head date."""
    latest = today or dt.date.today()
    days = [
        d
        for m in mentions
        if m.kind == "Y"
        and m.year
        and not any(a <= m.start < b for a, b in skip or ())
        and (d := _safe(m.year, m.month, 1)) is not None
        and d <= latest
    ]
    return max(days) if days else None


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
