"""The plain records the legal engine reasons over.

The engine never touches a database or a file: the knowledge base hands it these
frozen dataclasses, each fact carrying its resolved sources, so every rule can be
tested with records built by hand in a few lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a fact was read: address, publisher, title, the page's date and its tier.

    ``tier`` runs from 1 (the Court's own record) to 6 (other pages, mirrors, copies), set
    by the knowledge base from a reviewed rule (``data/sources/tiers.yaml``). ``via`` is the
    page a primary document is known through when it was not read itself; ``symbol`` is the
    document's official symbol.
    """

    url: str
    publisher: str
    title: str
    date: dt.date | None = None
    accessed: dt.date | None = None
    tier: int = 6
    symbol: str | None = None
    via: SourceRef | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "url": self.url,
            "publisher": self.publisher,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "accessed": self.accessed.isoformat() if self.accessed else None,
            "tier": self.tier,
            "symbol": self.symbol,
            "via": self.via.as_dict() if self.via else None,
        }


def best_first(sources: Iterable[SourceRef]) -> list[SourceRef]:
    """Sources ordered by tier (best first), keeping their order within a tier."""
    return sorted(sources, key=lambda s: s.tier)


def only_tier6(sources: Iterable[SourceRef]) -> bool:
    """True when a fact rests on sources and every one of them is tier 6."""
    tiers = [s.tier for s in sources]
    return bool(tiers) and min(tiers) >= 6


Sources = tuple[SourceRef, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """Provenance shared by every sourced record."""

    sources: Sources = ()
    confidence: str = "high"
    note: str | None = None

    @property
    def verified(self) -> bool:
        return self.confidence != "low"


@dataclass(frozen=True, slots=True)
class TreatyActionRec:
    type: str
    date: dt.date
    later_date: dt.date | None = None
    fact: Fact = field(default_factory=Fact)
    effective_from: dt.date | None = None


@dataclass(frozen=True, slots=True)
class DeclarationRec:
    lodged: dt.date
    period_start: dt.date
    period_end: dt.date | None
    situation: str | None
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class StateRec:
    iso2: str
    iso3: str
    name: str
    un_status: str
    actions: tuple[TreatyActionRec, ...] = ()
    declarations: tuple[DeclarationRec, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SituationRec:
    id: str
    name: str
    icc_number: str | None
    territory: tuple[str, ...]
    triggers: tuple[str, ...]
    unsc_resolution: int | None = None
    unsc_resolution_date: dt.date | None = None
    unsc_bound_states: tuple[str, ...] = ()
    referring_states: tuple[str, ...] = ()
    investigation_opened: dt.date | None = None
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class ChargeRec:
    crime: str
    article: str
    category: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class WarrantRec:
    id: str
    kind: str
    situation: str
    issued: dt.date
    case: str | None = None
    chamber: str | None = None
    made_public: dt.date | None = None
    charges: tuple[ChargeRec, ...] = ()
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class CustodyRec:
    date: dt.date
    status: str
    warrant: str | None = None
    place: str | None = None
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class PositionRec:
    title: str
    role: str
    state: str | None
    start: dt.date | None
    end: dt.date | None
    fact: Fact = field(default_factory=Fact)

    def held_on(self, on: dt.date) -> bool:
        """Held on ``on``: started on or before it and not yet ended (end day inclusive)."""
        if self.start is None or self.start > on:
            return False
        return self.end is None or self.end >= on


@dataclass(frozen=True, slots=True)
class NameRec:
    name: str
    lang: str | None = None
    kind: str = "full"


@dataclass(frozen=True, slots=True)
class PersonRec:
    id: str
    name: str
    wikidata: str | None = None
    birth_date: dt.date | None = None
    nationality: tuple[str, ...] = ()
    names: tuple[NameRec, ...] = ()
    positions: tuple[PositionRec, ...] = ()
    warrants: tuple[WarrantRec, ...] = ()
    custody: tuple[CustodyRec, ...] = ()
    identity: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class TripRec:
    id: str
    person: str
    destination: str
    start: dt.date
    outcome: str
    end: dt.date | None = None
    place: str | None = None
    occasion: str | None = None
    precision: str = "day"
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class FindingRec:
    id: str
    state: str
    person: str
    decision_date: dt.date
    chamber: str
    summary: str
    trip: str | None = None
    referred_to: tuple[str, ...] = ()
    document: str | None = None
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class AuthorityRec:
    id: str
    kind: str
    body: str
    date: dt.date
    title: str
    topics: tuple[str, ...]
    summary: str
    document: str | None = None
    fact: Fact = field(default_factory=Fact)


#: The offices whose holders' contacts with persons subject to warrants are recorded.
OFFICES = ("head_of_state", "head_of_government", "foreign_minister")
#: Kinds of contact: a meeting (talks, a bilateral), a telephone or video call, a joint
#: appearance (a summit session, a ceremony, a joint statement), a letter or invitation.
CONTACT_KINDS = ("meeting", "call", "joint_appearance", "letter")


@dataclass(frozen=True, slots=True)
class OfficialRec:
    """One holder of one office of one state, for one term (``end`` None: still in office)."""

    id: str
    state: str
    office: str
    name: str
    start: dt.date
    end: dt.date | None = None
    names: tuple[str, ...] = ()
    fact: Fact = field(default_factory=Fact)
    #: A head of state who also heads the government (the office recorded once).
    heads_government: bool = False

    def held_on(self, on: dt.date) -> bool:
        return self.start <= on and (self.end is None or on <= self.end)

    def holds(self, office: str) -> bool:
        """Whether this term is of ``office``: a head of state who heads the government holds
        both."""
        return self.office == office or (office == "head_of_government" and self.heads_government)

    @property
    def office_key(self) -> str:
        """``office``, or ``head_of_state_and_government`` for a head of state who heads the
        government: the key of the words a reader is shown."""
        return "head_of_state_and_government" if self.heads_government else self.office


@dataclass(frozen=True, slots=True)
class ContactRec:
    """A recorded contact between a state's official and a person subject to a warrant."""

    id: str
    person: str
    state: str
    office: str
    kind: str
    date: dt.date
    official: str | None = None  # an OfficialRec id, when the knowledge base has them
    official_name: str | None = None
    place: str | None = None
    place_state: str | None = None
    occasion: str | None = None
    precision: str = "day"
    status: str = "occurred"  # occurred | planned | cancelled
    fact: Fact = field(default_factory=Fact)


@dataclass(frozen=True, slots=True)
class ArticleRec:
    """One article of the Rome Statute, verbatim."""

    number: str
    title: str
    text: str
