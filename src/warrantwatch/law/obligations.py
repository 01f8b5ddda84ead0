"""The central question: if person X is in state Y on day D, must Y arrest and surrender X?

``assess`` answers from plain records only. For every outstanding warrant it looks for
each legal basis that binds the host (State Party, art. 12(3) declaration, Security
Council referral, art. 127(2) continuing duty); it sets out the immunity question
where the person holds an office that raises it, marked as contested; it recalls what
happened on earlier visits; and it cites the articles and decisions it relied on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from warrantwatch.law import warrants as wr
from warrantwatch.law.immunity import immunity_question
from warrantwatch.law.precedents import precedents, trip_fields, visit_on
from warrantwatch.law.records import (
    AuthorityRec,
    DeclarationRec,
    PersonRec,
    SituationRec,
    SourceRef,
    StateRec,
    TripRec,
    WarrantRec,
    best_first,
)
from warrantwatch.law.statute import STATUTE_URL, UnknownArticle, quote
from warrantwatch.law.treaty_status import TreatyStatus, status_on
from warrantwatch.law.wording import long_date, warrant_phrase
from warrantwatch.law.world import World

Basis = Literal["state_party", "art_12_3_declaration", "unsc_referral", "art_127_2_continuing"]

BASIS_ARTICLES: dict[str, tuple[str, ...]] = {
    "state_party": ("86", "89(1)", "59(1)"),
    "art_12_3_declaration": ("12(3)", "89(1)"),
    "unsc_referral": ("13(b)",),
    "art_127_2_continuing": ("127(2)",),
    "none": ("87(5)",),
}


@dataclass
class WarrantDuty:
    """Why (or whether) the host owes arrest and surrender on one warrant."""

    warrant: WarrantRec
    situation: SituationRec | None
    bases: list[Basis] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    sealed: bool = False


@dataclass
class Assessment:
    person: PersonRec
    state: StateRec
    on: dt.date
    treaty: TreatyStatus
    warrant_duties: list[WarrantDuty]
    custody_status: str
    duty: Literal["binding", "none"]
    basis: list[Basis]
    immunity: dict[str, Any]
    contested: list[dict[str, Any]]
    precedents: list[dict[str, Any]]
    expected_conduct: list[dict[str, Any]]
    citations: list[dict[str, Any]]
    explanation: str
    sources: list[SourceRef]
    caveats: list[str]
    #: the recorded trip of this person to this state on (or within a week of) the date
    visit: dict[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract of ``warrantwatch assess --format json``."""
        return {
            "person": {"id": self.person.id, "name": self.person.name},
            "state": {"iso2": self.state.iso2, "name": self.state.name},
            "on": self.on.isoformat(),
            "state_status": self.treaty.status,
            "party_since": _iso(self.treaty.party_since),
            "withdrawal_notified": _iso(self.treaty.withdrawal_notified),
            "withdrawal_effective": _iso(self.treaty.withdrawal_effective),
            "pending_withdrawal": self.treaty.pending_withdrawal,
            "custody_status": self.custody_status,
            "outstanding_warrants": [
                {
                    "id": wd.warrant.id,
                    "kind": wd.warrant.kind,
                    "issued": wd.warrant.issued.isoformat(),
                    "chamber": wd.warrant.chamber,
                    "situation": wd.warrant.situation,
                    "situation_name": wd.situation.name if wd.situation else None,
                    "sealed_on_date": wd.sealed,
                    "charges": [
                        {"crime": c.crime, "article": c.article, "category": c.category}
                        for c in wd.warrant.charges
                    ],
                    "basis": list(wd.bases),
                    "reasons": list(wd.reasons),
                    "verified": wd.warrant.fact.verified,
                }
                for wd in self.warrant_duties
            ],
            "duty": self.duty,
            "basis": list(self.basis),
            "contested": self.contested,
            "immunity": self.immunity,
            "precedents": self.precedents,
            "expected_conduct": self.expected_conduct,
            "citations": self.citations,
            "explanation": self.explanation,
            "caveats": self.caveats,
            "visit": self.visit,
            "sources": [s.as_dict() for s in self.sources],
        }


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def _declaration_covers(dec: DeclarationRec, warrant: WarrantRec, on: dt.date) -> bool:
    """An art. 12(3) declaration binds only for its own situation, once lodged."""
    return dec.lodged <= on and dec.situation == warrant.situation


