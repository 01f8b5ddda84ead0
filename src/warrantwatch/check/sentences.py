"""Splitting a statement into sentences, keeping where each one starts in the text.

Offsets are kept so the site can highlight each sentence in place. Abbreviations that
statements use ("art.", "para.", "No.", "Mr.") do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = re.compile(
    r"(?:\b(?:art|arts|para|paras|no|nos|mr|mrs|ms|dr|st|vol|p|pp|cf|e\.g|i\.e|etc|ibid|M|Mme)"
    r"|\b[A-Z])\.$",
    re.IGNORECASE,
)
_END = re.compile(r"[.!?…]+[\"'”»)\]]*(?=\s+|$)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    """Sentences of ``text`` with their offsets; blank lines and headings end a sentence."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        if m.group(0).startswith(".") and _ABBREV.search(
            text[max(0, m.start() - 6) : m.start() + 1]
        ):
            continue
        _add(out, text, start, m.end())
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    for line_start, line in _lines(text[start:end], start):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append(Sentence(line_start + lead, line_start + lead + len(stripped), stripped))


def _lines(chunk: str, offset: int) -> list[tuple[int, str]]:
    """A chunk split at blank lines (paragraphs), so a heading is a sentence of its own."""
    parts: list[tuple[int, str]] = []
    pos = 0
    for m in re.finditer(r"\n\s*\n", chunk):
        parts.append((offset + pos, chunk[pos : m.start()]))
        pos = m.end()
    parts.append((offset + pos, chunk[pos:]))
    return parts
