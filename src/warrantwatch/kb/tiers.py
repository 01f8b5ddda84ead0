"""Source tiers (1 best, 6 worst) from a source's address and publisher.

The rule is data (``data/sources/tiers.yaml``), reviewed like every other fact; this
module only applies it: the most specific host pattern decides, a publisher that calls
itself a copy lowers the tier to 6, and an unknown host is 6 until a reviewer places it.
Every front end orders sources by the tier stored with them, so a reader sees the
Court's record before a newspaper and a newspaper before a mirror.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from pydantic import Field, ValidationError, field_validator

from warrantwatch.kb.paths import bundled_data_dir
from warrantwatch.kb.schema import Strict

RULES_FILE = Path("sources") / "tiers.yaml"
WORST = 6
TIERS = range(1, WORST + 1)
_LABEL = re.compile(r"^(?:\*|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)$")


class TierRulesFile(Strict):
    """The shape of ``sources/tiers.yaml``."""

    tiers: dict[int, str]
    hosts: dict[str, int] = Field(default_factory=dict)
    copy_markers: list[str] = Field(default_factory=list)
    placeholder_titles: list[str] = Field(default_factory=list)

    @field_validator("tiers")
    @classmethod
    def _all_tiers(cls, v: dict[int, str]) -> dict[int, str]:
        if sorted(v) != list(TIERS):
            raise ValueError(f"tiers must describe exactly 1 to {WORST}, got {sorted(v)}")
        return v

    @field_validator("hosts")
    @classmethod
    def _patterns(cls, v: dict[str, int]) -> dict[str, int]:
        for pattern, tier in v.items():
            if tier not in TIERS:
                raise ValueError(f"{pattern}: tier {tier} is not 1 to {WORST}")
            if not all(_LABEL.match(label) for label in pattern.split(".")):
                raise ValueError(f"{pattern!r} is not a host pattern (labels or '*')")
        return v

    @field_validator("placeholder_titles")
    @classmethod
    def _regexes(cls, v: list[str]) -> list[str]:
        for rx in v:
            try:
                re.compile(rx)
            except re.error as exc:
                raise ValueError(f"{rx!r} is not a regular expression: {exc}") from exc
        return v


def _specificity(pattern: str) -> tuple[int, int]:
    labels = pattern.split(".")
    return (len(labels), -labels.count("*"))


def _matches(pattern: str, host_labels: list[str]) -> bool:
    labels = pattern.split(".")
    if len(labels) > len(host_labels):
        return False
    tail = host_labels[len(host_labels) - len(labels) :]
    return all(p in ("*", h) for p, h in zip(labels, tail, strict=True))


def host_of(url: str) -> str:
    """The lower-case host of ``url`` without ``www.`` or a trailing dot ('' if none)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").removeprefix("www.")


@dataclass(frozen=True)
class TierRules:
    """The tier rule, ready to apply."""

    descriptions: dict[int, str]
    hosts: tuple[tuple[str, int], ...]  # most specific first
    copy_markers: tuple[str, ...] = ()
    placeholders: tuple[re.Pattern[str], ...] = field(default=())

    @classmethod
    def from_file(cls, model: TierRulesFile) -> TierRules:
        ordered = sorted(model.hosts.items(), key=lambda kv: _specificity(kv[0]), reverse=True)
        return cls(
            descriptions=dict(model.tiers),
            hosts=tuple(ordered),
            copy_markers=tuple(m.lower() for m in model.copy_markers),
            placeholders=tuple(re.compile(rx) for rx in model.placeholder_titles),
        )

    def host_tier(self, url: str) -> tuple[int, str | None]:
        """The tier the address alone gives, and the pattern that gave it (None: unlisted)."""
        labels = host_of(url).split(".")
        for pattern, tier in self.hosts:
            if _matches(pattern, labels):
                return tier, pattern
        return WORST, None

    def tier(self, url: str, publisher: str = "") -> int:
        """The source's tier: its host's, or 6 when the publisher says it is a copy."""
        tier, _ = self.host_tier(url)
        name = publisher.lower()
        if any(marker in name for marker in self.copy_markers):
            return WORST
        return tier

    def is_placeholder(self, title: str) -> bool:
        """A bracketed description or a title made from the address, not the page's title."""
        return any(rx.search(title) for rx in self.placeholders)


class TierRulesError(ValueError):
    """The rule file is missing or malformed; the message names the file and the fault."""


def read_rules(path: Path) -> TierRules:
    """Read and validate a rule file, or raise :class:`TierRulesError`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return TierRules.from_file(TierRulesFile.model_validate(data))
    except (OSError, yaml.YAMLError) as exc:
        raise TierRulesError(f"{path}: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(top)"
        raise TierRulesError(f"{path}: {where}: {first['msg']}") from exc


def rules_path(data_dir: Path | None = None) -> Path:
    """The data directory's rule file, or the bundled one when it has none."""
    if data_dir is not None and (data_dir / RULES_FILE).is_file():
        return data_dir / RULES_FILE
    return bundled_data_dir() / RULES_FILE


@lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int) -> TierRules:
    return read_rules(Path(path))


def rules_for(data_dir: Path | None = None) -> TierRules:
    """The rules that apply to ``data_dir`` (cached until the file changes)."""
    path = rules_path(data_dir)
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TierRulesError(f"{path}: {exc.strerror}") from exc
    return _cached(str(path), mtime)


def tier_of(url: str, publisher: str = "", data_dir: Path | None = None) -> int:
    """Shorthand for sources the running system adds (review, editors) with the rules in force."""
    return rules_for(data_dir).tier(url, publisher)
