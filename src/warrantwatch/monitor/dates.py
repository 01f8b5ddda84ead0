"""Dates of trips: find date words with the automaton, read the phrase, resolve it.

Month and weekday names in every language come from CLDR through Babel (the same
data dateparser uses), so "9 October", "9 октября", "9 de outubro" and "le jeudi 9
octobre" are all found by the scanner's single automaton pass. Only around such a
hit is the short phrase read (day number before or after, year after), and it is
resolved here against the publication date:

* day and month without a year: the year that puts the date nearest the publication
  date (a planned trip looks ahead, an occurred one back);
* a weekday alone ("on Thursday", "в четверг"): the next such day for a planned
  trip, the last one for a trip that happened (dateparser's ``PREFER_DATES_FROM``);
* "today", "tomorrow", "завтра", "demain": the publication date plus the offset.

Numeric dates ("09.10.2025", "10/9/2025") have no words to find; in the few
sentences that report a trip they are read by a pattern (day first, except with slashes
in English).
A month alone ("in October") does not pin a day: no date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from warrantwatch.monitor.languages import Language, languages
from warrantwatch.monitor.lexicon import Words, words_for
from warrantwatch.monitor.textnorm import fold, strip_accents

_DAY_AFTER = re.compile(r"^\s*(\d{1,2})(?!\d)(?!\s*(?:de|del|di)\s+[^\W\d_])")
_DAY_NUMBER_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:\s*-?\s*(?:го|е))?\s*$")


#: "morning" in Spanish and German is also "tomorrow": these are not dates.
@dataclass(frozen=True, slots=True)
class DateSpec:
    phrase: str
    lang: str
    kind: str  # "M" month, "W" weekday, "R" relative day, "Q" day of month, "X" not a date,
    # "S" a month of the Solar Hijri calendar
    value: int
    capital: bool = False  # English and German month names: "May", not "may"
    stem: bool = False  # German compounds: "Donnerstagabend", "donnerstags"


def date_specs(langs: list[Language] | None = None) -> list[DateSpec]:
    """Every date word the automaton should find, in every loaded language (or ``langs``).

    Month and weekday names and the relative day words ("yesterday", "today",
    "tomorrow", and where CLDR has them "the day before yesterday" and "the day after
    tomorrow") come from CLDR; the language files add only what CLDR lacks.
    """
    from babel import Locale

    out: list[DateSpec] = []
    seen: set[tuple[str, str, str, int]] = set()

    def add(phrase: str, lang: Language | None, kind: str, value: int, spaces: bool = True) -> None:
        code = lang.code if lang is not None else "xx"
        # two characters make a word where words are not spaced ("昨天", "周一", "어제"),
        # and a Solar Hijri month, which is read only after its day ("۱۰ دی")
        shortest = 3 if (lang.spaces if lang is not None else spaces) and kind != "S" else 2
        capital = kind == "M" and lang is not None and lang.dates.capital_months
        stem = kind == "W" and lang is not None and lang.dates.weekday_stems
        for p in {fold(phrase).rstrip("."), fold(strip_accents(phrase)).rstrip(".")}:
            p = p.strip()
            if len(p) >= shortest and (p, code, kind, value) not in seen:
                seen.add((p, code, kind, value))
                out.append(DateSpec(p, code, kind, value, capital, stem))

    chosen = langs if langs is not None else list(languages().values())
    for lang in chosen:
        loc = Locale.parse(lang.cldr)
        for ctx in ("format", "stand-alone"):
            for num, name in loc.months[ctx]["wide"].items():
                add(name, lang, "M", num)
            for wd, name in loc.days[ctx]["wide"].items():
                add(name, lang, "W", wd)
        if lang.dates.abbreviated_months:
            for num, name in loc.months["format"]["abbreviated"].items():
                if len(name.rstrip(".")) >= 4:
                    add(name, lang, "M", num)
        for num, names in lang.dates.months.items():
            for n in names:
                add(n, lang, "M", num)
        for wd, names in lang.dates.weekdays.items():
            for n in names:
                add(n, lang, "W", wd)
        for off, word in loc._data["date_fields"]["day"]["relative"].items():
            add(word, lang, "R", int(off))
        for word, off in lang.dates.relative.items():
            add(word, lang, "R", off)
        for word in lang.dates.day_words:
            add(word, lang, "Q", 0)
        for num, names in lang.dates.solar_months.items():
            for n in names:
                add(n, lang, "S", num)
    for lang in chosen:
        for p in lang.dates.not_dates:
            add(p, None, "X", 0, lang.spaces)
    return out


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase in a text, as read; :func:`resolve` turns it into a day."""

    start: int
    end: int
    kind: str  # "D" day+month(+year), "W" weekday, "R" relative, "Y" month+year only,
    # "N" exact, "Q" a day of the month alone
    day: int = 0
    month: int = 0
    year: int = 0
    weekday: int = -1
    offset: int = 0
    direction: int = 0  # +1 "next", -1 "last", 0 not said
    exact: dt.date | None = None
    #: a Solar Hijri day and month without a year ("۱۶ میزان"): (month, day) in that
    #: calendar, placed in the year nearest the report; ``month`` and ``day`` then hold
    #: the Gregorian day it falls on in most years (for a recorded trip's day)
    solar: tuple[int, int] | None = None


# The phrase is read in the folded text, where hyphens and dashes are spaces ("9 го",
# "4 5 декабря").
_DAY_BEFORE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er|ème|e|\s?го|\s?е|º|ª|°)?\.?\s*(?:de\s+|di\s+|of\s+)?$"
)
_RANGE_BEFORE = re.compile(
    r"(\d{1,2})\.?(?:\s*(?:/|to|and|et|y|и|і|e|und|al|au|bis|a|по|до|hingga|sampai)\s*"
    r"(?:el\s+|le\s+|il\s+)?|\s+)(\d{1,2})"
    r"(?:st|nd|rd|th|er|ème|e|\s?го|\s?е|º|ª)?\.?\s*(?:de\s+|di\s+|of\s+)?$"
)
_YEAR_AFTER = re.compile(r"^\.?\s*,?\s*(?:de\s+|del\s+|of\s+)?((?:19|20)\d{2})(?!\d)")
_DAY_YEAR_AFTER = re.compile(
    r"^\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s+\d{1,2}(?!\d))?\s*,?\s*((?:19|20)\d{2})?(?!\d)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")
