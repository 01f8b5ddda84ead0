"""The scanner: text in, trip events out. ``Scanner(world).scan(article)``.

Building a scanner is the expensive part (some ten thousand patterns into one
Aho-Corasick automaton); scanning is one pass of that automaton over the folded text,
which tells which names, places, cue words and date words occur. That settles the common
case (an article naming nobody with a warrant); only texts that name someone go on to
the rules of :mod:`warrantwatch.monitor.trips`, sentence by sentence around the names.
Build once, scan many.

A scanner pickles (as its patterns; the automaton is rebuilt on unpickling in
milliseconds), so a Dask backfill can build it once and ship it to workers, or rebuild
it in each worker from the same ``World``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from warrantwatch.law.records import PersonRec, TripRec
from warrantwatch.law.world import World
from warrantwatch.monitor import cues as cue_lex
from warrantwatch.monitor import matcher
from warrantwatch.monitor.anchor import HEAD, head_date, recalled_month, text_year, url_date
from warrantwatch.monitor.dates import (
    DateMention,
    numeric_dates,
    read_date,
    settle_day_words,
)
from warrantwatch.monitor.known_trips import known_trip_id, recorded_day
from warrantwatch.monitor.langid import languages_of
from warrantwatch.monitor.lexicon import Words, merge
from warrantwatch.monitor.matcher import CUE, DATE, PERSON, PLACE, Entry, Hit, PatternSet
from warrantwatch.monitor.model import Article, ContactEvent, TripEvent
from warrantwatch.monitor.segments import split
from warrantwatch.monitor.textnorm import fold, script_of
from warrantwatch.monitor.trips import STATUS_RANK, Candidate, Reading, Rules

#: Candidates below this confidence are not reported.
MIN_CONFIDENCE = 0.4
#: The confidence a trip needs when it is not the text's news: named after the trip the
#: text names first, with no day of its own and no recorded trip it is about. Measured on
#: the development part of the real-news set (benchmarks/realnews/): such asides were
#: false in 25 of 27 cases below this value and true in 13 of 17 above it; a lead's
#: confidence tells much less.
ASIDE_MIN_CONFIDENCE = 0.85
_MAX_EVIDENCE = 900


class Scanner:
    """Finds the trips a text reports, for the persons of one knowledge-base snapshot."""

    def __init__(self, world: World, *, cache_dir: Path | None = None) -> None:
        """Compile the patterns of ``world``; with ``cache_dir``, reuse a compiled copy.

        The cache file is named by a digest of everything the patterns depend on (the
        persons' names, the states' names, the scanner's own word lists and code, the
        library versions), so a change anywhere makes a new one; a missing or unreadable
        cache is simply rebuilt.
        """
        self.world = world
        tables = _load_cached(world, cache_dir) if cache_dir is not None else None
        if tables is None:
            tables = _compile(world)
            if cache_dir is not None:
                _store_cached(world, cache_dir, tables)
        self.automaton = tables.automaton
        self.distinctive = tables.distinctive
        self.decisive = tables.decisive
        self.backers = tables.backers
        self.pattern_count = tables.pattern_count
        self.lexicons = tables.lexicons
        self.idmap = tables.idmap
        self.alphabets = tables.alphabets
        self.glued = tables.glued
        self.read_with = tables.read_with
        self._words: dict[tuple[str, ...] | None, Words] = {}
        self._state_names = {
            n.casefold(): st.iso2 for st in world.states.values() for n in (st.name, *st.aliases)
        }
        self.nationality = {pid: p.nationality for pid, p in world.persons.items()}
        # The territories of the situations in which each person is wanted: the subject of
        # most news about them ("the war in Ukraine", "children deported from Ukraine").
        self.situation_lands = {
            pid: tuple(
                sorted(
                    {
                        iso
                        for w in p.warrants
                        if w.situation in world.situations
                        for iso in world.situations[w.situation].territory
                    }
                )
            )
            for pid, p in world.persons.items()
        }
        self._duty_cache: dict[tuple[str, str, dt.date], dict[str, Any] | None] = {}

    # --- pickling: the duty cache stays behind --------------------------------------
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_duty_cache"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    # --- scanning -------------------------------------------------------------------
    def scan_many(self, articles: Iterable[Article]) -> Iterator[TripEvent]:
        for a in articles:
            yield from self.scan(a)

    def names_anyone(self, text: str) -> bool:
        """Whether ``text`` may name a person of the knowledge base.

        The automaton pass that :meth:`scan` begins with, alone (no cheaper than the
        start of a scan, which stops there for such texts anyway). False means
        :meth:`scan` would find nothing; True means it has to look.
        """
        return matcher.names_anyone(self.automaton, fold(text))

    def scan(self, article: Article) -> list[TripEvent]:
        """The trips ``article`` reports, one event per person and destination."""
        text = article.text or ""
        title = article.title.strip() if article.title else ""
        if title and title not in text[:400]:
            text = title + "\n" + text
        if not text or text.isspace():
            return []
        norm = fold(text)
        # The text's language is identified only if it may name someone (after the
        # automaton's early exit), and only then known: the glued endings it allows
        # decide which names stand.
        lang: list[tuple[tuple[str, ...] | None, str | None]] = []

        def glue() -> tuple[frozenset[str], frozenset[str] | None]:
            lang.append(self._languages_of(text, article.language))
            codes = lang[0][0]
            return self._glued_scripts(codes), None if codes is None else frozenset(codes)

        # One automaton pass; most news names nobody with a warrant, and ends here.
        found = matcher.find(self.automaton, norm, text, self._identifiable, glue)
        if not found:
            return []
        hits, wins = found
        codes, reported = lang[0] if lang else self._languages_of(text, article.language)
        reading = self._read(text, norm, hits, wins, article, codes, reported)
        if reading is None:
            return []
        candidates = Rules(reading).candidates()
        return self._events(candidates, reading, article)

    def contacts(self, article: Article) -> list[ContactEvent]:
        """The contacts ``article`` reports between states' officials and persons with
        warrants (:mod:`warrantwatch.monitor.contacts`); the trip path is not involved."""
        from warrantwatch.monitor.contacts import find_contacts

        return find_contacts(self, article)

    def _languages_of(
        self, text: str, given: str | None
    ) -> tuple[tuple[str, ...] | None, str | None]:
        codes, reported = languages_of(text, given, self.idmap, self.alphabets)
        if codes is not None and any(c in self.read_with for c in codes):
            codes = tuple(sorted({*codes, *(w for c in codes for w in self.read_with.get(c, ()))}))
        return codes, reported

    def words(self, codes: tuple[str, ...] | None) -> Words:
        """The word lists for a text read in the language files ``codes`` (None: all)."""
        w = self._words.get(codes)
        if w is None:
            keys = (
                list(self.lexicons) if codes is None else [c for c in codes if c in self.lexicons]
            )
            w = merge([self.lexicons[c] for c in keys or list(self.lexicons)])
            self._words[codes] = w
        return w

    def _glued_scripts(self, codes: tuple[str, ...] | None) -> frozenset[str]:
        """The scripts in which names and places may take glued endings in a text read
        in ``codes`` (all languages when None): the scripts of its languages that glue."""
        out = {"hangul"}
        for c in self.glued if codes is None else codes:
            out.update(self.glued.get(c, ()))
        return frozenset(out)

    def _identifiable(self, keys: set[str], found: list[str]) -> bool:
        """Whether names with ``keys`` could be resolved (see :meth:`_resolve_persons`).

        A necessary condition, checked before any rule runs: a full name or a distinctive
        surname is there, or a common surname whose owner's country is named somewhere
        in the text. Most news that trips the automaton on a name trips it on a common
        word ("المصري", "Said") and ends here.
        """
        if not self.decisive.isdisjoint(keys):
            return True
        backers = self.backers
        return any(k in backers and not backers[k].isdisjoint(found) for k in keys)

    def _read(
        self,
        text: str,
        norm: str,
        hits: list[Hit],
        wins: list[tuple[int, int]],
        article: Article,
        codes: tuple[str, ...] | None = None,
        reported: str | None = None,
    ) -> Reading | None:
        person_hits = [h for h in hits if h.entry.kind == PERSON]
        cues = [h for h in hits if h.entry.kind == CUE]
        if not any(h.entry.data in cue_lex.GATE_CODES for h in cues):
            return None
        countries = {h.entry.data[0] for h in hits if h.entry.kind == PLACE}
        resolved = self._resolve_persons(person_hits, countries)
        if not resolved:
            return None
        places = [h for h in hits if h.entry.kind == PLACE]
        words = self.words(codes)
        dates: list[DateMention] = []
        for h in hits:
            if h.entry.kind == DATE:
                kind, value = h.entry.data
                m = read_date(norm, h.start, h.end, kind, value, words)
                if m is not None:
                    dates.append(m)
        dates = settle_day_words(norm, dates, text)
        strong = frozenset(pid for h, pid in resolved if h.entry.data[1])
        language = codes[0] if codes is not None and len(codes) == 1 else article.language
        published, year_hint, date_floor = article.published, None, None
        head = [d for d in dates if d.start < HEAD]
        head += numeric_dates(norm, 0, min(len(norm), HEAD), language, words)
        if published is None:
            # No date came with the text: its address, dateline or time stamp may give it.
            # A year before the first warrant of everyone named is not the report's: the
            # crimes' years ("between 2015 and early 2020"), not the arrest's.
            floor = min(
                (w.issued.year for _, pid in resolved for w in self.world.persons[pid].warrants),
                default=None,
            )
            issued = {
                (w.issued.year, w.issued.month)
                for _, pid in resolved
                for w in self.world.persons[pid].warrants
            }
            warrant_dates = [
                (d.start, d.end) for d in dates if d.year and (d.year, d.month) in issued
            ]
            year_hint = text_year(norm, skip=warrant_dates)
            full = [
                d.exact if d.kind == "N" else _full_day(d)
                for d in dates
                if (d.start, d.end) not in warrant_dates and (d.kind == "N" or d.year)
            ]
            first = min(
                (w.issued for _, pid in resolved for w in self.world.persons[pid].warrants),
                default=dt.date.min,
            )  # dates before the first warrant are the crimes' or history's, not the report's
            days = [d for d in full if d is not None and first <= d <= dt.date.today()]
            date_floor = max(days) if days else None
            if year_hint is not None and floor is not None and year_hint < floor:
                year_hint = None
            recalled = recalled_month(dates, skip=warrant_dates)
            dateline = head_date(norm, head, year_hint, recalled=recalled)
            published = url_date(article.url) or dateline
        else:
            dateline = head_date(norm, head, None, published)
        return Reading(
            text=text,
            norm=norm,
            sentences=[s for lo, hi in wins for s in split(text, lo, hi)],
            persons=resolved,
            places=places,
            cues=cues,
            dates=dates,
            published=published,
            year_hint=year_hint,
            date_floor=date_floor,
            dateline=dateline,
            language=language,
            nationality=self.nationality,
            situation_lands=self.situation_lands,
            strong_persons=strong,
            words=words,
            reported=reported,
        )

    def _resolve_persons(
        self,
        person_hits: list[Hit],
        countries: set[str] = frozenset(),  # type: ignore[assignment]
    ) -> list[tuple[Hit, str]]:
        """Identify each name hit; a weak one needs to be distinctive or backed by a full name.

        A bare common surname with a single owner ("البشير", "Bashir") also counts when the
        text names the owner's country ("الخرطوم", "Sudanese"): news often writes so.
        """
        by_span: dict[tuple[int, int], list[Hit]] = {}
        for h in person_hits:
            by_span.setdefault((h.start, h.end), []).append(h)
        strong_at: list[tuple[int, str]] = []
        for (start, _), hs in by_span.items():
            strong_ids = {h.entry.data[0] for h in hs if h.entry.data[1]}
            if len(strong_ids) == 1:
                strong_at.append((start, next(iter(strong_ids))))
        named = {pid for _, pid in strong_at}
        out: list[tuple[Hit, str]] = []
        for (start, _), hs in sorted(by_span.items()):
            strong_ids = {h.entry.data[0] for h in hs if h.entry.data[1]}
            if len(strong_ids) == 1:
                pid = next(iter(strong_ids))
                out.append((next(h for h in hs if h.entry.data[1]), pid))
                continue
            if strong_ids:
                continue  # a full name shared by two persons: cannot tell
            cands = {h.entry.data[0] for h in hs}
            phrase = hs[0].entry.data[2]
            if len(cands) == 1 and phrase in self.distinctive:
                out.append((hs[0], next(iter(cands))))
                continue
            backed = cands & named
            if not backed and len(cands) == 1:
                only = next(iter(cands))
                if set(self.nationality.get(only, ())) & countries:
                    backed = {only}
            if len(backed) == 1:
                pid = next(iter(backed))
            elif len(backed) > 1:
                # Several namesakes named in full: the one named last before this mention.
                before = [p for s, p in strong_at if s <= start and p in backed]
                if not before:
                    continue
                pid = before[-1]
            else:
                continue
            out.append((next(h for h in hs if h.entry.data[0] == pid), pid))
        return out

    # --- events ---------------------------------------------------------------------
    def _events(
        self, candidates: list[Candidate], reading: Reading, article: Article
    ) -> list[TripEvent]:
        groups: dict[tuple[str, str], list[Candidate]] = {}
        for c in candidates:
            if c.background or c.confidence < MIN_CONFIDENCE:
                continue
            groups.setdefault((c.person, c.iso2), []).append(c)
        events: list[TripEvent] = []
        firsts: dict[int, int] = {}
        for (pid, iso2), cs in groups.items():
            best = _pick(cs)
            date = best.date or next(
                (c.date for c in cs if c.date and c.status == best.status), None
            )
            if date is None:
                date = next((c.date for c in cs if c.date), None)
            if reading.published is None:
                date = self._recorded_date(pid, iso2, date, cs, reading)
            place = best.place or next((c.place for c in cs if c.place), None)
            spans = list(best.evidence)
            if best.date is None and date is not None:
                src = next((c for c in cs if c.date == date), best)
                spans.extend(s for s in src.evidence if s not in spans)
            evidence = " … ".join(" ".join(reading.text[a:b].split()) for a, b in sorted(spans))
            if len(evidence) > _MAX_EVIDENCE:
                evidence = evidence[: _MAX_EVIDENCE - 1] + "…"
            conf = min(0.99, best.confidence + 0.03 * (len(cs) - 1))
            person = self.world.persons.get(pid)
            if person is None:
                continue
            status = best.status
            reported = reading.published
            if date is not None and reported is not None:
                # The day decides the tense where wording did not: a trip two days after
                # the report is still to come, one days before it has been made.
                if status == "occurred" and (date - reported).days >= 2:
                    status = "planned"
                elif status == "planned" and (reported - date).days > 3:
                    status = "occurred"
            on = date or article.published or dt.date.today()
            from warrantwatch.law.warrants import outstanding

            if not outstanding(person, on) and not (
                status == "arrest" and _outstanding_before(person, on, date is None)
            ):
                continue  # no ICC warrant calls for an arrest on that day
            known = known_trip_id(self.world, pid, iso2, status, date, article.published)
            trip = self.world.trip(known)
            status = _recorded_tense(trip, status, reading.published)
            date = _trip_start(trip, date, status, reading.published)
            if status == "arrest" and reading.published is not None and (
                date is None or date == reading.published
            ):
                date = _recorded_arrest(person, reading.published) or date
            if status == "arrest":
                # "arrested in Manila on his return from Hong Kong", "flown to The Hague
                # after his arrest": where the record places the arrest of that week
                where = self._recorded_arrest_state(person, date or reading.published)
                if where is not None and where != iso2:
                    iso2, place = where, None  # the place read was the other state's
            events.append(
                TripEvent(
                    person=pid,
                    destination_iso2=iso2,
                    status=status,  # type: ignore[arg-type]
                    evidence=evidence,
                    confidence=conf,
                    place=place,
                    start_date=date,
                    url=article.url,
                    title=article.title,
                    published=article.published,
                    language=reading.reported,
                    # the day the record or the arrest record gave, if it gave one
                    duty=self.duty(person, iso2, date or on),
                    known_trip=known,
                )
            )
            firsts[id(events[-1])] = min((c.evidence[0][0] for c in cs if c.evidence), default=-1)
        events = _one_per_destination(events, firsts)
        # The news is the trip the text names first (its headline or lead sentence).
        opening = min((f for f in firsts.values() if f >= 0), default=-1)
        leads = {k: f == opening for k, f in firsts.items()}
        events = self._drop_recalled(events, leads, reading)
        events = _drop_weak_asides(events, leads)
        events.sort(key=lambda e: (-e.confidence, e.person, e.destination_iso2))
        return events

    def _recorded_arrest_state(self, person: PersonRec, on: dt.date | None) -> str | None:
        """The state in which the knowledge base records an arrest of ``person`` in the week
        up to ``on`` (or the day after, a page stamped in another time zone), where its
        place names a state ("Ninoy Aquino International Airport, Manila, Philippines"):
        reports of that arrest name the flight's origin and the Court's seat beside it.
        A page with no day at all can only tell of an arrest made: the person's one
        recorded arrest, if there is only one."""
        arrests = [c for c in person.custody if c.status == "arrested" and c.place is not None]
        if on is None and len(arrests) != 1:
            return None
        for c in arrests:
            assert c.place is not None
            if on is not None and not -1 <= (on - c.date).days <= 7:
                continue
            for part in reversed(c.place.split(",")):
                iso2 = self._state_names.get(part.split("(")[0].strip().casefold())
                if iso2 is not None:
                    return iso2
        return None

    def _recorded_date(
        self,
        pid: str,
        iso2: str,
        date: dt.date | None,
        cs: list[Candidate],
        reading: Reading,
    ) -> dt.date | None:
        """The day of a recorded trip of ``pid`` to ``iso2`` that an undated text names by
        day and month only: the trip's own day and month (no year to place them), a year
        taken only from a year named somewhere in the page (related links carry other
        years), or, with no year at all, any day and month in the text ("vào ngày 3/9").
        Nothing is guessed: without such a record the date stays as read."""
        if date is not None:
            if date.year == reading.year_hint:
                return recorded_day(self.world, pid, iso2, date.month, date.day) or date
            return date
        partial = next((c.day_month for c in cs if c.day_month), None)
        if partial is not None and (day := recorded_day(self.world, pid, iso2, *partial)):
            return day
        if reading.year_hint is not None:
            return None
        norm = reading.norm
        mentions = reading.dates + numeric_dates(
            norm, 0, len(norm), reading.language, reading.words
        )
        return next(
            (
                day
                for d in mentions
                if d.kind == "D" and not d.year
                if (day := recorded_day(self.world, pid, iso2, d.month, d.day))
            ),
            None,
        )

    def _drop_recalled(
        self, events: list[TripEvent], leads: dict[int, bool], reading: Reading
    ) -> list[TripEvent]:
        """An article whose news (the trip it names first) is one trip, and which further
        on names a trip of the same person that the knowledge base records before it,
        recalls that one: "he was not arrested in Mongolia in September", in a report of his
        skipping the G20 in Brazil. Only undated mentions of recorded trips go; a new one
        stays, and so does a trip still to come after undated news."""
        lead = [e for e in events if leads.get(id(e))]
        if not lead:
            return events
        keep: list[TripEvent] = []
        for e in events:
            news = [  # anyone's: "a prominent case was al-Bashir's visit to South Africa"
                x for x in lead if (x.person, x.destination_iso2) != (e.person, e.destination_iso2)
            ]
            if (
                not leads.get(id(e))
                and e.known_trip is not None
                and reading.published is None
                and news
            ):
                continue  # a recorded trip, dated, after other news in an undated page
            if leads.get(id(e)) or e.start_date is not None:
                keep.append(e)
                continue
            if not news:
                keep.append(e)
                continue
            dated = [x.start_date for x in news if x.start_date]
            if dated:
                before = min(dated)  # recorded before the news's own day
            elif e.status in ("occurred", "arrest"):
                before = reading.published or dt.date.today()  # a trip made, recorded
            else:
                keep.append(e)  # undated news and a trip still to come: both may be news
                continue
            recalled = any(
                kt.destination == e.destination_iso2 and kt.start < before
                for kt in self.world.trips_of(e.person)
            )
            if not recalled:
                keep.append(e)
        return keep

    def duty(self, person: PersonRec, iso2: str, on: dt.date) -> dict[str, Any] | None:
        """The engine's verdict for ``person`` in ``iso2`` on ``on`` (cached)."""
        key = (person.id, iso2, on)
        if key in self._duty_cache:
            return self._duty_cache[key]
        state = self.world.states.get(iso2)
        if state is None:
            out: dict[str, Any] | None = {
                "on": on.isoformat(),
                "duty": None,
                "basis": [],
                "state": {"iso2": iso2, "name": None},
                "state_status": "unknown",
                "note": "state not in the knowledge base",
            }
        else:
            from warrantwatch.law.obligations import assess

            a = assess(self.world, person, state, on).as_dict()
            out = {
                "on": a["on"],
                "duty": a["duty"],
                "basis": a["basis"],
                "state": a["state"],
                "state_status": a["state_status"],
                "party_since": a["party_since"],
                "pending_withdrawal": a["pending_withdrawal"],
                "custody_status": a["custody_status"],
                "warrants": [w["id"] for w in a["outstanding_warrants"]],
            }
        self._duty_cache[key] = out
        return out


