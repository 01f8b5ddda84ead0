"""The shape of the curated data files, as pydantic models.

The YAML files under ``warrantwatch/data`` are the single source of truth of the
knowledge base. These models are what ``warrantwatch data check`` validates them
against, and what the loader turns into database rows. Every record that states a
fact names at least one source by a key into the ``sources`` map of its own file,
so that a reviewer can follow each fact to the page it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Confidence = Literal["high", "medium", "low"]

ISO2 = re.compile(r"^[A-Z]{2}$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARTICLE_REF = re.compile(r"^\d+(?: bis| ter)?(?:\(\d+\))?(?:\([a-z]+\))*(?:\([ivxl]+\))*$")


class Strict(BaseModel):
    """Base for data-file models: unknown keys are typos, so they are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """A published page or document that a fact was read from.

    ``date`` is the page's own publication date; ``accessed`` is when it was read.
    One of the two must be known: an undated, unread page is no source.

    ``via`` marks a primary document (a decision, a depositary notification) that was not read
    itself but is known from another page that cites it: the key of that page in the same
    file. A reader is shown "cited through", never that the document was read. ``symbol`` is
    the document's official symbol (``ICC-02/05-01/09-1``, ``C.N.57.2023.TREATIES-XVIII.10``).
    """

    url: str
    publisher: str
    title: str
    date: dt.date | None = None
    accessed: dt.date | None = None
    via: str | None = None
    symbol: str | None = None

    @field_validator("url")
    @classmethod
    def _http_url(cls, v: str) -> str:
        if not re.match(r"^https?://[^\s/]+", v):
            raise ValueError(f"not an http(s) address: {v!r}")
        return v

    @model_validator(mode="after")
    def _dated(self) -> Source:
        if self.date is None and self.accessed is None:
            raise ValueError("a source needs its publication date or the date it was accessed")
        return self


class Sourced(Strict):
    """A fact with its sources (keys into the file's ``sources`` map)."""

    sources: list[str] = Field(min_length=1)
    confidence: Confidence = "high"
    note: str | None = None

    @property
    def verified(self) -> bool:
        """A ``low`` fact is one no retrieved page fully confirmed; shown as unverified."""
        return self.confidence != "low"


# --- states -----------------------------------------------------------------

ActionType = Literal[
    "signature",
    "ratification",
    "acceptance",
    "approval",
    "accession",
    "succession",
    "signature_withdrawn",  # notice of intention not to become a party (US 2002, RU 2016)
    "instrument_withdrawn",  # instrument withdrawn before entry into force (MY 2019)
    "withdrawal_announced",  # announced, not shown to have been notified to the UN
    "withdrawal_notified",  # art. 127(1) notification received by the Secretary-General
    "withdrawal_revoked",  # a notified withdrawal rescinded before it took effect
]

DEPOSIT_TYPES: frozenset[str] = frozenset(
    {"ratification", "acceptance", "approval", "accession", "succession"}
)


class TreatyAction(Sourced):
    """One act of a state towards the Rome Statute, on the date the depositary received it."""

    type: ActionType
    date: dt.date
    later_date: dt.date | None = Field(
        default=None,
        description="withdrawal_notified only: a later effective date named in the notification",
    )
    effective_from: dt.date | None = Field(
        default=None,
        description="succession only: the date from which the successor declares itself bound "
        "(its independence), which replaces the art. 126 computation",
    )

    @model_validator(mode="after")
    def _fields_for_type(self) -> TreatyAction:
        if self.later_date is not None and self.type != "withdrawal_notified":
            raise ValueError("later_date belongs only to a withdrawal notification")
        if self.effective_from is not None and self.type != "succession":
            raise ValueError("effective_from belongs only to a succession")
        return self


class Declaration(Sourced):
    """A declaration under art. 12(3) accepting the Court's jurisdiction ad hoc."""

    lodged: dt.date
    period_start: dt.date
    period_end: dt.date | None = None
    situation: str | None = None

    @model_validator(mode="after")
    def _period(self) -> Declaration:
        if self.period_end is not None and self.period_end < self.period_start:
            raise ValueError("declaration period ends before it starts")
        return self


UNStatus = Literal["member", "observer", "non_member"]


