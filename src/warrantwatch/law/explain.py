"""The assessment in plain words, every sentence traceable to a field of the result."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from warrantwatch.law.wording import (
    KIND_WORDS,
    charge_phrase,
    join_words,
    long_date,
    warrant_phrase,
)
from warrantwatch.law.world import World

if TYPE_CHECKING:
    from warrantwatch.law.obligations import Assessment

OUTCOME_WORDS = {
    "not_arrested": "was not arrested",
    "arrested": "was arrested",
    "cancelled": "cancelled the trip",
    "did_not_attend": "did not attend",
    "planned": "was expected (trip planned)",
    "non_compliance_finding": "non-compliance finding",
}


#: Said of a trip still recorded as planned when its dates have passed, so a reader does
#: not take an old announcement for an upcoming trip.
LAPSED_WORDS = "was expected; its date has passed and nothing on record says whether it took place"


def outcome_phrase(outcome: str, start: dt.date, end: dt.date | None, today: dt.date) -> str:
    """The outcome of a trip in words, as of ``today``."""
    if outcome == "planned" and (end or start) < today:
        return LAPSED_WORDS
    return OUTCOME_WORDS.get(outcome, outcome.replace("_", " "))


def status_sentence(a: Assessment) -> str:
    ts, name, on = a.treaty, a.state.name, long_date(a.on)
    dep = ts.deposit_type or "instrument"
    if ts.status == "party":
        s = (
            f"{name} is a State Party to the Rome Statute on {on}: it deposited its instrument of "
            f"{dep} on {long_date(ts.deposited)}, and the Statute has been in force for it since "
            f"{long_date(ts.party_since)} (art. 126)."
        )
        if ts.pending_withdrawal:
            s += (
                f" It notified its withdrawal on {long_date(ts.withdrawal_notified)}, which takes "
                f"effect on {long_date(ts.withdrawal_effective)} (art. 127(1)); until then it "
                "remains bound."
            )
        return s
    if ts.status == "not_yet_party":
        return (
            f"{name} deposited its instrument of {dep} on {long_date(ts.deposited)}, but on {on} "
            "the Statute was not yet in force for it (art. 126)."
        )
    if ts.status == "withdrawn":
        return (
            f"{name} is no longer a State Party on {on}: it notified its withdrawal on "
            f"{long_date(ts.withdrawal_notified)}, effective {long_date(ts.withdrawal_effective)} "
            "(art. 127(1))."
        )
    extra = ""
    if ts.signature_withdrawn:
        extra = (
            f" It signed the Statute but on {long_date(ts.signature_withdrawn)} gave notice that "
            "it does not intend to become a party."
        )
    elif ts.signed:
        extra = f" It signed the Statute on {long_date(ts.signed)} but has not ratified it."
    return f"{name} is not a party to the Rome Statute on {on}.{extra}"


def warrants_sentence(a: Assessment) -> str:
    who, on = a.person.name, long_date(a.on)
    if not a.warrant_duties:
        closed = f" (custody status on that date: {a.custody_status.replace('_', ' ')})"
        return f"On {on}, {who} is subject to no outstanding ICC warrant{closed}."
    parts = []
    for wd in a.warrant_duties:
        w = wd.warrant
        sit = f", {wd.situation.name}" if wd.situation else ""
        charges = join_words([charge_phrase(c) for c in w.charges])
        parts.append(
            f"an {warrant_phrase(w)}{sit}" + (f", for alleged {charges}" if charges else "")
        )
    n = len(parts)
    kind = KIND_WORDS["arrest_warrant"] if n == 1 else "warrants"
    return f"On {on}, {who} is subject to {n} outstanding ICC {kind}: " + "; ".join(parts) + "."


#: What became of the visit on the date, as a clause after "… from 8 to 10 October 2025".
VISIT_WORDS = {
    "not_arrested": "no arrest was made",
    "arrested": "the person was arrested",
    "cancelled": "the trip was cancelled",
    "did_not_attend": "the person did not attend",
}


def trip_dates(start: str, end: str | None, precision: str = "day") -> str:
    s = dt.date.fromisoformat(start)
    if precision == "month":
        return f"in {s.strftime('%B %Y')}"
    if not end or end == start:
        return f"on {long_date(s)}"
    e = dt.date.fromisoformat(end)
    if (s.year, s.month) == (e.year, e.month):
        return f"from {s.day} to {long_date(e)}"
    return f"from {long_date(s)} to {long_date(e)}"


def visit_sentence(a: Assessment, today: dt.date | None = None) -> str | None:
    """What the record holds of this person's trip to this state around the date."""
    v = a.visit
    if v is None:
        return None
    where = a.state.name + (f" ({v['place']})" if v.get("place") else "")
    when = trip_dates(v["start"], v.get("end"), v.get("precision", "day"))
    if v["outcome"] == "planned":
        last = dt.date.fromisoformat(v.get("end") or v["start"])
        if last < (today or dt.date.today()):
            return (
                f"The record holds a trip of {a.person.name} to {where} announced for {when}; "
                "what became of it is not on record."
            )
        return f"The record holds a trip of {a.person.name} to {where} announced for {when}."
    outcome = VISIT_WORDS.get(v["outcome"], v["outcome"].replace("_", " "))
    flag = " [unverified]" if not v.get("verified", True) else ""
    return f"The record holds a visit of {a.person.name} to {where} {when}: {outcome}.{flag}"


