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

from warrantwatch.monitor.textnorm import fold, strip_accents

DATE_LANGS = ("en", "ru", "uk", "fr", "es", "ar", "de", "it", "pt", "he")

#: Weekday forms Babel does not give: Slavic accusatives ("в среду"), short Arabic.
_EXTRA_WEEKDAYS: dict[str, dict[int, tuple[str, ...]]] = {
    "ru": {2: ("среду",), 4: ("пятницу",), 5: ("субботу",)},
    "uk": {2: ("середу",), 4: ("п'ятницю", "пятницю"), 5: ("суботу",), 6: ("неділю",)},
    "pt": {0: ("segunda",), 1: ("terça",), 2: ("quarta",), 3: ("quinta",), 4: ("sexta",)},
    "ar": {0: ("الإثنين", "الاثنين")},
}
#: Weekday words too ambiguous alone ("quinta" = fifth): only with "feira" or a preposition.
_WEEKDAY_NEEDS_PREP = {"segunda", "terça", "quarta", "quinta", "sexta"}

#: Levantine and Maghrebi month names, which CLDR's Arabic does not list.
_EXTRA_MONTHS: dict[str, dict[int, tuple[str, ...]]] = {
    "ar": {
        1: ("كانون الثاني", "جانفي"),
        2: ("شباط", "فيفري"),
        3: ("آذار",),
        4: ("نيسان", "أفريل", "ابريل", "إبريل"),
        5: ("أيار", "ماي"),
        6: ("حزيران", "جوان"),
        7: ("تموز", "جويلية"),
        8: ("آب", "أوت"),
        9: ("أيلول",),
        10: ("تشرين الأول", "اكتوبر"),
        11: ("تشرين الثاني",),
        12: ("كانون الأول",),
    },
    "en": {
        1: ("jan",),
        2: ("feb",),
        8: ("aug",),
        9: ("sep", "sept"),
        10: ("oct",),
        11: ("nov",),
        12: ("dec",),
    },
    # Locatives ("в сентябре", "у вересні"): CLDR gives only nominative and genitive.
    "ru": {
        1: ("январе",),
        2: ("феврале",),
        3: ("марте",),
        4: ("апреле",),
        5: ("мае",),
        6: ("июне",),
        7: ("июле",),
        8: ("августе",),
        9: ("сентябре",),
        10: ("октябре",),
        11: ("ноябре",),
        12: ("декабре",),
    },
    "uk": {
        1: ("січні",),
        2: ("лютому",),
        3: ("березні",),
        4: ("квітні",),
        5: ("травні",),
        6: ("червні",),
        7: ("липні",),
        8: ("серпні",),
        9: ("вересні",),
        10: ("жовтні",),
        11: ("листопаді",),
        12: ("грудні",),
    },
}

