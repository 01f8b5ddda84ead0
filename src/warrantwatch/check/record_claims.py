"""Claims about a person's record: a warrant's date, chamber and articles, custody, a trip's
date and outcome, and a finding's date.

Conservative by design: a date is read as a warrant's only when it follows the word
"warrant" with nothing but a linking word between; a trip or finding the knowledge base
does not hold is `cannot check`, since the record may be incomplete, and `disagrees` only
when the same month holds a trip or finding on another day (the same event, misdated).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from warrantwatch.check.context import SentenceContext
from warrantwatch.check.dates import DateSpan, describe
from warrantwatch.check.mentions import Mention
from warrantwatch.check.model import Claim, Verdict, unique_sources
from warrantwatch.check.treaty_claims import _claim
from warrantwatch.law.records import PersonRec, WarrantRec
from warrantwatch.law.wording import join_words, warrant_phrase

#: "art. 8(2)(a)(vii)", "articles 8(2)(a)(vii) and 8(2)(b)(viii)": any numbered provision
_ARTICLE = re.compile(r"(?<![\w(])(\d{1,3}(?:\s?bis)?(?:\s?\(\s?[0-9a-z]{1,5}\s?\))+)", re.I)
#: The Statute's crimes (arts. 6, 7, 8, 8 bis, 70): a charge article claimed for a warrant
_CRIME_ARTICLE = re.compile(r"^(?:6|7|8|8\s?bis|70)\(")
#: How a trip's outcome is worded in the knowledge base
OUTCOME_WORDS = {
    "not_arrested": "not arrested",
    "arrested": "arrested",
    "cancelled": "cancelled",
    "postponed": "postponed",
}


def _norm_article(a: str) -> str:
    return re.sub(r"\s+", "", a).lower()


def _only_person(ctx: SentenceContext) -> PersonRec | None:
    ids = ctx.person_ids()
    return ctx.world.persons[ids[0]] if len(ids) == 1 else None


def _warrant_sources(ws: list[WarrantRec]) -> tuple:  # type: ignore[type-arg]
    return unique_sources(*(w.fact.sources for w in ws))


def warrant_claims(ctx: SentenceContext) -> Iterator[Claim]:
    cue = list(ctx.cues.warrant.finditer(ctx.text))
    if not cue:
        return
    person = _only_person(ctx)
    warrant_dates = [d for d in ctx.dates if _follows_warrant(ctx, d, cue)]
    articles = [
        a for a in (m.group(1) for m in _ARTICLE.finditer(ctx.text)) if _CRIME_ARTICLE.match(a)
    ]
    chambers = [m for pat in ctx.cues.chamber for m in pat.finditer(ctx.text)]
    if person is None:
        if warrant_dates or articles:
            yield _claim(
                ctx,
                "warrant",
                "a warrant's date or charges",
                "",
                "cannot check",
                note="the sentence names no person the knowledge base knows, or several",
            )
        return
    warrants = [w for w in person.warrants if w.kind == "arrest_warrant"] or list(person.warrants)
    if not warrants:
        yield _claim(
            ctx,
            "warrant",
            f"a warrant for {person.name}",
            "",
            "cannot check",
            note=f"the knowledge base records no warrant for {person.name}",
        )
        return
    kb = f"{person.name}: " + "; ".join(warrant_phrase(w) for w in warrants)
    sources = _warrant_sources(warrants)
    for d in warrant_dates:
        hits = [w for w in warrants if d.matches(w.issued)]
        verdict: Verdict = "agrees" if hits else "disagrees"
        yield _claim(
            ctx,
            "warrant_date",
            f"{person.name}'s warrant of {d.text}",
            kb,
            verdict,
            _warrant_sources(hits) or sources,
            facts=[w.fact for w in hits or warrants],
        )
    if articles:
        charged = {_norm_article(c.article): w for w in warrants for c in w.charges}
        missing = [a for a in articles if _norm_article(a) not in charged]
        listed = "; ".join(
            f"{warrant_phrase(w)}: " + ", ".join(f"art. {c.article}" for c in w.charges)
            for w in warrants
        )
        note = f"not among the charges: {join_words(missing)}" if missing else None
        used = list({id(w): w for a in articles if (w := charged.get(_norm_article(a)))}.values())
        yield _claim(
            ctx,
            "warrant_articles",
            "charges under art. " + join_words(articles),
            f"{person.name}: {listed}",
            "disagrees" if missing else "agrees",
            _warrant_sources(used) or sources,
            note,
            [w.fact for w in used or warrants],
        )
    for m in chambers:
        numeral = m.group("n").upper()
        hits = [w for w in warrants if w.chamber and w.chamber.split()[-1].upper() == numeral]
        yield _claim(
            ctx,
            "warrant_chamber",
            f"issued by {m.group(0)}",
            kb,
            "agrees" if hits else "disagrees",
            _warrant_sources(hits) or sources,
            facts=[w.fact for w in hits or warrants],
        )


def _follows_warrant(ctx: SentenceContext, d: DateSpan, cue: list[re.Match[str]]) -> bool:
    """The date comes right after "warrant", with only the person's name, the Chamber's and
    a few linking words between ("the warrant against Putin issued by Pre-Trial Chamber II
    on ..."), so it is the warrant's date and not that of some later event."""
    before = [m for m in cue if m.end() <= d.start and d.start - m.end() < 80]
    if not before:
        return False
    lo = before[-1].end()
    gap = ctx.text[lo : d.start]
    names = [*ctx.persons, *(m for pat in ctx.cues.chamber for m in pat.finditer(ctx.text))]
    for start, end in sorted(((_start(m), _end(m)) for m in names), reverse=True):
        if lo <= start and end <= d.start:
            gap = gap[: start - lo] + " " + gap[end - lo :]
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", gap.lower())
    if not set(words) <= ctx.cues.warrant_date_words:
        return False
    return not words or bool(set(words) & ctx.cues.warrant_issue_words)


def _start(m: re.Match[str] | Mention) -> int:
    return m.start() if isinstance(m, re.Match) else m.start


def _end(m: re.Match[str] | Mention) -> int:
    return m.end() if isinstance(m, re.Match) else m.end


def custody_claims(ctx: SentenceContext) -> Iterator[Claim]:
    said = [label for label, pat in ctx.cues.custody.items() if pat.search(ctx.text)]
    if not said:
        return
    person = _only_person(ctx)
    if person is None or len(said) > 1 or not ctx.person_ids():
        if ctx.person_ids():
            yield _claim(
                ctx,
                "custody",
                ", ".join(said),
                "",
                "cannot check",
                note="the sentence names several persons or several custody states",
            )
        return
    label = said[0]
    past = sorted((c for c in person.custody if c.date <= ctx.on), key=lambda c: c.date)
    if not past:
        yield _claim(
            ctx,
            "custody",
            f"{person.name}: {label.replace('_', ' ')}",
            "",
            "cannot check",
            note="no custody record on file",
        )
        return
    latest = past[-1]
    rule = ctx.cues.custody_agreement[label]
    verdict: Verdict = (
        "agrees"
        if latest.status in rule["agrees"]
        else "disagrees"
        if latest.status in rule["disagrees"]
        else "cannot check"
    )
    status = latest.status.replace("_", " ")
    kb = f"{person.name}: {status} since {describe(latest.date)}"
    note = (
        f"the recorded status ({status}) neither confirms nor contradicts this wording"
        if verdict == "cannot check"
        else None
    )
    claimed = f"{person.name}: {label.replace('_', ' ')}"
    yield _claim(ctx, "custody", claimed, kb, verdict, latest.fact.sources, note, [latest.fact])


def trip_claims(ctx: SentenceContext) -> Iterator[Claim]:
    if not ctx.has(ctx.cues.trip) or not ctx.dates:
        return
    person = _only_person(ctx)
    states = ctx.state_ids()
    if person is None or len(states) != 1:
        return
    state = ctx.world.states[states[0]]
    trips = [t for t in ctx.world.trips_of(person.id) if t.destination == state.iso2]
    outcome = next((o for o, p in ctx.cues.trip_outcome.items() if p.search(ctx.text)), None)
    known = "; ".join(
        f"{describe(t.start)}"
        + (f" to {describe(t.end)}" if t.end else "")
        + f", {OUTCOME_WORDS.get(t.outcome, t.outcome.replace('_', ' '))}"
        for t in trips
    )
    kb = f"{person.name}'s trips to {state.name}: {known or 'none recorded'}"
    for d in ctx.dates:
        claimed = f"{person.name} in {state.name} on {d.text}" + (
            f", {OUTCOME_WORDS[outcome]}" if outcome else ""
        )
        verdict, hits = dated_event(d, [(t.start, t.end) for t in trips])
        note = {
            "disagrees": "a trip that month is recorded on other days",
            "cannot check": "no trip on that date in the knowledge base, which may be incomplete",
        }.get(verdict)
        matched = [trips[i] for i in hits]
        if verdict == "agrees" and outcome and outcome != matched[0].outcome:
            verdict, note = (
                "disagrees",
                f"the knowledge base records the outcome {matched[0].outcome}",
            )
        sources = unique_sources(*(t.fact.sources for t in matched))
        facts = [t.fact for t in matched]
        yield _claim(ctx, "trip", claimed, kb, verdict, sources, note, facts)


def dated_event(
    d: DateSpan, spans: list[tuple[dt.date, dt.date | None]]
) -> tuple[Verdict, list[int]]:
    """A claimed date against recorded events: within one (agrees), a day-precise date in
    the month of one but on other days (disagrees: the same event, misdated), else none."""
    hits = [i for i, (start, end) in enumerate(spans) if d.within(start, end)]
    if hits:
        return "agrees", hits
    if d.precision == "day":
        same = [
            i
            for i, (start, _) in enumerate(spans)
            if (start.year, start.month) == (d.year, d.month)
        ]
        if same:
            return "disagrees", same
    return "cannot check", []


def finding_claims(ctx: SentenceContext) -> Iterator[Claim]:
    if not ctx.has(ctx.cues.finding) or not ctx.dates:
        return
    states = ctx.state_ids()
    if len(states) != 1:
        return
    state = ctx.world.states[states[0]]
    found = [f for f in ctx.world.findings if f.state == state.iso2]
    kb = f"findings of non-compliance on {state.name}: " + (
        "; ".join(f"{f.chamber}, {describe(f.decision_date)}" for f in found) or "none recorded"
    )
    for d in ctx.dates:
        if any(d.within(t.start, t.end) for t in ctx.world.trips_to(state.iso2)) and not any(
            d.matches(f.decision_date) for f in found
        ):
            continue  # the date of the visit the finding is about, not of the finding
        claimed = f"finding on {state.name} of {d.text}"
        verdict, hits = dated_event(d, [(f.decision_date, None) for f in found])
        note = {
            "disagrees": "a finding that month is recorded on another day",
            "cannot check": "no finding on that date in the knowledge base",
        }.get(verdict)
        sources = unique_sources(*(found[i].fact.sources for i in hits))
        facts = [found[i].fact for i in hits]
        yield _claim(ctx, "finding", claimed, kb, verdict, sources, note, facts)
