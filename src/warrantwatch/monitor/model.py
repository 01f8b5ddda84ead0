"""What the monitor passes between its stages: articles in, trip events out.

These plain records are the contract between the scanner (text -> events) and the
monitor service (feeds, storage, grouping, alerts, review). Neither side reaches
into the other's internals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from warrantwatch import rounding

EventStatus = Literal["planned", "occurred", "cancelled", "arrest"]


@dataclass(frozen=True, slots=True)
class Article:
    """One news item to scan; ``published`` anchors relative dates ("on Thursday")."""

    text: str
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None


@dataclass(slots=True)
class TripEvent:
    """A trip a text reports: who, where, when, what state it is in, and the evidence."""

    person: str  # knowledge-base person id
    destination_iso2: str
    status: EventStatus
    evidence: str
    confidence: float
    place: str | None = None
    start_date: dt.date | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
    duty: dict[str, Any] | None = field(default=None)  # the engine's verdict, filled by the scanner
    known_trip: str | None = None  # id of the knowledge-base trip this report is about, if any

    def as_dict(self) -> dict[str, Any]:
        return {
            "person": self.person,
            "destination_iso2": self.destination_iso2,
            "place": self.place,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "status": self.status,
            "evidence": self.evidence,
            "confidence": rounding.confidence(self.confidence),
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "duty": self.duty,
            "known_trip": self.known_trip,
        }
