"""States and persons named in a sentence, from the knowledge base's names and CLDR's.

A name that belongs to more than one person (a shared surname) is not used: a claim
about the wrong person would be worse than no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from warrantwatch.law.world import World

#: CLDR locales whose country names are recognised (the statements' languages).
STATE_NAME_LOCALES = ("en", "fr")
#: Name kinds of a person that identify them in running text.
PERSON_NAME_KINDS = frozenset({"full", "short", "surname", "transliteration", "alias"})


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    key: str  # ISO alpha-2 for a state, the slug for a person


class Names:
    """One alternation per kind over every name; built once per knowledge base."""

    def __init__(self, world: World) -> None:
        self.world = world

    @cached_property
    def _states(self) -> tuple[re.Pattern[str], dict[str, str]]:
        from babel import Locale

        names: dict[str, str] = {}
        for s in self.world.states.values():
            for n in (s.name, *s.aliases):
                names.setdefault(n.lower(), s.iso2)
        for loc in STATE_NAME_LOCALES:
            terr = Locale.parse(loc).territories
            for iso2 in self.world.states:
                if iso2 in terr:
                    names.setdefault(terr[iso2].lower(), iso2)
        return _alternation(names), names

    @cached_property
    def _persons(self) -> tuple[re.Pattern[str], dict[str, str]]:
        owners: dict[str, set[str]] = {}
        for p in self.world.persons.values():
            variants = [p.name, *(n.name for n in p.names if n.kind in PERSON_NAME_KINDS)]
            # the slug's last part is the family name as the project spells it ("putin")
            variants.append(p.id.rsplit("-", 1)[-1].capitalize())
            for v in variants:
                if len(v) >= 4:
                    owners.setdefault(v.lower(), set()).add(p.id)
        names = {n: next(iter(ids)) for n, ids in owners.items() if len(ids) == 1}
        return _alternation(names), names

    def states(self, text: str) -> list[Mention]:
        return _find(*self._states, text)

    def persons(self, text: str) -> list[Mention]:
        return _find(*self._persons, text)


def _alternation(names: dict[str, str]) -> re.Pattern[str]:
    alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _find(pattern: re.Pattern[str], names: dict[str, str], text: str) -> list[Mention]:
    out = []
    for m in pattern.finditer(text):
        name = m.group(0)
        # a name in lower case in the text is usually a common word ("chad", "guinea pig")
        if name[:1].islower():
            continue
        out.append(Mention(m.start(), m.end(), names[name.lower()]))
    return out
