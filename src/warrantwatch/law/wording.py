"""Plain-English wording shared by the explanation, the CLI and the briefings."""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.records import ChargeRec, WarrantRec

KIND_WORDS = {"arrest_warrant": "arrest warrant", "summons": "summons to appear"}

STATUS_WORDS = {
    "party": "a State Party",
    "not_yet_party": "a state whose instrument is deposited but not yet in force",
    "withdrawn": "a former State Party (withdrawn)",
    "non_party": "not a party",
}


def long_date(d: dt.date | None) -> str:
    """``1 July 2002``: unambiguous in every English-speaking country."""
    if d is None:
        return "an unknown date"
    return f"{d.day} {d.strftime('%B')} {d.year}"


def charge_phrase(c: ChargeRec) -> str:
    """``war crime of pillaging (art. 8(2)(e)(v))``, lower-cased to sit inside a sentence."""
    crime = c.crime
    if len(crime) > 1 and crime[0].isupper() and crime[1].islower():
        crime = crime[0].lower() + crime[1:]
    return f"{crime} (art. {c.article})"


def warrant_phrase(w: WarrantRec) -> str:
    """``arrest warrant issued on 17 March 2023 by Pre-Trial Chamber II``."""
    out = f"{KIND_WORDS.get(w.kind, w.kind)} issued on {long_date(w.issued)}"
    if w.chamber:
        out += f" by {w.chamber}"
    return out


def office_span(start: dt.date | None, end: dt.date | None) -> str:
    """When an office was held, in words a reader expects: "since 7 May 2012", "until
    7 May 2000", "from ... to ..."; never a raw range with "start unknown" or "present"
    (the English of the briefings' ``_office_span``, for the site and the terminal)."""
    if start and end:
        return f"from {long_date(start)} to {long_date(end)}"
    if start:
        return f"since {long_date(start)}"
    if end:
        return f"until {long_date(end)}"
    return "dates not recorded"


def join_words(items: list[str]) -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


#: Headings of the groups of ``warrantwatch where`` (and its page), by basis.
WHERE_GROUP_WORDS = {
    "state_party": "Must arrest and surrender: States Parties (arts. 86, 89(1))",
    "art_12_3_declaration": (
        "Must arrest and surrender: declaration accepting jurisdiction (art. 12(3))"
    ),
    "unsc_referral": "Must arrest and surrender: Security Council referral (art. 13(b))",
    "art_127_2_continuing": (
        "Must arrest and surrender: continuing duty after withdrawal (art. 127(2))"
    ),
    "none": "No duty to arrest: voluntary cooperation only (art. 87(5))",
    "no_warrant": "No duty to arrest: no outstanding ICC warrant on this date",
}
