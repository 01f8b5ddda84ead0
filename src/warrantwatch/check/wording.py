"""The per-language wording of claims, read from ``wording.yaml`` (reviewed data)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDING_FILE = Path(__file__).with_name("wording.yaml")
FLAGS = re.IGNORECASE


def _any(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), FLAGS)


@dataclass(frozen=True)
class Cues:
    """Every language's patterns of one kind joined: a sentence is tried in all of them."""

    party: re.Pattern[str]
    negation: re.Pattern[str]
    since: re.Pattern[str]
    signed: re.Pattern[str]
    deposited: re.Pattern[str]
    in_force: re.Pattern[str]
    withdrawn: re.Pattern[str]
    warrant: re.Pattern[str]
    warrant_date_words: frozenset[str]
    warrant_issue_words: frozenset[str]
    chamber: tuple[re.Pattern[str], ...]
    count: tuple[re.Pattern[str], ...]
    custody: dict[str, re.Pattern[str]]
    trip: re.Pattern[str]
    trip_outcome: dict[str, re.Pattern[str]]
    finding: re.Pattern[str]
    statute: re.Pattern[str]
    status_link: re.Pattern[str]
    custody_agreement: dict[str, dict[str, frozenset[str]]]


def _union(langs: list[dict[str, Any]], key: str) -> list[str]:
    return [p for lang in langs for p in lang.get(key, [])]


def _by_label(langs: list[dict[str, Any]], key: str) -> dict[str, re.Pattern[str]]:
    labels: dict[str, list[str]] = {}
    for lang in langs:
        for label, pats in lang.get(key, {}).items():
            labels.setdefault(label, []).extend(pats)
    return {label: _any(pats) for label, pats in labels.items()}


@cache
def cues(path: Path = WORDING_FILE) -> Cues:
    """Compile the wording file once per process."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    langs = list(data["languages"].values())
    simple = {
        k: _any(_union(langs, k))
        for k in (
            "party",
            "negation",
            "since",
            "signed",
            "deposited",
            "in_force",
            "withdrawn",
            "warrant",
            "trip",
            "finding",
            "statute",
        )
    }
    agreement = {
        claim: {verdict: frozenset(statuses) for verdict, statuses in v.items()}
        for claim, v in data["custody_agreement"].items()
    }
    words = sorted({w for lang in langs for w in lang["status_link"]}, key=len, reverse=True)
    link_word = "|".join(re.escape(w) for w in words)
    return Cues(
        **simple,
        status_link=re.compile(rf"^[\s,]*(?:(?:{link_word})(?:\s+|\s*,\s*|(?<=['’])))*\s*$", FLAGS),
        warrant_date_words=frozenset(w.lower() for w in _union(langs, "warrant_date_words")),
        warrant_issue_words=frozenset(w.lower() for w in _union(langs, "warrant_issue_words")),
        chamber=tuple(re.compile(lang["chamber"]) for lang in langs),
        count=tuple(re.compile(p, FLAGS) for p in _union(langs, "count")),
        custody=_by_label(langs, "custody"),
        trip_outcome=_by_label(langs, "trip_outcome"),
        custody_agreement=agreement,
    )
