"""Scoring the scanner against a labelled set of texts (``benchmarks/devset/``).

A labelled text is one JSON line: ``text``, ``published``, ``language`` and
``expected``, a list of ``{person, destination, status, date}`` (``date`` null when
the text does not pin one). A trip is found when the scanner reports the same person
and destination; status and date are then compared on the found trips.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warrantwatch.monitor.model import Article, TripEvent
from warrantwatch.monitor.scanner import Scanner


@dataclass
class Labelled:
    id: str
    article: Article
    expected: list[dict[str, Any]]


def load(path: Path) -> list[Labelled]:
    out: list[Labelled] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            o = json.loads(line)
            out.append(
                Labelled(
                    id=o["id"],
                    article=Article(
                        text=o["text"],
                        published=dt.date.fromisoformat(o["published"])
                        if o.get("published")
                        else None,
                        language=o.get("language"),
                        url=o.get("url"),
                        title=o.get("title"),
                    ),
                    expected=o.get("expected", []),
                )
            )
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    status_right: int = 0
    dated: int = 0
    date_right: int = 0
    false_dates: int = 0
    errors: list[str] = field(default_factory=list)
    by_language: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0, 0])
    )

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.tp if self.tp else 1.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.dated if self.dated else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "trips_found": self.tp,
            "false_trips": self.fp,
            "missed_trips": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "status_accuracy": round(self.status_accuracy, 3),
            "date_accuracy": round(self.date_accuracy, 3),
            "dated_trips": self.dated,
            "dates_given_where_none_expected": self.false_dates,
            "by_language": {
                k: {"tp": v[0], "fp": v[1], "fn": v[2]} for k, v in sorted(self.by_language.items())
            },
        }


def score(scanner: Scanner, items: Iterable[Labelled]) -> Score:
    s = Score()
    for item in items:
        events = scanner.scan(item.article)
        got: dict[tuple[str, str], TripEvent] = {(e.person, e.destination_iso2): e for e in events}
        want = {(x["person"], x["destination"]): x for x in item.expected}
        lang = item.article.language or "?"
        for key, exp in want.items():
            ev = got.get(key)
            if ev is None:
                s.fn += 1
                s.by_language[lang][2] += 1
                s.errors.append(f"{item.id}: missed {key[0]} -> {key[1]}")
                continue
            s.tp += 1
            s.by_language[lang][0] += 1
            if ev.status == exp["status"]:
                s.status_right += 1
            else:
                s.errors.append(
                    f"{item.id}: {key[0]} -> {key[1]} status {ev.status}, expected {exp['status']}"
                )
            if exp.get("date"):
                s.dated += 1
                got_date = ev.start_date.isoformat() if ev.start_date else None
                if got_date == exp["date"]:
                    s.date_right += 1
                else:
                    s.errors.append(
                        f"{item.id}: {key[0]} -> {key[1]} date {got_date}, expected {exp['date']}"
                    )
            elif ev.start_date is not None:
                s.false_dates += 1
        for key in got.keys() - want.keys():
            s.fp += 1
            s.by_language[lang][1] += 1
            s.errors.append(f"{item.id}: false {key[0]} -> {key[1]} ({got[key].status})")
    return s
