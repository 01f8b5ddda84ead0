"""Sentences and paragraphs: the units the scanner decides on.

A trip is reported in a sentence ("Putin will visit Tajikistan on Thursday") or in
two neighbouring ones ("Putin is expected in Central Asia. He will arrive in Dushanbe
on Thursday."); background is a matter of paragraphs ("In September 2024, he visited
Mongolia. He was not arrested."). Splitting is rule-based and multilingual: end
punctuation followed by space, except after abbreviations and initials ("Mr.", "M.",
"V. Putin", "U.S."), and every line break ends a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longer than any sentence of real news: a run without a full stop beyond this (a hostile
# page, a list without punctuation, a transcript) is cut at a comma, semicolon or space, so
# that the rules, which relate every cue of a sentence to its places and dates, stay linear
# in the length of the text.
MAX_SENTENCE = 1500

# Chinese and Japanese full stops end a sentence without a space after them.
# The last branch: a full stop glued between two words, as scraped pages often have it
# ("... con Gaza.Durante la sua visita"): a lower-case word, the stop, a capitalised one.
_BOUNDARY = re.compile(
    r"[.!?؟…։]+[\"'»”’)\]]*\s+|[。！？]+[」』\"'”’）)]*\s*|\n\s*"
    r"|(?<=[a-zß-ÿа-яё]{2})\.(?=[A-ZÀ-ÞА-ЯЁ][a-zß-ÿа-яё])"
)
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "vs",
        "etc",
        "no",
        "nos",
        "art",
        "arts",
        "para",
        "paras",
        "sec",
        "cf",
        "ca",
        "approx",
        "dept",
        "est",
        "fig",
        "inc",
        "ltd",
        "co",
        "corp",
        "mt",
        "ft",
        "mme",
        "mlle",
        "mgr",
        "me",
        "sra",
        "srta",
        "dott",
        "sig",
        "hr",
        "fr",
        "frau",
        "herr",
        "nr",
        "abs",
        "str",
        "bzw",
        "ggf",
        "vgl",
        "usw",
        "z.b",
        "u.a",
        "d.h",
        "sv",
        "av",
        "gal",
        "г",
        "гг",
        "им",
        "т.е",
        "т.д",
        "ул",
        "св",
        "д",
        "проф",
        "акад",
        "ген",
        "им",
        "см",
        "стр",
        "тов",
        "пп",
        "ст",
        "сен",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


def split(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` as offsets, each with a paragraph number.

    ``start`` should begin a paragraph (or the text). Paragraph numbers count the line
    breaks before the sentence, so they are comparable across calls on the same text:
    two sentences are in the same paragraph when their numbers are equal.
    """
    out: list[Sentence] = []
    stop = len(text) if end is None else end
    para = text.count("\n", 0, start)
    for m in _BOUNDARY.finditer(text, start, stop):
        gap = m.group(0)
        newlines = gap.count("\n")
        if not newlines:
            # The word before the period: an abbreviation or an initial does not end a sentence.
            j = m.start()
            k = j
            while k > start and not text[k - 1].isspace():
                k -= 1
            word = text[k:j].lower().strip("(\"'«“")
            if gap.startswith(".") and (word in _ABBREV or (len(word) == 1 and word.isalpha())):
                continue
            if "." in word and len(word) <= 5 and word.replace(".", "").isalpha():
                continue  # U.S. / e.g. / z.B.
            if gap.startswith(".") and word.isdigit() and len(word) <= 2:
                continue  # German ordinals and dates: "am 9. Oktober"
            nxt = m.end()
            if nxt < stop and text[nxt].islower():
                continue
        sentence_end = m.start() + len(gap.rstrip())
        _append(out, text, start, sentence_end, para)
        start = m.end()
        para += newlines
    if start < stop:
        _append(out, text, start, stop, para)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, para: int) -> None:
    """Add ``text[start:end]`` as one sentence, or as pieces of at most ``MAX_SENTENCE``."""
    while end - start > MAX_SENTENCE:
        hi = start + MAX_SENTENCE
        cut = max(text.rfind(c, hi - 300, hi) for c in ",;،")  # a clause break near the cap
        if cut < 0:
            cut = text.rfind(" ", start, hi)  # else a word break
        cut = cut + 1 if cut > start else hi
        if text[start:cut].strip():
            out.append(Sentence(start, cut, para))
        start = cut
    if text[start:end].strip():
        out.append(Sentence(start, end, para))
