"""The languages the scanner reads: one reviewed TOML file per language, loaded and checked here.

A language is data, not code: ``<code>.toml`` in this folder holds its travel wording
(cue phrases by code, see :mod:`warrantwatch.monitor.cues`), the words that mark a place
as a destination or an origin (prepositions, postpositions, glued case endings), speech
verbs, titles, date words CLDR lacks, and so on. The format is described in
``docs/scanner.md`` ("Language files"); the rule core reads only what is loaded here.
``_places.toml`` holds the hand-kept tables that span languages (short country names,
capitals and summit venues in many scripts, demonyms).

What CLDR has (country, month and weekday names, "yesterday / today / tomorrow",
"last / this / next week", time-zone cities) comes from Babel at compile time
(:mod:`warrantwatch.monitor.places`, :mod:`warrantwatch.monitor.dates`) and is never
typed in a file.

Every file is validated on load: a missing required key, an unknown key, a value of the
wrong type or an unknown cue code raises :class:`LanguageFileError`, whose message names
the file and the key.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

#: The cue codes (their meanings: :mod:`warrantwatch.monitor.cues`).
CUE_CODES = (
    "TP",
    "TO",
    "TN",
    "MEET",
    "INV",
    "CAN",
    "DEP",
    "ARR",
    "NARR",
    "MOD",
    "COND",
    "MENT",
    "BG",
    "FUT",
    "PAST",
    "NOW",
    "ANA",
    "SAY",
    "ANN",
    "NONE",
)
REQUIRED_CUES = ("TP", "TO", "TN", "CAN", "ARR")

# Value kinds of the schema.
_STR = "string"
_BOOL = "boolean"
_LIST = "list of strings"
_MAP_LIST = "table of lists of strings"
_MAP_INT = "table of integers"
_MAP_STR = "table of strings"

#: section -> key -> kind. Keys marked in docs/scanner.md as additions of the scanner
#: core are at the end of their section.
SCHEMA: dict[str, dict[str, str]] = {
    "language": {
        "code": _STR,
        "codes": _LIST,
        "name": _STR,
        "native": _STR,
        "scripts": _LIST,
        "spaces": _BOOL,
        "glued_endings": _BOOL,
        "cldr": _STR,
        "notes": _STR,
        # additions
        "letters": _STR,
        "verb_last": _BOOL,
        "marked_destinations": _BOOL,
        "read_with": _LIST,
    },
    "cues": dict.fromkeys(CUE_CODES, _LIST),
    "places": {
        "to": _LIST,
        "from": _LIST,
        "origin": _LIST,
        "to_after": _LIST,
        "from_after": _LIST,
        "to_suffixes": _LIST,
        "at_suffixes": _LIST,
        "from_suffixes": _LIST,
        "capital": _LIST,
        "court": _LIST,
        "topic": _LIST,
        "police": _LIST,
        "demonyms": _MAP_LIST,
        "aliases": _MAP_LIST,
        "cities": _MAP_LIST,
        # additions
        "named_after": _MAP_LIST,
    },
    "persons": {
        "titles": _LIST,
        "proxies": _LIST,
        "host": _LIST,
        "meet": _LIST,
        # additions
        "title_ends": _LIST,
        "before_name": _LIST,
    },
    "grammar": {
        "and": _LIST,
        "list": _LIST,
        "until": _LIST,
        "since": _LIST,
        "passive": _LIST,
        # additions
        "of": _LIST,
        "not": _LIST,
        "past_after": _LIST,
    },
    "dates": {
        "months": _MAP_LIST,
        "weekdays": _MAP_LIST,
        "relative": _MAP_INT,
        "next": _LIST,
        "last": _LIST,
        "day_words": _LIST,
        "not_dates": _LIST,
        "numeric_order": _STR,
        "markers": _MAP_STR,
        # additions
        "capital_months": _BOOL,
        "weekday_stems": _BOOL,
        "abbreviated_months": _BOOL,
        "guarded_weekdays": _LIST,
        "weekday_guards": _LIST,
        "day_ordinals": _MAP_LIST,
        "solar_months": _MAP_LIST,
    },
    # optional: contact wording (monitor/contacts.py); offices are matched beside a
    # country name or demonym ("South Africa's president", "президент ЮАР")
    "contacts": {
        "meet": _LIST,
        "call": _LIST,
        "joint": _LIST,
        "letter": _LIST,
        "planned": _LIST,
        "head_of_state": _LIST,
        "head_of_government": _LIST,
        "foreign_minister": _LIST,
    },
    "query": {
        "travel": _LIST,
        "google_news": _MAP_STR,
        "gdelt": _STR,
    },
}
_REQUIRED = {"language": ("code", "name", "scripts", "cldr"), "cues": REQUIRED_CUES}
_ORDERS = ("dmy", "mdy", "ymd")
_MARKERS = ("year", "month", "day")


class LanguageFileError(ValueError):
    """A language file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A cue phrase as written, and whether it is a stem (written with a final ``*``)."""

    text: str
    stem: bool


@dataclass(frozen=True)
class Places:
    to: tuple[str, ...] = ()
    from_: tuple[str, ...] = ()
    origin: tuple[str, ...] = ()
    to_after: tuple[str, ...] = ()
    from_after: tuple[str, ...] = ()
    to_suffixes: tuple[str, ...] = ()
    at_suffixes: tuple[str, ...] = ()
    from_suffixes: tuple[str, ...] = ()
    capital: tuple[str, ...] = ()
    court: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    police: tuple[str, ...] = ()
    demonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    aliases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cities: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    named_after: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Persons:
    titles: tuple[str, ...] = ()
    proxies: tuple[str, ...] = ()
    host: tuple[str, ...] = ()
    meet: tuple[str, ...] = ()
    title_ends: tuple[str, ...] = ()
    before_name: tuple[str, ...] = ()


@dataclass(frozen=True)
class Grammar:
    and_: tuple[str, ...] = ()
    list: tuple[str, ...] = ()
    until: tuple[str, ...] = ()
    since: tuple[str, ...] = ()
    passive: tuple[str, ...] = ()
    of: tuple[str, ...] = ()
    #: Negation words, as whole words ("nicht", "не", "not"): a travel word they negate
    #: reports a trip that will not happen.
    not_: tuple[str, ...] = ()
    #: Words right after the place that put a split verb in the past (Persian "وارد
    #: تاجیکستان شد": entered Tajikistan; "عازم آمریکا شد": left for America).
    past_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Dates:
    months: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    weekdays: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    relative: Mapping[str, int] = field(default_factory=dict)
    next: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    day_words: tuple[str, ...] = ()
    not_dates: tuple[str, ...] = ()
    numeric_order: str = "dmy"
    markers: Mapping[str, str] = field(default_factory=dict)
    capital_months: bool = False
    weekday_stems: bool = False
    abbreviated_months: bool = False
    guarded_weekdays: tuple[str, ...] = ()
    weekday_guards: tuple[str, ...] = ()
    #: days of the month written as words after the month ("február negyedikén")
    day_ordinals: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    #: months of the Solar Hijri calendar (fa "مهر", Dari "میزان"), read only after a day
    solar_months: Mapping[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Contacts:
    """Contact wording: the words of each kind of contact, of a planned one, and of offices."""

    meet: tuple[str, ...] = ()
    call: tuple[str, ...] = ()
    joint: tuple[str, ...] = ()
    letter: tuple[str, ...] = ()
    planned: tuple[str, ...] = ()
    head_of_state: tuple[str, ...] = ()
    head_of_government: tuple[str, ...] = ()
    foreign_minister: tuple[str, ...] = ()


@dataclass(frozen=True)
class Query:
    travel: tuple[str, ...] = ()
    google_news: Mapping[str, str] = field(default_factory=dict)
    gdelt: str | None = None


@dataclass(frozen=True)
class Language:
    """One language file, checked and typed."""

    code: str
    codes: tuple[str, ...]
    name: str
    native: str
    scripts: tuple[str, ...]
    spaces: bool
    glued_endings: bool
    cldr: str
    notes: str
    letters: str
    cues: Mapping[str, tuple[Phrase, ...]]
    places: Places
    persons: Persons
    grammar: Grammar
    dates: Dates
    query: Query
    path: Path | None = None
    contacts: Contacts = field(default_factory=Contacts)
    #: Whether the verb that says what happened at a place usually comes after the place
    #: ("am Flughafen Manila festgenommen", "マニラの空港で逮捕された", "在杜林被捕").
    verb_last: bool = False
    #: Whether a place the text goes to always carries its case ending or postposition
    #: ("Budapestre", "Brüsszelbe"): a bare place is then a subject or a possessor
    #: ("Brüsszel bírálata", Brussels' criticism), never where someone travels.
    marked_destinations: bool = False
    #: Other files a text identified as this language is read with too: pages of one
    #: often come in the other's letter forms (Arabic typed with Persian yeh and kaf is
    #: identified as Persian).
    read_with: tuple[str, ...] = ()

    def cue_count(self) -> int:
        return sum(len(v) for v in self.cues.values())


@dataclass(frozen=True)
class SharedPlaces:
    """``_places.toml``: the tables that span languages."""

    not_countries: frozenset[str]
    drop_names: frozenset[str]
    capital_only: frozenset[str]
    skip_zones: frozenset[str]
    #: GeoNames cities of at least this many people are places too (:mod:`places`).
    gazetteer_min_population: int
    #: Folded names of such cities that are common words or first names.
    gazetteer_skip: frozenset[str]
    aliases: Mapping[str, tuple[str, ...]]
    cities: Mapping[str, tuple[str, tuple[str, ...]]]  # English name -> (ISO2, forms)
    demonyms: Mapping[str, tuple[str, ...]]


def _fail(path: Path, key: str, msg: str) -> LanguageFileError:
    return LanguageFileError(f"{path.name}: {key}: {msg}")


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "must be a list of strings")
    out: list[str] = []
    for v in value:
        if not v.strip():
            raise _fail(path, key, "holds an empty string")
        out.append(v)
    return tuple(out)


def _check_value(path: Path, key: str, kind: str, value: Any) -> Any:
    if kind == _STR:
        if not isinstance(value, str):
            raise _fail(path, key, "must be a string")
        return value
    if kind == _BOOL:
        if not isinstance(value, bool):
            raise _fail(path, key, "must be true or false")
        return value
    if kind == _LIST:
        return _strings(path, key, value)
    if not isinstance(value, dict):
        raise _fail(path, key, f"must be a {kind}")
    if kind == _MAP_LIST:
        return {str(k): _strings(path, f"{key}.{k}", v) for k, v in value.items()}
    if kind == _MAP_INT:
        for k, v in value.items():
            if not isinstance(v, int) or isinstance(v, bool):
                raise _fail(path, f"{key}.{k}", "must be an integer")
        return dict(value)
    for k, v in value.items():  # _MAP_STR
        if not isinstance(v, str):
            raise _fail(path, f"{key}.{k}", "must be a string")
    return dict(value)


def _phrase(path: Path, key: str, raw: str) -> Phrase:
    stem = raw.endswith("*")
    text = raw.rstrip("*").strip()
    if "*" in text:
        raise _fail(path, key, f"'*' only ends a stem: {raw!r}")
    if not text:
        raise _fail(path, key, f"empty phrase: {raw!r}")
    return Phrase(text, stem)


def parse(data: Mapping[str, Any], path: Path) -> Language:
    """A :class:`Language` from a parsed TOML document (``path`` names it in messages)."""
    for section, body in data.items():
        if section not in SCHEMA:
            raise _fail(path, section, f"unknown section (known: {', '.join(SCHEMA)})")
        if not isinstance(body, dict):
            raise _fail(path, section, "must be a table")
        for key in body:
            if key not in SCHEMA[section]:
                raise _fail(path, f"{section}.{key}", "unknown key")
    for section, keys in _REQUIRED.items():
        if section not in data:
            raise _fail(path, section, "missing section")
        for key in keys:
            if key not in data[section]:
                raise _fail(path, f"{section}.{key}", "missing (required)")
    sec: dict[str, dict[str, Any]] = {}
    for section, spec in SCHEMA.items():
        body = data.get(section, {})
        sec[section] = {
            key: _check_value(path, f"{section}.{key}", spec[key], body[key]) for key in body
        }
    lang = sec["language"]
    code = lang["code"]
    if path.suffix == ".toml" and path.stem != code:
        raise _fail(path, "language.code", f"{code!r} differs from the file name {path.stem!r}")
    if not lang["scripts"]:
        raise _fail(path, "language.scripts", "lists no script")
    cues = {
        c: tuple(_phrase(path, f"cues.{c}", p) for p in phrases)
        for c, phrases in sec["cues"].items()
    }
    d = dict(sec["dates"])
    order = d.get("numeric_order", "dmy")
    if order not in _ORDERS:
        raise _fail(path, "dates.numeric_order", f"must be one of {', '.join(_ORDERS)}")
    for k in d.get("markers", {}):
        if k not in _MARKERS:
            raise _fail(
                path, f"dates.markers.{k}", f"unknown marker (known: {', '.join(_MARKERS)})"
            )
    months = _numbered(path, "dates.months", d.pop("months", {}), range(1, 13))
    weekdays = _numbered(path, "dates.weekdays", d.pop("weekdays", {}), range(7))
    if "solar_months" in d:
        d["solar_months"] = _numbered(path, "dates.solar_months", d["solar_months"], range(1, 13))
    if "day_ordinals" in d:
        d["day_ordinals"] = _numbered(path, "dates.day_ordinals", d["day_ordinals"], range(1, 32))
    gn = sec["query"].get("google_news", {})
    for k in gn:
        if k not in ("hl", "gl", "ceid"):
            raise _fail(path, f"query.google_news.{k}", "unknown key (known: hl, gl, ceid)")
    pl = dict(sec["places"])
    for table in ("demonyms", "aliases"):
        for iso in pl.get(table, {}):
            if len(iso) != 2 or not iso.isupper():
                raise _fail(path, f"places.{table}.{iso}", "must be an ISO 3166 alpha-2 code")
    gr = dict(sec["grammar"])
    for key, phrases in sec["contacts"].items():
        for raw in phrases:
            _phrase(path, f"contacts.{key}", raw)
    q = sec["query"]
    return Language(
        code=code,
        codes=lang.get("codes", (code,)),
        name=lang["name"],
        native=lang.get("native", ""),
        scripts=lang["scripts"],
        spaces=lang.get("spaces", True),
        glued_endings=lang.get("glued_endings", False),
        cldr=lang["cldr"],
        notes=lang.get("notes", ""),
        letters=lang.get("letters", ""),
        verb_last=lang.get("verb_last", False),
        marked_destinations=lang.get("marked_destinations", False),
        read_with=tuple(lang.get("read_with", ())),
        cues=cues,
        places=Places(from_=pl.pop("from", ()), **pl),
        persons=Persons(**sec["persons"]),
        grammar=Grammar(and_=gr.pop("and", ()), not_=gr.pop("not", ()), **gr),
        dates=Dates(months=months, weekdays=weekdays, **d),
        query=Query(
            travel=q.get("travel", ()), google_news=q.get("google_news", {}), gdelt=q.get("gdelt")
        ),
        path=path,
        contacts=Contacts(**sec["contacts"]),
    )


def _numbered(
    path: Path, key: str, table: Mapping[str, tuple[str, ...]], allowed: range
) -> dict[int, tuple[str, ...]]:
    out: dict[int, tuple[str, ...]] = {}
    for k, v in table.items():
        if not k.isdigit() or int(k) not in allowed:
            raise _fail(path, f"{key}.{k}", f"must be a number from {allowed[0]} to {allowed[-1]}")
        out[int(k)] = v
    return out


def load_file(path: Path) -> Language:
    """One language file, parsed and checked."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageFileError(f"{path.name}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise LanguageFileError(f"{path.name}: cannot be read: {exc.strerror}") from None
    lang = parse(data, path)
    _check_cldr(path, lang.cldr)
    return lang


