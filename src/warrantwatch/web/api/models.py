"""Response models of the JSON API, one per use case, so the OpenAPI schema says exactly
what each endpoint returns (and the tests check the payloads against them)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

StateStatus = Literal["non_party", "not_yet_party", "party", "withdrawn"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProblemOut(Out):
    parameter: str
    problem: str


class ErrorOut(Out):
    error: str = Field(
        description="Machine-readable kind: not_found, ambiguous, invalid_parameter …"
    )
    detail: str = Field(description="One line for a human.")
    suggestions: list[str] = Field(default_factory=list, description="Closest valid choices.")
    errors: list[ProblemOut] = Field(
        default_factory=list, description="For malformed parameters: each one and its problem."
    )


class Page(Out, Generic[T]):
    items: list[T]
    total: int = Field(description="Items matching the filters, across all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="Address of the next page, if any.")


class CitingPageOut(Out):
    url: str
    publisher: str
    title: str
    date: dt.date | None
    accessed: dt.date | None
    tier: int = Field(6, description="1 the Court's record ... 6 other pages and copies.")
    symbol: str | None = None
    via: None = None


class SourceOut(Out):
    url: str
    publisher: str
    title: str
    date: dt.date | None
    accessed: dt.date | None
    tier: int = Field(
        6,
        description="1 the Court's own record, 2 the UN and its depositary, 3 governments and "
        "intergovernmental bodies, 4 wires and established media, 5 NGOs and academic work, "
        "6 other pages, mirrors and copies (data/sources/tiers.yaml).",
    )
    symbol: str | None = Field(None, description="The document's official symbol.")
    via: CitingPageOut | None = Field(
        None, description="The page this document is cited through: it was not read itself."
    )


class ChargeOut(Out):
    crime: str
    article: str
    category: str
    mode: str | None = None


class PersonItem(Out):
    id: str
    name: str
    custody_status: str
    first_warrant: dt.date | None = Field(
        description="The first arrest warrant; a summons to appear is not one."
    )
    first_summons: dt.date | None = Field(
        None, description="The first summons to appear, if any (not a warrant)."
    )
    situations: list[str]
    outstanding_warrants: int


class NameOut(Out):
    name: str
    lang: str | None
    kind: str


class PositionOut(Out):
    title: str
    role: str
    state: str | None
    state_name: str | None = Field(None, description="The state's name (``state`` is its code).")
    start: dt.date | None
    end: dt.date | None
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")


class PersonWarrantOut(Out):
    id: str
    kind: str
    situation: str
    case: str | None
    issued: dt.date
    chamber: str | None
    made_public: dt.date | None
    outstanding: bool
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")
    charges: list[ChargeOut]


class CustodyOut(Out):
    date: dt.date
    status: str
    warrant: str | None
    place: str | None
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")


class PersonTripOut(Out):
    id: str
    state: str
    iso2: str
    start: dt.date
    end: dt.date | None
    precision: str
    place: str | None
    occasion: str | None
    outcome: str
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")


class ContactItem(Out):
    """A contact of a state's official with a person subject to a warrant."""

    id: str
    person: str
    state: str = Field(description="The official's state (ISO 3166-1 alpha-2).")
    state_name: str
    office: str = Field(description="head_of_state, head_of_government or foreign_minister.")
    office_words: str = Field(
        "",
        description="The office in English words; 'head of state and government' for a head "
        "of state who also heads the government.",
    )
    official: str | None = Field(description="Knowledge-base official id, when recorded.")
    official_name: str | None
    kind: str = Field(description="meeting, call, joint_appearance or letter.")
    status: str = Field(description="occurred, planned or cancelled.")
    date: dt.date
    precision: str
    place: str | None
    place_state: str | None
    occasion: str | None
    state_status: str = Field(description="The state's Rome Statute status on the day.")
    confidence: str
    verified: bool
    note: str | None
    sources: list[SourceOut]


