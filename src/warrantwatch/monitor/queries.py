"""Search queries made from the knowledge base: who to look for, in which languages.

For every person at large (the engine's custody status today), one Google News and one
GDELT query per language of the news about them: the languages of the person's name
variants (``names`` with ``lang`` in the person's data). A query joins the name variants
of that language with that language's travel words (``[query] travel`` in
``monitor/languages/<code>.toml``). Addresses come from the catalogue's ``templates``,
never from code. The list is a pure function of the knowledge base, so the monitor
recomputes it whenever the knowledge base changes.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from warrantwatch.config import FeedConfig
from warrantwatch.law.records import PersonRec
from warrantwatch.law.warrants import custody_status
from warrantwatch.law.world import World
from warrantwatch.monitor.catalogue import Templates, gdelt_url, google_news_url

LANGUAGES_DIR = Path(__file__).with_name("languages")
#: Name kinds good for a search (inflected forms and bare surnames match too much or too little)
QUERY_KINDS = ("short", "full", "transliteration", "alias")
MAX_NAMES = 3


@lru_cache(maxsize=64)
def _travel_words_cached(code: str, mtime: float) -> tuple[str, ...]:
    path = LANGUAGES_DIR / f"{code}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return ()
    words = (data.get("query") or {}).get("travel") or []
    return tuple(str(w) for w in words if isinstance(w, str) and w.strip())


def travel_words(code: str) -> tuple[str, ...]:
    """The travel words of language ``code``; empty when its file (or key) is not there yet."""
    path = LANGUAGES_DIR / f"{code}.toml"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return ()
    return _travel_words_cached(code, mtime)


def names_by_language(person: PersonRec) -> dict[str, list[str]]:
    """The person's searchable name variants, per language, best first."""
    out: dict[str, list[str]] = {}
    rank = {k: i for i, k in enumerate(QUERY_KINDS)}
    for n in sorted(person.names, key=lambda n: rank.get(n.kind, 99)):
        if not n.lang or n.kind not in rank:
            continue
        names = out.setdefault(n.lang, [])
        if n.name not in names and len(names) < MAX_NAMES:
            names.append(n.name)
    return out


def _quoted(words: list[str] | tuple[str, ...]) -> str:
    parts = [f'"{w}"' if re.search(r"\s", w) else w for w in words]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def query_text(names: list[str], words: tuple[str, ...]) -> str:
    """'("Vladimir Putin" OR "Putin") (visit OR summit)': any name with any travel word."""
    q = _quoted(names)
    return f"{q} {_quoted(words)}" if words else q


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def at_large(world: World, on: dt.date) -> list[PersonRec]:
    return [p for p in world.persons.values() if custody_status(p, on) == "at_large"]


def generated_sources(
    world: World, templates: Templates, *, on: dt.date, interval: int = 3600
) -> list[FeedConfig]:
    """Google News and GDELT queries for every person at large on ``on``."""
    out: list[FeedConfig] = []
    gn, gd = templates.google_news, templates.gdelt
    for person in sorted(at_large(world, on), key=lambda p: p.id):
        for lang, names in sorted(names_by_language(person).items()):
            words = travel_words(lang)
            q = query_text(names, words)
            if gn is not None and lang in gn.locales:
                loc = gn.locales[lang]
                url = google_news_url(gn.url, q, loc.hl, loc.gl, loc.ceid)
                out.append(_query_feed("google_news", url, interval, lang, person))
            if gd is not None and lang in gd.sourcelang:
                url = gdelt_url(gd.url, f"{q} sourcelang:{gd.sourcelang[lang]}")
                out.append(_query_feed("gdelt", url, max(interval, 900), lang, person))
    return out


#: How each query kind is named, labelled and attributed.
_QUERY_KINDS = {"google_news": ("Google News", "gn"), "gdelt": ("GDELT", "gdelt")}


def _query_feed(kind: str, url: str, interval: int, lang: str, person: PersonRec) -> FeedConfig:
    """One generated query as a source: the same shape for every aggregator kind."""
    publisher, short = _QUERY_KINDS[kind]
    return FeedConfig(
        url=url,
        interval=interval,
        language=lang,
        kind=kind,  # type: ignore[arg-type]
        name=f"{publisher}: {person.name} ({lang})",
        id=f"q-{short}-{_slug(person.id)}-{lang}",
        tier="aggregator",
        publisher=publisher,
        origin="query",
    )
