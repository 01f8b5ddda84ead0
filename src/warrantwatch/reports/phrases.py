"""Sentences of the briefings, written in each language from structured fields.

The engine's explanation is English prose; a French briefing cannot be a translation
of it. So every sentence here is a catalogue entry (English message id, French
translation in ``locale/fr``) filled from the records and the Assessment's fields.
Wording stays neutral: "subject to an ICC arrest warrant", "alleged".
"""

from __future__ import annotations

import re
from typing import Any

from warrantwatch.law.records import ChargeRec, SituationRec, WarrantRec
from warrantwatch.law.treaty_status import TreatyStatus
from warrantwatch.reports.i18n import N_, CountryName, Lang

CATEGORY_WORDS = {
    "war_crime": N_("war crimes"),
    "crime_against_humanity": N_("crimes against humanity"),
    "genocide": N_("genocide"),
    "aggression": N_("the crime of aggression"),
    "administration_of_justice": N_("offences against the administration of justice"),
}
CATEGORY_ONE = {
    "war_crime": N_("war crime"),
    "crime_against_humanity": N_("crime against humanity"),
    "genocide": N_("genocide"),
    "aggression": N_("crime of aggression"),
    "administration_of_justice": N_("offence against the administration of justice"),
}
DEPOSIT_WORDS = {
    "ratification": N_("ratification"),
    "acceptance": N_("acceptance"),
    "approval": N_("approval"),
    "accession": N_("accession"),
    "succession": N_("succession"),
}
ACTION_WORDS = {
    **DEPOSIT_WORDS,
    "signature": N_("signature"),
    "signature_withdrawn": N_("notice of intention not to become a party"),
    "instrument_withdrawn": N_("instrument withdrawn before entry into force"),
    "withdrawal_announced": N_("withdrawal announced (not notified)"),
    "withdrawal_notified": N_("withdrawal notified (art. 127(1))"),
    "withdrawal_revoked": N_("withdrawal revoked"),
}
STATUS_WORDS = {
    "party": N_("State Party"),
    "not_yet_party": N_("instrument deposited, not yet in force"),
    "withdrawn": N_("former State Party (withdrawn)"),
    "non_party": N_("not a party"),
    "unknown": N_("unknown"),
}
OUTCOME_WORDS = {
    "not_arrested": N_("not arrested"),
    "arrested": N_("arrested"),
    "cancelled": N_("trip cancelled"),
    "did_not_attend": N_("did not attend"),
    "planned": N_("trip announced"),
}
CUSTODY_WORDS = {
    "at_large": N_("at large"),
    "arrested": N_("arrested for the Court"),
    "surrendered": N_("surrendered to the Court"),
    "appeared": N_("appeared before the Court"),
    "in_national_custody": N_("in national custody (not surrendered)"),
    "released": N_("released"),
    "convicted": N_("convicted"),
    "acquitted": N_("acquitted"),
    "deceased": N_("deceased"),
    "warrant_withdrawn": N_("warrant withdrawn"),
    "proceedings_terminated": N_("proceedings terminated"),
    "no_warrant_yet": N_("no warrant yet"),
}
ROLE_WORDS = {
    "head_of_state": N_("head of state"),
    "head_of_government": N_("head of government"),
    "foreign_minister": N_("minister for foreign affairs"),
}
KIND_WORDS = {"arrest_warrant": N_("arrest warrant"), "summons": N_("summons to appear")}
REFERRAL_WORDS = {"asp": N_("the Assembly of States Parties"), "unsc": N_("the Security Council")}


def capfirst(text: str) -> str:
    return text[:1].upper() + text[1:]


