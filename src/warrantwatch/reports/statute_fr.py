"""The Rome Statute quoted in French, from the authentic French text held in the data.

``data/statute/rome_statute_fr.yaml`` holds the articles Warrant Watch cites, each with the
page it was copied from. A paragraph not yet copied is not invented: :func:`french_quote`
returns ``None`` and the briefing quotes the English text, saying so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from warrantwatch.law.records import ArticleRec, SourceRef
from warrantwatch.law.statute import Quote, UnknownArticle, quote

FRENCH_FILE = Path(__file__).resolve().parent.parent / "data" / "statute" / "rome_statute_fr.yaml"
_REF = re.compile(r"^(?P<art>\d+(?: bis| ter)?)(?:\((?P<para>\d+)\))?")


@dataclass(frozen=True, slots=True)
class FrenchArticle:
    article: ArticleRec
    source: SourceRef
    missing: frozenset[str]


@cache
def french_articles(path: Path = FRENCH_FILE) -> dict[str, FrenchArticle]:
    """The French articles on file, by number."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, FrenchArticle] = {}
    for a in raw["articles"]:
        src = a["source"]
        out[str(a["number"])] = FrenchArticle(
            ArticleRec(number=str(a["number"]), title=a["title"], text=a["text"]),
            SourceRef(url=src["url"], publisher=src["publisher"], title=src["title"]),
            frozenset(str(m) for m in a.get("missing", [])),
        )
    return out


def french_quote(ref: str) -> tuple[Quote, SourceRef] | None:
    """``ref`` in the authentic French text, or ``None`` when it is not on file.

    A whole article of which only some paragraphs are on file is quoted as those
    paragraphs, with a reference that says which (``27`` becomes ``27(2)``).
    """
    m = _REF.match(ref.strip())
    fa = french_articles().get(m["art"]) if m else None
    if m is None or fa is None:
        return None
    if m["para"] and m["para"] in fa.missing:
        return None
    try:
        q = quote({fa.article.number: fa.article}, ref)
    except UnknownArticle:
        return None
    if not m["para"] and fa.missing:
        present = re.findall(r"^(\d+)\. ", fa.article.text, flags=re.M)
        shown = ref + "".join(f"({p})" for p in present[:1]) if len(present) == 1 else ref
        q = Quote(ref=shown, article=q.article, title=q.title, text=q.text)
    return q, fa.source