def conclusion_sentence(a: Assessment) -> str:
    who, name = a.person.name, a.state.name
    if a.duty == "binding":
        return (
            f"Conclusion: {name} must arrest and surrender {who} to the Court if found on its "
            "territory."
        )
    if not a.warrant_duties:
        return f"Conclusion: with no outstanding warrant, no duty to arrest {who} arises."
    if any(c.get("question") == "art_127_2_withdrawal" for c in a.contested):
        return (
            f"Conclusion: no settled treaty basis obliges {name} to arrest {who}; whether its "
            "duty to cooperate survives its withdrawal (art. 127(2)) is contested."
        )
    return (
        f"Conclusion: {name} has no treaty duty to arrest and surrender {who}; it may cooperate "
        "with the Court voluntarily (art. 87(5))."
    )


def precedent_lines(a: Assessment, world: World, limit: int = 8) -> list[str]:
    out: list[str] = []
    for p in a.precedents[-limit:]:
        if p["kind"] == "finding":
            f = p["finding"]
            out.append(
                f"- {long_date_iso(f['decision_date'])}: {f['chamber']} found that "
                f"{p['state']['name']} failed to comply (art. 87(7)) concerning "
                f"{p['person']['name']}."
            )
            continue
        when = p["start"][:7] if p.get("precision") == "month" else long_date_iso(p["start"])
        line = (
            f"- {when}: {p['person']['name']} in {p['state']['name']}"
            + (f" ({p['occasion']})" if p.get("occasion") else "")
            + f": {OUTCOME_WORDS.get(p['outcome'], p['outcome'])}"
            + (" (the visit on this date)" if p.get("this_visit") else "")
            + (" (host a State Party then)" if p["host_status_then"] == "party" else "")
        )
        f = p.get("finding")
        if f:
            refer = (
                " and referred the matter to the "
                + join_words(
                    [
                        "Assembly of States Parties" if r == "asp" else "Security Council"
                        for r in f["referred_to"]
                    ]
                )
                if f["referred_to"]
                else ""
            )
            line += (
                f"; on {long_date_iso(f['decision_date'])} {f['chamber']} found non-compliance "
                f"(art. 87(7)){refer}"
            )
        if not p.get("verified", True):
            line += " [unverified]"
        out.append(line + ".")
    return out


def long_date_iso(iso: str) -> str:
    import datetime as dt

    return long_date(dt.date.fromisoformat(iso))


def explain(world: World, a: Assessment) -> str:
    paras = [status_sentence(a), warrants_sentence(a)]
    visit = visit_sentence(a)
    if visit:
        paras.append(visit)
    paras.append(conclusion_sentence(a))
    reasons = [r for wd in a.warrant_duties for r in wd.reasons]
    if reasons:
        paras.append("Basis: " + " ".join(dict.fromkeys(reasons)))
    for c in a.contested:
        if c.get("question") == "art_127_2_withdrawal":
            paras.append("Contested (art. 127(2)): " + c["summary"])
    if a.immunity.get("question"):
        paras.append("Immunity: " + a.immunity["summary"])
    for e in a.expected_conduct:
        if e["conduct"] == "avoid_non_essential_contact":
            flag = "" if e.get("verified", True) else " [unverified]"
            paras.append("Expected of States Parties: " + e["text"] + flag)
    precs = precedent_lines(a, world)
    if precs:
        paras.append("What happened before:\n" + "\n".join(precs))
    if a.caveats:
        paras.append("Caveats: " + " ".join(a.caveats))
    return "\n\n".join(paras)