@dataclass
class _Tables:
    automaton: matcher.Automaton
    distinctive: frozenset[str]
    pattern_count: int
    #: Language file code -> its word lists (folded), for the rules.
    lexicons: dict[str, Words]
    #: Identifier code -> language file code ("ms" -> "id", "hr" -> "sh").
    idmap: dict[str, str]
    #: Language file code -> the letters it writes (language identification).
    alphabets: dict[str, frozenset[str]]
    #: Language file code -> scripts in which it glues endings to names and places.
    glued: dict[str, frozenset[str]]
    #: Language file code -> the other files its texts are read with too (``read_with``).
    read_with: dict[str, tuple[str, ...]]
    #: Automaton keys that can identify a person alone (a full name, a distinctive surname).
    decisive: frozenset[str]
    #: Other person keys: the place keys of their owners' countries, which back them.
    backers: dict[str, frozenset[str]]


def _gates(
    automaton: matcher.Automaton, distinctive: frozenset[str], world: World
) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The keys of :class:`_Tables` ``decisive`` and ``backers``."""
    by_iso: dict[str, set[str]] = {}
    for key, (_, entries, _, _) in automaton.info.items():
        for e in entries:
            if e.kind == PLACE:
                by_iso.setdefault(e.data[0], set()).add(key)
    decisive: set[str] = set()
    backers: dict[str, set[str]] = {}
    for key, (_, entries, has_person, _) in automaton.info.items():
        if not has_person:
            continue
        for e in entries:
            if e.kind != PERSON:
                continue
            pid, strong, phrase = e.data
            if strong or phrase in distinctive:
                decisive.add(key)
                continue
            person = world.persons.get(pid)
            for iso in person.nationality if person is not None else ():
                backers.setdefault(key, set()).update(by_iso.get(iso, ()))
    return frozenset(decisive), {k: frozenset(v) for k, v in backers.items() if k not in decisive}


def _compile(world: World) -> _Tables:
    """Every pattern of ``world``'s persons, of places, cues and dates, in one automaton."""
    # Only needed when the patterns are compiled, not when a cached copy is loaded.
    from warrantwatch.monitor.dates import date_specs
    from warrantwatch.monitor.languages import all_codes, languages
    from warrantwatch.monitor.lexicon import alphabet, build
    from warrantwatch.monitor.names import distinctive_weak_names, name_specs
    from warrantwatch.monitor.places import place_specs

    langs = languages()

    patterns = PatternSet()
    names = name_specs(world.persons)
    for n in names:
        patterns.add(
            n.phrase,
            Entry(
                PERSON,
                (n.person, n.strong, n.phrase),
                capital=n.capital,
                script=script_of(n.phrase),
            ),
        )
    extra = {iso: (s.name, *s.aliases) for iso, s in world.states.items()}
    for p in place_specs(extra):
        patterns.add(
            p.phrase,
            Entry(
                PLACE,
                (p.iso2, p.place, p.kind),
                stem=p.stem,
                capital=p.capital,
                exact_case=p.exact_case,
                script=script_of(p.phrase),
            ),
        )
    for c in cue_lex.all_cues():
        key = fold(c.phrase).strip()
        patterns.add(
            key,
            Entry(CUE, c.code, stem=c.stem, script=script_of(key), langs=frozenset([c.lang])),
        )
    for d in date_specs():
        patterns.add(
            d.phrase,
            Entry(
                DATE,
                (d.kind, d.value),
                stem=d.stem,
                capital=d.capital,
                script=script_of(d.phrase),
                langs=None if d.lang == "xx" else frozenset([d.lang]),
            ),
        )
    automaton = patterns.build()
    # A surname that is also a word the scanner reads otherwise (a demonym such as
    # "المصري", "the Egyptian"; the cue "said") is never enough alone.
    distinctive = frozenset(
        n
        for n in distinctive_weak_names(names)
        if all(e.kind == PERSON for e in patterns.entries(n))
    )
    decisive, backers = _gates(automaton, distinctive, world)
    return _Tables(
        automaton=automaton,
        distinctive=distinctive,
        pattern_count=len(patterns),
        lexicons={code: build([lang]) for code, lang in langs.items()},
        idmap=all_codes(langs.values()),
        alphabets={code: alphabet(lang) for code, lang in langs.items()},
        glued={
            code: frozenset(_SCRIPTS.get(x, x.lower()) for x in lang.scripts)
            for code, lang in langs.items()
            if lang.glued_endings
        },
        read_with={
            code: tuple(c for c in lang.read_with if c in langs)
            for code, lang in langs.items()
            if lang.read_with
        },
        decisive=decisive,
        backers=backers,
    )


