"""One Aho-Corasick automaton for names, places, cue words and date words.

Every pattern of :mod:`names`, :mod:`places`, :mod:`cues` and :mod:`dates` is folded
(:func:`~warrantwatch.monitor.textnorm.fold`) and added to a single pyahocorasick
automaton, so a text is read once, whatever the number of names or languages. No
regular expression per name.

Aho-Corasick finds substrings; word boundaries are checked on the few hits:

* a match must start at a word boundary; Arabic and Hebrew allow one or two
  one-letter proclitics before it ("و", "ب", "ل" / "ו", "ב", "ל", "ה" ...);
* it must end at a word boundary, unless the pattern is a stem ("visit*"); Latin
  names and places may take a genitive "s" ("Putins Besuch", "Ungarns");
* names and places in Latin or Cyrillic script must start with a capital letter in
  the original text ("Chad", not "chad"); acronyms ("USA", "ЮАР") must match exactly.

Overlapping hits are settled leftmost-longest, exact before stem.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import ahocorasick

from warrantwatch.monitor.textnorm import script_of

# Entry kinds.
PERSON = "P"
PLACE = "L"
CUE = "C"
DATE = "D"

_AR_PROCLITICS = frozenset("وفبلك")
_HE_PROCLITICS = frozenset("ובלמהשכ")


@dataclass(frozen=True, slots=True)
class Entry:
    """What one pattern means; several entries may share a pattern ("Gbagbo")."""

    kind: str
    data: Any
    stem: bool = False
    capital: bool = False
    exact_case: str | None = None
    script: str = "latin"


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry


class PatternSet:
    """Patterns collected before the automaton is made."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        if not phrase:
            return
        lst = self._entries.setdefault(phrase, [])
        if entry not in lst:
            lst.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def build_gate(self) -> ahocorasick.Automaton:
        """A small automaton of the person patterns only: does the text name anyone at all?"""
        a = ahocorasick.Automaton()
        for phrase, entries in self._entries.items():
            if any(e.kind == PERSON for e in entries):
                anchored = phrase[0].isalnum() and entries[0].script not in ("arabic", "hebrew")
                a.add_word(" " + phrase if anchored else phrase, 1)
        a.make_automaton()
        return a

    def build(self) -> ahocorasick.Automaton:
        """The automaton; patterns of space-separated scripts are anchored on a space.

        Folding turns punctuation into spaces, so every word in the text follows a space
        (the text is padded with one). A pattern stored as " he" matches the word "he"
        and never the "he" inside "the": short cue words stop producing useless hits.
        Arabic and Hebrew attach prepositions to the word ("بطاجيكستان"), so their
        patterns stay unanchored and :func:`find` checks the proclitics.
        """
        a = ahocorasick.Automaton()
        for phrase, entries in self._entries.items():
            has_person = any(e.kind == PERSON for e in entries)
            anchored = phrase[0].isalnum() and entries[0].script not in ("arabic", "hebrew")
            key = " " + phrase if anchored else phrase
            a.add_word(key, (len(phrase), tuple(entries), has_person))
        a.make_automaton()
        return a


def entry_script(phrase: str) -> str:
    return script_of(phrase)


def _left_ok(norm: str, start: int, script: str) -> bool:
    if start == 0 or not norm[start - 1].isalnum():
        return True
    if script in ("arabic", "hebrew"):
        clitics = _AR_PROCLITICS if script == "arabic" else _HE_PROCLITICS
        i = start - 1
        for _ in range(2):
            if norm[i] not in clitics:
                return False
            if i == 0 or not norm[i - 1].isalnum():
                return True
            i -= 1
    return False


def _right_ok(norm: str, end: int, entry: Entry) -> bool:
    if entry.stem or end >= len(norm):
        return True
    c = norm[end]
    if not c.isalnum():
        return True
    if entry.kind in (PERSON, PLACE) and entry.script == "latin" and c == "s":
        return end + 1 >= len(norm) or not norm[end + 1].isalnum()
    return False


def names_anyone(gate: ahocorasick.Automaton, norm: str) -> bool:
    """Whether any person pattern occurs in ``norm`` (stops at the first occurrence)."""
    return next(gate.iter(" " + norm), None) is not None


#: Characters around a name within which places, cues and dates are kept: the rules look
#: at the name's sentence and its neighbours only.
WINDOW = 500


def windows(text: str, spans: list[tuple[int, int]], radius: int = WINDOW) -> list[tuple[int, int]]:
    """Stretches of ``text`` around ``spans``, widened to whole paragraphs, merged."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for a, b in sorted(spans):
        lo = text.rfind("\n", 0, max(0, a - radius)) + 1
        hi = text.find("\n", min(n, b + radius))
        hi = n if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def find(
    automaton: ahocorasick.Automaton, norm: str, text: str
) -> tuple[list[Hit], list[tuple[int, int]]] | None:
    """Hits near names in ``norm`` (the folded ``text``) and the stretches kept.

    None when no person is named at all. Only hits in the windows around names are
    checked and kept: a long article's other paragraphs cost one C-speed pass, nothing more.
    """
    # Padded with a space so that the first word is anchored like the others; an index
    # in the padded text is one more than in ``norm`` (hence end = end_idx, not + 1).
    raw = list(automaton.iter(" " + norm))
    names = [(e - v[0], e) for e, v in raw if v[2]]
    if not names:
        return None
    wins = windows(text, names)
    starts = [lo for lo, _ in wins]
    hits: list[Hit] = []
    for end_idx, (length, entries, _) in raw:
        end = end_idx
        start = end - length
        w = bisect.bisect_right(starts, start) - 1
        if w < 0 or start >= wins[w][1]:
            continue
        for e in entries:
            if not _left_ok(norm, start, e.script):
                continue
            if not _right_ok(norm, end, e):
                continue
            if e.exact_case is not None:
                if text[start:end] != e.exact_case:
                    continue
            elif e.capital and not text[start].isupper():
                continue
            hits.append(Hit(start, end, e))
    return settle(hits), wins


def settle(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest: drop hits inside a longer overlapping one; keep same-span siblings."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.entry.stem))
    out: list[Hit] = []
    last_end = -1
    span: tuple[int, int] | None = None
    span_stem = False
    for h in hits:
        if span is not None and (h.start, h.end) == span:
            if h.entry.stem == span_stem:
                out.append(h)  # same words, another meaning ("Gbagbo" x2, "today" date+cue)
            continue
        if h.start < last_end:
            continue
        out.append(h)
        span = (h.start, h.end)
        span_stem = h.entry.stem
        last_end = h.end
    return out
