"""What each language file covers: the library function behind ``warrantwatch languages``.

Counts, per language, the cue phrases by group of codes, the words that mark places,
the date words the file adds to CLDR's, and whether Babel has the language's CLDR
names (countries, months, weekdays, relative day words), so that a reviewer sees at a
glance which languages are thin.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warrantwatch.monitor.cues import cldr_cues
from warrantwatch.monitor.languages import HERE, Language, load_all

#: Cue codes grouped as the rules use them.
CUE_GROUPS: dict[str, tuple[str, ...]] = {
    "travel": ("TP", "TO", "TN", "MEET", "INV"),
    "status": ("CAN", "DEP", "ARR", "NARR", "NONE"),
    "hedges": ("MOD", "COND", "MENT"),
    "tense": ("BG", "FUT", "PAST", "NOW"),
    "reference": ("ANA", "SAY", "ANN"),
}


def _cldr(lang: Language) -> dict[str, Any]:
    from babel import Locale

    loc = Locale.parse(lang.cldr)
    fields = loc._data["date_fields"]
    return {
        "locale": lang.cldr,
        "countries": sum(1 for c in loc.territories if len(c) == 2 and c.isalpha()),
        "months": len(loc.months["format"]["wide"]),
        "weekdays": len(loc.days["format"]["wide"]),
        "relative_days": len(fields["day"]["relative"]),
        "relative_weeks": len(fields["week"]["relative"]),
        "cues_from_date_fields": len(cldr_cues(lang.cldr)),
    }


def describe(lang: Language) -> dict[str, Any]:
    """One language file's coverage, as plain data (for text and JSON output)."""
    pl, d = lang.places, lang.dates
    cues = {g: sum(len(lang.cues.get(c, ())) for c in codes) for g, codes in CUE_GROUPS.items()}
    return {
        "code": lang.code,
        "codes": list(lang.codes),
        "name": lang.name,
        "native": lang.native,
        "scripts": list(lang.scripts),
        "spaces": lang.spaces,
        "glued_endings": lang.glued_endings,
        "cues": {**cues, "total": lang.cue_count()},
        "place_markers": {
            "before": len(pl.to) + len(pl.from_) + len(pl.origin),
            "after": len(pl.to_after) + len(pl.from_after),
            "suffixes": len(pl.to_suffixes) + len(pl.at_suffixes) + len(pl.from_suffixes),
            "demonyms": sum(len(v) for v in pl.demonyms.values()),
            "aliases": sum(len(v) for v in pl.aliases.values()),
            "cities": sum(len(v) for v in pl.cities.values()),
        },
        "persons": len(lang.persons.titles) + len(lang.persons.proxies) + len(lang.persons.host),
        "date_extras": {
            "months": sum(len(v) for v in d.months.values()),
            "weekdays": sum(len(v) for v in d.weekdays.values()),
            "relative": len(d.relative),
            "other": len(d.next) + len(d.last) + len(d.day_words) + len(d.not_dates),
            "numeric_order": d.numeric_order,
            "markers": "".join(d.markers.get(k, "") for k in ("year", "month", "day")) or None,
        },
        "cldr": _cldr(lang),
        "query": bool(lang.query.travel),
        "file": lang.path.name if lang.path else None,
    }


def coverage(folder: Path = HERE) -> list[dict[str, Any]]:
    """Every language file of ``folder`` (the bundled ones by default), described."""
    return [describe(lang) for lang in load_all(folder).values()]