class State(Strict):
    """A state, with its Rome Statute record; names in other languages come from CLDR."""

    iso2: str
    iso3: str
    name: str
    un_status: UNStatus
    aliases: list[str] = Field(default_factory=list)
    actions: list[TreatyAction] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("iso2")
    @classmethod
    def _iso2(cls, v: str) -> str:
        if not ISO2.match(v):
            raise ValueError(f"ISO 3166-1 alpha-2 code expected, got {v!r}")
        return v

    @field_validator("iso3")
    @classmethod
    def _iso3(cls, v: str) -> str:
        if not re.match(r"^[A-Z]{3}$", v):
            raise ValueError(f"ISO 3166-1 alpha-3 code expected, got {v!r}")
        return v


class StatesFile(Strict):
    sources: dict[str, Source]
    states: list[State]


# --- situations ---------------------------------------------------------------

Trigger = Literal["state_referral", "proprio_motu", "unsc_referral", "art_12_3_declaration"]


class Situation(Sourced):
    """A situation under investigation, and how the Court's jurisdiction was triggered."""

    id: str
    icc_number: str | None = None
    name: str
    territory: list[str] = Field(min_length=1)
    triggers: list[Trigger] = Field(min_length=1)
    referring_states: list[str] = Field(default_factory=list)
    unsc_resolution: int | None = None
    unsc_resolution_date: dt.date | None = None
    unsc_bound_states: list[str] = Field(
        default_factory=list,
        description="states the resolution itself obliges to cooperate fully with the Court",
    )
    investigation_opened: dt.date | None = None

    @model_validator(mode="after")
    def _unsc(self) -> Situation:
        if "unsc_referral" in self.triggers and self.unsc_resolution is None:
            raise ValueError("a Security Council referral needs its resolution number")
        return self


class SituationsFile(Strict):
    sources: dict[str, Source]
    situations: list[Situation]


# --- persons ------------------------------------------------------------------

NameKind = Literal["full", "surname", "short", "alias", "transliteration", "inflection"]


class Name(Strict):
    """A way the person is written in some language and script, for search and matching."""

    name: str
    lang: str | None = None
    kind: NameKind = "full"


Role = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "minister",
    "military_commander",
    "official",
    "armed_group_leader",
    "other",
]


class Position(Sourced):
    title: str
    role: Role
    state: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None


CrimeCategory = Literal[
    "genocide",
    "crime_against_humanity",
    "war_crime",
    "aggression",
    "administration_of_justice",
]


class Charge(Strict):
    crime: str
    article: str
    category: CrimeCategory
    mode: str | None = None

    @field_validator("article")
    @classmethod
    def _article(cls, v: str) -> str:
        if not ARTICLE_REF.match(v):
            raise ValueError(f"article reference like '8(2)(a)(vii)' expected, got {v!r}")
        return v


WarrantKind = Literal["arrest_warrant", "summons"]


class Warrant(Sourced):
    id: str
    kind: WarrantKind = "arrest_warrant"
    situation: str
    case: str | None = None
    issued: dt.date
    chamber: str | None = None
    made_public: dt.date | None = None
    charges: list[Charge] = Field(default_factory=list)

    @model_validator(mode="after")
    def _public(self) -> Warrant:
        if self.made_public is not None and self.made_public < self.issued:
            raise ValueError("a warrant cannot be made public before it is issued")
        return self


CustodyStatus = Literal[
    "at_large",
    "arrested",  # arrested for the ICC, not yet surrendered
    "surrendered",  # in the Court's custody
    "appeared",  # appeared voluntarily on a summons
    "in_national_custody",  # held by a state on its own account, not surrendered
    "released",  # released (interim release, acquittal, sentence served)
    "convicted",
    "acquitted",
    "deceased",
    "warrant_withdrawn",
    "proceedings_terminated",
]


class CustodyEvent(Sourced):
    date: dt.date
    status: CustodyStatus
    warrant: str | None = Field(default=None, description="the warrant concerned; all if omitted")
    place: str | None = None


