"""Run every claim rule over every sentence of a statement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from warrantwatch.check.context import SentenceContext
from warrantwatch.check.mentions import Names
from warrantwatch.check.model import CheckResult, Claim
from warrantwatch.check.record_claims import (
    custody_claims,
    finding_claims,
    trip_claims,
    warrant_claims,
)
from warrantwatch.check.sentences import split
from warrantwatch.check.treaty_claims import count_claims, party_claims
from warrantwatch.check.wording import cues
from warrantwatch.law.world import World

RULES: tuple[Callable[[SentenceContext], Iterator[Claim]], ...] = (
    party_claims,
    count_claims,
    warrant_claims,
    custody_claims,
    trip_claims,
    finding_claims,
)

_NAMES: dict[int, Names] = {}


def names_for(world: World) -> Names:
    """The name index of a world, kept while that world is the one in use."""
    key = id(world)
    if key not in _NAMES:
        _NAMES.clear()
        _NAMES[key] = Names(world)
    return _NAMES[key]


def check_text(world: World, text: str, on: dt.date | None = None) -> CheckResult:
    """Every testable claim of ``text``, judged as of ``on`` (default today)."""
    day = on or dt.date.today()
    names = names_for(world)
    c = cues()
    claims: list[Claim] = []
    for s in split(text):
        ctx = SentenceContext(s, world, names, c, day)
        for rule in RULES:
            claims.extend(rule(ctx))
    return CheckResult(text=text, on=day.isoformat(), claims=tuple(claims))
