"""The shape of a briefing, independent of its output format.

A briefing is a title, a short callout, and sections made of blocks (paragraphs,
lists, quoted articles, tables, figures). Every statement is a :class:`Line` that
carries the numbers of the sources it rests on; :class:`Citations` hands out those
numbers in the order statements first cite a source, so the list at the end reads
in document order. The HTML (and so the PDF) and the Markdown renderings are two
templates over this one structure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from warrantwatch.law.records import SourceRef, best_first


class Citations:
    """Numbered sources, numbered by first citation; within one statement, best tier first."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self.sources: list[SourceRef] = []

    def cite(self, *groups: Iterable[SourceRef]) -> list[int]:
        out: list[int] = []
        for group in groups:
            for s in best_first(group):
                n = self._numbers.get(s.url)
                if n is None:
                    self.sources.append(s)
                    n = self._numbers[s.url] = len(self.sources)
                if n not in out:
                    out.append(n)
        return sorted(out)


@dataclass
class Line:
    """One statement and the numbers of its sources; ``flag`` marks contested or unverified."""

    text: str
    cites: list[int] = field(default_factory=list)
    flag: str | None = None


@dataclass
class QuoteView:
    ref: str
    title: str
    text: str
    cites: list[int] = field(default_factory=list)


@dataclass
class Table:
    headers: list[str]
    rows: list[list[str]]
    cites: list[list[int]] = field(default_factory=list)  # per row
    flags: list[str | None] = field(default_factory=list)  # per row


@dataclass
class Figure:
    svg: str
    caption: Line
    legend: list[tuple[str, str]] = field(default_factory=list)  # (css swatch class, label)
    alt: str = ""


BlockKind = Literal["para", "list", "quotes", "table", "figure", "note"]


@dataclass
class Block:
    kind: BlockKind
    lines: list[Line] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    table: Table | None = None
    figure: Figure | None = None
    heading: str | None = None


@dataclass
class Section:
    anchor: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    flag: str | None = None
    #: start the section on a new page in print (figures that need the width)
    page_break: bool = False

    def para(self, *lines: Line, heading: str | None = None) -> None:
        self.blocks.append(Block("para", lines=list(lines), heading=heading))

    def bullets(self, lines: list[Line], heading: str | None = None) -> None:
        if lines:
            self.blocks.append(Block("list", lines=lines, heading=heading))

    def note(self, *lines: Line) -> None:
        self.blocks.append(Block("note", lines=list(lines)))


@dataclass
class Briefing:
    kind: Literal["visit", "person", "state"]
    lang: str
    title: str
    subtitle: str
    summary: list[Line]
    verdict: Line | None
    sections: list[Section]
    sources: list[SourceRef]
    generated: dt.date
    as_of: dt.date
    source_heading: str = "Sources"
    labels: dict[str, str] = field(default_factory=dict)
