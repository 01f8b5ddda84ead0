"""Claims about a state's standing: party or not, since when, signed, deposited, in force,
and how many States Parties there are. Entry into force is the engine's (art. 126)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warrantwatch.check.context import SentenceContext
from warrantwatch.check.dates import DateSpan, describe
from warrantwatch.check.model import Claim, Verdict, unique_sources
from warrantwatch.law.records import Fact, SourceRef, StateRec
from warrantwatch.law.treaty_status import DEPOSITS, memberships, status_on
from warrantwatch.law.wording import STATUS_WORDS


def state_sources(state: StateRec, types: set[str]) -> tuple[SourceRef, ...]:
    return unique_sources(*(a.fact.sources for a in state.actions if a.type in types))


def _facts(state: StateRec) -> list[Fact]:
    return [a.fact for a in state.actions]


def kb_record(state: StateRec) -> str:
    """What the knowledge base holds for the state: signature, deposit, entry into force."""
    parts: list[str] = []
    for a in sorted(state.actions, key=lambda a: a.date):
        if a.type == "signature":
            parts.append(f"signed on {describe(a.date)}")
        elif a.type in DEPOSITS:
            parts.append(f"deposited its instrument of {a.type} on {describe(a.date)}")
        elif a.type in _WITHDRAWAL_WORDS:
            parts.append(f"{_WITHDRAWAL_WORDS[a.type]} on {describe(a.date)}")
    for m in memberships(state.actions):
        parts.append(f"the Statute entered into force for it on {describe(m.in_force)} (art. 126)")
        if m.effective_end:
            parts.append(f"its withdrawal took effect on {describe(m.effective_end)} (art. 127)")
    if not parts:
        return f"{state.name}: no signature or deposit recorded"
    return f"{state.name} " + "; ".join(parts)


def party_claims(ctx: SentenceContext) -> Iterator[Claim]:
    cues = ctx.cues
    acts = {
        "since": cues.since,
        "signed": cues.signed,
        "deposited": cues.deposited,
        "in_force": cues.in_force,
        "withdrawn": cues.withdrawn,
    }
    has_party = ctx.has(cues.party)
    dated = [d for d in ctx.dates if ctx.last_cue_before(d, acts, "withdrawn")]
    states = ctx.state_ids()
    # a signature or ratification counts only when the Statute (or party status) is named:
    # "Tajikistan signed a trade deal on ..." is not a claim about the Rome Statute
    if dated and (has_party or ctx.has(cues.statute)):
        if len(states) != 1:
            if has_party:
                yield _claim(
                    ctx,
                    "party_dates",
                    ", ".join(d.text for d in dated),
                    "",
                    "cannot check",
                    note="the sentence names no state, or more than one",
                )
            return
        state = ctx.world.states[states[0]]
        for d in dated:
            act = ctx.last_cue_before(d, acts, "withdrawn")
            if act == "since" and not has_party:
                continue
            assert act is not None
            yield _dated(ctx, state, act, d)
        return
    if has_party:
        yield from _undated(ctx, states)


def _dated(ctx: SentenceContext, state: StateRec, act: str, d: DateSpan) -> Claim:
    record = kb_record(state)
    sigs = [a.date for a in state.actions if a.type == "signature"]
    deps = [a.date for a in state.actions if a.type in DEPOSITS]
    members = memberships(state.actions)
    in_force = [m.in_force for m in members]
    if act == "withdrawn":
        return _withdrawal(ctx, state, d, record, members)
    expected = {"since": in_force, "in_force": in_force, "signed": sigs, "deposited": deps}[act]
    sources = state_sources(state, {"signature", *DEPOSITS})
    words = {
        "since": "a State Party since",
        "in_force": "in force for it on",
        "signed": "signed on",
        "deposited": "ratified or acceded on",
    }
    claimed = f"{state.name}: {words[act]} {d.text}"
    if any(d.matches(x) for x in expected):
        return _claim(ctx, "party_dates", claimed, record, "agrees", sources, facts=_facts(state))
    note = None
    if act in ("since", "in_force"):
        if any(d.matches(x) for x in sigs):
            note = f"{d.text} is the date {state.name} signed; signing does not make a State Party"
        elif any(d.matches(x) for x in deps):
            note = (
                f"{d.text} is the date {state.name} deposited its instrument; the Statute "
                "enters into force for a state later (art. 126)"
            )
        if note is None and not expected:
            note = f"the knowledge base records no entry into force for {state.name}"
    return _claim(
        ctx, "party_dates", claimed, record, "disagrees", sources, note, facts=_facts(state)
    )


_WITHDRAWAL_WORDS = {
    "signature_withdrawn": "withdrew its signature",
    "withdrawal_announced": "announced its withdrawal",
    "withdrawal_notified": "notified its withdrawal",
    "withdrawal_revoked": "revoked its withdrawal",
    "instrument_withdrawn": "withdrew its instrument before it took effect",
}


def _withdrawal(
    ctx: SentenceContext, state: StateRec, d: DateSpan, record: str, members: list
) -> Claim:  # type: ignore[type-arg]
    """A withdrawal's date may be its announcement, its notification or its effect: agree
    with any of them; on no match say `cannot check`, never `disagrees`."""
    acts = [a for a in state.actions if a.type in _WITHDRAWAL_WORDS]
    days = [a.date for a in acts] + [m.effective_end for m in members if m.effective_end]
    claimed = f"{state.name}: withdrawal on {d.text}"
    sources = state_sources(state, set(_WITHDRAWAL_WORDS))
    facts = [a.fact for a in acts]
    if any(d.matches(x) for x in days):
        return _claim(ctx, "party_dates", claimed, record, "agrees", sources, facts=facts)
    note = "no withdrawal, notification or announcement on that date is recorded"
    return _claim(ctx, "party_dates", claimed, record, "cannot check", sources, note, facts)


def _undated(ctx: SentenceContext, states: list[str]) -> Iterator[Claim]:
    cues = ctx.cues
    party_at = [m.start() for m in cues.party.finditer(ctx.text)]
    neg = [m for m in cues.negation.finditer(ctx.text)]
    for m in ctx.states:
        after = [p for p in party_at if p >= m.end]
        neg_after = [n for n in neg if n.start() >= m.end and n.start() - m.end < 40]
        link = ctx.cues.status_link
        negated = bool(neg_after) and link.match(ctx.text[m.end : neg_after[0].start()])
        linked = after and link.match(ctx.text[m.end : after[0]])
        if not (negated or linked):
            continue
        state = ctx.world.states[m.key]
        st = status_on(state, ctx.on)
        is_party = st.status == "party"
        says_party = not negated
        verdict: Verdict = "agrees" if is_party == says_party else "disagrees"
        claimed = f"{state.name} is {'' if says_party else 'not '}a State Party"
        kb = f"on {describe(ctx.on)} {state.name} is {STATUS_WORDS[st.status]}; {kb_record(state)}"
        note = "withdrawal notified, not yet in effect" if st.pending_withdrawal else None
        sources = state_sources(state, {"signature", *DEPOSITS, "withdrawal_notified"})
        yield _claim(ctx, "party_status", claimed, kb, verdict, sources, note, _facts(state))


def count_claims(ctx: SentenceContext) -> Iterator[Claim]:
    for pat in ctx.cues.count:
        for m in pat.finditer(ctx.text):
            n = int(m.group("n"))
            others = [d for d in ctx.dates if not (m.start() <= d.start < m.end())]
            claimed = f"{n} States Parties"
            if others:
                yield _claim(
                    ctx,
                    "party_count",
                    claimed,
                    "",
                    "cannot check",
                    note="the sentence gives a date: the count it means may be of that day",
                )
                continue
            actual = sum(
                1 for s in ctx.world.states.values() if status_on(s, ctx.on).status == "party"
            )
            kb = (
                f"{actual} States Parties on {describe(ctx.on)}, derived from the treaty actions "
                "of every state in the knowledge base ('warrantwatch parties' lists them)"
            )
            yield _claim(ctx, "party_count", claimed, kb, "agrees" if n == actual else "disagrees")
            return


def _claim(
    ctx: SentenceContext,
    kind: str,
    claimed: str,
    kb: str,
    verdict: Verdict,
    sources: tuple[SourceRef, ...] = (),
    note: str | None = None,
    facts: Iterable[Fact] = (),
) -> Claim:
    s = ctx.sentence
    unverified = any(not f.verified for f in facts)
    return Claim(kind, s.text, s.start, s.end, claimed, kb, verdict, sources, note, unverified)
