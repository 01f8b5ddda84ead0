"""Database tables of the knowledge base (SQLAlchemy 2, typed declarative mapping).

Curated facts are rebuilt from the data files on load; rows the running system adds
itself (``origin`` other than ``curated``) are kept across rebuilds. Provenance is a
separate link table, so that any fact in any table can carry any number of sources,
the way FollowTheMoney attaches a dataset to every statement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Meta(Base):
    """Key/value facts about the database itself (data fingerprint, build time)."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(2000), unique=True)
    publisher: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(Text)
    date: Mapped[dt.date | None] = mapped_column(Date)
    accessed: Mapped[dt.date | None] = mapped_column(Date)
    #: 1 (the Court's own record) to 6 (other pages, mirrors): kb/tiers.py, migration 0006
    tier: Mapped[int] = mapped_column(Integer, default=6)
    symbol: Mapped[str | None] = mapped_column(String(200))
    #: the page this document is known through, when it was not read itself
    via_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL"), nullable=True
    )


class FactSource(Base):
    """Links one fact (table name + key) to one source."""

    __tablename__ = "fact_sources"
    fact_table: Mapped[str] = mapped_column(String(40), primary_key=True)
    fact_key: Mapped[str] = mapped_column(String(200), primary_key=True)
    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    #: the key the data file cited the source by, so an export keeps it (migration 0006)
    cite_key: Mapped[str | None] = mapped_column(String(200))


class KbEdit(Base):
    """One change an editor made to the record (site or CLI), kept as an overlay.

    The data files stay the base; every rebuild re-applies these in order
    (:mod:`warrantwatch.kb.edits`), so an edit survives a reload until an export carries it
    into the files, after which applying it again finds it there and changes nothing.
    ``before``/``after`` are the fact's fields in the data-file shape; ``source`` the page
    the change rests on.
    """

    __tablename__ = "kb_edits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    editor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # add, correct, retract
    kind: Mapped[str] = mapped_column(String(30))
    target: Mapped[str] = mapped_column(String(300))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    #: where it came from: "editor", or "watcher:<name>" when accepted from the review queue
    origin: Mapped[str] = mapped_column(String(60), default="editor")


class Provenance:
    """Columns every sourced fact has."""

    confidence: Mapped[str] = mapped_column(String(10), default="high")
    note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="curated")


class StateRow(Base):
    __tablename__ = "states"
    iso2: Mapped[str] = mapped_column(String(2), primary_key=True)
    iso3: Mapped[str] = mapped_column(String(3), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    un_status: Mapped[str] = mapped_column(String(20))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class TreatyActionRow(Provenance, Base):
    __tablename__ = "treaty_actions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_iso2: Mapped[str] = mapped_column(ForeignKey("states.iso2", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(String(40))
    date: Mapped[dt.date] = mapped_column(Date)
    later_date: Mapped[dt.date | None] = mapped_column(Date)
    effective_from: Mapped[dt.date | None] = mapped_column(Date)


class DeclarationRow(Provenance, Base):
    __tablename__ = "declarations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    state_iso2: Mapped[str] = mapped_column(ForeignKey("states.iso2", ondelete="CASCADE"))
    lodged: Mapped[dt.date] = mapped_column(Date)
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    situation_id: Mapped[str | None] = mapped_column(String(60))


class SituationRow(Provenance, Base):
    __tablename__ = "situations"
    id: Mapped[str] = mapped_column(String(60), primary_key=True)
    icc_number: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    territory: Mapped[list[str]] = mapped_column(JSON)
    triggers: Mapped[list[str]] = mapped_column(JSON)
    referring_states: Mapped[list[str]] = mapped_column(JSON, default=list)
    unsc_resolution: Mapped[int | None] = mapped_column(Integer)
    unsc_resolution_date: Mapped[dt.date | None] = mapped_column(Date)
    unsc_bound_states: Mapped[list[str]] = mapped_column(JSON, default=list)
    investigation_opened: Mapped[dt.date | None] = mapped_column(Date)


class PersonRow(Base):
    __tablename__ = "persons"
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    wikidata: Mapped[str | None] = mapped_column(String(20))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    nationality: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)


class PersonNameRow(Base):
    __tablename__ = "person_names"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(300))
    lang: Mapped[str | None] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20), default="full")


class PositionRow(Provenance, Base):
    __tablename__ = "positions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(500))
    role: Mapped[str] = mapped_column(String(40))
    state: Mapped[str | None] = mapped_column(String(2))
    start: Mapped[dt.date | None] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)


