"""The word lists the rules read, folded and merged for the languages a text is read in.

The rules of :mod:`warrantwatch.monitor.trips` never name a word: they ask a
:class:`Words` ("is the word before this place a destination preposition?"). A text
identified as Hungarian is read with Hungarian's words; a text of unknown or mixed
language with every language's (:func:`words_for` with no codes). Built once per set of
languages and cached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache

from warrantwatch.monitor.languages import Language, languages
from warrantwatch.monitor.textnorm import fold


def _f(words: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (fold(w).strip() for w in words) if k)


@dataclass(frozen=True)
class Words:
    """What the rules need of the languages of one text (all folded)."""

    codes: tuple[str, ...]
    dest: frozenset[str]
    src: frozenset[str]
    origin: frozenset[str]
    to_after: tuple[str, ...]
    from_after: tuple[str, ...]
    to_suffixes: frozenset[str]
    at_suffixes: frozenset[str]
    from_suffixes: frozenset[str]
    capital: tuple[str, ...]
    court: tuple[str, ...]
    topic: tuple[str, ...]
    police: tuple[str, ...]
    named_after: dict[str, tuple[str, ...]]
    titles: tuple[str, ...]
    title_ends: tuple[str, ...]
    proxies: frozenset[str]
    #: Stems among the proxies ("avukat*": "avukatı", "avukatları"), without the star.
    proxy_stems: tuple[str, ...]
    before_name: frozenset[str]
    receive: tuple[str, ...]
    host: tuple[str, ...]
    conj: frozenset[str]
    gap: frozenset[str]
    until: frozenset[str]
    since: frozenset[str]
    passive: tuple[str, ...]
    of: frozenset[str]
    negation: frozenset[str]
    past_after: frozenset[str]
    next: frozenset[str]
    last: frozenset[str]
    guarded_weekdays: frozenset[str]
    weekday_guards: frozenset[str]
    #: Whether every language of the text separates words by spaces.
    spaces: bool
    #: Whether a language of the text glues endings to names and places.
    glued: bool
    #: Whether a language of the text puts the verb after the place it happened at.
    verb_last: bool
    #: Whether every language of the text marks a destination by an ending or a
    #: postposition, so that a bare place is never one.
    marked: bool
    numeric_order: str
    markers: tuple[tuple[str, str, str], ...]

    def is_proxy(self, word: str) -> bool:
        """A word that makes the named person someone else's principal ("Putin's envoy")."""
        return word in self.proxies or word.startswith(self.proxy_stems)

    def is_title(self, word: str) -> bool:
        """A title that takes a country as attribute ("президенту Турции", "Außenminister")."""
        return word.startswith(self.titles) or (
            bool(self.title_ends) and word.endswith(self.title_ends)
        )