def _duty_for(
    world: World, state: StateRec, ts: TreatyStatus, w: WarrantRec, on: dt.date
) -> WarrantDuty:
    sit = world.situations.get(w.situation)
    wd = WarrantDuty(warrant=w, situation=sit, sealed=wr.is_sealed(w, on))
    name = state.name
    if ts.status == "party":
        wd.bases.append("state_party")
        wd.reasons.append(
            f"{name} is a State Party (in force for it since {long_date(ts.party_since)}): "
            "it must comply with requests for arrest and surrender (arts. 86, 89(1), 59(1))."
        )
    for dec in state.declarations:
        if _declaration_covers(dec, w, on) and ts.status != "party":
            period = f"from {long_date(dec.period_start)}" + (
                f" to {long_date(dec.period_end)}" if dec.period_end else " onwards"
            )
            wd.bases.append("art_12_3_declaration")
            wd.reasons.append(
                f"{name} accepted the Court's jurisdiction by a declaration under art. 12(3) "
                f"lodged on {long_date(dec.lodged)} for the situation of this warrant ({period}); "
                "an accepting State must cooperate without delay or exception under Part 9."
            )
            break
    if sit is not None and sit.unsc_resolution and state.iso2 in sit.unsc_bound_states:
        wd.bases.append("unsc_referral")
        wd.reasons.append(
            f"Security Council resolution {sit.unsc_resolution}"
            + (f" of {long_date(sit.unsc_resolution_date)}" if sit.unsc_resolution_date else "")
            + f", which referred the situation (art. 13(b)), obliges {name} to cooperate fully "
            "with the Court."
        )
    if ts.status == "withdrawn" and ts.withdrawal_effective is not None:
        opened = sit.investigation_opened if sit else None
        if opened is not None and opened < ts.withdrawal_effective:
            wd.bases.append("art_127_2_continuing")
            wd.reasons.append(
                f"{name}'s withdrawal took effect on {long_date(ts.withdrawal_effective)}, but the "
                f"investigation in this situation was opened on {long_date(opened)}, before that: "
                "art. 127(2) keeps its duty to cooperate in investigations and proceedings "
                "commenced while it was a party."
            )
    return wd