class PolicyAuthorityOut(Out):
    id: str
    body: str
    date: dt.date
    title: str
    summary: str = Field("", description="What the authority says, paraphrased in the data.")
    verified: bool = Field(True, description="False while no page read confirms its content.")
    sources: list[SourceOut]


class ContactPolicyOut(Out):
    authorities: list[PolicyAuthorityOut] = Field(
        description="The authorities on contacts recorded in the knowledge base, by id."
    )
    note: str = Field(description="Warrant Watch reports contacts; it judges none essential.")


class PersonDetail(Out):
    id: str
    name: str
    on: dt.date
    wikidata: str | None
    birth_date: dt.date | None
    nationality: list[str]
    custody_status: str
    outstanding_warrants: list[str]
    names: list[NameOut]
    positions: list[PositionOut]
    warrants: list[PersonWarrantOut]
    custody: list[CustodyOut]
    trips: list[PersonTripOut]
    contacts: list[ContactItem] = Field(
        default_factory=list, description="Contacts with states' officials since the warrant."
    )
    contact_policy: ContactPolicyOut | None = None
    sources: list[SourceOut]


class WarrantItem(PersonWarrantOut):
    person_id: str
    person_name: str
    situation_name: str | None
    sources: list[SourceOut]


class StateItem(Out):
    iso2: str
    iso3: str
    name: str
    un_status: str
    on: dt.date
    state_status: StateStatus
    signed: dt.date | None
    signature_withdrawn: dt.date | None
    deposited: dt.date | None
    deposit_type: str | None
    party_since: dt.date | None
    withdrawal_notified: dt.date | None
    withdrawal_effective: dt.date | None
    withdrawal_announced: dt.date | None
    pending_withdrawal: bool


class ActionOut(Out):
    type: str
    date: dt.date
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")
    confidence: str
    note: str | None
    sources: list[SourceOut]
    entry_into_force: dt.date | None = None
    takes_effect: dt.date | None = None


class DeclarationOut(Out):
    lodged: dt.date
    period_start: dt.date
    period_end: dt.date | None
    situation: str | None
    verified: bool


class FindingOut(Out):
    id: str
    person: str
    trip: str | None
    decision_date: dt.date
    chamber: str
    summary: str
    referred_to: list[str]
    verified: bool


class OwedOut(Out):
    id: str
    name: str
    warrants: list[str]
    bases: list[str]


class StateDetail(StateItem):
    actions: list[ActionOut]
    declarations: list[DeclarationOut]
    owes: list[OwedOut] = Field(description="Persons the state must arrest and surrender on `on`.")
    findings: list[FindingOut]
    contacts: list[ContactItem] = Field(
        default_factory=list,
        description="Contacts of the state's officials with persons subject to warrants.",
    )
    contact_policy: ContactPolicyOut | None = None
    sources: list[SourceOut]


class WarrantDutyOut(Out):
    id: str
    kind: str
    issued: dt.date
    chamber: str | None
    situation: str
    situation_name: str | None
    sealed_on_date: bool
    charges: list[ChargeOut]
    basis: list[str]
    reasons: list[str]
    verified: bool


class Ref(Out):
    id: str
    name: str


class StateRef(Out):
    iso2: str
    name: str


class AssessmentOut(Out):
    """Exactly ``Assessment.as_dict()``: the JSON of ``warrantwatch assess --format json``."""

    person: Ref
    state: StateRef
    on: dt.date
    state_status: StateStatus
    party_since: dt.date | None
    withdrawal_notified: dt.date | None
    withdrawal_effective: dt.date | None
    pending_withdrawal: bool
    custody_status: str
    outstanding_warrants: list[WarrantDutyOut]
    duty: Literal["binding", "none"]
    basis: list[str]
    contested: list[dict[str, Any]]
    immunity: dict[str, Any]
    precedents: list[dict[str, Any]]
    expected_conduct: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    explanation: str
    caveats: list[str]
    #: the recorded trip of this person to this state around the date (issue 12), or null
    visit: dict[str, Any] | None = None
    sources: list[SourceOut]


