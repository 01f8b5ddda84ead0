"""Turning what a user types into a person or a state, in any script.

People type ``putin``, ``Путин``, ``Poutine`` or ``Q7747``; ``TJ``, ``TJK``,
``Tadjikistan`` or ``Таджикистан``. Matching is case- and accent-insensitive.
An unknown or ambiguous name raises :class:`LookupFailed` with the closest
candidates, so the CLI and the API can answer in one helpful line.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from rapidfuzz import process

from warrantwatch.law.records import PersonRec, StateRec
from warrantwatch.law.world import World

#: Locales whose CLDR country names are accepted: the UN languages and the main
#: languages of the news this project reads.
NAME_LOCALES = (
    "en",
    "fr",
    "es",
    "ru",
    "ar",
    "zh",
    "de",
    "pt",
    "it",
    "uk",
    "tr",
    "fa",
    "he",
    "nl",
    "pl",
    "ja",
)


class LookupFailed(LookupError):
    """Nothing, or more than one thing, matched; ``suggestions`` names the closest."""

    def __init__(self, kind: str, query: str, suggestions: list[str], ambiguous: bool = False):
        self.kind, self.query, self.suggestions, self.ambiguous = (
            kind,
            query,
            suggestions,
            ambiguous,
        )
        if ambiguous:
            msg = f"{kind} {query!r} is ambiguous: it matches " + ", ".join(suggestions)
        elif suggestions:
            msg = f"unknown {kind} {query!r}; closest: " + ", ".join(suggestions)
        else:
            msg = f"unknown {kind} {query!r}"
        super().__init__(msg)


def norm(text: str) -> str:
    """Lower case, accents and punctuation folded, scripts kept."""
    from normality import normalize  # imported on first use: it costs ~0.1 s at start-up

    return normalize(text, lowercase=True, ascii=False) or ""


def keys_for(text: str) -> set[str]:
    from normality import ascii_text, normalize

    out = {norm(text)}
    ascii_form = normalize(ascii_text(text), lowercase=True)
    if ascii_form:
        out.add(ascii_form)
    return {k for k in out if k}


class Resolver:
    """Name indexes over one :class:`World`, built once on first use."""

    def __init__(self, world: World) -> None:
        self.world = world

    # --- persons --------------------------------------------------------------
    @cached_property
    def _person_index(self) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
        full: dict[str, set[str]] = defaultdict(set)
        token: dict[str, set[str]] = defaultdict(set)
        for p in self.world.persons.values():
            variants = [p.id.replace("-", " "), p.name, *(n.name for n in p.names)]
            for v in variants:
                for k in keys_for(v):
                    full[k].add(p.id)
                    for t in k.split():
                        if len(t) > 2:
                            token[t].add(p.id)
            if p.wikidata:
                full[p.wikidata.lower()].add(p.id)
        return full, token

    def person(self, query: str) -> PersonRec:
        q = query.strip()
        if q in self.world.persons:
            return self.world.persons[q]
        full, token = self._person_index
        for k in keys_for(q):
            if len(full.get(k, ())) == 1:
                return self.world.persons[next(iter(full[k]))]
        hits: set[str] = set()
        for k in keys_for(q):
            hits |= full.get(k, set())
            if not hits:
                parts = [token.get(t, set()) for t in k.split() if len(t) > 2]
                if parts:
                    common = set.intersection(*parts)
                    hits |= common
        if len(hits) == 1:
            return self.world.persons[hits.pop()]
        if len(hits) > 1:
            names = sorted(f"{self.world.persons[h].name} ({h})" for h in hits)
            raise LookupFailed("person", query, names, ambiguous=True)
        raise LookupFailed("person", query, self._closest_persons(q))

    def _closest_persons(self, q: str) -> list[str]:
        full, _ = self._person_index
        out: list[str] = []
        for key, _score, _ in process.extract(norm(q), list(full), limit=12):
            for pid in sorted(full[key]):
                label = f"{self.world.persons[pid].name} ({pid})"
                if label not in out:
                    out.append(label)
        return out[:3]

    # --- states ---------------------------------------------------------------
    @cached_property
    def _state_index(self) -> dict[str, str]:
        idx: dict[str, str] = {}
        for s in self.world.states.values():
            for v in (s.name, *s.aliases):
                for k in keys_for(v):
                    idx.setdefault(k, s.iso2)
        return idx

    @cached_property
    def _cldr_index(self) -> dict[str, str]:
        from babel import Locale

        idx: dict[str, str] = {}
        for loc in NAME_LOCALES:
            territories = Locale.parse(loc).territories
            for iso2 in self.world.states:
                name = territories.get(iso2)
                if name:
                    for k in keys_for(name):
                        idx.setdefault(k, iso2)
        return idx

    def state(self, query: str) -> StateRec:
        q = query.strip()
        up = q.upper()
        if up in self.world.states:
            return self.world.states[up]
        if len(up) == 3:
            for s in self.world.states.values():
                if s.iso3 == up:
                    return s
        for k in keys_for(q):
            if k in self._state_index:
                return self.world.states[self._state_index[k]]
        for k in keys_for(q):
            if k in self._cldr_index:
                return self.world.states[self._cldr_index[k]]
        import countrynames

        code = countrynames.to_code(q, fuzzy=False)
        if code and code in self.world.states:
            return self.world.states[code]
        choices = {**self._cldr_index, **self._state_index}
        names: list[str] = []
        for key, _score, _ in process.extract(norm(q), list(choices), limit=10):
            st = self.world.states[choices[key]]
            label = f"{st.name} ({st.iso2})"
            if label not in names:
                names.append(label)
        raise LookupFailed("state", query, names[:3])