_WORD_AFTER = re.compile(r"^\s*([^\W\d_]+)")


_ORDINAL_AFTER = re.compile(r"^\s*([^\W\d_]+)")


@lru_cache(maxsize=1)
def _day_ordinals() -> dict[str, int]:
    """Days of the month written as words, of every language file (``dates.day_ordinals``)."""
    return {
        fold(w): day
        for lang in languages().values()
        for day, ws in lang.dates.day_ordinals.items()
        for w in ws
    }


def _to_int(s: str) -> int:
    return int(s)  # int() reads Arabic-Indic digits too


def read_date(
    norm: str, start: int, end: int, kind: str, value: int, words: Words | None = None
) -> DateMention | None:
    """Read the phrase around one date word at ``norm[start:end]`` (``words``: the text's
    languages, for "next" and "last"; all languages when None)."""
    if kind == "R":
        return DateMention(start, end, "R", offset=value)
    if kind == "Q":
        a = _DAY_AFTER.search(norm[end : end + 12])
        if a:
            day = _to_int(a.group(1))
            return DateMention(start, end + a.end(), "Q", day=day) if 1 <= day <= 31 else None
        b = _DAY_NUMBER_BEFORE.search(norm[max(0, start - 8) : start])
        if b and 1 <= (day := _to_int(b.group(1))) <= 31:
            return DateMention(start - (min(8, start) - b.start()), end, "Q", day=day)
        return None
    if kind == "W":
        before = norm[max(0, start - 24) : start]
        after = norm[end : end + 24]
        direction = 0
        m = _WORD_BEFORE.search(before)
        w = _WORD_AFTER.search(after)
        around = {m.group(1) if m else "", w.group(1) if w else ""}
        lx = words if words is not None else words_for()
        if around & lx.next:
            direction = 1
        elif around & lx.last:
            direction = -1
        if norm[start:end] in lx.guarded_weekdays and not (
            (w and w.group(1) in lx.weekday_guards) or (m and m.group(1) in lx.weekday_guards)
        ):
            return None
        return DateMention(start, end, "W", weekday=value, direction=direction)
    if kind == "S":
        return _read_solar(norm, start, end, value)
    if kind != "M":
        return None
    before = norm[max(0, start - 16) : start]
    after = norm[end : end + 16]
    day = 0
    year = 0
    new_start, new_end = start, end
    r = _RANGE_BEFORE.search(before)
    m = _DAY_BEFORE.search(before)
    if r:
        day = _to_int(r.group(1))
        new_start = start - (len(before) - r.start())
    elif m:
        day = _to_int(m.group(1))
        new_start = start - (len(before) - m.start())
    if day:
        y = _YEAR_AFTER.search(after)
        if y:
            year = _to_int(y.group(1))
            new_end = end + y.end()
    else:
        a = _DAY_YEAR_AFTER.search(after)
        o = _ORDINAL_AFTER.search(norm[end : end + 40]) if not a else None
        if a:
            day = _to_int(a.group(1))
            if a.group(2):
                year = _to_int(a.group(2))
            new_end = end + a.end()
        elif o and o.group(1) in _day_ordinals():
            # a day written as a word after the month ("február negyedikén")
            day = _day_ordinals()[o.group(1)]
            new_end = end + o.end()
            y = _YEAR_AFTER.search(norm[new_end : new_end + 16])
            if y:
                year = _to_int(y.group(1))
                new_end += y.end()
        else:
            # A month without a day ("in September 2024", "в сентябре"): not a trip date,
            # but it tells a recalled trip from a coming one.
            y = _YEAR_AFTER.search(after)
            if y:
                return DateMention(start, end + y.end(), "Y", month=value, year=_to_int(y.group(1)))
            return DateMention(start, end, "Y", month=value)
    if not 1 <= day <= 31:
        return None
    return DateMention(new_start, new_end, "D", day=day, month=value, year=year)