def _check_cldr(path: Path, cldr: str) -> None:
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(cldr)
    except (UnknownLocaleError, ValueError) as exc:
        raise _fail(path, "language.cldr", f"Babel has no locale {cldr!r} ({exc})") from None


def language_files(folder: Path = HERE) -> list[Path]:
    """The language files of ``folder`` (``_places.toml`` and other ``_`` files excluded)."""
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("_"))


def load_all(folder: Path = HERE) -> dict[str, Language]:
    """Every language file of ``folder``, by code; a bad file raises LanguageFileError."""
    out: dict[str, Language] = {}
    seen_codes: dict[str, str] = {}
    for path in language_files(folder):
        lang = load_file(path)
        for c in lang.codes:
            if c in seen_codes:
                raise _fail(path, "language.codes", f"{c!r} is also claimed by {seen_codes[c]}")
            seen_codes[c] = path.name
        out[lang.code] = lang
    return out


@lru_cache(maxsize=4)
def languages(folder: Path = HERE) -> dict[str, Language]:
    """:func:`load_all`, once per folder (the scanner and the CLI share it)."""
    return load_all(folder)


def load_shared(path: Path = HERE / "_places.toml") -> SharedPlaces:
    """The tables of ``_places.toml`` (see the comments in that file)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageFileError(f"{path.name}: not valid TOML: {exc}") from None
    known = {"not_countries", "drop_names", "capital_only", "skip_zones", "gazetteer_skip"}
    tables = {"aliases", "cities", "demonyms"}
    for key in data:
        if key not in known | tables | {"gazetteer_min_population"}:
            raise _fail(path, key, "unknown key")
    population = data.get("gazetteer_min_population", 800_000)
    if not isinstance(population, int) or isinstance(population, bool) or population < 15_000:
        raise _fail(path, "gazetteer_min_population", "must be an integer of 15000 or more")
    flat = {k: frozenset(_strings(path, k, data.get(k, []))) for k in known}
    aliases = _check_value(path, "aliases", _MAP_LIST, data.get("aliases", {}))
    demonyms = _check_value(path, "demonyms", _MAP_LIST, data.get("demonyms", {}))
    cities: dict[str, tuple[str, tuple[str, ...]]] = {}
    for iso, body in data.get("cities", {}).items():
        if not isinstance(body, dict):
            raise _fail(path, f"cities.{iso}", "must be a table of English name -> spellings")
        for english, forms in body.items():
            cities[english] = (iso, _strings(path, f"cities.{iso}.{english}", forms))
    return SharedPlaces(
        not_countries=flat["not_countries"],
        drop_names=flat["drop_names"],
        capital_only=flat["capital_only"],
        skip_zones=flat["skip_zones"],
        gazetteer_min_population=population,
        gazetteer_skip=flat["gazetteer_skip"],
        aliases=aliases,
        cities=cities,
        demonyms=demonyms,
    )


@lru_cache(maxsize=2)
def shared_places(path: Path = HERE / "_places.toml") -> SharedPlaces:
    return load_shared(path)


def check_folder(folder: Path = HERE) -> list[str]:
    """Every problem of the language files in ``folder``, one line each (for ``data check``)."""
    problems: list[str] = []
    seen_codes: dict[str, str] = {}
    for path in language_files(folder):
        try:
            lang = load_file(path)
        except LanguageFileError as exc:
            problems.append(str(exc))
            continue
        for c in lang.codes:
            if c in seen_codes:
                problems.append(f"{path.name}: language.codes: {c!r} is also in {seen_codes[c]}")
            seen_codes[c] = path.name
    shared = folder / "_places.toml"
    if shared.exists():
        try:
            load_shared(shared)
        except LanguageFileError as exc:
            problems.append(str(exc))
    return problems


def all_codes(langs: Iterable[Language]) -> dict[str, str]:
    """Identifier code -> language file code (``"ms"`` -> ``"id"``, ``"hr"`` -> ``"sh"``)."""
    out: dict[str, str] = {}
    for lang in langs:
        for c in (lang.code, *lang.codes):
            out.setdefault(c, lang.code)
    return out
