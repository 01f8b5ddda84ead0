"""One sentence as the claim rules see it: its text, dates, states, persons and cues."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property

from warrantwatch.check.dates import DateSpan, find_dates
from warrantwatch.check.mentions import Mention, Names
from warrantwatch.check.sentences import Sentence
from warrantwatch.check.wording import Cues
from warrantwatch.law.world import World


@dataclass
class SentenceContext:
    sentence: Sentence
    world: World
    names: Names
    cues: Cues
    on: dt.date

    @property
    def text(self) -> str:
        return self.sentence.text

    @cached_property
    def dates(self) -> list[DateSpan]:
        return find_dates(self.text)

    @cached_property
    def states(self) -> list[Mention]:
        return self.names.states(self.text)

    @cached_property
    def persons(self) -> list[Mention]:
        return self.names.persons(self.text)

    def state_ids(self) -> list[str]:
        return list(dict.fromkeys(m.key for m in self.states))

    def person_ids(self) -> list[str]:
        return list(dict.fromkeys(m.key for m in self.persons))

    def has(self, pattern: re.Pattern[str]) -> bool:
        return pattern.search(self.text) is not None

    def last_cue_before(
        self, d: DateSpan, kinds: dict[str, re.Pattern[str]], dominant: str | None = None
    ) -> str | None:
        """The treaty act a date is given for: the last cue between the previous date and it,
        unless the ``dominant`` kind is there at all ("withdrew its signature" is a withdrawal)."""
        prev_end = max((o.end for o in self.dates if o.end <= d.start), default=0)
        segment = self.text[prev_end : d.start]
        if dominant and kinds[dominant].search(segment):
            return dominant
        best: tuple[int, str] | None = None
        for kind, pat in kinds.items():
            for m in pat.finditer(segment):
                if best is None or m.start() >= best[0]:
                    best = (m.start(), kind)
        return best[1] if best else None