_SOLAR_YEAR_AFTER = re.compile(r"^\s*,?\s*(1[34]\d{2})(?!\d)")


def _solar_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    import jdatetime

    try:
        return jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None


def _read_solar(norm: str, start: int, end: int, month: int) -> DateMention | None:
    """A Solar Hijri date: a day before the month ("۱۶ میزان", "۲۸ تیر ۱۴۰۱"), converted
    with jdatetime. Without its day the month's name is a common word (تیر "arrow", مهر
    "seal"): no date."""
    b = _DAY_NUMBER_BEFORE.search(norm[max(0, start - 8) : start])
    if not b or not 1 <= (day := _to_int(b.group(1))) <= 31:
        return None
    begin = start - (min(8, start) - b.start())
    y = _SOLAR_YEAR_AFTER.search(norm[end : end + 12])
    if y:
        g = _solar_to_gregorian(_to_int(y.group(1)), month, day)
        if g is None:
            return None
        return DateMention(begin, end + y.end(), "D", day=g.day, month=g.month, year=g.year)
    # The Gregorian day it falls on in a common year (1403 began on 20 March 2024, 1404
    # on 21 March 2025: a day's slack at most); ``resolve`` places it exactly.
    g = _solar_to_gregorian(1404, month, day)
    if g is None:
        return None
    return DateMention(begin, end, "D", day=g.day, month=g.month, solar=(month, day))


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def resolve(mention: DateMention, published: dt.date | None, ahead: bool) -> dt.date | None:
    """The day a mention names; ``ahead`` for a planned trip (look forward), else back."""
    if mention.kind == "N":
        return mention.exact
    if mention.kind == "D":
        if mention.year:
            return _safe_date(mention.year, mention.month, mention.day)
        if published is None:
            return None
        best: dt.date | None = None
        for y in (published.year - 1, published.year, published.year + 1):
            if mention.solar is not None:  # the Solar year that begins in March of y
                d = _solar_to_gregorian(y - 621, *mention.solar)
            else:
                d = _safe_date(y, mention.month, mention.day)
            if d is None:
                continue
            delta = (d - published).days
            # A planned trip may be reported a little after it began, and a finished one
            # a little before the article's date stamp: allow a week of slack.
            if (ahead and delta < -7) or (not ahead and delta > 7):
                continue
            if best is None or abs(delta) < abs((best - published).days):
                best = d
        return best
    if published is None:
        return None
    if mention.kind == "R":
        return published + dt.timedelta(days=mention.offset)
    if mention.kind == "Q":
        return _day_of_month(mention.day, published, ahead)
    if mention.kind == "W":
        forward = ahead if mention.direction == 0 else mention.direction > 0
        if forward:
            delta = (mention.weekday - published.weekday()) % 7
            if mention.direction > 0 and delta == 0:
                delta = 7
            return published + dt.timedelta(days=delta)
        delta = (published.weekday() - mention.weekday) % 7
        if mention.direction < 0 and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta)
    return None


def _day_of_month(day: int, published: dt.date, ahead: bool) -> dt.date | None:
    """The coming (``ahead``) or last day numbered ``day``, counting the publication day."""
    y, m = published.year, published.month
    for _ in range(3):  # a 31st may skip a short month
        d = _safe_date(y, m, day)
        if d is not None and (d >= published if ahead else d <= published):
            return d
        y, m = (y + (m == 12), m % 12 + 1) if ahead else (y - (m == 1), (m - 2) % 12 + 1)
    return None