def join(L: Lang, items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return L._("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])


def crime(L: Lang, c: ChargeRec) -> str:
    """The charge in this language: the catalogue's wording, or its category and the data's."""
    if L.code == "en":
        return c.crime
    text = L.tr.gettext(c.crime)
    if text != c.crime:
        return text
    return L._(
        "%(category)s (wording of the warrant: “%(crime)s”)",
        category=L._(CATEGORY_ONE.get(c.category, c.category)),
        crime=c.crime,
    )


def charge(L: Lang, c: ChargeRec) -> str:
    return L._("%(crime)s (art. %(article)s)", crime=crime(L, c), article=c.article)


def categories(L: Lang, w: WarrantRec | list[WarrantRec]) -> str:
    """``war crimes and crimes against humanity`` for the warrant(s)' charges."""
    ws = w if isinstance(w, list) else [w]
    cats = list(dict.fromkeys(c.category for x in ws for c in x.charges))
    return join(L, [L._(CATEGORY_WORDS.get(c, c)) for c in cats])


_SITUATION = re.compile(r"^Situation in (?:the )?(.+)$")


def situation(L: Lang, sit: SituationRec | None, fallback: str = "") -> str:
    if sit is None:
        return fallback
    text = L.tr.gettext(sit.name)
    if text != sit.name or L.code == "en":
        return text
    if len(sit.territory) == 1 and _SITUATION.match(sit.name):
        c = L.country(sit.territory[0])
        return L._("Situation %(in_country)s", in_country=c.in_)
    return sit.name


def warrant_phrase(L: Lang, w: WarrantRec) -> str:
    """``an ICC arrest warrant issued on 17 March 2023 by Pre-Trial Chamber II``."""
    values = {"date": L.date(w.issued), "chamber": L.the_body(w.chamber or "")}
    if w.kind == "summons":
        if w.chamber:
            return L._("an ICC summons to appear issued on %(date)s by %(chamber)s", **values)
        return L._("an ICC summons to appear issued on %(date)s", **values)
    if w.chamber:
        return L._("an ICC arrest warrant issued on %(date)s by %(chamber)s", **values)
    return L._("an ICC arrest warrant issued on %(date)s", **values)


def status_sentence(L: Lang, c: CountryName, ts: TreatyStatus) -> str:
    """The host's standing on the day, with the dates the law derives (arts. 126, 127)."""
    v: dict[str, Any] = {
        "state": capfirst(c.subject),
        "on": L.date(ts.on),
        "since": L.date(ts.party_since),
        "deposited": L.date(ts.deposited),
        "dep": L._(DEPOSIT_WORDS.get(ts.deposit_type or "", "instrument")),
        "notified": L.date(ts.withdrawal_notified),
        "effective": L.date(ts.withdrawal_effective),
    }
    if ts.status == "party":
        s = L._(
            "%(state)s has been a State Party to the Rome Statute since %(since)s "
            "(instrument of %(dep)s deposited on %(deposited)s; art. 126).",
            **v,
        )
        if ts.pending_withdrawal:
            s += " " + L._(
                "This State notified its withdrawal on %(notified)s; the withdrawal takes effect "
                "on %(effective)s (art. 127(1)) and until then the State remains bound.",
                **v,
            )
        return s
    if ts.status == "not_yet_party":
        return L._(
            "%(state)s deposited its instrument of %(dep)s on %(deposited)s, but on %(on)s the "
            "Statute was not yet in force for this State (art. 126).",
            **v,
        )
    if ts.status == "withdrawn":
        return L._(
            "%(state)s is no longer a State Party on %(on)s: its withdrawal, notified on "
            "%(notified)s, took effect on %(effective)s (art. 127(1)).",
            **v,
        )
    s = L._("%(state)s is not a party to the Rome Statute on %(on)s.", **v)
    if ts.signature_withdrawn:
        s += " " + L._(
            "This State signed the Statute but on %(date)s gave notice that it does not intend "
            "to become a party.",
            date=L.date(ts.signature_withdrawn),
        )
    elif ts.signed:
        s += " " + L._(
            "This State signed the Statute on %(date)s but has not ratified it.",
            date=L.date(ts.signed),
        )
    return s


def outcome(L: Lang, code: str) -> str:
    return L._(OUTCOME_WORDS.get(code, code))


def custody(L: Lang, code: str) -> str:
    return L._(CUSTODY_WORDS.get(code, code.replace("_", " ")))


def status_word(L: Lang, code: str) -> str:
    return L._(STATUS_WORDS.get(code, code))


def referrals(L: Lang, codes: list[str]) -> str:
    return join(L, [L._(REFERRAL_WORDS.get(r, r)) for r in codes])


def finding_sentence(L: Lang, f: dict[str, Any], state: CountryName, person: str) -> str:
    """``On 24 October 2024 Pre-Trial Chamber II found that Mongolia had failed ...``."""
    import datetime as dt

    v = {
        "date": L.date(dt.date.fromisoformat(f["decision_date"])),
        "chamber": L.the_body(f["chamber"]),
        "state": state.subject,
        "of_state": state.of,
        "person": person,
    }
    s = L._(
        "On %(date)s %(chamber)s found that %(state)s had failed to comply with the Court's "
        "request to arrest and surrender %(person)s (art. 87(7))",
        **v,
    )
    if f.get("referred_to"):
        s += L._(
            " and referred the matter to %(bodies)s",
            bodies=referrals(L, list(f["referred_to"])),
        )
    return s + "."