class Person(Strict):
    id: str
    name: str
    wikidata: str | None = None
    birth_date: dt.date | None = None
    nationality: list[str] = Field(default_factory=list)
    names: list[Name] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    warrants: list[Warrant] = Field(min_length=1)
    custody: list[CustodyEvent] = Field(default_factory=list)
    sources: dict[str, Source]
    identity_sources: list[str] = Field(
        default_factory=list, description="sources for name, birth date and Wikidata id"
    )
    note: str | None = None

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(f"lower-case slug expected, got {v!r}")
        return v

    @field_validator("wikidata")
    @classmethod
    def _qid(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^Q\d+$", v):
            raise ValueError(f"Wikidata id like 'Q7747' expected, got {v!r}")
        return v


# --- trips, findings, authorities ----------------------------------------------

TripOutcome = Literal["planned", "not_arrested", "arrested", "cancelled", "did_not_attend"]
DatePrecision = Literal["day", "month", "year"]


class Trip(Sourced):
    id: str
    person: str
    destination: str
    place: str | None = None
    occasion: str | None = None
    start: dt.date
    end: dt.date | None = None
    precision: DatePrecision = "day"
    outcome: TripOutcome

    @model_validator(mode="after")
    def _order(self) -> Trip:
        if self.end is not None and self.end < self.start:
            raise ValueError("a trip cannot end before it starts")
        return self


Referral = Literal["asp", "unsc"]


class Finding(Sourced):
    """A Chamber's decision under art. 87(7) that a state failed to cooperate."""

    id: str
    state: str
    person: str
    trip: str | None = None
    decision_date: dt.date
    chamber: str
    referred_to: list[Referral] = Field(default_factory=list)
    document: str | None = None
    summary: str


AuthorityKind = Literal["judgment", "decision", "resolution", "statement", "report"]


class Authority(Sourced):
    """A ruling, resolution or statement the engine cites (immunity, ASP calls ...)."""

    id: str
    kind: AuthorityKind
    body: str
    date: dt.date
    title: str
    topics: list[str] = Field(min_length=1)
    summary: str
    document: str | None = None


Office = Literal["head_of_state", "head_of_government", "foreign_minister"]


class Official(Sourced):
    """One holder of one office of one state for one term: the people whose contacts with
    persons subject to warrants are recorded (``records/officials.yaml``).

    ``end`` is absent while the holder is in office. ``names`` are the other spellings news
    uses (other scripts, the surname alone) that the scanner looks for. A term known only to
    the month or year gives its first day and ``start_precision``.

    ``heads_government`` marks a head of state who also heads the government (a president in
    a presidential system): the office is recorded once, and the state counts as having a
    head of government while the term runs. Only a ``head_of_state`` row may carry it, and its
    ``sources`` include a page showing that the holder heads the government.
    """

    id: str
    state: str
    office: Office
    name: str
    names: list[str] = Field(default_factory=list)
    title: str | None = None
    start: dt.date
    start_precision: DatePrecision = "day"
    end: dt.date | None = None
    heads_government: bool = False

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str) -> str:
        if not SLUG.match(v):
            raise ValueError(f"not a slug: {v!r}")
        return v

    @model_validator(mode="after")
    def _term(self) -> Official:
        if self.end is not None and self.end < self.start:
            raise ValueError("a term cannot end before it starts")
        if self.heads_government and self.office != "head_of_state":
            raise ValueError(
                f"heads_government is only for a head_of_state row (this one is {self.office})"
            )
        return self

    def holds(self, office: str) -> bool:
        """Whether this term is of ``office``: a head of state who heads the government holds
        both."""
        return self.office == office or (office == "head_of_government" and self.heads_government)


ContactKind = Literal["meeting", "call", "joint_appearance", "letter"]
ContactStatus = Literal["occurred", "planned", "cancelled"]


class Contact(Sourced):
    """A contact of a state's official with a person subject to a warrant: a meeting, a
    call, a joint appearance (a summit session, a ceremony) or a letter or invitation.

    ``state`` is the official's state; ``place``/``place_state`` where it happened (absent
    for a call). ``official`` names a record of ``officials``; ``official_name`` is used
    where the knowledge base has no such record. Whether a contact was essential is not
    recorded: the knowledge base reports contacts and judges none.
    """

    id: str
    person: str
    state: str
    office: Office
    official: str | None = None
    official_name: str | None = None
    kind: ContactKind
    date: dt.date
    precision: DatePrecision = "day"
    status: ContactStatus = "occurred"
    place: str | None = None
    place_state: str | None = None
    occasion: str | None = None

    @model_validator(mode="after")
    def _who(self) -> Contact:
        if self.official is None and self.official_name is None:
            raise ValueError("a contact names its official (official or official_name)")
        return self


class RecordsFile(Strict):
    sources: dict[str, Source]
    trips: list[Trip] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    authorities: list[Authority] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)


class Assertions(Strict):
    """Minimum counts the data must meet, so that an incomplete table fails the build."""

    min_un_members: int = 0
    min_observers: int = 0
    required_states: list[str] = Field(default_factory=list)
    min_persons: int = 0
    min_trips: int = 0
    min_findings: int = 0