def _cite(world: World, refs: list[str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for ref in refs:
        if ref in seen:
            continue
        seen.add(ref)
        try:
            out.append({"type": "article", **quote(world.articles, ref).as_dict()})
        except UnknownArticle:
            continue
    return out


def _authority_citation(a: AuthorityRec) -> dict[str, Any]:
    return {
        "type": "authority",
        "id": a.id,
        "kind": a.kind,
        "body": a.body,
        "date": a.date.isoformat(),
        "title": a.title,
        "document": a.document,
        "summary": a.summary,
        "verified": a.fact.verified,
        "sources": [s.as_dict() for s in a.fact.sources],
    }


def assess(
    world: World,
    person: PersonRec,
    state: StateRec,
    on: dt.date,
    today: dt.date | None = None,
) -> Assessment:
    """Must ``state`` arrest and surrender ``person`` if found on its territory on ``on``?

    ``today`` (default: the system date) only decides whether ``on`` is in the future,
    which the answer then says: it rests on the record as it stands today.
    """
    ts = status_on(state, on)
    duties = [_duty_for(world, state, ts, w, on) for w in wr.outstanding(person, on)]
    basis: list[Basis] = []
    for wd in duties:
        for b in wd.bases:
            if b not in basis:
                basis.append(b)
    duty: Literal["binding", "none"] = "binding" if basis else "none"

    imm, contested, imm_authorities = immunity_question(world, person, state, ts, on, duty)
    withdrawal_q, withdrawal_auths = withdrawal_question(world, state, ts, duties, on)
    if withdrawal_q is not None:
        contested.append(withdrawal_q)
    precs = precedents(world, person, state, on)

    expected: list[dict[str, Any]] = []
    cited_authorities: list[AuthorityRec] = list(imm_authorities) + withdrawal_auths
    if duty == "binding":
        expected.append(
            {
                "conduct": "arrest_and_surrender",
                "text": f"Arrest {person.name} if on its territory and surrender him or her to the "
                "Court; consult the Court without delay about any problem that may impede "
                "execution (art. 97).",
            }
        )
    if ts.status == "party":
        for a in world.authorities_on("non_essential_contact"):
            # only the Assembly's own resolutions speak for what States Parties should do
            if a.date <= on and a.kind == "resolution":
                expected.append(
                    {
                        "conduct": "avoid_non_essential_contact",
                        "text": a.summary,
                        "authority": a.id,
                        "verified": a.fact.verified,
                    }
                )
                cited_authorities.append(a)

    refs: list[str] = []
    for b in basis or ["none"]:
        refs.extend(BASIS_ARTICLES[b])
    if duty == "binding":
        refs.extend(["97"])
    if imm.get("question"):
        refs.extend(["27", "98(1)"])
    if any(p.get("finding") for p in precs):
        refs.append("87(7)")
    if ts.status in ("party", "not_yet_party"):
        refs.append("126")
    if ts.withdrawal_notified:
        refs.append("127(1)")
    if withdrawal_q is not None:
        refs.append("127(2)")
    citations = _cite(world, refs)
    seen_auth: set[str] = set()
    for a in cited_authorities:
        if a.id not in seen_auth:
            seen_auth.add(a.id)
            citations.append(_authority_citation(a))

    sources = _collect_sources(world, person, state, duties, precs, cited_authorities, ts)
    caveats = _caveats(person, duties, ts, sources)
    today = today or dt.date.today()
    if on > today:
        caveats.append(future_caveat(on, today))
    trip = visit_on(world, person, state, on)
    from warrantwatch.law.explain import explain  # local: explain imports this module's types

    result = Assessment(
        person=person,
        state=state,
        on=on,
        treaty=ts,
        warrant_duties=duties,
        custody_status=wr.custody_status(person, on),
        duty=duty,
        basis=basis,
        immunity=imm,
        contested=contested,
        precedents=precs,
        expected_conduct=expected,
        citations=citations,
        explanation="",
        sources=sources,
        caveats=caveats,
        visit=None if trip is None else visit_record(world, trip),
    )
    result.explanation = explain(world, result)
    return result


def withdrawal_question(
    world: World, state: StateRec, ts: TreatyStatus, duties: list[WarrantDuty], on: dt.date
) -> tuple[dict[str, Any] | None, list[AuthorityRec]]:
    """Whether a withdrawn state still owes cooperation under art. 127(2): contested.

    When the investigation was opened after the withdrawal took effect, the engine finds
    no settled basis; but where the Court has ruled on that situation (authorities with the
    topics ``art_127_2_withdrawal`` and ``situation:<id>``), the question is shown as
    contested with those rulings, never answered with a plain "no treaty duty".
    """
    if ts.status != "withdrawn" or ts.withdrawal_effective is None:
        return None, []
    for wd in duties:
        if "art_127_2_continuing" in wd.bases or wd.situation is None:
            continue
        rulings = [
            a
            for a in world.authorities_on("art_127_2_withdrawal")
            if f"situation:{wd.situation.id}" in a.topics and a.date <= on
        ]
        if not rulings:
            continue
        listed = "; ".join(f"{a.body}, {long_date(a.date)}" for a in rulings)
        return {
            "question": "art_127_2_withdrawal",
            "warrant": wd.warrant.id,
            "summary": (
                f"{state.name}'s withdrawal took effect on {long_date(ts.withdrawal_effective)}, "
                f"before the investigation in the {wd.situation.name} was opened; whether art. "
                "127(2) still obliges it to cooperate in that investigation is contested. The "
                f"Court has ruled on the Court's jurisdiction in this situation ({listed}); "
                "Warrant Watch sets the question out and does not decide it."
            ),
            "court_rulings": [
                {"id": a.id, "body": a.body, "date": a.date.isoformat(), "summary": a.summary}
                for a in rulings
            ],
        }, rulings
    return None, []


def visit_record(world: World, trip: TripRec) -> dict[str, Any]:
    """The trip the assessment is about, as the JSON contract shows it."""
    return trip_fields(trip)


def _collect_sources(
    world: World,
    person: PersonRec,
    state: StateRec,
    duties: list[WarrantDuty],
    precs: list[dict[str, Any]],
    authorities: list[AuthorityRec],
    ts: TreatyStatus,
) -> list[SourceRef]:
    """Every page the answer rests on, each once: best tier first, then in the order the
    answer uses them."""
    out: dict[str, SourceRef] = {}

    def add(srcs: tuple[SourceRef, ...]) -> None:
        for s in srcs:
            out.setdefault(s.url, s)

    for a in ts.actions:
        add(a.fact.sources)
    for dec in state.declarations:
        add(dec.fact.sources)
    for wd in duties:
        add(wd.warrant.fact.sources)
        if wd.situation is not None:
            add(wd.situation.fact.sources)
    for pos in person.positions:
        add(pos.fact.sources)
    for p in precs:
        trip = world.trip(p.get("trip_id"))
        if trip is not None:
            add(trip.fact.sources)
        for f in world.findings:
            if p.get("finding") and f.id == p["finding"]["id"]:
                add(f.fact.sources)
    for a in authorities:
        add(a.fact.sources)
    out.setdefault(
        STATUTE_URL,
        SourceRef(
            url=STATUTE_URL,
            publisher="International Criminal Court (text via Public.Law, CC BY 4.0)",
            title="Rome Statute of the International Criminal Court",
        ),
    )
    return best_first(out.values())


def _caveats(
    person: PersonRec, duties: list[WarrantDuty], ts: TreatyStatus, sources: list[SourceRef]
) -> list[str]:
    out: list[str] = []
    for wd in duties:
        if wd.sealed:
            out.append(
                f"Warrant {wd.warrant.id} was still under seal on this date (made public "
                f"{long_date(wd.warrant.made_public)}): the state may not have known of it."
            )
        if not wd.warrant.fact.verified:
            out.append(f"Warrant {wd.warrant.id}: some details are unverified (low confidence).")
    for a in ts.actions:
        if not a.fact.verified:
            out.append(
                f"The {a.type.replace('_', ' ')} dated {a.date.isoformat()} is unverified "
                "(no retrieved page confirmed it)."
            )
    if ts.withdrawal_announced and not ts.withdrawal_notified:
        out.append(announced_caveat(ts.withdrawal_announced))
    return out


def future_caveat(on: dt.date, today: dt.date) -> str:
    """Said of any answer for a date after ``today`` (assess and where alike)."""
    return (
        f"{long_date(on)} is in the future: this answer rests on the record as of "
        f"{long_date(today)}; treaty actions, warrants and custody may change before then."
    )


def announced_caveat(announced: dt.date, who: str = "A withdrawal") -> str:
    """Said of a withdrawal announced but not notified: art. 127(1) runs from notification."""
    return (
        f"{who} was announced on {long_date(announced)} but no notification to the UN "
        "Secretary-General is on record: under art. 127(1) only a notification starts the "
        "one-year period."
    )


__all__ = ["Assessment", "Basis", "WarrantDuty", "assess", "warrant_phrase"]