def build(langs: Iterable[Language]) -> Words:
    """The merged, folded word lists of ``langs``."""
    ls = list(langs)

    def u(get):  # type: ignore[no-untyped-def]
        out: list[str] = []
        for lang in ls:
            out.extend(get(lang))
        return out

    def t(words: Iterable[str]) -> tuple[str, ...]:
        # Prefix lists: a stem ("cumhurbaşkan*") is its letters, matched with startswith.
        return tuple(sorted(_f(w.rstrip("*") for w in words)))

    named: dict[str, set[str]] = {}
    for lang in ls:
        for place, ws in lang.places.named_after.items():
            named.setdefault(place, set()).update(_f(ws))
    orders = {lang.dates.numeric_order for lang in ls}
    markers = tuple(
        sorted(
            {
                (m.get("year", ""), m.get("month", ""), m.get("day", ""))
                for m in (lang.dates.markers for lang in ls)
                if m
            }
        )
    )
    return Words(
        codes=tuple(sorted(lang.code for lang in ls)),
        dest=_f(u(lambda x: x.places.to)),
        src=_f(u(lambda x: x.places.from_)),
        origin=_f(u(lambda x: x.places.origin)),
        to_after=t(u(lambda x: x.places.to_after)),
        from_after=t(u(lambda x: x.places.from_after)),
        to_suffixes=_f(u(lambda x: x.places.to_suffixes)),
        at_suffixes=_f(u(lambda x: x.places.at_suffixes)),
        from_suffixes=_f(u(lambda x: x.places.from_suffixes)),
        capital=t(u(lambda x: x.places.capital)),
        court=t(u(lambda x: x.places.court)),
        topic=t(u(lambda x: x.places.topic)),
        police=t(u(lambda x: x.places.police)),
        named_after={k: tuple(sorted(v)) for k, v in named.items()},
        titles=t(u(lambda x: x.persons.titles)),
        title_ends=t(u(lambda x: x.persons.title_ends)),
        proxies=_f(w for w in u(lambda x: x.persons.proxies) if not w.endswith("*")),
        proxy_stems=t(w for w in u(lambda x: x.persons.proxies) if w.endswith("*")),
        before_name=_f(u(lambda x: x.persons.before_name)),
        receive=t(u(lambda x: x.persons.host)),
        host=t(u(lambda x: (*x.persons.host, *x.persons.meet))),
        conj=_f(u(lambda x: x.grammar.and_)),
        gap=_f(u(lambda x: x.grammar.list)) | {","},
        until=_f(u(lambda x: x.grammar.until)),
        since=_f(u(lambda x: x.grammar.since)),
        passive=tuple(w + " " for w in t(u(lambda x: x.grammar.passive))),
        of=_f(u(lambda x: x.grammar.of)),
        negation=_f(u(lambda x: x.grammar.not_)),
        past_after=_f(u(lambda x: x.grammar.past_after)),
        next=_f(u(lambda x: x.dates.next)),
        last=_f(u(lambda x: x.dates.last)),
        guarded_weekdays=_f(u(lambda x: x.dates.guarded_weekdays)),
        weekday_guards=_f(u(lambda x: x.dates.weekday_guards)),
        spaces=all(lang.spaces for lang in ls),
        glued=any(lang.glued_endings for lang in ls),
        verb_last=any(lang.verb_last for lang in ls),
        marked=all(lang.marked_destinations for lang in ls),
        # Several languages (a text of unknown language): slashes month first, as before
        # languages were identified.
        numeric_order=next(iter(orders)) if len(ls) == 1 else "mdy",
        markers=markers,
    )


@lru_cache(maxsize=64)
def words_for(codes: tuple[str, ...] | None = None) -> Words:
    """:class:`Words` for the language files ``codes`` (sorted); all languages for None."""
    langs = languages()
    if not codes:
        return build(langs.values())
    return build(langs[c] for c in codes if c in langs)


def merge(parts: list[Words]) -> Words:
    """One :class:`Words` for a text read in several languages: every list joined."""
    if len(parts) == 1:
        return parts[0]
    values: dict[str, object] = {}
    for f in fields(Words):
        vals = [getattr(p, f.name) for p in parts]
        if f.name in ("spaces", "marked"):
            values[f.name] = all(vals)
        elif f.name in ("glued", "verb_last"):
            values[f.name] = any(vals)
        elif f.name == "numeric_order":
            values[f.name] = vals[0] if len(set(vals)) == 1 else "mdy"
        elif f.name == "named_after":
            named: dict[str, set[str]] = {}
            for v in vals:
                for k, ws in v.items():
                    named.setdefault(k, set()).update(ws)
            values[f.name] = {k: tuple(sorted(v)) for k, v in named.items()}
        elif isinstance(vals[0], frozenset):
            values[f.name] = frozenset().union(*vals)
        else:
            values[f.name] = tuple(sorted(set().union(*vals)))
    return Words(**values)  # type: ignore[arg-type]


def alphabet(lang: Language) -> frozenset[str]:
    """The letters a language writes: those of its CLDR names (countries, months,
    weekdays) and of its file's phrases, plus the file's ``letters``. A text rich in
    letters outside the alphabet of the language the identifier names is another
    language's (a Kazakh text the model calls Ukrainian has "ү", "ә", "ң")."""
    from babel import Locale

    loc = Locale.parse(lang.cldr)
    texts: list[str] = [lang.letters]
    texts.extend(loc.territories.values())
    texts.extend(loc.months["format"]["wide"].values())
    texts.extend(loc.days["format"]["wide"].values())
    for phrases in lang.cues.values():
        texts.extend(p.text for p in phrases)
    return frozenset(c for c in "".join(texts).lower() if c.isalpha())