def _cache_key(world: World) -> str:
    import hashlib
    from importlib import metadata

    h = hashlib.sha256()
    for pid in sorted(world.persons):
        p = world.persons[pid]
        h.update(
            repr((pid, p.name, p.nationality, [(n.name, n.lang, n.kind) for n in p.names])).encode()
        )
    for iso in sorted(world.states):
        st = world.states[iso]
        h.update(repr((iso, st.name, st.aliases)).encode())
    here = Path(__file__).parent
    for mod in ("cues", "places", "names", "dates", "inflect", "textnorm", "matcher", "scanner"):
        h.update((here / f"{mod}.py").read_bytes())
    # The language files and their loader: every pattern's words.
    for path in sorted((here / "languages").glob("*.toml")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    h.update((here / "languages" / "__init__.py").read_bytes())
    # The CLDR data behind place and date words; the automaton itself is rebuilt from
    # the cached patterns at every start, so its library's version does not matter here.
    for dist in ("babel", "pytz", "opencc"):
        try:
            h.update(metadata.version(dist).encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()[:24]


def _full_day(d: DateMention) -> dt.date | None:
    try:
        return dt.date(d.year, d.month, d.day) if d.kind == "D" else None
    except ValueError:
        return None


def _outstanding_before(person: PersonRec, on: dt.date, undated: bool) -> bool:
    """Whether a warrant called for the arrest that a report tells of: the day before it (a
    report comes after the arrest, which ended the warrant's call), or, for an undated
    report, the day before any custody event the knowledge base records up to ``on``."""
    from warrantwatch.law.warrants import outstanding

    days = [on - dt.timedelta(days=1)]
    if undated:
        days += [c.date - dt.timedelta(days=1) for c in person.custody if c.date <= on]
    else:  # the arrest was reported within days of it, perhaps the recorded one
        days += [on - dt.timedelta(days=k) for k in (3, 7)]
        days += [
            c.date - dt.timedelta(days=1)
            for c in person.custody
            if on - dt.timedelta(days=7) <= c.date <= on
        ]
    return any(outstanding(person, d) for d in days)


def _load_cached(world: World, cache_dir: Path) -> _Tables | None:
    import gc
    import pickle

    path = cache_dir / f"scanner-{_cache_key(world)}.pickle"
    # Tens of thousands of small objects at once: without the cycle collector running
    # over the whole heap meanwhile, loading takes half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            tables = pickle.load(fh)
        return tables if isinstance(tables, _Tables) else None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    finally:
        if collecting:
            gc.enable()


def _store_cached(world: World, cache_dir: Path, tables: _Tables) -> None:
    import os
    import pickle

    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        key = _cache_key(world)
        tmp = cache_dir / f".scanner-{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(tables, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(cache_dir / f"scanner-{key}.pickle")
        for old in cache_dir.glob("scanner-*.pickle"):
            if old.name != f"scanner-{key}.pickle":
                old.unlink(missing_ok=True)
    except OSError:
        return  # a cache that cannot be written is no error


#: ISO 15924 codes of the language files -> the scripts of :func:`textnorm.script_of`.
_SCRIPTS = {
    "Latn": "latin",
    "Cyrl": "cyrillic",
    "Arab": "arabic",
    "Hebr": "hebrew",
    "Hani": "han",
    "Hans": "han",
    "Hant": "han",
    "Jpan": "han",
    "Hira": "han",
    "Kana": "han",
    "Hang": "hangul",
    "Kore": "hangul",
    "Armn": "armenian",
    "Geor": "georgian",
}


def _recorded_arrest(person: PersonRec, reported: dt.date) -> dt.date | None:
    """The day of an arrest the knowledge base records in the week up to a report that
    names no day for the arrest it tells of: "Duterte, arrested at Manila's airport ..."
    published the next morning is the arrest of the day before, not of the report's day."""
    week = reported - dt.timedelta(days=7)
    days = [c.date for c in person.custody if c.status == "arrested" and week <= c.date <= reported]
    return max(days, default=None)


def _recorded_tense(trip: TripRec | None, status: str, reported: dt.date | None) -> str:
    """Planned or made, by the record of the trip a dated report is about: a report
    published after the first day of a trip the record shows was made tells of it made
    ("Netanyahu, welcomed in Budapest ..."), and one published two days or more before
    that day tells of it to come, whatever tense the wording seemed to have. On the eve
    and the first day itself the wording decides (a report hours before the landing, a
    page stamped in another time zone). Cancellations and arrests keep their status."""
    if trip is None or reported is None or status not in ("planned", "occurred"):
        return status
    if (trip.start - reported).days >= 2:
        return "planned"
    if reported > trip.start and trip.outcome in ("not_arrested", "arrested"):
        return "occurred"
    return status


def _trip_start(
    trip: TripRec | None, date: dt.date | None, status: str, reported: dt.date | None
) -> dt.date | None:
    """The first day of the recorded trip a report of it names no day for: a report of
    the trip made, dated during it or within three days after ("Putin is in Ulaanbaatar",
    "arrived yesterday" unread), takes the record's start. A day read stays as read, even
    inside the record: the day a report pins (the talks on the second day) is the one
    its readers check against the text."""
    if trip is None or date is not None:
        return date
    end = trip.end or trip.start
    recent = reported is not None and trip.start <= reported <= end + dt.timedelta(days=3)
    return trip.start if status == "occurred" and recent else None


def _one_per_destination(events: list[TripEvent], firsts: dict[int, int]) -> list[TripEvent]:
    """One event per person and destination, the most confident: two arrest reports
    placed by the record in one state are one arrest. The one kept takes the earlier
    first mention of the two (``firsts``, by event id), so the lead is still known."""
    best: dict[tuple[str, str], TripEvent] = {}
    for e in events:
        k = (e.person, e.destination_iso2)
        other = best.get(k)
        if other is None:
            best[k] = e
            continue
        keep, drop = (e, other) if e.confidence > other.confidence else (other, e)
        seen = [f for f in (firsts.get(id(keep), -1), firsts.pop(id(drop), -1)) if f >= 0]
        firsts[id(keep)] = min(seen, default=-1)
        best[k] = keep
    kept = {id(e) for e in best.values()}
    return [e for e in events if id(e) in kept]


def _drop_weak_asides(events: list[TripEvent], leads: dict[int, bool]) -> list[TripEvent]:
    """A trip named after the text's news, without a day or a record to anchor it, is
    kept only on strong wording: real articles name earlier, hoped-for and other people's
    trips in passing far more often than a second trip of their own news ("the third trip
    abroad after Iran and China"). An arrest is always kept: it is never mentioned lightly."""
    if not any(leads.values()):
        return events
    return [
        e
        for e in events
        if leads.get(id(e))
        or e.start_date is not None
        or e.known_trip is not None
        or e.status == "arrest"
        or e.confidence >= ASIDE_MIN_CONFIDENCE
    ]


def _pick(cs: list[Candidate]) -> Candidate:
    """The candidate whose status the event takes: the most telling of the confident ones."""
    top = max(c.confidence for c in cs)
    near = [c for c in cs if c.confidence >= top - 0.25]
    return max(near, key=lambda c: (STATUS_RANK[c.status], c.confidence, c.date is not None))


__all__ = ["MIN_CONFIDENCE", "Scanner"]
