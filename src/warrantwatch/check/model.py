"""What a check returns: one claim per testable statement, each with its sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from warrantwatch.law.records import SourceRef

Verdict = Literal["agrees", "disagrees", "cannot check"]
#: Worst first: a sentence is shown with the worst verdict among its claims.
VERDICT_ORDER: tuple[Verdict, ...] = ("disagrees", "cannot check", "agrees")


@dataclass(frozen=True)
class Claim:
    """One testable statement in one sentence, and what the knowledge base says of it."""

    kind: str  # party_status, warrant_date, warrant_articles, ... (see docs/check.md)
    sentence: str
    start: int
    end: int
    claimed: str
    kb: str
    verdict: Verdict
    sources: tuple[SourceRef, ...] = ()
    note: str | None = None
    #: a fact compared is held with low confidence (no page read fully confirmed it)
    unverified: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "claimed": self.claimed,
            "kb": self.kb,
            "verdict": self.verdict,
            "note": self.note,
            "unverified": self.unverified,
            "sources": [s.as_dict() for s in self.sources],
        }


@dataclass(frozen=True)
class CheckResult:
    """The whole statement: its text (for highlighting) and the claims found in it."""

    text: str
    on: str
    claims: tuple[Claim, ...] = field(default_factory=tuple)

    def counts(self) -> dict[str, int]:
        return {v: sum(1 for c in self.claims if c.verdict == v) for v in VERDICT_ORDER}

    def as_dict(self) -> dict[str, Any]:
        return {
            "on": self.on,
            "counts": self.counts(),
            "claims": [c.as_dict() for c in self.claims],
        }


def worst(verdicts: list[Verdict]) -> Verdict:
    return min(verdicts, key=VERDICT_ORDER.index)


def unique_sources(*groups: tuple[SourceRef, ...]) -> tuple[SourceRef, ...]:
    seen: dict[str, SourceRef] = {}
    for g in groups:
        for s in g:
            seen.setdefault(s.url, s)
    return tuple(seen.values())
