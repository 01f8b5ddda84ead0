"""Everything the engine may consult, gathered in one immutable snapshot.

The knowledge base builds a :class:`World` once; every question after that is
answered in memory, which keeps ``assess`` well under a millisecond.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from warrantwatch.law.records import (
    ArticleRec,
    AuthorityRec,
    ContactRec,
    FindingRec,
    OfficialRec,
    PersonRec,
    SituationRec,
    StateRec,
    TripRec,
)


@dataclass(frozen=True)
class World:
    states: dict[str, StateRec]
    persons: dict[str, PersonRec]
    situations: dict[str, SituationRec]
    trips: tuple[TripRec, ...] = ()
    findings: tuple[FindingRec, ...] = ()
    authorities: tuple[AuthorityRec, ...] = ()
    articles: dict[str, ArticleRec] = field(default_factory=dict)
    officials: tuple[OfficialRec, ...] = ()
    contacts: tuple[ContactRec, ...] = ()
    _trips_by_person: dict[str, list[TripRec]] = field(default_factory=dict, repr=False)
    _trips_by_state: dict[str, list[TripRec]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_person: dict[str, list[TripRec]] = defaultdict(list)
        by_state: dict[str, list[TripRec]] = defaultdict(list)
        for t in sorted(self.trips, key=lambda t: t.start):
            by_person[t.person].append(t)
            by_state[t.destination].append(t)
        self._trips_by_person.update(by_person)
        self._trips_by_state.update(by_state)

    def trips_of(self, person_id: str) -> list[TripRec]:
        return self._trips_by_person.get(person_id, [])

    def trips_to(self, iso2: str) -> list[TripRec]:
        return self._trips_by_state.get(iso2, [])

    def trip(self, trip_id: str | None) -> TripRec | None:
        if trip_id is None:
            return None
        return next((t for t in self.trips if t.id == trip_id), None)

    def findings_for_trip(self, trip_id: str) -> list[FindingRec]:
        return [f for f in self.findings if f.trip == trip_id]

    def authorities_on(self, topic: str) -> list[AuthorityRec]:
        return sorted((a for a in self.authorities if topic in a.topics), key=lambda a: a.date)

    def state_name(self, iso2: str | None) -> str:
        if iso2 is None:
            return ""
        st = self.states.get(iso2)
        return st.name if st else iso2

    def officials_of(self, iso2: str, on: dt.date | None = None) -> list[OfficialRec]:
        """The state's officials (holding office on ``on`` when given), by office and term."""
        out = [o for o in self.officials if o.state == iso2 and (on is None or o.held_on(on))]
        return sorted(out, key=lambda o: (o.office, o.start))

    def contacts_of(self, person_id: str) -> list[ContactRec]:
        return sorted((c for c in self.contacts if c.person == person_id), key=lambda c: c.date)

    def contacts_by(self, iso2: str) -> list[ContactRec]:
        """Contacts of the state's officials with persons subject to warrants."""
        return sorted((c for c in self.contacts if c.state == iso2), key=lambda c: c.date)

    def official(self, official_id: str | None) -> OfficialRec | None:
        if official_id is None:
            return None
        return next((o for o in self.officials if o.id == official_id), None)
