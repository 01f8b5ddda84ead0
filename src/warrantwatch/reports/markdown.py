"""Markdown renderings of an assessment, a state and a person.

Markdown is what people paste into statements and e-mails; the same text is the
plain-text form the CLI prints. Every statement is followed by numbered sources.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law.explain import outcome_phrase
from warrantwatch.law.obligations import Assessment
from warrantwatch.law.records import PersonRec, SourceRef
from warrantwatch.law.wording import (
    STATUS_WORDS,
    charge_phrase,
    long_date,
    office_span,
    warrant_phrase,
)

BASIS_WORDS = {
    "state_party": "State Party (arts. 86, 89(1), 59(1))",
    "art_12_3_declaration": "declaration accepting jurisdiction (art. 12(3))",
    "unsc_referral": "Security Council referral binding the state (art. 13(b))",
    "art_127_2_continuing": "continuing duty after withdrawal (art. 127(2))",
}


def source_line(i: int, s: SourceRef | dict[str, Any]) -> str:
    """One numbered source: its tier, publisher, title, symbol, date and address; a document
    known only from another page says which page it is cited through."""
    d = s.as_dict() if isinstance(s, SourceRef) else s
    when = d.get("date") or (f"accessed {d['accessed']}" if d.get("accessed") else "")
    tier = f"[tier {d['tier']}] " if d.get("tier") else ""
    symbol = f" ({d['symbol']})" if d.get("symbol") else ""
    line = (
        f'{i}. {tier}{d["publisher"]}, "{d["title"]}"{symbol}'
        + (f", {when}" if when else "")
        + f". <{d['url']}>"
    )
    via = d.get("via")
    if via:
        line += f' Cited through {via["publisher"]}, "{via["title"]}" <{via["url"]}>, not read.'
    return line


def assessment_markdown(a: Assessment) -> str:
    d = a.as_dict()
    verdict = (
        f"**Yes.** {a.state.name} must arrest and surrender {a.person.name}."
        if a.duty == "binding"
        else f"**No treaty duty.** {a.state.name} is not bound to arrest {a.person.name} "
        "on this date."
    )
    out = [
        f"# Must {a.state.name} arrest {a.person.name} on {long_date(a.on)}?",
        "",
        verdict,
        "",
        f"- State status: {STATUS_WORDS[a.treaty.status]}"
        + (f", party since {long_date(a.treaty.party_since)}" if a.treaty.party_since else ""),
        f"- Basis: {'; '.join(BASIS_WORDS[b] for b in a.basis) if a.basis else 'none'}",
        f"- Custody status: {a.custody_status.replace('_', ' ')}",
        "",
        "## Explanation",
        "",
        a.explanation,
        "",
    ]
    if a.warrant_duties:
        out += ["## Outstanding warrants", ""]
        for wd in a.warrant_duties:
            out.append(
                f"- **{wd.warrant.id}**: {warrant_phrase(wd.warrant)}"
                + (f" ({wd.situation.name})" if wd.situation else "")
            )
            out += [f"  - {charge_phrase(c)}" for c in wd.warrant.charges]
        out.append("")
    if a.contested:
        out += ["## Contested", ""]
        out += [f"- {c['question']}" for c in a.contested]
        out.append("")
    cites = [c for c in d["citations"] if c["type"] == "article"]
    if cites:
        out += ["## Rome Statute (quoted)", ""]
        for c in cites:
            out.append(f"**Art. {c['ref']}, {c['title']}**")
            out.append("")
            out += [f"> {line}" for line in c["text"].split("\n")]
            out.append("")
        out.append(f"_{cites[0]['source']}._")
        out.append("")
    auths = [c for c in d["citations"] if c["type"] == "authority"]
    if auths:
        out += ["## Decisions and resolutions", ""]
        for c in auths:
            flag = "" if c["verified"] else " (unverified)"
            out.append(f"- {c['body']}, {c['date']}: {c['title']}{flag}. {c['summary']}")
        out.append("")
    out += ["## Sources", ""]
    out += [source_line(i, s) for i, s in enumerate(a.sources, 1)]
    return "\n".join(out) + "\n"


def state_markdown(
    name: str,
    iso2: str,
    status: dict[str, Any],
    actions: list[dict[str, Any]],
    sources: list[SourceRef],
) -> str:
    out = [
        f"# {name} ({iso2})",
        "",
        f"Status on {status['on']}: **{STATUS_WORDS[status['state_status']]}**",
        "",
    ]
    for key in (
        "signed",
        "signature_withdrawn",
        "deposited",
        "party_since",
        "withdrawal_notified",
        "withdrawal_effective",
        "withdrawal_announced",
    ):
        if status.get(key):
            out.append(f"- {key.replace('_', ' ')}: {status[key]}")
    if actions:
        out += ["", "## Treaty actions", ""]
        out += [
            f"- {a['date']}: {a['type'].replace('_', ' ')}"
            + ("" if a["verified"] else " (unverified)")
            for a in actions
        ]
    if sources:
        out += ["", "## Sources", ""]
        out += [source_line(i, s) for i, s in enumerate(sources, 1)]
    return "\n".join(out) + "\n"


def person_markdown(
    p: PersonRec,
    status: str,
    today: dt.date,
    sources: list[SourceRef],
    trips: list[dict[str, Any]],
    situation_names: dict[str, str] | None = None,
) -> str:
    """The person's record in Markdown; ``situation_names`` turns situation ids into the
    Court's names (a reader sees "Situation in Ukraine", not ``ukraine``)."""
    out = [
        f"# {p.name}",
        "",
        f"Custody status on {today.isoformat()}: **{status.replace('_', ' ')}**",
        "",
    ]
    if p.wikidata:
        out += [f"Wikidata: {p.wikidata}", ""]
    if p.names:
        out.append(
            "Also written: "
            + ", ".join(dict.fromkeys(n.name for n in p.names if n.kind != "inflection"))
        )
    out += ["", "## Warrants", ""]
    for w in p.warrants:
        out.append(
            f"- **{w.id}**: {warrant_phrase(w)}, "
            + (situation_names or {}).get(w.situation, f"situation `{w.situation}`")
            + (f", made public {long_date(w.made_public)}" if w.made_public else "")
        )
        out += [f"  - {charge_phrase(c)}" for c in w.charges]
    if p.positions:
        out += ["", "## Positions", ""]
        for pos in p.positions:
            span = office_span(pos.start, pos.end)
            out.append(f"- {pos.title} ({span})")
    if p.custody:
        out += ["", "## Custody history", ""]
        out += [
            f"- {c.date}: {c.status.replace('_', ' ')}" + (f" ({c.place})" if c.place else "")
            for c in p.custody
        ]
    if trips:
        out += ["", "## Trips since the warrant", ""]
        for t in trips:
            start = dt.date.fromisoformat(str(t["start"]))
            end = dt.date.fromisoformat(str(t["end"])) if t.get("end") else None
            out.append(
                f"- {t['start']}: {t['state']} "
                f"({outcome_phrase(t['outcome'], start, end, today)})"
                + (f", {t['occasion']}" if t.get("occasion") else "")
                + ("" if t["verified"] else " (unverified)")
            )
    out += ["", "## Sources", ""]
    out += [source_line(i, s) for i, s in enumerate(sources, 1)]
    return "\n".join(out) + "\n"
