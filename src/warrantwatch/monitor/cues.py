"""Travel wording in many languages: the cue words the scanner's automaton looks for.

Each cue has a *code* that says what it tells about a trip. The rules in
:mod:`warrantwatch.monitor.trips` read only these codes, never the words. The phrases
live in the language files (``monitor/languages/<code>.toml``, section ``[cues]``), so
adding a language is adding a file; CLDR's date fields add "yesterday / today /
tomorrow" (PAST, NOW, FUT) and "last / next week" (PAST, FUT) in every language.

====  =====================================================================
code  meaning
====  =====================================================================
TP    travel wording that looks ahead ("will visit", "is expected in")
TO    travel wording that reports it happened or is happening ("arrived")
TN    travel wording without tense ("visit", "trip", "summit", "attend")
INV   an invitation (a planned trip unless cancelled)
CAN   cancellation or non-attendance ("called off", "will not attend")
DEP   someone else sent instead ("instead", "represented by")
ARR   an arrest carried out ("was arrested", "detained")
NARR  an arrest not carried out ("was not arrested"): the trip happened
MOD   duty or modal wording ("must", "obliged"): an arrest word is not an arrest
COND  a condition ("if he travels"): the trip is hypothetical
MENT  "should be in": the place that follows is only mentioned
BG    background ("last year", "previously", "had visited")
FUT   a future marker ("will", "next", "upcoming")
PAST  a past marker ("was", "ago", "ended")
NOW   a present marker ("today", "currently")
ANA   an anaphor: a pronoun or title standing for a person named just before
SAY   a speech verb ("said"): a person named after it is not the speaker
ANN   an announcement verb ("announced", "a indiqué"): a date just after it is the
      announcement's, not the trip's (unlike SAY, says nothing of who the subject is)
NONE  "no visit is planned", "no plans have been announced": the clause reports no trip
MEET  "встреча", "зустріч": a meeting noun; a trip noun (TN) only when a named person
      follows it closely, as the meeting's own ("встреча Путина и Трампа на Аляске"),
      never for meetings someone holds at home ("проведет встречи с гостями из Китая")
====  =====================================================================

A phrase ending in ``*`` is a stem: any letters may follow (``visit*`` matches
"visits", "visiting"). Otherwise the phrase must end at a word boundary. Longer
phrases win over shorter ones at the same place, so "visited" (TO) beats "visit*"
(TN) and "should be arrested" (MOD) beats "arrested" (ARR).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from warrantwatch.monitor.languages import CUE_CODES, Language, languages

CODES = frozenset(CUE_CODES)

#: Codes that make a sentence about a trip at all.
TRIP_CODES = frozenset({"TP", "TO", "TN", "INV", "CAN", "DEP", "ARR", "NARR"})
#: Codes that make a text worth reading further (a meeting noun may be a trip noun).
GATE_CODES = TRIP_CODES | {"MEET"}


@dataclass(frozen=True, slots=True)
class Cue:
    phrase: str
    code: str
    lang: str
    stem: bool


def cldr_cues(cldr: str) -> list[tuple[str, str]]:
    """(phrase, code) of CLDR's relative day and week fields for locale ``cldr``.

    "yesterday" / "the day before yesterday" are PAST, "today" NOW, "tomorrow" FUT;
    "last week" PAST, "next week" FUT ("this week" says nothing of the tense).
    """
    from babel import Locale

    fields = Locale.parse(cldr)._data["date_fields"]
    out: list[tuple[str, str]] = []
    for off, word in fields["day"]["relative"].items():
        out.append((word, "PAST" if off < 0 else "NOW" if off == 0 else "FUT"))
    for off, word in fields["week"]["relative"].items():
        if off:
            out.append((word, "PAST" if off < 0 else "FUT"))
    return out


def language_cues(lang: Language) -> list[Cue]:
    """The cues of one language: its file's phrases, then CLDR's date fields."""
    out: list[Cue] = []
    seen: set[tuple[str, str, bool]] = set()
    for code, phrases in lang.cues.items():
        for p in phrases:
            if (p.text, code, p.stem) not in seen:
                seen.add((p.text, code, p.stem))
                out.append(Cue(phrase=p.text, code=code, lang=lang.code, stem=p.stem))
    for phrase, code in cldr_cues(lang.cldr):
        if (phrase, code, False) not in seen:
            seen.add((phrase, code, False))
            out.append(Cue(phrase=phrase, code=code, lang=lang.code, stem=False))
    return out


def all_cues(langs: Iterable[Language] | None = None) -> list[Cue]:
    """The cues of every loaded language (or of ``langs``)."""
    out: list[Cue] = []
    for lang in langs if langs is not None else languages().values():
        out.extend(language_cues(lang))
    return out
