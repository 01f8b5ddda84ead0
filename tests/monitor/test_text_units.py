"""Folding, declension, date reading and sentence splitting: the scanner's small parts."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from warrantwatch.monitor.dates import DateMention, read_date, resolve
from warrantwatch.monitor.inflect import decline
from warrantwatch.monitor.segments import split
from warrantwatch.monitor.textnorm import _fold_any, fold, script_of, strip_accents


@given(st.text(max_size=200))
def test_fold_keeps_every_offset(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(alphabet=st.characters(max_codepoint=255), max_size=200))
def test_latin1_byte_table_folds_like_the_general_way(text: str) -> None:
    assert fold(text) == _fold_any(text)


def test_every_latin1_character_folds_like_the_general_way() -> None:
    every = "".join(map(chr, range(256)))
    assert fold(every) == _fold_any(every)
    assert fold("Élysée’s") == _fold_any("Élysée’s")  # beyond Latin-1: the general way


def test_fold_unifies_case_punctuation_and_letters() -> None:
    assert fold("«Путин» pro-Putin l’invitation") == " путин  pro putin l invitation"
    assert fold("Ёлка") == "елка"
    assert fold("أكتوبر") == "اكتوبر"
    assert fold("İstanbul") == "istanbul"


def test_strip_accents_only_latin() -> None:
    assert strip_accents("Béchir Tayikistán") == "Bechir Tayikistan"
    assert strip_accents("Йошкар-Ола Київ") == "Йошкар-Ола Київ"


def test_script_of() -> None:
    assert script_of("Putin") == "latin"
    assert script_of("Путин") == "cyrillic"
    assert script_of("بوتين") == "arabic"
    assert script_of("פוטין") == "hebrew"


def test_russian_and_ukrainian_person_forms() -> None:
    assert decline("Путин", "ru", "person") == ["Путин", "Путина", "Путину", "Путиным", "Путине"]
    assert "Володимира Путіна" in decline("Володимир Путін", "uk", "person")
    assert "Путіним" in decline("Путін", "uk", "person")
    # Female double surname: both parts decline; indeclinable surnames stay.
    assert "Марии Львовой-Беловой" in decline("Мария Львова-Белова", "ru", "person")
    assert decline("Шойгу", "ru", "person") == ["Шойгу"]


def test_place_forms_are_case_aligned() -> None:
    forms = decline("Южная Африка", "ru", "place")
    assert "Южной Африке" in forms and "Южную Африку" in forms
    assert "Южная Африке" not in forms
    assert "Таджикистане" in decline("Таджикистан", "ru", "place")
    assert "Улан-Баторе" in decline("Улан-Батор", "ru", "place")
    assert "Південній Африці" in decline("Південна Африка", "uk", "place")
    assert decline("Душанбе", "ru", "place") == ["Душанбе"]


def _month(norm: str, word: str, month: int) -> DateMention | None:
    i = norm.index(word)
    return read_date(norm, i, i + len(word), "M", month)


def test_read_day_month_year_in_several_languages() -> None:
    for text, word, month, day, year in [
        ("on thursday, 9 october 2025, he", "october", 10, 9, 2025),
        ("october 9, 2025", "october", 10, 9, 2025),
        ("le 9 octobre", "octobre", 10, 9, 0),
        ("9 de octubre de 2025", "octubre", 10, 9, 2025),
        ("am 9. oktober", "oktober", 10, 9, 0),
        ("9 го октября", "октября", 10, 9, 0),
        ("4 5 декабря", "декабря", 12, 4, 0),
    ]:
        m = _month(fold(text), word, month)
        assert m is not None and (m.day, m.month, m.year) == (day, month, year), text


def test_month_alone_is_not_a_trip_date() -> None:
    m = _month("in september 2024 he", "september", 9)
    assert m is not None and m.kind == "Y"
    assert resolve(m, dt.date(2025, 1, 1), ahead=False) is None


PUB = dt.date(2025, 10, 7)  # a Tuesday


def test_weekday_looks_ahead_for_plans_and_back_for_reports() -> None:
    thu = DateMention(0, 8, "W", weekday=3)
    assert resolve(thu, PUB, ahead=True) == dt.date(2025, 10, 9)
    assert resolve(thu, PUB, ahead=False) == dt.date(2025, 10, 2)
    nxt = DateMention(0, 8, "W", weekday=1, direction=1)
    assert resolve(nxt, PUB, ahead=False) == dt.date(2025, 10, 14)


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
    st.integers(0, 6),
    st.booleans(),
)
def test_weekday_resolution_is_within_a_week_and_right_day(
    pub: dt.date, wd: int, ahead: bool
) -> None:
    day = resolve(DateMention(0, 1, "W", weekday=wd), pub, ahead)
    assert day is not None and day.weekday() == wd
    assert 0 <= ((day - pub).days if ahead else (pub - day).days) <= 6


def test_relative_days_and_yearless_dates() -> None:
    assert resolve(DateMention(0, 1, "R", offset=1), PUB, ahead=True) == dt.date(2025, 10, 8)
    early = DateMention(0, 1, "D", day=3, month=1)
    assert resolve(early, dt.date(2025, 12, 20), ahead=True) == dt.date(2026, 1, 3)
    late = DateMention(0, 1, "D", day=20, month=12)
    assert resolve(late, dt.date(2026, 1, 5), ahead=False) == dt.date(2025, 12, 20)
    assert resolve(DateMention(0, 1, "D", day=9, month=10), None, ahead=True) is None


def test_sentences_respect_abbreviations_ordinals_and_paragraphs() -> None:
    text = "Mr. Putin met Gen. Smith in the U.S. on Monday. He left.\nNew one am 9. Oktober here."
    sents = [text[s.start : s.end] for s in split(text)]
    assert sents == [
        "Mr. Putin met Gen. Smith in the U.S. on Monday.",
        "He left.",
        "New one am 9. Oktober here.",
    ]
    assert [s.paragraph for s in split(text)] == [0, 0, 1]


def test_language_files_give_cues_their_codes() -> None:
    from warrantwatch.monitor.cues import all_cues, cldr_cues

    codes = {(c.lang, c.phrase): c.code for c in all_cues()}
    assert codes[("it", "è atteso")] == "TP" and codes[("it", "è in visita")] == "TO"
    assert codes[("de", "teilnehmen")] == "TP" and codes[("de", "nicht geplant")] == "NONE"
    # Stems keep their flag; CLDR's date fields are cues too, not typed in the files.
    stems = {(c.lang, c.phrase) for c in all_cues() if c.stem}
    assert ("en", "will visit") in stems
    assert ("ru", "вчера", "PAST") in {(c.lang, c.phrase, c.code) for c in all_cues()}
    assert ("next week", "FUT") in cldr_cues("en") and ("yesterday", "PAST") in cldr_cues("en")


def test_a_run_without_full_stops_is_cut_into_bounded_sentences() -> None:
    from warrantwatch.monitor.segments import MAX_SENTENCE

    text = "the delegation met the minister, " * 2000  # 66 KB, no full stop
    parts = split(text)
    assert len(parts) > 1
    assert all(p.end - p.start <= MAX_SENTENCE for p in parts)
    # nothing is lost or doubled: the pieces tile the text
    assert parts[0].start == 0 and parts[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(parts))
    # a clause break is preferred to a word break
    assert all(text[p.end - 1] == "," for p in parts[:-1])


def test_windows_do_not_search_a_page_without_line_breaks_end_to_end() -> None:
    from warrantwatch.monitor.matcher import PARAGRAPH_REACH, WINDOW, windows

    text = "x " * 200_000  # 400 KB, one paragraph
    wins = windows(text, [(200_000, 200_010)])
    assert len(wins) == 1
    lo, hi = wins[0]
    assert hi - lo <= 2 * (WINDOW + PARAGRAPH_REACH) + 10
    # with line breaks near, the window still widens to the paragraph
    text = "a\n" + "y" * 600 + "NAME" + "z" * 600 + "\nb"
    assert windows(text, [(602, 606)]) == [(2, len(text) - 2)]


def test_url_dates() -> None:
    from warrantwatch.monitor.anchor import url_date

    today = dt.date(2026, 1, 1)
    assert url_date("https://x.org/2024/09/02/slug", today=today) == dt.date(2024, 9, 2)
    assert url_date("https://x.org/news/2024-09-02-slug", today=today) == dt.date(2024, 9, 2)
    assert url_date("https://x.org/a_20240902_b.html", today=today) == dt.date(2024, 9, 2)
    assert url_date("https://x.org/2027/01/05/slug", today=today) is None  # future
    assert url_date("https://x.org/item/1234202409021", today=today) is None  # a long number
    assert url_date("https://x.org/2024/02/30/slug", today=today) is None  # no such day
    assert url_date(None) is None


def test_romanian_cedilla_and_comma_letters_fold_alike() -> None:
    assert fold("Bucureşti Ţara") == fold("București Țara")


def test_traditional_chinese_folds_to_simplified_one_for_one() -> None:
    text = "杜特爾特在馬尼拉被捕, 國際刑事法院"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == fold("杜特尔特在马尼拉被捕, 国际刑事法院")
    assert fold("Duterte") == "duterte"  # other scripts untouched


def test_cities_of_many_zone_countries_come_from_cldr_in_every_language() -> None:
    """New York is one of many United States zones; its CLDR names must still be there."""
    from warrantwatch.monitor.places import place_specs

    phrases = {(s.phrase, s.iso2) for s in place_specs()}
    assert {("뉴욕", "US"), ("ニューヨーク", "US"), ("纽约", "US")} <= phrases