#: Day offsets from the publication date.
_RELATIVE: dict[str, dict[str, int]] = {
    "en": {
        "today": 0,
        "tonight": 0,
        "this morning": 0,
        "tomorrow": 1,
        "yesterday": -1,
        "the day after tomorrow": 2,
        "in two days": 2,
        "in three days": 3,
        "the day before yesterday": -2,
    },
    "ru": {
        "сегодня": 0,
        "завтра": 1,
        "вчера": -1,
        "послезавтра": 2,
        "позавчера": -2,
        "через два дня": 2,
        "через три дня": 3,
    },
    "uk": {
        "сьогодні": 0,
        "завтра": 1,
        "вчора": -1,
        "учора": -1,
        "післязавтра": 2,
        "через два дні": 2,
        "через три дні": 3,
    },
    "fr": {
        "aujourd'hui": 0,
        "ce soir": 0,
        "ce matin": 0,
        "demain": 1,
        "hier": -1,
        "après-demain": 2,
        "dans deux jours": 2,
        "dans trois jours": 3,
        "avant-hier": -2,
    },
    "es": {
        "hoy": 0,
        "esta mañana": 0,
        "esta noche": 0,
        "mañana": 1,
        "ayer": -1,
        "pasado mañana": 2,
        "dentro de dos días": 2,
        "en dos días": 2,
        "anteayer": -2,
    },
    "de": {
        "heute": 0,
        "heute morgen": 0,
        "morgen": 1,
        "gestern": -1,
        "übermorgen": 2,
        "vorgestern": -2,
        "in zwei tagen": 2,
    },
    "it": {"oggi": 0, "stasera": 0, "domani": 1, "ieri": -1, "dopodomani": 2, "tra due giorni": 2},
    "pt": {"hoje": 0, "amanhã": 1, "ontem": -1, "depois de amanhã": 2, "dentro de dois dias": 2},
    "ar": {
        "اليوم": 0,
        "هذا المساء": 0,
        "مساء اليوم": 0,
        "غدا": 1,
        "غداً": 1,
        "أمس": -1,
        "الأمس": -1,
        "بعد غد": 2,
        "بعد يومين": 2,
    },
    "he": {
        "היום": 0,
        "הערב": 0,
        "הלילה": 0,
        "הבוקר": 0,
        "מחר": 1,
        "אתמול": -1,
        "מחרתיים": 2,
        "בעוד יומיים": 2,
    },
}
#: Words for "day" that take a bare day of the month ("no dia 9", "el día 9", "9-го
#: числа"): the month is the coming one for a planned trip, the last for a past one.
_DAY_WORDS: dict[str, tuple[str, ...]] = {
    "pt": ("dia",),
    "es": ("día",),
    "it": ("giorno",),
    "ru": ("числа",),
    "uk": ("числа",),
}
_DAY_AFTER = re.compile(r"^\s*(\d{1,2})(?!\d)(?!\s*(?:de|del|di)\s+[^\W\d_])")
_DAY_NUMBER_BEFORE = re.compile(r"(?<!\d)(\d{1,2})(?:\s*-?\s*(?:го|е))?\s*$")

#: "morning" in Spanish and German is also "tomorrow": these are not dates.
_NOT_DATES = (
    "la mañana",
    "por la mañana",
    "de la mañana",
    "am morgen",
    "jeden morgen",
    "guten morgen",
    "morgens",
)

_NEXT_WORDS = {
    "next",
    "coming",
    "this coming",
    "следующий",
    "следующую",
    "ближайший",
    "наступний",
    "наступного",
    "prochain",
    "próximo",
    "nächsten",
    "kommenden",
    "prossimo",
    "próxima",
    "المقبل",
    "القادم",
}
_LAST_WORDS = {
    "last",
    "past",
    "прошлый",
    "прошлую",
    "минулого",
    "минулий",
    "dernier",
    "pasado",
    "letzten",
    "vergangenen",
    "scorso",
    "passado",
    "passada",
    "الماضي",
}


@dataclass(frozen=True, slots=True)
class DateSpec:
    phrase: str
    lang: str
    kind: str  # "M" month, "W" weekday, "R" relative day, "Q" day of month, "X" not a date
    value: int
    capital: bool = False  # English and German month names: "May", not "may"
    stem: bool = False  # German compounds: "Donnerstagabend", "donnerstags"


def date_specs() -> list[DateSpec]:
    """Every date word the automaton should find, in all supported languages."""
    from babel import Locale

    out: list[DateSpec] = []
    seen: set[tuple[str, str, int]] = set()

    def add(phrase: str, lang: str, kind: str, value: int) -> None:
        capital = kind == "M" and lang in ("en", "de")
        stem = kind == "W" and lang == "de"
        for p in {fold(phrase).rstrip("."), fold(strip_accents(phrase)).rstrip(".")}:
            if len(p) >= 3 and (p, kind, value) not in seen:
                seen.add((p, kind, value))
                out.append(DateSpec(p, lang, kind, value, capital, stem))

    for lang in DATE_LANGS:
        loc = Locale.parse(lang)
        for ctx in ("format", "stand-alone"):
            for num, name in loc.months[ctx]["wide"].items():
                add(name, lang, "M", num)
            for wd, name in loc.days[ctx]["wide"].items():
                add(name, lang, "W", wd)
        if lang in ("fr", "de", "it", "es", "pt"):
            for num, name in loc.months["format"]["abbreviated"].items():
                if len(name.rstrip(".")) >= 4:
                    add(name, lang, "M", num)
        for num, names in _EXTRA_MONTHS.get(lang, {}).items():
            for n in names:
                add(n, lang, "M", num)
        for wd, names in _EXTRA_WEEKDAYS.get(lang, {}).items():
            for n in names:
                add(n, lang, "W", wd)
        for word, off in _RELATIVE.get(lang, {}).items():
            add(word, lang, "R", off)
        for word in _DAY_WORDS.get(lang, ()):
            add(word, lang, "Q", 0)
    for p in _NOT_DATES:
        add(p, "xx", "X", 0)
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


