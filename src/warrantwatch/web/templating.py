"""The Jinja2 environment: autoescaping on, plus the filters the templates speak in.

Text that came from the news (evidence snippets, titles) goes through ``clean``: nh3
strips every tag but a few harmless inline ones, so a hostile feed cannot put script
or markup into a page; everything else is escaped by Jinja's autoescape.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import nh3
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from warrantwatch.law.explain import OUTCOME_WORDS
from warrantwatch.law.wording import STATUS_WORDS, long_date, office_span
from warrantwatch.monitor.feeds import is_web_address

TEMPLATES = Path(__file__).with_name("templates")
SAFE_TAGS = {"b", "i", "em", "strong", "mark"}

BASIS_WORDS = {
    "state_party": "State Party (arts. 86, 89(1))",
    "art_12_3_declaration": "declaration accepting jurisdiction (art. 12(3))",
    "unsc_referral": "Security Council referral (art. 13(b))",
    "art_127_2_continuing": "continuing duty after withdrawal (art. 127(2))",
}
ACTION_WORDS = {
    "signature": "Signed",
    "ratification": "Ratified (instrument deposited)",
    "acceptance": "Accepted (instrument deposited)",
    "approval": "Approved (instrument deposited)",
    "accession": "Acceded (instrument deposited)",
    "succession": "Succeeded",
    "signature_withdrawn": "Gave notice it does not intend to become a party",
    "instrument_withdrawn": "Withdrew its instrument before entry into force",
    "withdrawal_announced": "Announced withdrawal (not notified)",
    "withdrawal_notified": "Notified withdrawal (art. 127(1))",
    "withdrawal_revoked": "Revoked its withdrawal",
}
REFERRAL_WORDS = {"asp": "Assembly of States Parties", "unsc": "Security Council"}


def clean(text: Any) -> Markup:
    """News text made safe to show: only simple emphasis tags survive."""
    if text is None:
        return Markup("")
    return Markup(nh3.clean(str(text), tags=SAFE_TAGS, attributes={}))


def words(value: Any) -> str:
    return str(value or "").replace("_", " ")


def _day_of(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def long_date_iso(value: str | dt.date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return long_date(value)


def paras(text: str) -> Markup:
    """Statute text (numbered paragraphs on their own lines) as escaped paragraphs."""
    parts = [p for p in str(text).split("\n") if p.strip()]
    return Markup("".join(f"<p>{escape(p)}</p>" for p in parts))


def explanation(text: str) -> Markup:
    """The engine's explanation: blank-line paragraphs; lines starting ``- `` become a list."""
    out = []
    for block in str(text).split("\n\n"):
        if block.startswith("What happened before:"):
            continue  # the page has its own "What happened before" section: say it once
        lines = block.split("\n")
        head = [ln for ln in lines if not ln.startswith("- ")]
        items = [ln[2:] for ln in lines if ln.startswith("- ")]
        if head:
            out.append(f"<p>{escape(' '.join(head))}</p>")
        if items:
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>")
    return Markup("".join(out))


def make_templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    env = t.env
    env.autoescape = True
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters.update(
        clean=clean,
        words=words,
        long_date=long_date_iso,
        long_date_iso=long_date_iso,
        paras=paras,
        explanation=explanation,
        status_words=lambda s: STATUS_WORDS.get(s, words(s)),
        outcome_words=lambda s: OUTCOME_WORDS.get(s, words(s)),
        office_span=lambda x: office_span(_day_of(x.get("start")), _day_of(x.get("end"))),
        basis_words=lambda s: BASIS_WORDS.get(s, words(s)),
        action_words=lambda s: ACTION_WORDS.get(s, words(s)),
        referral_words=lambda s: REFERRAL_WORDS.get(s, words(s)),
    )
    # only http(s) addresses become links: a javascript: or data: address from a feed
    # or an archive is shown as text, never as something to click
    env.tests["web_address"] = is_web_address
    env.globals["tier_names"] = tier_names()
    return t


def tier_names() -> dict[int, str]:
    """What each source tier means (the badges' tooltips), from the rule file in force."""
    from warrantwatch.config import get_settings
    from warrantwatch.kb.tiers import TierRulesError, rules_for

    try:
        return rules_for(get_settings().data_dir).descriptions
    except TierRulesError:
        return {}