def month_end(mention: DateMention, published: dt.date | None) -> dt.date | None:
    """The last day of the month "in October 2024" names (to spot background, not a date).

    Without a year, the month is taken as the latest one not after publication
    ("in September", written in December, is the September just past).
    """
    if mention.kind != "Y":
        return None
    year = mention.year
    if not year:
        if published is None:
            return None
        year = published.year if mention.month <= published.month else published.year - 1
    nxt = _safe_date(year + (mention.month == 12), mention.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1) if nxt else None


_NUMERIC = re.compile(
    r"(?<![\d.])(\d{1,2}[./]\d{1,2}[./](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})(?![\d])"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


#: A day of the month alone without a word the automaton knows: "on the 31st", "le 3".
#: Day/month without a year: never a fraction, a score or part of a longer number or date.
_DAY_MONTH = re.compile(r"(?<![\d/.,:])(\d{1,2})/(\d{1,2})(?![\d/%]|[.,:]\d)")
_ORDINAL_DAY = re.compile(
    r"\b(?:on the (\d{1,2})(?:st|nd|rd|th)\b|le (\d{1,2})(?!\s*(?:er\s+)?[^\W\d_])(?!\d))"
)


def numeric_dates(
    norm: str, start: int, end: int, lang: str | None, words: Words | None = None
) -> list[DateMention]:
    """Numeric dates in ``norm[start:end]`` ("09.10.2025", "10/9/2025", "2025-10-09"), dates
    written with markers ("2025年10月9日", "2025년 10월 9일"), and days of the month
    written with a number alone ("on the 31st", "le 3").

    ``lang`` (a language file's code) gives the order of slashed dates (the file's
    ``numeric_order``; month first when the language is unknown, as in American news).
    """
    out: list[DateMention] = []
    order = words.numeric_order if words is not None else _order(lang)
    for m in _NUMERIC.finditer(norm, start, end):
        d = _parse_numeric(m.group(1), order)
        if d is not None:
            out.append(DateMention(m.start(), m.end(), "N", exact=d))
    if order == "ymd":
        for m in _YMD.finditer(norm, start, end):
            d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                out.append(DateMention(m.start(), m.end(), "N", exact=d))
    taken: list[tuple[int, int]] = []
    markers = words.markers if words is not None else ()
    for pattern in _marker_patterns(markers):
        for m in pattern.finditer(norm, start, end):
            d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d is not None:
                out.append(DateMention(m.start(), m.end(), "N", exact=d))
                taken.append((m.start(), m.end()))
    # Without the year, as in datelines and leads ("10月8日电", "8日抵达", "10월 8일"):
    # a day and month, or a day of the month alone, resolved against the report's date.
    month_day, day_alone = _short_marker_patterns(markers)
    for pattern in month_day:
        for m in pattern.finditer(norm, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            mo, day = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= day <= 31:
                out.append(DateMention(m.start(), m.end(), "D", day=day, month=mo))
                taken.append((m.start(), m.end()))
    for pattern in day_alone:
        for m in pattern.finditer(norm, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            day = int(m.group(1))
            if 1 <= day <= 31:
                out.append(DateMention(m.start(), m.end(), "Q", day=day))
    if order == "dmy":
        # A day and month with a slash and no year ("Rạng sáng 20/6", "pada 3/9"), where
        # the day comes first: resolved against the report's date like "20 June".
        numeric = [(d.start, d.end) for d in out if d.kind == "N"]
        for m in _DAY_MONTH.finditer(norm, start, end):
            if any(a <= m.start() < b for a, b in numeric):
                continue
            day, mo = int(m.group(1)), int(m.group(2))
            if 1 <= mo <= 12 and 1 <= day <= 31:
                out.append(DateMention(m.start(), m.end(), "D", day=day, month=mo))
    for m in _ORDINAL_DAY.finditer(norm, start, end):
        day = int(m.group(1) or m.group(2))
        if 1 <= day <= 31:
            out.append(DateMention(m.start(), m.end(), "Q", day=day))
    return out


#: Year first with dots or slashes ("2025.10.09.", "2025. 10. 9."): languages whose
#: ``numeric_order`` is "ymd" (Hungarian, Chinese, Japanese, Korean).
_YMD = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?!\d)")


def _order(lang: str | None) -> str:
    langs = languages()
    if lang is not None and lang in langs:
        return langs[lang].dates.numeric_order
    return "mdy"


@lru_cache(maxsize=32)
def _marker_patterns(markers: tuple[tuple[str, str, str], ...]) -> tuple[re.Pattern[str], ...]:
    """Year, month and day with their markers: "2025年10月9日", "2025년 10월 9일"."""
    out = []
    for y, mo, d in markers:
        if not (y and mo and d) or y == ".":
            continue  # dots alone are the "ymd" pattern above
        out.append(
            re.compile(
                rf"(?<!\d)((?:19|20)\d{{2}})\s*{re.escape(y)}\s*(\d{{1,2}})\s*"
                rf"{re.escape(mo)}\s*(\d{{1,2}})\s*{re.escape(d)}"
            )
        )
    return tuple(out)


@lru_cache(maxsize=64)
def _short_marker_patterns(
    markers: tuple[tuple[str, str, str], ...],
) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """Month and day with their markers ("10月8日", "10월 8일"), and a day alone ("8日"),
    for languages whose markers are letters of their own (not the dots of Hungarian)."""
    month_day, day_alone = [], []
    for _, mo, d in markers:
        if not (mo and d) or mo == "." or d == ".":
            continue
        month_day.append(
            re.compile(
                rf"(?<![\d{re.escape(mo)}])(\d{{1,2}})\s*{re.escape(mo)}\s*(\d{{1,2}})\s*{re.escape(d)}"
            )
        )
        # a day alone: not the end of a longer number, nor a month-day already read
        day_alone.append(
            re.compile(
                rf"(?<![\d{re.escape(mo)}])(?<!{re.escape(mo)} )(\d{{1,2}})\s*{re.escape(d)}"
            )
        )
    return tuple(month_day), tuple(day_alone)


def years_in(norm: str, start: int, end: int) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(norm, start, end)]


@lru_cache(maxsize=4096)
def _parse_numeric(phrase: str, order: str) -> dt.date | None:
    """An ISO date, or day, month and year with dots or slashes: day first, except with
    slashes where the language writes the month first (``numeric_order = "mdy"``); a
    two-digit year is this century's. The standard library does it: a general date
    parser (dateparser, ~0.25 s and 14 MB to load its language data) brought nothing
    for three numbers."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        try:
            return dt.date.fromisoformat(phrase)
        except ValueError:
            return None
    parts = re.split(r"[./]", phrase)
    if len(parts) != 3:
        return None
    a, b, y = (int(x) for x in parts)
    day, month = (b, a) if order == "mdy" and "/" in phrase else (a, b)
    return _safe_date(y + 2000 if y < 100 else y, month, day)


#: "/9" after a day: its month ("ngày 3/9"), not part of a longer number or full date;
#: "-3/9" the last day of a range ("ngày 2-3/9", the 2nd and 3rd of September); "-6" a
#: month written with a hyphen ("ngày 20-6", the 20th of June).
_SLASH_MONTH = re.compile(r"/(1[0-2]|0?[1-9])(?![\d/.])")
_RANGE_MONTH = re.compile(r"[-–](?:[0-3]?\d)/(1[0-2]|0?[1-9])(?![\d/.])")
_HYPHEN_MONTH = re.compile(r"[-–](1[0-2]|0?[1-9])(?![\d/–-]|[.,:]\d)")


def settle_day_words(
    norm: str, dates: list[DateMention], text: str | None = None
) -> list[DateMention]:
    """Day-of-month words read against the dates around them: one with a slashed month
    is a day and a month ("ngày 3/9"), and so is one that opens a slashed range ("ngày
    2-3/9") or takes a month after a hyphen ("ngày 20-6": ``text``, the unfolded text,
    shows the hyphen the folding made a space); one inside a full date is that date's day,
    not a date of its own ("tanggal 3 September")."""

    def month_after(d: DateMention) -> re.Match[str] | None:
        m = _SLASH_MONTH.match(norm, d.end)
        if m is None and text is not None:
            m = _RANGE_MONTH.match(text, d.end) or _HYPHEN_MONTH.match(text, d.end)
        return m

    out = [
        DateMention(d.start, m.end(), "D", day=d.day, month=int(m.group(1)))
        if d.kind == "Q" and (m := month_after(d))
        else d
        for d in dates
    ]
    full = [(d.start, d.end) for d in out if d.kind in ("D", "N")]
    return [
        d for d in out if d.kind != "Q" or not any(a - 2 <= d.end and d.start <= b for a, b in full)
    ]
