"""Quoting the Rome Statute by reference: ``89(1)`` gives paragraph 1 of article 89, verbatim.

The law is quoted, never paraphrased: a citation carries the exact words of the
paragraph it relies on, so a reader can check the reasoning against the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warrantwatch.law.records import ArticleRec

STATUTE_CREDIT = (
    "Rome Statute of the International Criminal Court, text by Public.Law from the ICC's "
    "official text (https://www.icc-cpi.int/Publications/Rome-Statute.pdf), CC BY 4.0"
)
STATUTE_URL = "https://www.icc-cpi.int/Publications/Rome-Statute.pdf"

_REF = re.compile(r"^(?P<art>\d+(?: bis| ter)?)(?:\((?P<para>\d+)\))?(?:\((?P<sub>[a-z])\))?")


class UnknownArticle(LookupError):
    """A reference to an article or paragraph the Statute does not have."""


@dataclass(frozen=True, slots=True)
class Quote:
    ref: str
    article: str
    title: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {
            "ref": self.ref,
            "article": self.article,
            "title": self.title,
            "text": self.text,
            "source": STATUTE_CREDIT,
        }


def _paragraph(text: str, para: str) -> str:
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if ln.startswith(f"{para}. ")), None)
    if start is None:
        raise UnknownArticle(f"paragraph {para} not found")
    # The paragraph ends at the next numbered paragraph, whichever number it has (a text
    # holding only some paragraphs may skip one).
    later = re.compile(r"^(\d+)\. ")

    def ends(line: str) -> bool:
        m = later.match(line)
        return m is not None and int(m[1]) > int(para)

    end = next((i for i in range(start + 1, len(lines)) if ends(lines[i])), len(lines))
    return "\n".join(lines[start:end])


def _subparagraph(text: str, sub: str) -> str:
    lines = text.split("\n")

    def opens(line: str, letter: str) -> bool:
        # English "(b) ", French "b) "; either may follow a paragraph number ("5. (a) ").
        return bool(re.match(rf"^(?:\d+\. )?\(?{letter}\) ", line))

    start = next((i for i, ln in enumerate(lines) if opens(ln, sub)), None)
    if start is None:
        raise UnknownArticle(f"sub-paragraph ({sub}) not found")
    nxt = chr(ord(sub) + 1)
    end = next((i for i in range(start + 1, len(lines)) if opens(lines[i], nxt)), len(lines))
    return "\n".join(lines[start:end])


def quote(articles: dict[str, ArticleRec], ref: str) -> Quote:
    """The verbatim words of ``ref`` (``"86"``, ``"89(1)"``, ``"87(7)"``, ``"13(b)"``).

    A letter straight after the article number (``13(b)``) is a sub-paragraph of an
    article without numbered paragraphs.
    """
    m = _REF.match(ref.strip())
    if not m or m.end() != len(ref.strip()):
        raise UnknownArticle(f"not an article reference: {ref!r}")
    art = articles.get(m["art"])
    if art is None:
        raise UnknownArticle(f"the Rome Statute has no article {m['art']}")
    text = art.text
    if m["para"]:
        text = _paragraph(text, m["para"])
    if m["sub"]:
        text = _subparagraph(text, m["sub"])
    return Quote(ref=ref, article=art.number, title=art.title, text=text)
