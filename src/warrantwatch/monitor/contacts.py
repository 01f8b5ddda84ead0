"""Contacts in the news: a state's official meeting, calling, appearing with or writing to
a person subject to an ICC arrest warrant.

The Assembly of States Parties has urged States Parties' representatives to avoid
non-essential contact with persons subject to the Court's warrants; nobody keeps the record
of such contacts. This module finds them in the texts the scanner reads, beside (never
inside) the trip rules: :meth:`warrantwatch.monitor.scanner.Scanner.contacts` runs the
scanner's automaton pass (names, places, dates), and the rules here read each sentence that
names a person with an outstanding warrant:

- a **contact word** of the text's language (``[contacts]`` of the language file: meeting,
  call, joint appearance, letter or invitation);
- an **official** of another state: a knowledge-base official named in the sentence
  (``records/officials.yaml``: "Emomali Rahmon"), or an office word right beside a country
  name or demonym ("South Africa's president", "президент ЮАР", "le chef de la diplomatie
  brésilienne", "南非总统"); an office beside the person's own country is the person's
  own title ("Russian President Vladimir Putin") and is skipped;
- the date (the scanner's date reading), the place (a city in the sentence, else a country
  not used for an office), and whether the wording looks ahead (``planned``).

Each event says whether the official's state was a State Party on the day (the legal
engine's treaty status). The software reports contacts; it does not decide whether a
contact was essential.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from warrantwatch.law.records import OfficialRec
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.warrants import outstanding
from warrantwatch.monitor import matcher
from warrantwatch.monitor.dates import read_date, resolve
from warrantwatch.monitor.matcher import DATE, PERSON, PLACE, Hit
from warrantwatch.monitor.model import Article, ContactEvent
from warrantwatch.monitor.segments import split
from warrantwatch.monitor.textnorm import fold, script_of

if TYPE_CHECKING:
    from warrantwatch.law.world import World
    from warrantwatch.monitor.scanner import Scanner

#: Contact kinds by the language-file key that lists their words, strongest first: a
#: sentence with a call word and a summit word reports a call.
KIND_KEYS = (
    ("call", "call"),
    ("meet", "meeting"),
    ("letter", "letter"),
    ("joint", "joint_appearance"),
)
OFFICE_KEYS = ("head_of_state", "head_of_government", "foreign_minister")
#: Words allowed between an office word and its country ("President of Brazil", "Brazil's
#: president", "presidente de Brasil"): short function words only.
_GAP_WORDS = 3
_GAP_WORD_LEN = 3
MIN_CONFIDENCE = 0.4
_MAX_EVIDENCE = 900


@dataclass(frozen=True, slots=True)
class Word:
    """One folded phrase of the ``[contacts]`` section: what it means and how it matches."""

    phrase: str
    stem: bool
    group: str  # a KIND_KEYS key, "planned", or an office
    edges: bool  # word edges are checked (not in Chinese/Japanese, not Arabic proclitics)


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    word: Word


@lru_cache(maxsize=64)
def contact_words(codes: tuple[str, ...] | None) -> tuple[Word, ...]:
    """The contact words of the language files ``codes`` (every file when None), folded."""
    from warrantwatch.monitor.languages import languages

    langs = languages()
    chosen = [langs[c] for c in codes if c in langs] if codes else []
    if not chosen:
        chosen = list(langs.values())
    out: list[Word] = []
    for lang in chosen:
        c = lang.contacts
        groups = {k: getattr(c, k) for k, _ in KIND_KEYS}
        groups["planned"] = c.planned
        groups.update({k: getattr(c, k) for k in OFFICE_KEYS})
        for group, phrases in groups.items():
            for raw in phrases:
                stem = raw.endswith("*")
                phrase = fold(raw.rstrip("*")).strip()
                if not phrase:
                    continue
                edges = lang.spaces and script_of(phrase) not in ("arabic", "han")
                out.append(Word(phrase, stem, group, edges))
    return tuple(out)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_words(norm: str, lo: int, hi: int, words: Iterable[Word]) -> list[_Found]:
    """Occurrences of ``words`` in ``norm[lo:hi]``, longest first where they overlap."""
    found: list[_Found] = []
    for w in words:
        i = norm.find(w.phrase, lo, hi)
        while i >= 0:
            j = i + len(w.phrase)
            ok = True
            if w.edges:
                if i > 0 and _is_word_char(norm[i - 1]):
                    ok = False
                if not w.stem and j < len(norm) and _is_word_char(norm[j]):
                    ok = False
            if ok:
                found.append(_Found(i, j, w))
            i = norm.find(w.phrase, i + 1, hi)
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    for f in found:
        if kept and f.start < kept[-1].end and f.word.group in OFFICE_KEYS:
            continue  # "prime minister" holds "minister"; "رئيس الوزراء" holds "رئيس"
        kept.append(f)
    return kept


#: How far back a negation is looked for, and where it stops: a clause mark ends its reach
#: ("Lula, who did not attend, met Putin").
_NEG_REACH = 30
_NEG_WORDS = 2
_CLAUSE_MARKS = ',;:.!?()«»"“”'


def negated(norm: str, lo: int, start: int, negation: frozenset[str]) -> bool:
    """Whether a negation of the language (``grammar.not``) is among the two words before
    the contact word at ``start`` in its clause: "did not meet", "n'a pas rencontré",
    "не встретился", "will not hold talks". The folded text has spaces for apostrophes, so
    "didn't" is read as its two words ("didn t") and "n'a" gives "n". The trip rules read
    negation the same way (``Trips._negated``).

    A contact that a text denies is no contact: the caller drops it rather than reporting
    it, since the scanner's contact model has no cancelled state."""
    if not negation:
        return False
    window = norm[max(lo, start - _NEG_REACH) : start]
    cut = max(window.rfind(ch) for ch in _CLAUSE_MARKS)
    if cut >= 0:
        window = window[cut + 1 :]
    tokens = window.split()
    for phrase in negation:
        parts = phrase.split()
        n = len(parts)
        tail = tokens[-(_NEG_WORDS + n - 1) :]
        if any(tail[i : i + n] == parts for i in range(len(tail) - n + 1)):
            return True
    return False