class WarrantRow(Provenance, Base):
    __tablename__ = "warrants"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    situation_id: Mapped[str] = mapped_column(String(60))
    case: Mapped[str | None] = mapped_column(String(100))
    issued: Mapped[dt.date] = mapped_column(Date)
    chamber: Mapped[str | None] = mapped_column(String(200))
    made_public: Mapped[dt.date | None] = mapped_column(Date)


class ChargeRow(Base):
    __tablename__ = "charges"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    warrant_id: Mapped[str] = mapped_column(ForeignKey("warrants.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    crime: Mapped[str] = mapped_column(Text)
    article: Mapped[str] = mapped_column(String(40))
    category: Mapped[str] = mapped_column(String(40))
    mode: Mapped[str | None] = mapped_column(String(200))


class CustodyRow(Provenance, Base):
    __tablename__ = "custody_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    warrant_id: Mapped[str | None] = mapped_column(String(120))
    date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(40))
    place: Mapped[str | None] = mapped_column(String(300))


class TripRow(Provenance, Base):
    __tablename__ = "trips"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(100), index=True)
    destination: Mapped[str] = mapped_column(String(2), index=True)
    place: Mapped[str | None] = mapped_column(String(300))
    occasion: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(10), default="day")
    outcome: Mapped[str] = mapped_column(String(30))


class FindingRow(Provenance, Base):
    __tablename__ = "findings"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    state: Mapped[str] = mapped_column(String(2), index=True)
    person_id: Mapped[str] = mapped_column(String(100))
    trip_id: Mapped[str | None] = mapped_column(String(160))
    decision_date: Mapped[dt.date] = mapped_column(Date)
    chamber: Mapped[str] = mapped_column(String(200))
    referred_to: Mapped[list[str]] = mapped_column(JSON, default=list)
    document: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)


class AuthorityRow(Provenance, Base):
    __tablename__ = "authorities"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(String(300))
    date: Mapped[dt.date] = mapped_column(Date)
    title: Mapped[str] = mapped_column(Text)
    topics: Mapped[list[str]] = mapped_column(JSON)
    summary: Mapped[str] = mapped_column(Text)
    document: Mapped[str | None] = mapped_column(String(200))


class OfficialRow(Provenance, Base):
    """A state's head of state, head of government or foreign minister, for one term
    (migration 0007)."""

    __tablename__ = "officials"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    state: Mapped[str] = mapped_column(String(2), index=True)
    office: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(String(300))
    names: Mapped[list[str]] = mapped_column(JSON, default=list)
    title: Mapped[str | None] = mapped_column(Text)
    start: Mapped[dt.date] = mapped_column(Date)
    start_precision: Mapped[str] = mapped_column(String(10), default="day")
    end: Mapped[dt.date | None] = mapped_column(Date)
    # a head of state who also heads the government (migration 0010)
    heads_government: Mapped[bool] = mapped_column(Boolean, default=False)


class ContactRow(Provenance, Base):
    """A contact of a state's official with a person subject to a warrant: curated, or
    confirmed in review (``origin`` "review"; migration 0007)."""

    __tablename__ = "contacts"
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(100), index=True)
    state: Mapped[str] = mapped_column(String(2), index=True)
    office: Mapped[str] = mapped_column(String(30))
    official_id: Mapped[str | None] = mapped_column(String(160))
    official_name: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))
    date: Mapped[dt.date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(10), default="day")
    status: Mapped[str] = mapped_column(String(20), default="occurred")
    place: Mapped[str | None] = mapped_column(String(300))
    place_state: Mapped[str | None] = mapped_column(String(2))
    occasion: Mapped[str | None] = mapped_column(Text)


class ArticleRow(Base):
    __tablename__ = "articles"
    number: Mapped[str] = mapped_column(String(10), primary_key=True)
    part: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)


Index("ix_custody_person", CustodyRow.person_id)
Index("ix_warrant_person", WarrantRow.person_id)

#: Tables holding curated facts, children before parents (the order to clear them in).
CURATED_TABLES: tuple[type[Base], ...] = (
    ChargeRow,
    CustodyRow,
    WarrantRow,
    PositionRow,
    PersonNameRow,
    PersonRow,
    TreatyActionRow,
    DeclarationRow,
    StateRow,
    SituationRow,
    FindingRow,
    AuthorityRow,
    OfficialRow,
    ArticleRow,
)


class KbProposal(Base):
    """A change a watcher proposes from the Court's or the depositary's publications.

    Waits in the review queue until an editor accepts it (it becomes a :class:`KbEdit`,
    ``edit_id``) or rejects it; ``fingerprint`` keeps a watcher from proposing the same
    item twice.
    """

    __tablename__ = "kb_proposals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    watcher: Mapped[str] = mapped_column(String(100))
    found_at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text)
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    edit_id: Mapped[int | None] = mapped_column(Integer)
