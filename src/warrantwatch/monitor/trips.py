"""From hits to trips: the rules that decide, sentence by sentence, what a text reports.

Input is one text's hits (persons already identified, places, cue codes, date words)
and its sentences. For each sentence that names a person with a warrant *and* has
travel wording, the rules pick:

* **the destination**: a place in the same clause, nearest the travel word, after a
  destination preposition ("to", "в", "à", "nach", "إلى") rather than a source one
  ("from", "из"); not the person's own country ("Russian President"); not a place
  only mentioned ("should be in The Hague"); a city and its country are one place.
  Without a place in the sentence, the next or previous sentence of the paragraph may
  give it ("... is expected in Central Asia. He will arrive in Dushanbe ...");
* **the status**: an arrest carried out (not "must arrest"), a cancellation or a
  deputy sent instead, else planned or occurred from tense words and the date;
* **the date**: the date phrase nearest the destination, resolved against the
  publication date in the direction of the status;
* **background**: a past trip recalled ("last year", "in 2024", a date weeks before
  publication, or a paragraph that began so) is dropped;
* **hypotheticals**: "if he travels to France" reports no trip.

A sentence without a name but with a pronoun or title ("He", "the Russian president",
"Le chef du Kremlin") and travel wording continues the person of the sentence before.
Each candidate carries a confidence; :mod:`warrantwatch.monitor.scanner` merges the
candidates of one text per person and destination.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from warrantwatch.monitor.cues import TRIP_CODES
from warrantwatch.monitor.dates import DateMention, month_end, numeric_dates, resolve, years_in
from warrantwatch.monitor.lexicon import Words, words_for
from warrantwatch.monitor.matcher import Hit
from warrantwatch.monitor.segments import Sentence

STATUS_RANK = {"arrest": 3, "cancelled": 2, "occurred": 1, "planned": 0}


@dataclass
class Reading:
    """One text as the rules see it (built by the scanner)."""

    text: str
    norm: str
    sentences: list[Sentence]
    persons: list[tuple[Hit, str]]  # resolved person hits
    places: list[Hit]
    cues: list[Hit]
    dates: list[DateMention]
    published: dt.date | None
    language: str | None
    nationality: dict[str, tuple[str, ...]]
    #: Per person, the territories of the situations in which they are wanted.
    situation_lands: dict[str, tuple[str, ...]] = field(default_factory=dict)
    strong_persons: frozenset[str] = frozenset()
    #: The word lists of the text's language(s) (all languages when unknown).
    words: Words = field(default_factory=words_for)
    #: The language an event reports (the article's, or the one identified).
    reported: str | None = None
    #: Without any report date, the latest year the text names: the year of a day and
    #: month given alone ("on 3 September").
    year_hint: int | None = None
    #: Without any report date, the latest full date the text names (not a warrant's):
    #: the report is not older, so "on Wednesday" is the first Wednesday from it.
    date_floor: dt.date | None = None
    #: The day of the text's dateline or head time stamp, if it has one.
    dateline: dt.date | None = None


@dataclass
class Candidate:
    person: str
    iso2: str
    place: str | None
    status: str
    date: dt.date | None
    confidence: float
    evidence: list[tuple[int, int]] = field(default_factory=list)  # sentence spans
    background: bool = False
    sentence: int = 0
    #: a day and month the text gives without any year to place them (no report date,
    #: no year named): the scanner places them on a recorded trip of that day, if any
    day_month: tuple[int, int] | None = None


@dataclass
class _Sent:
    idx: int
    start: int
    end: int
    paragraph: int
    persons: list[tuple[Hit, str]] = field(default_factory=list)
    places: list[Hit] = field(default_factory=list)
    cues: list[Hit] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    background: bool = False


#: How close after a meeting noun (MEET) the person must be named for it to be their trip.
MEET_REACH = 12

#: A day of the month after a weekday ("دوشنبه، ۲۰ مارچ", "душанбе, 20 март").
_DAY_NUMBER_AFTER = re.compile(r"[^\S\n]*[,،]?[^\S\n]*\d{1,2}(?!\d)")

#: A page's time stamp opening a paragraph before its dateline ("date 2025-07-21 ").
_STAMP = re.compile(r"^\s*(?:[^\W\d_]+\s+)?(?:19|20)\d{2}-\d{2}-\d{2}(?:[T ][\d:]+)?\s+")


def _code(h: Hit) -> str:
    return h.entry.data  # type: ignore[no-any-return]


def _assign(r: Reading) -> list[_Sent]:
    sents = [_Sent(i, s.start, s.end, s.paragraph) for i, s in enumerate(r.sentences)]
    starts = [s.start for s in sents]

    def at(pos: int) -> _Sent | None:
        i = bisect.bisect_right(starts, pos) - 1
        return sents[i] if i >= 0 and pos < sents[i].end else None

    for h, pid in r.persons:
        s = at(h.start)
        if s is not None:
            s.persons.append((h, pid))
    for h in r.places:
        s = at(h.start)
        if s is not None:
            s.places.append(h)
    person_starts = sorted(h.start for h, _ in r.persons)
    for h in r.cues:
        s = at(h.start)
        if s is None:
            continue
        if h.entry.data == "MEET":
            # "встреча Путина и Трампа": the person's own meeting, a trip noun
            k = bisect.bisect_left(person_starts, h.end)
            if k == len(person_starts) or person_starts[k] - h.end > MEET_REACH:
                continue
            h = Hit(h.start, h.end, h.entry._replace(data="TN"))
        s.cues.append(h)
    for d in r.dates:
        s = at(d.start)
        if s is not None:
            s.dates.append(d)
    return sents


_T = TypeVar("_T", Hit, DateMention)


class _Positions(Generic[_T]):
    """Hits or date mentions sorted by start, for range queries by binary search."""

    def __init__(self, items: list[_T]) -> None:
        self.items = sorted(items, key=lambda h: h.start)
        self.starts = [h.start for h in self.items]

    def within(self, lo: int, hi: int) -> list[_T]:
        """The items that start in ``[lo, hi)``, in text order."""
        a = bisect.bisect_left(self.starts, lo)
        b = bisect.bisect_left(self.starts, hi)
        return self.items[a:b]


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _word_before(norm: str, pos: int) -> str:
    i = pos
    while i > 0 and norm[i - 1] == " ":
        i -= 1
    j = i
    while j > 0 and norm[j - 1].isalnum():
        j -= 1
    return norm[j:i]


_APOSTROPHES = frozenset("'’ʼ`´")


def _tail(r: Reading, p: Hit) -> str:
    """The ending glued to a place: "re" of "Budapestre", "a" of "Moğolistan'a" (after an
    apostrophe, which folding made a space); empty if a word ends with the place."""
    norm, i, n = r.norm, p.end, len(r.norm)
    if i < n and norm[i] == " " and r.text[i] in _APOSTROPHES:
        i += 1
    elif i + 1 < n and r.text[i] == "-" and norm[i + 1].isalpha() and r.words.marked:
        i += 1  # "Anchorage-ben": an ending after a hyphen, where a name is not spelt as said
    elif i < n and not norm[i].isalnum():
        return ""
    j = i
    while j < n and norm[j].isalnum():
        j += 1
    return norm[i:j]


def _followed_by(r: Reading, p: Hit, words: tuple[str, ...], tail: str) -> bool:
    """Whether a postposition of ``words`` follows the place (glued or as the next word)."""
    if not words:
        return False
    rest = r.norm[p.end : p.end + 24]
    if not r.words.spaces:
        return rest.startswith(words)  # 東京へ, 北京から
    if tail in words:
        return True  # 서울에, 서울로
    rest = rest.lstrip()
    return any(
        rest.startswith(a) and (len(rest) == len(a) or not rest[len(a)].isalnum()) for a in words
    )


def _mark(r: Reading, p: Hit) -> int:
    """+1 if the place is marked as a destination (a preposition before it, a proclitic,
    a glued ending or a postposition after it), -1 as a source, else 0."""
    w = r.words
    before = _word_before(r.norm, p.start)
    if before in w.dest or (
        p.entry.script == "arabic" and r.norm[p.start - 1 : p.start] in ("ب", "ل")
    ):
        return 1
    tail = _tail(r, p) if (w.glued or not w.spaces) else ""
    if tail and (tail in w.to_suffixes or tail in w.at_suffixes):
        return 1
    if w.marked and not tail and _inflected(r.norm[p.start : p.end], w):
        return 1  # a form listed with its ending ("Alaszkában")
    if _followed_by(r, p, w.to_after, tail):
        return 1
    if before in w.src:
        return -1
    if tail and tail in w.from_suffixes:
        return -1
    return -1 if _followed_by(r, p, w.from_after, tail) else 0


def _inflected(form: str, w: Words) -> bool:
    """Whether a place's listed form already ends in an ending of destination or location
    (the lengthened vowel of "Alaszkában" keeps the stem from matching alone)."""
    return any(
        form.endswith(x) and len(form) > len(x) + 2 for x in (*w.to_suffixes, *w.at_suffixes)
    )


def _origin_after(r: Reading, p: Hit) -> bool:
    """A place marked as an origin after it: "Budapestről", "Ankara'dan", "北京から"."""
    w = r.words
    if not (w.from_suffixes or w.from_after):
        return False
    tail = _tail(r, p) if (w.glued or not w.spaces) else ""
    return bool(tail and tail in w.from_suffixes) or _followed_by(r, p, w.from_after, tail)


def _clause(s: _Sent, hit: Hit, others: list[Hit]) -> tuple[int, int]:
    """The part of a sentence that belongs to one of several persons named in it."""
    lo, hi = s.start, s.end
    for o in others:
        if o.start > hit.end:
            hi = min(hi, o.start)
        elif o.end < hit.start:
            lo = max(lo, o.end)
    return lo, hi


def _in(span: tuple[int, int], h: Hit | DateMention) -> bool:
    return span[0] <= h.start < span[1]


_PAST_STATUSES = frozenset({"occurred", "cancelled", "arrest"})


def _cue_distance(place: Hit, cue: Hit) -> float:
    """Characters between a travel word and a place; words before the place bind closer."""
    if cue.end <= place.start:
        return float(place.start - cue.end)
    return max(0.0, (cue.start - place.end) * 1.5 + 15)


def _arrest_gap(place: Hit, arrests: list[Hit]) -> int:
    """Characters between a place and the nearest arrest word, before or after it."""
    return min(
        (c.start - place.end if place.end <= c.start else max(0, place.start - c.end))
        for c in arrests
    )


def _nearest_cue(place: Hit, cues: list[Hit]) -> Hit:
    return min(cues, key=lambda c: _cue_distance(place, c))


def _conjoined(norm: str, a: Hit, b: Hit, w: Words) -> bool:
    """Whether only a comma or a conjunction stands between places ``a`` and ``b``
    ("Kenya and Uganda", "China, India, Iran"), or a conjunction and a preposition of
    destination ("in die Emirate und nach Saudi-Arabien", "to Kenya and to Uganda")."""
    gap = norm[a.end : b.start].replace(",", " , ").split()
    if len(" ".join(gap)) <= 12 and all(g in w.gap for g in gap):
        return True
    return (
        len(" ".join(gap)) <= 16
        and any(g in w.gap and g != "," for g in gap)
        and bool(gap)
        and gap[-1] in w.dest
        and all(g in w.gap or g in w.dest for g in gap)
    )


def _blocks(blocker: Hit, arrest: Hit, verb_last: bool = False) -> bool:
    """Whether a duty or condition word governs an arrest word: a few words before it
    ("must arrest", "should he be arrested"), or the Slavic conditional particle right
    after it ("заарештувала б", "арестовали бы"); where the verb comes last, a demand or
    duty a few words after it ("逮捕し、ICCに引き渡すよう求めている": calls for him to be
    arrested and handed over)."""
    code = _code(blocker)
    if verb_last and code == "MOD" and 0 <= blocker.start - arrest.end <= 25:
        return True
    if code == "FUT":  # "ще бъде арестуван", "will be arrested": an arrest still to come
        return 0 <= arrest.start - blocker.end <= 12
    if code == "TP":  # "expected to execute the order to arrest him", "zugesagt, dass er
        # Deutschland besuchen ... kann, ohne dass er festgenommen worden ist": a trip or
        # a deed still to come governs the arrest word after it
        return 0 <= arrest.start - blocker.end <= 80
    if code == "COND":  # "ако дойде в България, ще бъде арестуван"; "... арестува, ако дойде"
        return -60 <= arrest.start - blocker.end <= 80
    return (
        0 <= arrest.start - blocker.end <= 40
        or blocker.start <= arrest.start < blocker.end
        or 0 <= blocker.start - arrest.end <= 2
    )


def _date_gap(text: str, d: DateMention | int, place: Hit, w: Words) -> int:
    """How far a date phrase is from a place: characters between them, and more across a
    comma or a conjunction ("до Астани, а 4 грудня — до Бішкека", "lunedì a Baku e
    mercoledì per Erevan": the second date is the second place's)."""
    start, end = (d, d) if isinstance(d, int) else (d.start, d.end)
    lo, hi = (end, place.start) if end <= place.start else (place.end, start)
    between = text[lo:hi]
    joined = "," in between or ";" in between or any(x in w.conj for x in between.split())
    return max(0, hi - lo) + (50 if joined else 0)


def _closest(text: str, d: DateMention, places: list[tuple[Hit, float]], w: Words) -> Hit:
    """Of several destinations in a sentence, the one a date phrase belongs to."""
    return min(places, key=lambda p: _date_gap(text, d, p[0], w))[0]


def _at_arrest(place: Hit, arrest: Hit, verb_last: bool) -> bool:
    """Whether ``place`` is where the arrest word says the arrest was made: just after it
    ("arrested at Manila's airport") or, where the verb comes last (German, Japanese,
    Turkish, Persian ...: ``verb_last`` in the language file), a few words before it ("am
    Flughafen Manila von der Polizei festgenommen", "マニラの空港で逮捕された"). Elsewhere a
    place further before the arrest word is rather its subject ("Moscow compared a possible
    arrest of Putin abroad to an act of war")."""
    return (-90 if verb_last else -30) <= place.start - arrest.end <= 60


#: Marks that close a clause in the scripts read: a date across one is another clause's.
_CLAUSE_BREAKS = frozenset(",;()،؛，、；（）")


@dataclass(frozen=True, slots=True)
class _Year:
    """A bare year ("in 2024") as a date-like mention, for telling background."""

    start: int
    end: int
    year: int


class Rules:
    """The decision rules, bound to one reading."""

    def __init__(self, r: Reading) -> None:
        self.r = r
        self.sents = _assign(r)
        # Sorted positions, so that "the places (dates, words) between lo and hi" is a
        # binary search, not a pass over the whole article for every candidate: scan time
        # stays linear in the length of the text.
        self._places = _Positions(r.places)
        self._dates = _Positions(r.dates)
        self._markers = _Positions(
            [
                *r.places,
                *(p for p, _ in r.persons),
                *(c for c in r.cues if c.entry.kind != "C" or _code(c) in TRIP_CODES),
            ]
        )
        self._covered = _Positions([*r.places, *r.cues, *r.dates])
        for s in self.sents:
            s.background = self._sentence_background(s)
        self._inherit_background()

    def _marked(self, lo: int, hi: int) -> bool:
        """Whether a person, a place or a travel word stands in ``norm[lo:hi]``."""
        return bool(self._markers.within(lo, hi))

    # --- age of dates: is a trip recalled rather than reported? -------------------------
    def _years(self, s: _Sent) -> list[_Year]:
        spans = [(d.start, d.end) for d in s.dates]
        out: list[_Year] = []
        for y in years_in(self.r.norm, s.start, s.end):
            pos = self.r.norm.find(str(y), s.start, s.end)
            while pos >= 0 and any(a <= pos < b for a, b in spans):
                pos = self.r.norm.find(str(y), pos + 4, s.end)
            if pos >= 0:
                out.append(_Year(pos, pos + 4, y))
        return out

    def _is_old(self, m: DateMention | _Year, status: str) -> bool:
        pub = self.r.published
        if _word_before(self.r.norm, m.start) in self.r.words.since:
            return False  # "since 2023", "wanted since March 2023": not the trip's date
        if pub is None:
            # Undated text: a year before the latest year it names is a recalled one
            # ("en août 2023" in a report that also speaks of 2025).
            year = m.year if isinstance(m, _Year) else m.year if m.kind in ("D", "Y") else 0
            hint = self.r.year_hint
            return bool(year and hint and year < hint)
        if isinstance(m, _Year):
            return m.year < pub.year
        if m.kind == "Y":
            if not m.year and status in ("planned", "cancelled"):
                return False  # "will not come to the summit in November": the coming one
            end = month_end(m, pub)
            return end is not None and (pub - end).days > 14
        if m.kind in ("D", "N", "R", "Q"):
            if status == "any":
                # a bare noun ("the summit is held on 22 August") has no tense: the day
                # nearest the report is the one meant, before or after it
                days = [d for d in (resolve(m, pub, True), resolve(m, pub, False)) if d]
                day = min(days, key=lambda d: abs((d - pub).days)) if days else None
            else:
                day = resolve(m, pub, ahead=status in ("planned", "cancelled"))
            return day is not None and (pub - day).days > 30
        return False

    def _nearest_mention(
        self, s: _Sent, span: tuple[int, int], *anchors: int
    ) -> DateMention | _Year | None:
        ms: list[DateMention | _Year] = [d for d in s.dates if _in(span, d)]
        ms += [y for y in self._years(s) if span[0] <= y.start < span[1]]
        ms = [m for m in ms if _word_before(self.r.norm, m.start) not in self.r.words.since]
        if not ms:
            return None
        norm = self.r.norm

        def gap(m: DateMention | _Year) -> tuple[bool, int]:
            # A date in the travel word's own clause before one across a comma: "Duterte,
            # who led the country from 2016 to 2022, was arrested early on Tuesday".
            a = min(anchors, key=lambda a: abs(m.start - a))
            lo, hi = (m.end, a) if m.start < a else (a, m.start)
            return any(ch in _CLAUSE_BREAKS for ch in norm[lo:hi]), abs(m.start - a)

        return min(ms, key=gap)

    def _sentence_background(self, s: _Sent) -> bool:
        codes = {_code(c) for c in s.cues}
        future = bool(codes & {"TP", "FUT"}) and "TO" not in codes
        if "BG" in codes and not future:
            return True
        trip = [c for c in s.cues if _code(c) in TRIP_CODES]
        if not trip or future:
            return False
        m = self._nearest_mention(s, (s.start, s.end), trip[0].start)
        nouns = all(_code(c) == "TN" for c in trip) and "PAST" not in codes
        return m is not None and self._is_old(m, "any" if nouns else "occurred")

    def _inherit_background(self) -> None:
        """A paragraph that began in the past stays there ("In 2024 he went. He was not ...")."""
        prev: _Sent | None = None
        for s in self.sents:
            if (
                not s.background
                and prev is not None
                and prev.background
                and prev.paragraph == s.paragraph
                and not s.dates
                and not ({_code(c) for c in s.cues} & {"TP", "FUT", "NOW"})
            ):
                s.background = True
            prev = s

    # --- candidates ---------------------------------------------------------------------
    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for i, s in enumerate(self.sents):
            trip_cues = [c for c in s.cues if _code(c) in TRIP_CODES]
            if not trip_cues:
                continue
            if self.r.text[s.start : s.end].rstrip(" \"'»”’)").endswith(("?", "؟")):
                continue  # a question reports nothing: "Would Hungary arrest Putin?"
            persons = [(h, pid) for h, pid in s.persons if not self._proxy(h)]
            if persons:
                hits = [h for h, _ in s.persons]
                seen: set[str] = set()
                for h, pid in persons:
                    if pid in seen:
                        continue
                    seen.add(pid)
                    others = [o for o, p in s.persons if p != pid]
                    span = _clause(s, h, others) if others else (s.start, s.end)
                    out.extend(self._decide(i, pid, span, anaphora=False, name_hits=hits))
            elif not s.persons and (
                any(_code(c) in ("ANA", "DEP", "CAN") for c in s.cues)
                or self._opens_arrest(s)
                or self._court_arrest(s)
                or self._zero_subject(s, trip_cues)
            ):
                ante = self._antecedent(i)
                named = {pid for _, pid in self.r.persons}
                if ante is None and len(named) == 1:
                    only = next(iter(named))
                    if any(_code(c) == "ARR" for c in s.cues) or self._title_of_own(s, only):
                        # "Italian authorities arrested the suspect in Turin"; "the Israeli
                        # prime minister arrived in Budapest": in a report that names one
                        # wanted person only (after this sentence, as leads often do)
                        ante = only
                if ante is not None:
                    out.extend(self._decide(i, ante, (s.start, s.end), anaphora=True, name_hits=[]))
        return out

    def _zero_subject(self, s: _Sent, trip_cues: list[Hit]) -> bool:
        """A sentence that reports a movement to a place without naming who moves: most
        languages drop a subject they have just named ("Arriverà il 3 febbraio a
        Washington", "Прибыл в Душанбе", "Washington'a gidecek"), and so do news leads in
        every language once the headline has named the person. Whoever is named alone in
        the sentence before is the traveller, unless someone else's name precedes the
        movement word here."""
        if not s.places or not any(_code(c) in ("TO", "TP") for c in trip_cues):
            return False
        return not self._traveller_before(s.start, trip_cues, [])

    def _opens_arrest(self, s: _Sent) -> bool:
        """Whether the sentence opens with an arrest word, its subject only in the verb
        ("Alikamatwa baada ya kuwasili ...", "Fue detenido en el aeropuerto"): he, the
        person named before. "Police arrested three protesters" opens with its subject."""
        return any(_code(c) == "ARR" and self._opens_with(s, c, "") for c in s.cues)

    def _court_arrest(self, s: _Sent) -> bool:
        """Whether the sentence reports an arrest and names the Court or its warrant
        ("federal police arrested a Libyan national wanted by the ICC at BER airport"):
        leads often tell of the arrest before they name the person, who is then the one
        wanted person the report names (see :meth:`candidates`)."""
        if not any(_code(c) == "ARR" for c in s.cues):
            return False
        text = self.r.norm[s.start : s.end]
        return any(w in text for w in self.r.words.court)

    def _opens_with(self, s: _Sent, c: Hit, quotes: str) -> bool:
        """Whether the word ``c`` opens sentence ``s``: only spaces (and ``quotes``)
        before it."""
        return not self.r.text[s.start : c.start].strip(" \t\n" + quotes)

    def _title_of_own(self, s: _Sent, pid: str) -> bool:
        """Whether a title with the person's own nationality stands in ``s`` ("the Israeli
        prime minister", "رئيس الوزراء الإسرائيلي", "le président russe")."""
        own = set(self.r.nationality.get(pid, ()))
        titles = [c for c in s.cues if _code(c) == "ANA"]
        return any(
            p.entry.data[2] == "demonym"
            and p.entry.data[0] in own
            and any(-25 <= p.start - c.end <= 25 or c.start <= p.start < c.end for c in titles)
            for p in s.places
        )

    def _real_trip_cues(self, cues: list[Hit]) -> list[Hit]:
        """The clause's travel words, less the hypothetical ones: a travel word a few words
        after "if" ("if the Israeli prime minister ever set foot in the country"), and an
        arrest word under a duty or condition ("would detain", "must arrest")."""
        conds = [c.end for c in cues if _code(c) == "COND"]
        blockers = [c for c in cues if _code(c) in ("MOD", "COND", "FUT")]
        out = []
        for c in cues:
            code = _code(c)
            if code not in TRIP_CODES:
                continue
            if any(0 <= c.start - e <= 40 for e in conds):
                continue
            if code == "ARR" and any(_blocks(b, c, self.r.words.verb_last) for b in blockers):
                continue
            out.append(c)
        return out

    def _hosts(self, pid: str, span: tuple[int, int], trip: list[Hit], names: list[Hit]) -> bool:
        """Whether the person, named before every travel word, is their host ("Putin
        welcomed leaders from China ... to Kazan"), not a traveller."""
        mine = [n for n in names if span[0] <= n.start < span[1]]
        if not mine:
            return False
        if self._hosts_verb_first(pid, mine, trip):
            return True
        if min(c.start for c in trip) < min(n.start for n in mine):
            return False
        if any(n.entry.script == "cyrillic" for n in mine):
            return False  # free word order: "Путина принял Си" is Putin received
        norm = self.r.norm
        return all(
            any(w in norm[c.start : c.end] for w in self.r.words.receive)
            and not norm[c.start : c.end].startswith(self.r.words.passive)
            for c in trip
        )

    def _hosts_verb_first(self, pid: str, mine: list[Hit], trip: list[Hit]) -> bool:
        """Arabic puts the verb first: "استقبل رئيس الوزراء الإسرائيلي بنيامين نتنياهو ...
        المبعوث" is Netanyahu receiving. The first noun after a receiving verb is its
        subject: the person is the host when no other country's title or demonym comes
        between ("استقبل الرئيس الصيني بوتين" is Xi receiving Putin)."""
        r = self.r
        first = min(n.start for n in mine)
        if mine[0].entry.script != "arabic":
            return False
        own = set(r.nationality.get(pid, ()))
        for c in trip:
            if not 0 <= first - c.end <= 60:
                continue
            if not any(w in r.norm[c.start : c.end] for w in self.r.words.receive):
                continue
            between = self._places.within(c.end, first)
            if all(p.entry.data[0] in own for p in between):
                return True
        return False

    def _proxy(self, h: Hit) -> bool:
        """Whether a name stands for someone acting for the person ("X's lawyer", "the
        lawyer of X", "адвокат X", "محامي X"): that someone's trip is not X's."""
        norm = self.r.norm
        words = norm[max(0, h.start - 60) : h.start].split()
        # "a letter from President Vladimir Putin", "رسالة من الرئيس فلاديمير بوتين"
        for _ in range(2):
            if words and (
                words[-1] in self.r.words.before_name or self.r.words.is_title(words[-1])
            ):
                words.pop()
        if words and (words[-1] in self.r.words.of or words[-1] in self.r.words.origin):
            words.pop()
        if words and self.r.words.is_proxy(words[-1]):
            return True
        after = norm[h.end : h.end + 30].split()
        if after[:1] == ["s"]:  # "Roe's lawyer" (the apostrophe folds to a space)
            after = after[1:]
        return (
            bool(after)
            and self.r.words.is_proxy(after[0])
            and norm[h.end : h.end + 1] in ("s", " ")
        )

    def _antecedent(self, i: int) -> str | None:
        """The person a pronoun or title stands for: named alone in the sentence before.

        A lead sentence that opens with a title ("Le chef du Kremlin est arrivé ...") may
        be followed by the name instead. A person named after a speech verb ("X said
        Putin should ...") is not the subject the next "he" refers to, unless the person
        travels in that sentence ("an aide told reporters that Putin will open a tour in
        Uzbekistan. He will then spend two days in Kyrgyzstan").
        """
        s = self.sents[i]
        if i > 0:
            prev = self.sents[i - 1]
            pids = {p for _, p in prev.persons}
            if len(pids) == 1:
                first = min(h.start for h, _ in prev.persons)
                reported = any(_code(c) == "SAY" and c.end <= first for c in prev.cues)
                travels = any(
                    _code(c) in TRIP_CODES and _code(c) != "TN" and c.start > first
                    for c in prev.cues
                )
                if not reported or travels:
                    return next(iter(pids))
                return None
            if pids:
                return None
        if i + 1 < len(self.sents) and self._leads_with_title(s):
            nxt = self.sents[i + 1]
            first_in_paragraph = i == 0 or self.sents[i - 1].paragraph != s.paragraph
            pids = {p for _, p in nxt.persons}
            if first_in_paragraph and nxt.paragraph == s.paragraph and len(pids) == 1:
                return next(iter(pids))
        return None

    def _leads_with_title(self, s: _Sent) -> bool:
        """Whether a title or pronoun is the subject of the sentence's first travel word
        ("Le chef du Kremlin est arrivé ..."), not a possessive further on ("Lavrov landed
        ... with his counterpart") nor a title before someone else's name ("President
        Volodymyr Zelensky arrived ...")."""
        trip = [c for c in s.cues if _code(c) in TRIP_CODES]
        if not trip:
            return False
        first = min(c.start for c in trip)
        return any(
            _code(c) == "ANA" and c.start < first for c in s.cues
        ) and not self._traveller_before(s.start, trip, [])

    def _decide(
        self, i: int, pid: str, span: tuple[int, int], *, anaphora: bool, name_hits: list[Hit]
    ) -> list[Candidate]:
        r = self.r
        s = self.sents[i]
        cues = [c for c in s.cues if _in(span, c)]
        trip = self._real_trip_cues(cues)
        if not trip:
            return []
        if any(_code(c) == "NONE" for c in cues):
            return []  # "no visit ... has been announced", "nicht geplant"
        if not anaphora and self._hosts(pid, span, trip, name_hits):
            return []
        first_trip = min(c.start for c in trip)
        # Hypothetical: a condition just before the travel wording ("If he travels to ...");
        # not one far before it ("arrest him should he set foot in Armenia, after the
        # Kremlin announced that he will travel to Yerevan on Thursday").
        # Where the condition follows the verb ("訪問した場合", "ziyaret ederse", "방문할 경우"),
        # it stands right after the travel word and makes even a past form conditional.
        conds = [c for c in cues if _code(c) == "COND"]
        if any(0 <= c.start - t.end <= 4 for c in conds for t in trip):
            return []
        # A sentence that opens with "if" ("Gdyby ... wyraził wolę osobistego udziału, rząd
        # powinien ...") is hypothetical up to its first comma, however long the clause.
        text = self.r.text
        opening = [c for c in conds if self._opens_with(s, c, "\"'„“”«»")]
        if opening and any(
            t.start >= opening[0].end and "," not in text[opening[0].end : t.start] for t in trip
        ):
            return []
        if any(first_trip - 80 <= c.start <= first_trip + 5 for c in conds) and not any(
            _code(c) in ("TO", "ARR", "CAN", "DEP") for c in trip
        ):
            return []
        if not anaphora and self._someone_else_travels(span, trip, name_hits):
            return []
        places = self._destinations(pid, span, cues, trip, name_hits)
        cross = False
        evidence = [(s.start, s.end)]
        place_sent, place_span, place_trip = s, span, trip
        if not places:
            for j in (i + 1, i - 1):
                if not 0 <= j < len(self.sents):
                    continue
                o = self.sents[j]
                if o.paragraph != s.paragraph or any(p != pid for _, p in o.persons):
                    continue
                o_trip = [c for c in o.cues if _code(c) in TRIP_CODES]
                if not o_trip:
                    continue
                if not self._leads_with_title(o) and (
                    j > i or self._traveller_before(o.start, o_trip, [])
                ):
                    continue  # the other sentence may be about someone else's trip
                # The next sentence must say "to/in X"; the one before may set the scene.
                cand = self._destinations(pid, (o.start, o.end), o.cues, o_trip, [], strict=j > i)
                if cand:
                    places, cross = cand, True
                    place_sent, place_span, place_trip = o, (o.start, o.end), o_trip
                    evidence = sorted([(s.start, s.end), (o.start, o.end)])
                    break
        if not places:
            return []
        dates = [d for d in s.dates if _in(span, d)]
        if cross:
            dates += place_sent.dates
        dates += numeric_dates(r.text, span[0], span[1], r.language, r.words)
        codes = {_code(c) for c in cues}
        strong_cue = any(_code(c) != "TN" for c in trip)
        out: list[Candidate] = []
        for ph, score in places:
            near = _nearest_cue(ph, place_trip)
            status = self._status(cues if not cross else cues + place_sent.cues, ph, near, pid)
            own = [d for d in dates if _closest(r.text, d, places, r.words) is ph]
            if not own:  # "on Wednesday both the UAE and Saudi Arabia": one date for both
                before = [q for q, _ in places if q.end <= ph.start]
                q = max(before, key=lambda h: h.end) if before else None
                if q is not None and _conjoined(r.norm, q, ph, r.words):
                    own = [d for d in dates if _closest(r.text, d, places, r.words) is q]
            movers = [c for c in place_trip if _code(c) != "TN"]
            anchor = min(movers, key=lambda c: c.start) if movers else near
            day, day_month = self._date(own, ph, status, [anchor], cues)
            if day is None and day_month is None:
                day, day_month = self._neighbour_date(i, pid, ph, status)
            if day is None and status == "occurred" and r.dateline and self._in_lead(s):
                day = r.dateline  # "DUSHANBE, Oct 8 (Reuters) - ... arrived": the report's day
            if day is None and status == "arrest" and r.published and self._in_lead(s):
                day = r.published  # an arrest is news the day it happens
            bg = self._background(
                s, place_sent, place_span if cross else span, ph, near, status, codes, day
            )
            if day is not None and r.published is not None:
                if (r.published - day).days > 30:
                    bg = True  # a trip dated weeks before the article is a recalled one
                if status == "planned" and (r.published - day).days > 3:
                    status = "occurred"
            conf = 0.45 + (0.2 if strong_cue else 0.1)
            conf += 0.15 if not cross else 0.0
            conf += 0.05 if ph.entry.data[2] == "city" else 0.0
            conf += 0.1 if day is not None else 0.0
            conf += 0.05 if pid in r.strong_persons else 0.0
            conf -= 0.1 if anaphora else 0.0
            conf -= 0.15 if ph.entry.data[2] == "demonym" else 0.0
            conf += min(0.1, max(-0.2, (score - 1.0) * 0.2))
            conf = max(0.05, min(0.99, conf))
            iso2, place, _ = ph.entry.data
            out.append(
                Candidate(
                    person=pid,
                    iso2=iso2,
                    place=place,
                    status=status,
                    date=day,
                    confidence=conf,
                    evidence=evidence,
                    background=bg,
                    sentence=i,
                    day_month=day_month if day is None else None,
                )
            )
        return out

    def _background(
        self,
        s: _Sent,
        place_sent: _Sent,
        span: tuple[int, int],
        place: Hit,
        near: Hit,
        status: str,
        codes: set[str],
        day: dt.date | None = None,
    ) -> bool:
        """Whether the trip is recalled rather than reported.

        A background word ("last year") says so unless the trip has a day of its own
        within the last two weeks: "arrived in N'Djamena on Wednesday, the first time
        since judges issued a warrant last year" reports this week's trip.
        """
        past = status in _PAST_STATUSES
        future = bool(codes & {"TP", "FUT"}) and not past
        pub = self.r.published
        recent = day is not None and pub is not None and (pub - day).days <= 14
        # An arrest stays news when a background word goes with it ("released X, who had
        # previously been detained on Sunday in Turin"); only its date can make it old.
        if "BG" in codes and not future and not recent and status != "arrest":
            return True
        if s.background and past and not s.dates and status != "arrest":
            return True
        if place_sent is not s and place_sent.background and not s.dates and status != "arrest":
            return True
        # "since Putin's trip to Mongolia": a trip named after "since" is over.
        before = self.r.norm[max(span[0], near.start - 30) : near.start].replace("'", " ").split()
        last = before[-3:]
        if any(w in self.r.words.since for w in last) and not any(
            any(ch.isdigit() for ch in w) for w in last
        ):
            return True
        m = self._nearest_mention(place_sent, span, near.start, place.end)
        return m is not None and self._is_old(m, status)

    def _someone_else_travels(
        self, span: tuple[int, int], trip: list[Hit], names: list[Hit]
    ) -> bool:
        """ "Lavrov arrived in Riyadh to prepare a summit between Putin and Trump": the
        traveller is the capitalised name before the travel word, not the person after it.

        Only for movement words (arrive, land, travel ...), not for the host's ("welcomed",
        "invited", "met"): "Xi welcomed Putin in Beijing" is Putin's trip.
        """
        mine = [n for n in names if span[0] <= n.start < span[1]]
        if not mine:
            return False
        first_name = min(n.start for n in mine)
        before = [c for c in trip if c.end <= first_name]
        if not before or len(before) < len(trip):
            return False  # the person comes first, or travel words follow the name too
        return self._traveller_before(span[0], before, names)

    def _traveller_before(self, lo: int, trip: list[Hit], names: list[Hit]) -> bool:
        """Whether a capitalised name other than ours precedes the first movement word.

        Arrests and cancellations are done to the person, and a host's words ("welcomed",
        "met") have the traveller as object, so only movement words count. German
        capitalises every noun: a capital letter says nothing there.
        """
        r = self.r
        movers = [
            c
            for c in trip
            if _code(c) in ("TO", "TP", "TN")
            and not any(h in r.norm[c.start : c.end] for h in self.r.words.host)
        ]
        if not movers or r.language == "de":
            return False
        cue = min(movers, key=lambda c: c.start)
        # Hits start before they end: any that covers a word here starts in this stretch or
        # at most a hit's length before it.
        near = self._covered.within(max(0, lo - 200), cue.start)
        covered = [(h.start, h.end) for h in (*near, *names)]
        pos = lo
        words = r.text[lo : cue.start].split()
        for k, w in enumerate(words):
            at = r.text.find(w, pos, cue.start)
            pos = at + len(w)
            # A sentence's first word is capitalised anyway; it names someone only when it is
            # the whole subject of the travel word ("Lavrov arrived in Riyadh ...").
            if k == 0 and len(words) > 1:
                continue
            if len(w) < 3 or not w[0].isupper() or not w[1:2].islower():
                continue
            if any(a <= at < b for a, b in covered):
                continue
            return True
        return False

    # --- status -------------------------------------------------------------------------
    def _status(self, cues: list[Hit], place: Hit, near: Hit, pid: str) -> str:
        """Arrest or cancellation anywhere in the clause; tense from the words near the place.

        A cancellation whose subject is a third state ("... after Malawi refused to host
        the summit") is that state's, not the traveller's.
        """
        cues = [c for c in cues if not self._third_state_cancels(c, place, pid)]
        codes = [_code(c) for c in cues]
        blockers = [c for c in cues if _code(c) in ("MOD", "COND", "FUT", "TP")]
        for c in cues:
            if _code(c) == "ARR" and not any(
                _blocks(b, c, self.r.words.verb_last) for b in blockers
            ):
                return "arrest"
        if "CAN" in codes or "DEP" in codes:
            return "cancelled"
        if "NARR" in codes and not ({"TP", "FUT"} & set(codes)):
            return "occurred"  # "was not arrested", but "se rendra ... ne sera pas arrêté"
        movers = [c for c in cues if _code(c) in ("TP", "TO") and 0 <= place.start - c.end <= 60]
        if self._negated(near, cues) or any(self._negated(m, cues) for m in movers):
            # "wird nicht am Treffen teilnehmen", "не поедет"; the verb before the place
            # counts even where a noun after it is nearer ("не полетить до ПАР на саміт")
            return "cancelled"
        after = [w.strip('.,،؛:!?»"') for w in self.r.norm[place.end : place.end + 12].split()[:1]]
        if after and after[0] in self.r.words.past_after and 0 <= place.start - near.end <= 25:
            return "occurred"  # "وارد تاجیکستان شد": the verb's past half after the place
        lo = min(near.start, place.start) - 60
        hi = max(near.end, place.end) + 25
        tensed = ("TP", "INV", "FUT", "TO", "PAST", "NOW")
        # Without a tense word near the place ("in visita in Tagikistan, dove resterà fino
        # a venerdì per il vertice ... a Dushanbe"), the clause's travel verbs decide.
        local = [c for c in cues if lo <= c.start < hi and _code(c) in tensed] or [
            c for c in cues if _code(c) in ("TO", "TP", "INV")
        ]
        speech = [c for c in cues if _code(c) in ("SAY", "ANN")]
        ahead = back = 0
        for c in local:
            code = _code(c)
            if code in ("PAST", "NOW") and any(0 <= c.start - q.end <= 12 for q in speech):
                continue  # "announced today that he will invite": the statement's time
            w = 2 if c is near else 1  # the travel word nearest the place counts double
            if code == "TP":
                ahead += 2 * w
            elif code in ("INV", "FUT"):
                ahead += w
            elif code == "TO":
                back += 2 * w
            elif code in ("PAST", "NOW"):
                back += w
        return "occurred" if back > ahead else "planned"

    def _negated(self, cue: Hit, cues: list[Hit]) -> bool:
        """Whether a negation governs a travel word: among the two words before it ("will
        not travel", "не поедет", "nu va merge"), or right after the future or modal
        auxiliary that leads to it ("wird nicht ... teilnehmen")."""
        neg = self.r.words.negation
        if not neg or _code(cue) not in ("TP", "TO", "TN", "INV"):
            return False
        norm = self.r.norm
        if neg.intersection(norm[max(0, cue.start - 25) : cue.start].split()[-2:]):
            return True
        return any(
            _code(c) == "FUT"
            and 0 <= cue.start - c.end <= 90
            and neg.intersection(norm[c.end : c.end + 14].split()[:1])
            for c in cues
        )

    def _third_state_cancels(self, cue: Hit, place: Hit, pid: str) -> bool:
        if _code(cue) not in ("CAN", "DEP"):
            return False
        mine = {place.entry.data[0], *self.r.nationality.get(pid, ())}
        return any(
            0 <= cue.start - p.end <= 12 and p.entry.data[0] not in mine
            for p in self._places.within(max(0, cue.start - 200), cue.start)
            if p.entry.data[2] != "demonym"
        )

    # --- destinations -------------------------------------------------------------------
    def _destinations(
        self,
        pid: str,
        span: tuple[int, int],
        cues: list[Hit],
        trip: list[Hit],
        name_hits: list[Hit],
        *,
        strict: bool = False,
    ) -> list[tuple[Hit, float]]:
        """Destinations in ``span``, best first; ``strict`` (another sentence) wants "to/in X"."""
        r = self.r
        # One's own country is no destination, except for an arrest there ("Duterte was
        # arrested at Manila's airport").
        arrests = [c for c in cues if _code(c) == "ARR"]
        home = set(r.nationality.get(pid, ()))
        own = set() if arrests else home
        lands = set(r.situation_lands.get(pid, ()))
        mention_ends = [c.end for c in cues if _code(c) == "MENT"]
        span_places = self._places.within(*span)
        in_span = [p for p in span_places if p.entry.data[0] not in own]
        if not in_span:
            return []
        span_norm = r.norm[span[0] : span[1]]
        attributes = self._attributes(span_places)
        scored: list[tuple[Hit, float, Hit]] = []
        capitals: set[Hit] = set()  # "the Kazakh capital": a demonym that names a city
        for p in in_span:
            _, place, kind = p.entry.data
            if any(0 <= p.start - e <= 30 for e in mention_ends):
                continue  # "should be in The Hague"
            if (place == "The Hague" or p.entry.data[0] == "NL") and any(
                w in span_norm for w in r.words.court
            ):
                continue  # the Court's seat: a surrender, not a trip ("transferred to the
                # Netherlands to ICC custody", "オランダ・ハーグのICCに移送")
            if any(n.start <= p.start < n.end for n in name_hits):
                continue
            if self._weekday_not_place(p):
                continue  # "دوشنبه، ۲۰ مارچ": Monday the 20th, not Dushanbe
            if self._in_bracket_dateline(p):
                continue  # "【モスクワ、ブリュッセル共同】": where the agency's bureaus are
            if p in attributes:
                continue  # "leaders from China, India and Iran"; "президенту Турции"
            # In the person's own situation the topic may stand further back ("crimini di
            # guerra nella Striscia di Gaza", "invazia rusă pe scară largă în Ucraina"):
            # that land is the subject of most news about them.
            reach = 6 if p.entry.data[0] in lands else 3
            if any(
                w.startswith(r.words.topic)
                for w in r.norm[max(0, p.start - 60) : p.start].split()[-reach:]
            ):
                continue  # "the situation in Burundi", "crimes committed in Darfur"
            if place in r.words.named_after and any(
                w in r.norm[max(0, p.start - 25) : p.end + 25] for w in r.words.named_after[place]
            ):
                continue  # the Rome Statute, the Shanghai Cooperation Organisation
            if kind == "demonym":
                around = r.norm[max(0, p.start - 25) : p.end + 25]
                arrest = any(_code(c) == "ARR" for c in cues) and any(
                    w in r.norm[max(0, p.start - 15) : p.end + 15] for w in r.words.police
                )
                if not arrest and not any(w in around for w in r.words.capital):
                    continue  # "Hungarian Prime Minister", "Ukrainian children"
                capitals.add(p)
                kind = "city"
            score = {"country": 1.0, "city": 1.1, "demonym": 0.45}[kind]
            near = _nearest_cue(p, trip)
            score -= min(_cue_distance(p, near), 300.0) / 400.0
            mark = _mark(r, p)
            dest = mark > 0
            at_arrest = any(_at_arrest(p, c, r.words.verb_last) for c in arrests)
            if p.entry.data[0] in home and not at_arrest:
                continue  # at home only "arrested at Manila's airport", not "... near Tripoli"
            if kind == "country" and not dest and p.entry.data[0] in lands and not at_arrest:
                continue  # "the invasion of Ukraine": the subject, not a destination (but
                # "フィリピン国内で逮捕された": arrested in the Philippines, his situation's land)
            if p.entry.data[0] in lands and not at_arrest and _code(near) not in ("TO", "TP"):
                continue  # the land of the person's situation is the news's subject: a trip
                # there needs a movement verb ("visited occupied Mariupol"), not a talk
                # "about the attacks on Gaza" nor a visit noun
            if dest:
                score += 0.3
            elif mark < 0:
                score -= 0.5
            if (strict or r.words.marked) and not dest and not at_arrest:
                continue  # "Brüsszel bírálatára": Brussels' criticism, not a way to Brussels
            if score >= 0.3:
                scored.append((p, score, near))
        if not scored:
            host = self._host_country(pid, span, trip, set(in_span), home)
            return [(host, 1.0)] if host is not None else []
        # "arrested at Manila's airport on his return from Hong Kong": where the arrest
        # names its place, that is the place; the rest is where he came from.
        at_arrest = [
            x for x in scored if any(_at_arrest(x[0], c, r.words.verb_last) for c in arrests)
        ]
        if at_arrest:
            # Not a place marked as the flight's origin when another is named, and of the
            # rest the place nearest the arrest word: "フィリピン国内で逮捕され ... オランダ・
            # ハーグに移送" was an arrest in the Philippines, the Netherlands came after.
            not_origin = [x for x in at_arrest if _mark(r, x[0]) >= 0] or at_arrest
            done = [  # "逮捕状を執行する可能性がある": a possible arrest says nowhere
                c
                for c in arrests
                if not any(_code(m) in ("MOD", "COND") and 0 <= m.start - c.end <= 10 for m in cues)
            ]
            if done:
                scored = [min(not_origin, key=lambda x: _arrest_gap(x[0], done))]
            else:
                scored = not_origin
        scored.sort(key=lambda x: -x[1])
        best_hit, best_score, best_near = scored[0]
        chosen = [(best_hit, best_score)]
        isos = {best_hit.entry.data[0]}
        ordered = sorted(scored, key=lambda x: x[0].start)
        # Conjoined places ("Kenya and Uganda") are several destinations.
        k = next(n for n, x in enumerate(ordered) if x[0] is best_hit)
        for step in (1, -1):
            j = k
            while 0 <= j + step < len(ordered):
                a, b = sorted((ordered[j][0], ordered[j + step][0]), key=lambda h: h.start)
                if not _conjoined(r.norm, a, b, r.words):
                    break
                nxt = ordered[j + step]
                if nxt[0].entry.data[0] not in isos and (
                    nxt[0].entry.data[2] != "demonym" or nxt[0] in capitals
                ):
                    isos.add(nxt[0].entry.data[0])
                    chosen.append((nxt[0], nxt[1]))
                j += step
        # A place with a travel word of its own ("arrived in Bishkek ... will continue to
        # Uzbekistan") is a further destination; so is one after "to/in" with a date of its
        # own, as in an itinerary ("lunedì a Baku ... e mercoledì per Erevan", "2 грудня
        # до Астани, а 4 грудня — до Бішкека").
        dated = [d.start for d in self._dates.within(*span)]
        for p, sc, near in scored[1:]:
            iso = p.entry.data[0]
            if iso in isos or (p.entry.data[2] == "demonym" and p not in capitals):
                continue
            own_word = near is not best_near and 0 <= p.start - near.end <= 25
            own_date = _mark(r, p) > 0 and any(
                (0 <= p.start - d <= 40 or 0 <= d - p.end <= 25)
                and min(scored, key=lambda x: _date_gap(r.text, d, x[0], r.words))[0] is p
                for d in dated
            )
            if ((own_word or own_date) and sc >= 1.0) or (own_date and sc >= 0.8):
                isos.add(iso)
                chosen.append((p, sc))
        # Name the city when one was given for the same country.
        merged: list[tuple[Hit, float]] = []
        for h, sc in chosen:
            iso = h.entry.data[0]
            city = next(
                (x for x in scored if x[0].entry.data[0] == iso and x[0].entry.data[2] == "city"),
                None,
            )
            merged.append(
                (city[0], sc) if city is not None and h.entry.data[2] != "city" else (h, sc)
            )
        return merged

    def _in_bracket_dateline(self, p: Hit) -> bool:
        """Whether a place stands in a bracketed dateline opening a line, as Japanese and
        Chinese wires write it ("【モスクワ共同】", "【3月13日 AFP】"): the bureau, not a
        destination."""
        text = self.r.text
        open_at = text.rfind("【", max(0, p.start - 30), p.start)
        if open_at < 0 or "】" in text[open_at : p.start]:
            return False
        line = text.rfind("\n", 0, open_at) + 1
        if _STAMP.sub("", text[line:open_at]).strip():
            return False
        close = text.find("】", p.end, p.end + 30)
        return close >= 0

    def _weekday_not_place(self, p: Hit) -> bool:
        """Whether a place name is a weekday here: Dushanbe is "Monday" in Persian, Tajik
        and Turkmen, and a weekday followed by its day of the month is a date."""
        if not any(
            d.kind == "W" and d.start <= p.start and p.end <= d.end + 3
            for d in self._dates.within(p.start - 3, p.end)
        ):
            return False
        if self.r.norm[p.start : p.end] in self.r.words.guarded_weekdays:
            return True  # its guard word ("روز دوشنبه") made it the weekday
        return _DAY_NUMBER_AFTER.match(self.r.norm, p.end) is not None

    def _host_country(
        self,
        pid: str,
        span: tuple[int, int],
        trip: list[Hit],
        places: set[Hit],
        home: set[str],
    ) -> Hit | None:
        """The host's country, when the host welcomes the person: "El primer ministro de
        Hungría, Viktor Orban, ha dado la bienvenida a Benjamin Netanyahu". The country
        is the host's title, before a receiving word, before the name."""
        norm, receive = self.r.norm, self.r.words.receive
        mine = [h.start for h, p in self.r.persons if p == pid and span[0] <= h.start < span[1]]
        if not mine or not receive or not trip:
            return None
        first = min(mine)
        for p in sorted(places, key=lambda h: -h.start):
            if p.entry.data[0] in home or p.start < span[0] or not 0 < first - p.end <= 120:
                continue
            between = norm[p.end : first]
            if any(w.rstrip("*") in between for w in receive):
                return p
        return None

    def _attributes(self, places: list[Hit]) -> set[Hit]:
        """Places that say where someone comes from or whose title it is, not where to: after
        "from" ("a flight from Dubai") or a title ("президенту Турции", "с представителями
        Ирана"), and the ones conjoined to them ("from China, India and Iran")."""
        norm, text = self.r.norm, self.r.text
        out: set[Hit] = set()
        # Two places joined by a hyphen name a pair, not a destination: "the Russia-China
        # summit", "Urusi-China", "Россия–Китай" (a bilateral meeting may be anywhere).
        ends = {h.end for h in places}
        starts = {h.start for h in places}
        for p in places:
            before = p.start >= 2 and text[p.start - 1] in "-–" and p.start - 1 in ends
            after = text[p.end : p.end + 1] in ("-", "–") and p.end + 1 in starts
            if before or after:
                out.add(p)
        prev: Hit | None = None
        for p in sorted(places, key=lambda h: h.start):
            before = _word_before(norm, p.start)
            # "كلاً من X و Y" is "both X and Y", not "from"
            both = before == "من" and "كلا من" in norm[max(0, p.start - 12) : p.start].replace(
                "\u064b", ""
            )
            marked = (
                (before in self.r.words.origin and not both)
                or self.r.words.is_title(before)
                or (before in self.r.words.of and self._title_before_of(p))
                or _origin_after(self.r, p)
                or self._title_after(p)
            )
            if marked or (
                prev is not None and prev in out and _conjoined(norm, prev, p, self.r.words)
            ):
                out.add(p)
            prev = p
        return out

    def _title_before_of(self, p: Hit) -> bool:
        """ "the envoys of Britain", "the president of Mongolia": a title, then "of", then
        the place (and "the" between them)."""
        words = self.r.norm[max(0, p.start - 40) : p.start].split()[:-1]
        w = self.r.words
        while words and words[-1] in w.before_name and not w.is_title(words[-1]):
            words.pop()
        return bool(words) and w.is_title(words[-1])

    def _title_after(self, p: Hit) -> bool:
        """Whether a title follows the place: the country is someone's ("몽골 대통령과",
        "İran Cumhurbaşkanı", "Беларусь президенти", "蒙古总统", "Mongolia's president").
        A genitive ending glued to the place, or split off by an apostrophe ("Türkiye'nin"),
        may stand between them."""
        norm, w = self.r.norm, self.r.words
        if not w.spaces:
            return norm[p.end : p.end + 40].lstrip().startswith(w.titles)
        j = p.end
        while j < len(norm) and norm[j].isalnum():
            j += 1  # the rest of the word: "ирана", "ირანის"
        rest = norm[j : j + 48].lstrip(" ")
        if self.r.text[j : j + 1] in ("'", "’", "ʼ"):
            rest = rest.partition(" ")[2]  # an ending after an apostrophe: "Türkiye'nin"
        word = rest.split(" ", 1)[0]
        return bool(word) and (rest.startswith(w.titles) or w.is_title(word))

    # --- dates --------------------------------------------------------------------------
    def _date(
        self,
        dates: list[DateMention],
        place: Hit,
        status: str,
        trip: list[Hit],
        cues: list[Hit],
    ) -> tuple[dt.date | None, tuple[int, int] | None]:
        """The trip's day: the date phrase nearest the place and its travel word; and,
        when no day can be placed in a year, the nearest day and month read.

        Not a date after "since" (but "seit Dienstag in New York": a weekday is when the
        stay began), nor the date of a statement ("said on Wednesday", "a indiqué
        vendredi", "on Monday called on"): a date a few words after a speech or
        announcement verb, with no person, place or travel word between them, or just
        before one; nor a dateline's ("NAIROBI, March 15 —").
        Of several, the one nearest the clause's first travel verb ("war am Mittwoch in
        Duschanbe gelandet ..., bevor am Donnerstag der Gipfel begann"; "a atterri jeudi à
        New York, où il doit s'exprimer vendredi"; "во вторник отправится ..., а в четверг
        примет участие в саммите").
        """
        speech = [c for c in cues if _code(c) in ("SAY", "ANN")]
        usable = [
            d
            for d in dates
            if d.kind in ("D", "W", "R", "N", "Q")
            and (
                d.kind in ("W", "R") or _word_before(self.r.norm, d.start) not in self.r.words.since
            )
            and not any(
                (0 <= d.start - c.end <= 30 and not self._marked(c.end, d.start))
                or (c.start >= d.end and not self.r.norm[d.end : c.start].strip(" "))
                for c in speech
            )
            and not self._dateline(d)
            and not self.r.words.until.intersection(
                self.r.norm[max(0, d.start - 20) : d.start].replace("'", " ").split()[-2:]
            )
        ]
        if not usable:
            return None, None
        ahead = status in ("planned", "cancelled")
        # A full date beats a weekday in the same phrase ("Thursday, 9 October 2025").
        usable.sort(key=lambda d: d.start)
        phrases: list[DateMention] = []
        for d in usable:
            last = phrases[-1] if phrases else None
            if last and last.kind == "W" and d.kind in ("D", "N") and 0 <= d.start - last.end < 12:
                phrases[-1] = d
                continue
            phrases.append(d)
        pub = self.r.published
        partial: tuple[int, int] | None = None
        lo, hi = (trip[0].start, trip[0].end) if trip else (place.start, place.end)
        phrases.sort(key=lambda d: d.start - hi if d.start >= hi else lo - d.end)
        for d in phrases:
            day = resolve(d, pub, ahead)
            if day is None and pub is None and d.kind == "D" and self.r.year_hint:
                day = _safe_day(self.r.year_hint, d.month, d.day)
            floor = self.r.date_floor
            if day is None and pub is None and d.kind == "W" and floor and d.direction == 0:
                day = floor + dt.timedelta(days=(d.weekday - floor.weekday()) % 7)
            if day is not None:
                return day, None
            if partial is None and pub is None and d.kind == "D" and d.month and d.day:
                partial = (d.month, d.day)
        return None, partial

    def _neighbour_date(
        self, i: int, pid: str, place: Hit, status: str
    ) -> tuple[dt.date | None, tuple[int, int] | None]:
        """A date for an undated trip from a sentence close by that is about the same
        trip: "Putin will not go to the summit in Johannesburg. The summit is held from 22
        to 24 August." The sentence must name the same country, or a meeting ("summit")
        and no other country, and no other person; it must not be background.
        """
        s = self.sents[i]
        iso2 = place.entry.data[0]
        for j in (i + 1, i + 2, i + 3, i - 1):
            if not 0 <= j < len(self.sents):
                continue
            o = self.sents[j]
            if abs(o.paragraph - s.paragraph) > 2 or o.background:
                continue
            if any(p != pid for _, p in o.persons):
                continue
            codes = {q.entry.data[0] for q in o.places}
            if codes - {iso2}:
                continue
            if iso2 not in codes and not any(_code(c) == "TN" for c in o.cues):
                continue
            dates = [d for d in o.dates if d.kind in ("D", "N") and not self._dateline(d)]
            if dates:
                return self._date(dates, place, status, [], [])
        return None, None

    def _in_lead(self, s: _Sent) -> bool:
        """Whether ``s`` opens the text: the headline, the dateline's sentence or the lead."""
        return s.start < 600

    def _dateline(self, d: DateMention) -> bool:
        """Whether ``d`` is the date of a dateline: "NAIROBI, March 15 —" opening a
        paragraph (the place in capitals, maybe its country, a comma, the date, then a
        dash, or a full stop and the lead: "DUSHANBE, Tajikistan, July 21. Russian ...").
        A page's time stamp before it ("2025-07-21 DUSHANBE, ...") does not hide it."""
        text = self.r.text
        lo = text.rfind("\n", max(0, d.start - 60), d.start) + 1
        if lo == 0 and d.start > 60:
            return False  # no line break close before it: not the head of a paragraph
        if d.kind == "N" and _STAMP.match(text[lo : d.end + 1]):
            return True  # the stamp itself: the page's day, not the trip's
        head = _STAMP.sub("", text[lo : d.start])
        if len(head) > 40 or not head.rstrip().endswith(","):
            return False
        parts = [p.strip() for p in head.rstrip().rstrip(",").split(",")]
        city = [c for c in parts[0] if c.isalpha()]
        if len(city) < 3 or not all(c.isupper() for c in city):
            return False
        if not all(w[:1].isupper() for p in parts[1:] for w in p.split()):
            return False  # "MOSCOW, Russia," yes; "MOSCOW, on" no
        # The mention may have taken the dash in (folding makes it a space).
        tail = text[d.start : d.end + 4]
        digits = [i for i, c in enumerate(tail) if c.isdigit()]
        if not digits:
            return False
        rest = text[d.start + digits[-1] + 1 : d.end + 40]
        after = rest.lstrip(" .,")
        if after.startswith("(") and 0 < after.find(")") < 25:
            after = after[after.find(")") + 1 :].lstrip()  # "Oct 8 (Reuters) -"
        if after[:1] in ("—", "–", "-", ":"):
            return True
        return rest.startswith(". ") and rest[2:3].isupper()