def _word_end(norm: str, end: int) -> int:
    while end < len(norm) and _is_word_char(norm[end]):
        end += 1
    return end


def _gap_ok(gap: str) -> bool:
    if any(ch in gap for ch in ',.;:!?()«»"“”'):
        return False
    parts = gap.split()
    return len(parts) <= _GAP_WORDS and all(len(p) <= _GAP_WORD_LEN for p in parts)


def _office_state(norm: str, office: _Found, places: list[Hit]) -> Hit | None:
    """The country or demonym right beside an office word ("Brazil's president")."""
    best: tuple[int, Hit] | None = None
    for p in places:
        if p.entry.data[2] == "city":
            continue
        if p.end <= office.start:
            gap = norm[_word_end(norm, p.end) : office.start]
        elif p.start >= office.end:
            gap = norm[_word_end(norm, office.end) : p.start]
        else:
            continue
        if not _gap_ok(gap):
            continue
        d = len(gap)
        if best is None or d < best[0]:
            best = (d, p)
    return best[1] if best else None


@lru_cache(maxsize=8)
def _official_words(
    officials: tuple[OfficialRec, ...],
) -> tuple[tuple[str, bool, OfficialRec], ...]:
    """Every folded name of every knowledge-base official; Cyrillic names as stems
    ("Рахмоном"), the others whole."""
    out: list[tuple[str, bool, OfficialRec]] = []
    for o in officials:
        for n in {o.name, *o.names}:
            f = fold(n).strip()
            if f:
                out.append((f, script_of(f) == "cyrillic", o))
    return tuple(out)


def _named_officials(norm: str, lo: int, hi: int, world: World) -> list[tuple[int, OfficialRec]]:
    out: list[tuple[int, OfficialRec]] = []
    for phrase, stem, o in _official_words(world.officials):
        i = norm.find(phrase, lo, hi)
        while i >= 0:
            j = i + len(phrase)
            if (i == 0 or not _is_word_char(norm[i - 1])) and (
                stem or j >= len(norm) or not _is_word_char(norm[j])
            ):
                out.append((i, o))
                break
            i = norm.find(phrase, i + 1, hi)
    return out


def _holder(world: World, iso2: str, office: str, on: dt.date) -> OfficialRec | None:
    """The holder of ``office`` on ``on``; for the head of government of a state whose head of
    state heads the government ("Kenya's head of government"), that head of state."""
    held = world.officials_of(iso2, on)
    return next((o for o in held if o.office == office), None) or next(
        (o for o in held if o.holds(office)), None
    )