class WhereStateOut(Out):
    iso2: str
    name: str
    state_status: StateStatus
    must_arrest: bool
    basis: str = Field(
        description="The group: state_party, art_12_3_declaration, unsc_referral, "
        "art_127_2_continuing, or none."
    )
    bases: list[str] = Field(description="Every basis on which the state is bound.")
    warrants: list[str] = Field(description="The outstanding warrants it must execute.")


class WhereOut(Out):
    """Exactly ``WhereAnswer.as_dict()``: the JSON of ``warrantwatch where --format json``."""

    person: Ref
    on: dt.date
    custody_status: str
    outstanding_warrants: list[str]
    sealed_warrants: list[str] = Field(description="Outstanding but under seal on the date.")
    caveats: list[str] = Field(
        default_factory=list,
        description="What to know before relying on the split: a future date, a withdrawal "
        "announced but not notified.",
    )
    counts: dict[str, int]
    states: list[WhereStateOut]


class TripFindingOut(Out):
    id: str
    decision_date: dt.date
    chamber: str


class TripItem(Out):
    id: str
    person_id: str
    person: str
    iso2: str
    state: str
    start: dt.date
    end: dt.date | None
    precision: str
    place: str | None
    occasion: str | None
    outcome: str
    outcome_words: str | None = Field(
        None, description="The outcome in words as of today (a past planned trip says so)."
    )
    host_status: str
    bound: bool = Field(description="The host had to arrest the person on the trip's first day.")
    verified: bool
    tier6_only: bool = Field(False, description="Every source of this fact is tier 6.")
    findings: list[TripFindingOut]
    sources: list[SourceOut]


class ReportOut(Out):
    """One report of a trip in one article, as the monitor found it."""

    id: int
    status: str
    place: str | None
    start_date: dt.date | None
    evidence: str = Field(description="Text quoted from the article, as found (not sanitised).")
    confidence: float
    language: str | None
    published: dt.date | None
    rejected: bool
    url: str | None
    title: str | None


class EventItem(ReportOut):
    trip_id: int | None
    person_id: str
    destination: str
    created_at: dt.datetime


class AlertItem(Out):
    id: int
    trip_id: int
    reason: str
    title: str
    body: str
    created_at: dt.datetime
    delivered_at: dt.datetime | None


class ReviewTripOut(Out):
    id: int
    person_id: str
    destination: str
    place: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    outcome: str | None
    occasion: str | None
    confidence: float
    first_seen_at: dt.datetime
    updated_at: dt.datetime
    review_status: str = Field(
        description="pending, changed (confirmed, then the news moved it), confirmed or rejected."
    )
    reviewed_by: str | None
    reviewed_at: dt.datetime | None
    bound: bool | None = Field(description="The host would have to arrest the person then.")
    version: int
    kb_trip_id: str | None = Field(description="The knowledge-base trip, once confirmed.")
    events: list[ReportOut]


ReviewOutcome = Literal["planned", "not_arrested", "arrested", "cancelled", "did_not_attend"]


class ReviewChanges(BaseModel):
    """Fields an editor corrects; the ones left out keep their value."""

    model_config = ConfigDict(extra="forbid")

    destination: str | None = Field(
        default=None, pattern="^[A-Za-z]{2}$", description="Host state, ISO 3166-1 alpha-2."
    )
    place: str | None = Field(default=None, max_length=200)
    occasion: str | None = Field(default=None, max_length=500)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    outcome: ReviewOutcome | None = None


class ReviewIn(BaseModel):
    """A review decision: a reason (needed to reject; a note when confirming) and, to
    correct, the changes."""

    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(default=None, max_length=2000)
    changes: ReviewChanges | None = None