# The phrase is read in the folded text, where hyphens and dashes are spaces ("9 го",
# "4 5 декабря").
_DAY_BEFORE = re.compile(
    r"(\d{1,2})(?:st|nd|rd|th|er|ème|e|\s?го|\s?е|º|ª|°)?\.?\s*(?:de\s+|di\s+|of\s+)?$"
)
_RANGE_BEFORE = re.compile(
    r"(\d{1,2})\.?(?:\s*(?:/|to|and|et|y|и|і|e|und|al|au|bis|a)\s*|\s+)(\d{1,2})"
    r"(?:st|nd|rd|th|er|ème|e|\s?го|\s?е|º|ª)?\.?\s*(?:de\s+|di\s+|of\s+)?$"
)
_YEAR_AFTER = re.compile(r"^\.?\s*,?\s*(?:de\s+|del\s+|of\s+)?((?:19|20)\d{2})(?!\d)")
_DAY_YEAR_AFTER = re.compile(
    r"^\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:\s+\d{1,2}(?!\d))?\s*,?\s*((?:19|20)\d{2})?(?!\d)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s*$")
_WORD_AFTER = re.compile(r"^\s*([^\W\d_]+)")


def _to_int(s: str) -> int:
    return int(s)  # int() reads Arabic-Indic digits too


def read_date(norm: str, start: int, end: int, kind: str, value: int) -> DateMention | None:
    """Read the phrase around one date word at ``norm[start:end]``."""
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
        words = {m.group(1) if m else "", w.group(1) if w else ""}
        if words & _NEXT_WORDS:
            direction = 1
        elif words & _LAST_WORDS:
            direction = -1
        if norm[start:end] in _WEEKDAY_NEEDS_PREP and not (
            after.startswith("-feira")
            or after.startswith(" feira")
            or (m and m.group(1) in ("na", "nesta", "na próxima"))
        ):
            return None
        return DateMention(start, end, "W", weekday=value, direction=direction)
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
        if a:
            day = _to_int(a.group(1))
            if a.group(2):
                year = _to_int(a.group(2))
            new_end = end + a.end()
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
_ORDINAL_DAY = re.compile(
    r"\b(?:on the (\d{1,2})(?:st|nd|rd|th)\b|le (\d{1,2})(?!\s*(?:er\s+)?[^\W\d_])(?!\d))"
)


def numeric_dates(norm: str, start: int, end: int, lang: str | None) -> list[DateMention]:
    """Numeric dates in ``norm[start:end]`` ("09.10.2025", "10/9/2025", "2025-10-09"), and
    days of the month written with a number alone ("on the 31st", "le 3")."""
    out: list[DateMention] = []
    for m in _NUMERIC.finditer(norm, start, end):
        d = _parse_numeric(m.group(1), lang or "en")
        if d is not None:
            out.append(DateMention(m.start(), m.end(), "N", exact=d))
    for m in _ORDINAL_DAY.finditer(norm, start, end):
        day = int(m.group(1) or m.group(2))
        if 1 <= day <= 31:
            out.append(DateMention(m.start(), m.end(), "Q", day=day))
    return out


def years_in(norm: str, start: int, end: int) -> list[int]:
    return [int(m.group(1)) for m in _YEAR.finditer(norm, start, end)]


@lru_cache(maxsize=4096)
def _parse_numeric(phrase: str, lang: str) -> dt.date | None:
    """An ISO date, or day, month and year with dots or slashes: day first, except with
    slashes in English (month first, as in American news); a two-digit year is this
    century's. The standard library does it: a general date parser (dateparser, ~0.25 s
    and 14 MB to load its language data) brought nothing for three numbers."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        try:
            return dt.date.fromisoformat(phrase)
        except ValueError:
            return None
    parts = re.split(r"[./]", phrase)
    if len(parts) != 3:
        return None
    a, b, y = (int(x) for x in parts)
    day, month = (b, a) if lang == "en" and "/" in phrase else (a, b)
    return _safe_date(y + 2000 if y < 100 else y, month, day)
