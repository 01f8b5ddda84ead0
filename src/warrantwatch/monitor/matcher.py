"""One Aho-Corasick automaton for names, places, cue words and date words, one pass per text.

Every pattern of :mod:`names`, :mod:`places`, :mod:`cues` and :mod:`dates` is folded
(:func:`~warrantwatch.monitor.textnorm.fold`) and compiled into a single automaton of
ahocorasick-rs (the Rust ``aho-corasick`` crate), so a text is read once, whatever the
number of names or languages. No regular expression per name.

The pass is an overlapping search: it reports every occurrence of every pattern, in
order of where it ends, as the automaton's own string objects (position tuples would
cost more to build than the search itself on news dense with place names and dates).
That report settles the common case with one set test: an article that names nobody
with a warrant is done. In the few texts that name someone, each reported occurrence
is then placed with a short ``str.find`` from the previous one's end (no second
automaton pass), and only those within the stretches around the names (``WINDOW``),
which the rules read, are checked.

Aho-Corasick finds substrings; word boundaries are checked on the hits kept:

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
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

import ahocorasick_rs

# Entry kinds.
PERSON = "P"
PLACE = "L"
CUE = "C"
DATE = "D"

_SURROGATE = re.compile("[\ud800-\udfff]")
_AR_PROCLITICS = frozenset("وفبلك")
#: Scripts whose patterns are not anchored on a leading space: Arabic and Hebrew glue
#: proclitics to words; Chinese and Japanese do not separate words at all.
_UNANCHORED = frozenset({"arabic", "hebrew", "han"})
_HE_PROCLITICS = frozenset("ובלמהשכ")

#: The Rust automaton kind. A DFA runs fewer instructions per byte, but from ten thousand
#: patterns it takes ~0.15 s and ~30 MB to build at every start (it does not pickle) and
#: misses the CPU caches more; measured end to end it was slower at 40 MB
#: (benchmarks/scan_speed.py). The contiguous NFA builds in ~20 ms.
IMPLEMENTATION = "ContiguousNFA"


class Entry(NamedTuple):
    """What one pattern means; several entries may share a pattern ("Gbagbo").

    A named tuple rather than a dataclass: the compiled cache holds thousands, and
    tuples unpickle several times faster, which is most of a cached scanner's start-up.
    """

    kind: str
    data: Any
    stem: bool = False
    capital: bool = False
    exact_case: str | None = None
    script: str = "latin"
    #: The language files whose words these are (cue and date words); None for any
    #: language (names, places). A text read in other languages ignores the hit.
    langs: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    entry: Entry


#: What the automaton knows of one key: the phrase's length, its entries, whether one of
#: them is a person, and whether the key is anchored on a leading space (1) or not (0).
KeyInfo = tuple[int, tuple[Entry, ...], bool, int]


class Automaton:
    """The compiled patterns: a Rust automaton plus what each of its keys means.

    Pickles as its keys and their meanings (the Rust object does not pickle); the
    automaton is rebuilt on unpickling, in milliseconds.
    """

    __slots__ = ("_ac", "info", "keys", "longest", "person_keys")

    def __init__(self, info: dict[str, KeyInfo]) -> None:
        self.info = info
        self.keys = list(info)
        self.longest = max(map(len, self.keys), default=0)
        self.person_keys = frozenset(k for k, v in info.items() if v[2])
        self._ac = ahocorasick_rs.AhoCorasick(
            self.keys,
            store_patterns=True,
            implementation=getattr(ahocorasick_rs.Implementation, IMPLEMENTATION),
        )

    def __getstate__(self) -> dict[str, KeyInfo]:
        return self.info

    def __setstate__(self, info: dict[str, KeyInfo]) -> None:
        self.__init__(info)  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.keys)

    def occurring(self, padded: str) -> list[str]:
        """The keys that occur in ``padded`` (one automaton pass; repeats included)."""
        return self._ac.find_matches_as_strings(padded, overlapping=True)  # type: ignore[no-any-return]

    def search(self, padded: str) -> tuple[str, list[str]]:
        """:meth:`occurring`, for any text: lone surrogates (from broken JSON escapes),
        which UTF-8 cannot carry to the automaton, are read as U+FFFD, one for one.
        Returns the text searched and the keys found."""
        try:
            return padded, self.occurring(padded)
        except UnicodeEncodeError:
            clean = _SURROGATE.sub("\ufffd", padded)
            return clean, self.occurring(clean)


class PatternSet:
    """Patterns collected before the automaton is made."""

    def __init__(self) -> None:
        self._entries: dict[str, list[Entry]] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        """Add a meaning; the same meaning from another language widens its ``langs``."""
        if not phrase:
            return
        lst = self._entries.setdefault(phrase, [])
        if entry in lst:
            return
        bare = entry._replace(langs=None)
        for i, e in enumerate(lst):
            if e._replace(langs=None) == bare:
                if e.langs is not None:
                    lst[i] = e._replace(
                        langs=None if entry.langs is None else e.langs | entry.langs
                    )
                return
        lst.append(entry)

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self, phrase: str) -> list[Entry]:
        """What ``phrase`` means so far (nothing if it is no pattern)."""
        return self._entries.get(phrase, [])

    def build(self) -> Automaton:
        """The automaton; patterns of space-separated scripts are anchored on a space.

        Folding turns punctuation into spaces, so every word in the text follows a space
        (the text is padded with one). A pattern stored as " he" matches the word "he"
        and never the "he" inside "the": short cue words stop producing useless hits.
        Arabic and Hebrew attach prepositions to the word ("بطاجيكستان"), so their
        patterns stay unanchored and :func:`find` checks the proclitics.
        """
        info: dict[str, KeyInfo] = {}
        # Equal meanings shared as one object (11,000 entries are 2,800 distinct ones),
        # so the pickled cache stores each once and loads faster.
        shared: dict[tuple[Entry, ...], tuple[Entry, ...]] = {}
        one: dict[Entry, Entry] = {}
        for phrase, entries in self._entries.items():
            has_person = any(e.kind == PERSON for e in entries)
            anchored = phrase[0].isalnum() and entries[0].script not in _UNANCHORED
            key = " " + phrase if anchored else phrase
            meaning = tuple(one.setdefault(e, e) for e in entries)
            info[key] = (
                len(phrase),
                shared.setdefault(meaning, meaning),
                has_person,
                int(anchored),
            )
        return Automaton(info)


def _left_ok(norm: str, start: int, script: str) -> bool:
    if start == 0 or not norm[start - 1].isalnum():
        return True
    if script == "han":  # no word edges; only "1月" must not be read inside "11月"
        return not (norm[start].isdigit() and norm[start - 1].isdigit())
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


#: Korean is the one language of its script, and glues particles to names ("푸틴은").
_ALWAYS_GLUED = frozenset({"hangul"})


def names_anyone(automaton: Automaton, norm: str) -> bool:
    """Whether any person pattern occurs in ``norm`` (the folded text)."""
    return not automaton.person_keys.isdisjoint(automaton.search(" " + norm)[1])


#: Characters around a name within which places, cues and dates are kept: the rules look
#: at the name's sentence and its neighbours only.
WINDOW = 500
#: How far past the window a paragraph's edge is looked for (longer than real paragraphs).
PARAGRAPH_REACH = 3000


def windows(text: str, spans: list[tuple[int, int]], radius: int = WINDOW) -> list[tuple[int, int]]:
    """Stretches of ``text`` around ``spans``, widened to whole paragraphs, merged."""
    out: list[tuple[int, int]] = []
    n = len(text)
    for a, b in sorted(spans):
        # The paragraph's edge, looked for no further than PARAGRAPH_REACH: a page without
        # line breaks must not be searched end to end for every name (quadratic time).
        lo = max(0, a - radius)
        edge = text.rfind("\n", max(0, lo - PARAGRAPH_REACH), lo)
        lo = edge + 1 if edge >= 0 else max(0, lo - PARAGRAPH_REACH)
        hi = min(n, b + radius)
        edge = text.find("\n", hi, hi + PARAGRAPH_REACH)
        hi = edge if edge >= 0 else min(n, hi + PARAGRAPH_REACH)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _placed(padded: str, found: list[str], stop: int | None = None) -> list[tuple[int, str]] | None:
    """Where each reported occurrence is: (index in ``padded``, key), in report order.

    The overlapping search reports every occurrence of every key, in order of where
    they end; so each one is the first occurrence of its key ending at or after the
    previous one's end, a short ``str.find`` away (or the next one, if that very
    occurrence was placed already). None if the report does not fit that order.
    With ``stop``, placing ends at the first occurrence that starts after it: all later
    ones end later, so start after ``stop`` minus the longest key.
    """
    out: list[tuple[int, str]] = []
    end = 0
    at_end: tuple[str, ...] = ()  # the keys placed so far that end at ``end``
    find = padded.find
    for key in found:
        n = len(key)
        i = find(key, end - n if end > n else 0)
        if i < 0:
            return None
        if stop is not None and i > stop:
            break
        if i + n == end:
            if key in at_end:
                i = find(key, i + 1)
                if i < 0:
                    return None
                end = i + n
                at_end = (key,)
            else:
                at_end += (key,)
        else:
            end = i + n
            at_end = (key,)
        out.append((i, key))
    return out


def _placed_by_key(padded: str, found: list[str]) -> list[tuple[int, str]]:
    """Every occurrence of every reported key, found key by key (the slow, sure way)."""
    out: list[tuple[int, str]] = []
    for key in set(found):
        i = padded.find(key)
        while i >= 0:
            out.append((i, key))
            i = padded.find(key, i + 1)
    return out


def _accepts(
    e: Entry,
    norm: str,
    text: str,
    start: int,
    end: int,
    anchored: int,
    glued: frozenset[str] = frozenset(),
) -> bool:
    """Whether the occurrence ``norm[start:end]`` of a pattern stands for ``e``.

    The right edge: a word ends there, or the pattern is a stem ("visit*"), or a Latin
    name or place takes a genitive "s" ("Putins Besuch", "Ungarns"), or the script has
    no word edges (Chinese, Japanese), or a name or place in a script of ``glued`` (the
    scripts of the text's languages that glue endings: "Budapestre", "Путинге",
    "푸틴은") is followed by letters. The left edge: an anchored key begins after a
    space, so only unanchored ones are checked. Then case.
    """
    size = len(norm)
    if end < size and norm[end].isalnum() and not e.stem and e.script != "han":
        genitive = norm[end] == "s" and (end + 1 >= size or not norm[end + 1].isalnum())
        if not (genitive and e.script == "latin" and e.kind in (PERSON, PLACE)) and not (
            e.script in glued and e.kind in (PERSON, PLACE)
        ):
            return False
    if not anchored and not _left_ok(norm, start, e.script):
        return False
    if e.exact_case is not None:
        return text[start:end] == e.exact_case
    return not e.capital or text[start].isupper()


#: ``identifiable(keys, found)``: whether the person keys ``keys``, standing in a text
#: whose automaton report is ``found``, could name someone (see :func:`find`).
Identifiable = Callable[[set[str], list[str]], bool]
#: ``glue()``: the scripts in which names and places may take glued endings in this text,
#: and the languages it is read in (None: all); asked only of texts that may name someone
#: (it identifies the text's language). Cue and date words of other languages are
#: dropped before overlaps are settled, so they never hide this language's words.
Glue = Callable[[], tuple[frozenset[str], frozenset[str] | None]]


def find(
    automaton: Automaton,
    norm: str,
    text: str,
    identifiable: Identifiable | None = None,
    glue: Glue | None = None,
) -> tuple[list[Hit], list[tuple[int, int]]] | None:
    """Hits near names in ``norm`` (the folded ``text``) and the stretches kept.

    None when no person is named at all. One automaton pass tells which patterns occur.
    The names among them are placed first and checked at their edges and for case (a
    lowercase "said" is no "Said"); ``identifiable`` may then rule out a text whose only
    names cannot identify anyone (a common surname alone). Only then are the other
    patterns placed, and only those in the windows around names checked and kept.
    """
    # Padded with a space so that the first word is anchored like the others: a key
    # found at index i of the padded text starts at i - 1 + anchored in ``norm``.
    padded, found = automaton.search(" " + norm)
    person_keys = automaton.person_keys
    if person_keys.isdisjoint(found):
        return None
    present = person_keys.intersection(found)
    # Names that could not identify anyone even if every occurrence stood: done.
    if identifiable is not None and not identifiable(present, found):
        return None
    info = automaton.info
    glued, keep = glue() if glue is not None else (_ALWAYS_GLUED, None)
    # The names first, key by key (a text has few), to know the windows.
    names: list[tuple[int, int]] = []
    named: set[str] = set()
    for key in present:
        length, entries, _, anchored = info[key]
        people = [e for e in entries if e.kind == PERSON]
        i = padded.find(key)
        while i >= 0:
            start = i - 1 + anchored
            end = start + length
            if any(_accepts(e, norm, text, start, end, anchored, glued) for e in people):
                names.append((start, end))
                named.add(key)
            i = padded.find(key, i + 1)
    if not names or (
        identifiable is not None and named != present and not identifiable(named, found)
    ):
        return None
    wins = windows(text, names)
    starts = [lo for lo, _ in wins]
    first, last = wins[0][0], wins[-1][1]
    # Past the last window plus the longest key, no occurrence starts inside a window.
    beyond = last + automaton.longest
    placed = _placed(padded, found, beyond)
    if placed is None:
        placed = sorted(_placed_by_key(padded, found))
    several = len(wins) > 1
    hits: list[Hit] = []
    for i, key in placed:
        if i < first or i > beyond:
            continue
        length, entries, _, anchored = info[key]
        start = i - 1 + anchored
        if start < first or start >= last:
            continue
        if several:
            w = bisect.bisect_right(starts, start) - 1
            if start >= wins[w][1]:
                continue
        end = start + length
        for e in entries:
            if keep is not None and e.langs is not None and keep.isdisjoint(e.langs):
                continue
            if _accepts(e, norm, text, start, end, anchored, glued):
                hits.append(Hit(start, end, e))
    return settle(hits), wins


def settle(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest: drop hits inside a longer overlapping one; keep same-span siblings."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), h.entry.stem))
    out: list[Hit] = []
    last_end = -1
    span: tuple[int, int] | None = None
    span_stem = False
    span_kind = ""
    for h in hits:
        if span is not None and (h.start, h.end) == span:
            if h.entry.stem == span_stem:
                out.append(h)  # same words, another meaning ("Gbagbo" x2, "today" date+cue)
            continue
        if h.start < last_end:
            if h.entry.kind == PERSON and span_kind == CUE:
                out.append(h)  # "プーチン大統領" (a title cue) still names Putin
            continue
        out.append(h)
        span_kind = h.entry.kind
        span = (h.start, h.end)
        span_stem = h.entry.stem
        last_end = h.end
    return out