def find_contacts(scanner: Scanner, article: Article) -> list[ContactEvent]:
    """The contacts ``article`` reports, one event per person and official's state."""
    text = article.text or ""
    title = article.title.strip() if article.title else ""
    if title and title not in text[:400]:
        text = title + "\n" + text
    if not text.strip():
        return []
    norm = fold(text)
    lang: list[tuple[tuple[str, ...] | None, str | None]] = []

    def glue() -> tuple[frozenset[str], frozenset[str] | None]:
        lang.append(scanner._languages_of(text, article.language))
        codes = lang[0][0]
        return scanner._glued_scripts(codes), None if codes is None else frozenset(codes)

    found = matcher.find(scanner.automaton, norm, text, scanner._identifiable, glue)
    if not found:
        return []
    hits, wins = found
    codes, reported = lang[0] if lang else scanner._languages_of(text, article.language)
    places = [h for h in hits if h.entry.kind == PLACE]
    countries = {h.entry.data[0] for h in places}
    persons = scanner._resolve_persons([h for h in hits if h.entry.kind == PERSON], countries)
    if not persons:
        return []
    words = contact_words(codes)
    lexicon = scanner.words(codes)
    world = scanner.world
    published = article.published
    events: dict[tuple[str, str], ContactEvent] = {}
    for lo, hi in wins:
        for s in split(text, lo, hi):
            named = [(h, pid) for h, pid in persons if s.start <= h.start < s.end]
            if not named:
                continue
            marks = find_words(norm, s.start, s.end, words)
            kinds = {f.word.group for f in marks}
            said = next((key for key, _ in KIND_KEYS if key in kinds), None)
            if said is None:
                continue
            affirmed = {
                f.word.group for f in marks if not negated(norm, s.start, f.start, lexicon.negation)
            }
            if said not in affirmed:
                continue  # "did not meet", "n'a pas rencontré", "не встретился": no contact
            kind = dict(KIND_KEYS)[said]
            planned = "planned" in kinds
            day = None
            for h in hits:
                if h.entry.kind == DATE and s.start <= h.start < s.end:
                    m = read_date(norm, h.start, h.end, *h.entry.data, lexicon)
                    if m is not None and (day := resolve(m, published, planned)) is not None:
                        break
            if day is not None and published is not None and day > published:
                planned = True
            on = day or published or dt.date.today()
            s_places = [p for p in places if s.start <= p.start < s.end]
            nationality = {iso for _, pid in named for iso in world.persons[pid].nationality}
            used: set[int] = set()
            officials: dict[str, tuple[str, OfficialRec | None]] = {}
            for f in marks:
                if f.word.group not in OFFICE_KEYS:
                    continue
                p = _office_state(norm, f, s_places)
                if p is None:
                    continue
                used.add(p.start)
                iso = p.entry.data[0]
                if iso in nationality or iso in officials:
                    continue  # the person's own title, or that state's official already
                o = _holder(world, iso, f.word.group, on)
                officials[iso] = (o.office if o is not None else f.word.group, o)
            for _, o in _named_officials(norm, s.start, s.end, world):
                if o.state in nationality or not o.held_on(on):
                    continue
                prior = officials.get(o.state)
                if prior is None or prior[1] is None or prior[0] == o.office:
                    officials[o.state] = (o.office, o)
            if not officials:
                continue
            city = next((p for p in s_places if p.entry.data[2] == "city"), None)
            where = city or next(
                (p for p in s_places if p.start not in used and p.entry.data[0] not in officials),
                None,
            )
            evidence = " ".join(text[s.start : s.end].split())
            if len(evidence) > _MAX_EVIDENCE:
                evidence = evidence[: _MAX_EVIDENCE - 1] + "…"
            for _, pid in named:
                person = world.persons[pid]
                if not outstanding(person, on):
                    continue
                for iso, (office, o) in officials.items():
                    if (pid, iso) in events:
                        continue
                    conf = 0.5 + (0.2 if kind in ("meeting", "call") else 0.05)
                    conf += 0.1 if o is not None else 0.0
                    conf += 0.1 if day is not None else 0.0
                    conf += 0.05 if where is not None else 0.0
                    if conf < MIN_CONFIDENCE:
                        continue
                    state = world.states.get(iso)
                    status = status_on(state, on).status if state is not None else "unknown"
                    events[(pid, iso)] = ContactEvent(
                        person=pid,
                        state=iso,
                        office=office,
                        kind=kind,  # type: ignore[arg-type]
                        status="planned" if planned else "occurred",
                        evidence=evidence,
                        confidence=min(conf, 0.99),
                        official=o.id if o else None,
                        official_name=o.name if o else None,
                        place=where.entry.data[1] if where is not None else None,
                        place_iso2=where.entry.data[0] if where is not None else None,
                        date=day,
                        url=article.url,
                        title=article.title,
                        published=published,
                        language=reported,
                        state_status=status,
                        state_party=None if state is None else status == "party",
                        known_contact=known_contact_id(world, pid, iso, day or published),
                    )
    return sorted(events.values(), key=lambda e: (-e.confidence, e.person, e.state))


def known_contact_id(world: World, person: str, iso2: str, on: dt.date | None) -> str | None:
    """The knowledge-base contact a report is about: same person and state, within 3 days."""
    if on is None:
        return None
    for c in world.contacts:
        if c.person == person and c.state == iso2 and abs((c.date - on).days) <= 3:
            return c.id
    return None
