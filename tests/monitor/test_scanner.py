"""The scanner's behaviour on short texts: each test is one thing a reader would expect."""

from __future__ import annotations

import datetime as dt
import json
import pickle
from pathlib import Path

import ahocorasick_rs
import pytest

from warrantwatch.law.world import World
from warrantwatch.monitor import matcher
from warrantwatch.monitor.model import Article, TripEvent
from warrantwatch.monitor.names import distinctive_weak_names, name_specs
from warrantwatch.monitor.scanner import Scanner
from warrantwatch.monitor.textnorm import fold

PUB = dt.date(2025, 10, 7)  # Tuesday
DEVSET = Path(__file__).parents[2] / "benchmarks" / "devset" / "devset.jsonl"


def trips(
    scanner: Scanner, text: str, published: dt.date | None = PUB, lang: str = "en"
) -> list[TripEvent]:
    return scanner.scan(Article(text=text, published=published, language=lang))


def one(scanner: Scanner, text: str, **kw: object) -> TripEvent:
    evs = trips(scanner, text, **kw)  # type: ignore[arg-type]
    assert len(evs) == 1, [(e.person, e.destination_iso2, e.status) for e in evs]
    return evs[0]


# --- names --------------------------------------------------------------------------------


def test_generated_cyrillic_forms_and_distinctiveness(scan_world: World) -> None:
    specs = name_specs(scan_world.persons)
    phrases = {(s.phrase, s.person) for s in specs}
    assert ("путиным", "vladimir-putin") in phrases  # generated, not in the data
    assert ("владимира путина", "vladimir-putin") in phrases
    assert ("нетаньяху", "benjamin-netanyahu") in phrases
    distinct = distinctive_weak_names(specs)
    assert "putin" in distinct and "netanyahu" in distinct
    assert "gbagbo" not in distinct  # two persons
    assert "roe" not in distinct  # two persons, and short
    assert "bashir" not in distinct  # a common given name
    assert "al bashir" in distinct


def test_matching_respects_words_case_and_proclitics(scanner: Scanner) -> None:
    def found(text: str) -> set[str]:
        found = matcher.find(scanner.automaton, fold(text), text)
        return {text[h.start : h.end] for h in (found[0] if found else [])}

    assert "Putin" not in found("Rasputin met Putinism fans; Putin spoke.") - {"Putin"}
    assert found("Rasputin spoke. Putin spoke.") >= {"Putin"}
    assert "chad" not in found("Putin and chad visited. Chad")
    assert "Chad" in found("Putin visited Chad")
    assert "us" not in found("Putin told us about the USA")
    assert "USA" in found("Putin told us about the USA")
    assert "طاجيكستان" in found("بوتين يتوجه بطاجيكستان")


def test_one_automaton_pass_per_text(scanner: Scanner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text is read once by the automaton, whether it names someone or not."""
    calls: list[str] = []
    real = matcher.Automaton.occurring

    def counted(self: matcher.Automaton, padded: str) -> list[str]:
        calls.append(padded)
        return real(self, padded)

    monkeypatch.setattr(matcher.Automaton, "occurring", counted)
    assert trips(scanner, "The central bank kept its rate; ministers met in Paris.") == []
    assert len(calls) == 1
    assert one(scanner, "Putin will fly to Dushanbe on Thursday.").destination_iso2 == "TJ"
    assert len(calls) == 2


def test_reported_occurrences_are_placed_where_the_automaton_found_them(
    scanner: Scanner,
) -> None:
    """The report is in order of match ends, so a forward str.find places each occurrence;
    checked against the automaton's own positions on the development set and on texts
    where keys overlap and repeat."""
    auto = scanner.automaton
    kind = getattr(ahocorasick_rs.Implementation, matcher.IMPLEMENTATION)
    positions = ahocorasick_rs.AhoCorasick(auto.keys, implementation=kind)
    texts = [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines()]
    texts += ["Putin Putin putin visit visits visited Putin's sept. September 2025 " * 3]
    for text in texts:
        padded = " " + fold(text)
        found = auto.occurring(padded)
        placed = matcher._placed(padded, found)
        truth = positions.find_matches_as_indexes(padded, overlapping=True)
        assert placed == [(start, auto.keys[k]) for k, start, _ in truth]
        assert sorted(placed) == sorted(matcher._placed_by_key(padded, found))


def test_lone_surrogates_do_not_stop_the_scan(scanner: Scanner) -> None:
    """json.loads lets a broken escape ("\\ud800") through; UTF-8 cannot carry it."""
    ev = one(scanner, "Putin will fly to \ud800 Dushanbe on Thursday.")
    assert ev.destination_iso2 == "TJ" and "\ud800" in ev.evidence
    assert not scanner.names_anyone("no one \udfff here")


def test_overlapping_repeats_of_one_key_are_placed_one_by_one() -> None:
    keys = ["aa", "a", "aaa", "ba"]
    ac = ahocorasick_rs.AhoCorasick(keys, store_patterns=True)
    for text in ("aaaa", "baaab", "abaaba", "aaaaaaa"):
        found = ac.find_matches_as_strings(text, overlapping=True)
        truth = [(s, keys[k]) for k, s, _ in ac.find_matches_as_indexes(text, overlapping=True)]
        assert matcher._placed(text, found) == truth
        assert sorted(matcher._placed_by_key(text, found)) == sorted(truth)
    assert matcher._placed("ab", ["b", "a"]) is None  # a report out of order is noticed


# --- the model case and its traps ----------------------------------------------------------


def test_statement_with_background_and_hague_yields_one_trip(scanner: Scanner) -> None:
    text = (Path(__file__).parent / "fixtures" / "statement_tajikistan.txt").read_text()
    ev = one(scanner, text)
    assert (ev.person, ev.destination_iso2, ev.place) == ("vladimir-putin", "TJ", "Dushanbe")
    assert ev.start_date == dt.date(2025, 10, 9) and ev.status == "planned"
    assert ev.duty is not None and ev.duty["duty"] == "binding"
    assert ev.duty["basis"] == ["state_party"] and ev.duty["state_status"] == "party"
    assert "9 October 2025" in ev.evidence


def test_place_only_mentioned_is_no_trip(scanner: Scanner) -> None:
    assert trips(scanner, "Vladimir Putin should be in The Hague, rights groups said.") == []
    assert trips(scanner, "Rights groups said Putin belongs in The Hague, not in Dushanbe.") == []


def test_person_without_trip_and_trip_without_person(scanner: Scanner) -> None:
    assert trips(scanner, "Putin chaired a meeting on the economy in Moscow on Monday.") == []
    assert trips(scanner, "Sergei Lavrov will travel to Dushanbe on Thursday.") == []


def test_background_trip_is_dropped_but_current_one_kept(scanner: Scanner) -> None:
    assert trips(scanner, "Last year, Putin visited Mongolia. He was not arrested.") == []
    ev = one(
        scanner,
        "Putin, who visited Mongolia in September 2024, will travel to Dushanbe on Thursday.",
    )
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "TJ",
        "planned",
        dt.date(2025, 10, 9),
    )


def test_hypothetical_trip_is_no_trip(scanner: Scanner) -> None:
    assert (
        trips(scanner, "If Putin travels to France, he must be arrested, the minister said.") == []
    )


# --- statuses ------------------------------------------------------------------------------


def test_occurred_with_weekday_resolved_backwards(scanner: Scanner) -> None:
    ev = one(scanner, "Netanyahu landed in Budapest on Wednesday night for a four-day visit.")
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "HU",
        "occurred",
        dt.date(2025, 10, 1),
    )


def test_cancellation_and_deputy_sent_instead(scanner: Scanner) -> None:
    ev = one(scanner, "Putin will not attend the summit in Johannesburg in person.")
    assert (ev.destination_iso2, ev.status) == ("ZA", "cancelled")
    ev = one(scanner, "Владимир Путин не поедет в ЮАР, вместо него будет Лавров.", lang="ru")
    assert (ev.destination_iso2, ev.status) == ("ZA", "cancelled")


def test_arrest_is_not_duty_language(scanner: Scanner) -> None:
    ev = one(scanner, "Richard Roe was arrested in Kinshasa on Monday, police said.")
    assert (ev.person, ev.destination_iso2, ev.status) == ("richard-roe", "CD", "arrest")
    assert ev.start_date == dt.date(2025, 10, 6)
    ev = one(scanner, "Tajikistan must arrest Putin when he arrives in Dushanbe on Thursday.")
    assert ev.status == "planned"


# --- who -----------------------------------------------------------------------------------


def test_ambiguous_surname_needs_the_full_name(scanner: Scanner) -> None:
    assert trips(scanner, "Roe was arrested in Kinshasa on Monday.") == []
    ev = one(
        scanner, "Richard Roe has been at large for years. Roe was arrested in Kinshasa on Monday."
    )
    assert ev.person == "richard-roe"


def test_person_without_outstanding_warrant_yields_nothing(scanner: Scanner) -> None:
    assert trips(scanner, "Laurent Gbagbo arrived in Paris on Friday for talks.") == []
    assert trips(scanner, "Jane Roe will travel to Kinshasa on Thursday.") == []
    # Before her surrender (2024-05-02) Jane Roe's warrant was outstanding.
    ev = one(
        scanner, "Jane Roe will travel to Kinshasa on Thursday.", published=dt.date(2023, 5, 2)
    )
    assert ev.person == "jane-roe"


def test_inflected_names_and_places(scanner: Scanner) -> None:
    ev = one(scanner, "Визит Владимира Путина в Монголию завершится в среду.", lang="ru")
    assert ev.destination_iso2 == "MN"
    ev = one(scanner, "Путін у четвер прилетить до Душанбе.", lang="uk")
    assert (ev.destination_iso2, ev.start_date) == ("TJ", dt.date(2025, 10, 9))


def test_common_surname_backed_by_country_context(scanner: Scanner) -> None:
    ev = one(
        scanner,
        "أعلنت الخرطوم أن البشير لن يشارك في القمة في تونس.",
        published=dt.date(2019, 3, 30),
        lang="ar",
    )
    assert (ev.person, ev.destination_iso2, ev.status) == ("omar-al-bashir", "TN", "cancelled")


# --- sentences around ----------------------------------------------------------------------


def test_pronoun_and_title_continue_the_person(scanner: Scanner) -> None:
    ev = one(scanner, "Putin accepted Rahmon's invitation. He will arrive in Dushanbe on Thursday.")
    assert (ev.destination_iso2, ev.start_date) == ("TJ", dt.date(2025, 10, 9))
    ev = one(
        scanner,
        "Le chef du Kremlin est arrivé jeudi à New Delhi. Vladimir Poutine doit voir M. Modi.",
        published=dt.date(2025, 12, 5),
        lang="fr",
    )
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "IN",
        "occurred",
        dt.date(2025, 12, 4),
    )


def test_speaker_is_not_the_antecedent(scanner: Scanner) -> None:
    text = (
        "Ukraine's president said Vladimir Putin should be in court. "
        "He spoke during a visit to Helsinki."
    )
    assert trips(scanner, text) == []


def test_several_destinations(scanner: Scanner) -> None:
    evs = trips(scanner, "Richard Roe is planning a trip to Kenya and Uganda next month.")
    assert {e.destination_iso2 for e in evs} == {"KE", "UG"}


# --- the event record ----------------------------------------------------------------------


def test_event_fields_and_unknown_state(scanner: Scanner) -> None:
    art = Article(
        text="Putin will visit Vietnam on Thursday.",
        url="https://example.org/a",
        title="T",
        published=PUB,
        language="en",
    )
    (ev,) = scanner.scan(art)
    d = ev.as_dict()
    assert d["url"] == "https://example.org/a" and d["published"] == "2025-10-07"
    assert d["start_date"] == "2025-10-09" and 0 < d["confidence"] <= 1
    assert d["duty"]["duty"] == "none" and d["duty"]["state_status"] == "non_party"
    (ev,) = trips(scanner, "Putin will visit Laos on Thursday.")
    assert ev.duty is not None and ev.duty["state_status"] == "unknown" and ev.duty["duty"] is None


def test_no_date_when_the_text_pins_none(scanner: Scanner) -> None:
    ev = one(scanner, "Putin will visit India next week.")
    assert ev.start_date is None
    assert ev.duty is not None and ev.duty["on"] == PUB.isoformat()


def test_scanner_pickles_and_caches(scan_world: World, scanner: Scanner, tmp_path: Path) -> None:
    text = "Putin will fly to Dushanbe on Thursday."
    again = pickle.loads(pickle.dumps(scanner))
    assert [e.as_dict() for e in trips(again, text)] == [e.as_dict() for e in trips(scanner, text)]
    first = Scanner(scan_world, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("scanner-*.pickle"))) == 1
    second = Scanner(scan_world, cache_dir=tmp_path)
    assert second.pattern_count == first.pattern_count
    assert [e.as_dict() for e in trips(second, text)] == [e.as_dict() for e in trips(scanner, text)]


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("Vladimir Poutine se rendra à Douchanbé jeudi.", "fr", "TJ"),
        ("Putin viajará el jueves a Dusambé.", "es", "TJ"),
        ("Wladimir Putin wird am Donnerstag in Duschanbe erwartet.", "de", "TJ"),
        ("Putin si recherà giovedì a Dushanbe.", "it", "TJ"),
        ("Putin viajará na quinta-feira a Duchambe.", "pt", "TJ"),
        ("يصل الرئيس الروسي فلاديمير بوتين يوم الخميس إلى دوشانبي.", "ar", "TJ"),
        ("Путин в четверг прибудет в Душанбе.", "ru", "TJ"),
    ],
)
def test_travel_wording_in_many_languages(scanner: Scanner, text: str, lang: str, iso: str) -> None:
    ev = one(scanner, text, lang=lang)
    assert (ev.destination_iso2, ev.status, ev.start_date) == (iso, "planned", dt.date(2025, 10, 9))


def test_someone_elses_trip_is_not_the_persons(scanner: Scanner) -> None:
    text = "El canciller Serguéi Lavrov llegó a Riad para preparar una cumbre entre Putin y Trump."
    assert trips(scanner, text, lang="es") == []
    text = "Lavrov arrived in Riyadh to prepare a summit between Putin and Trump."
    assert trips(scanner, text) == []
    ev = one(scanner, "Arriving in Dushanbe on Thursday, Putin will open the summit.")
    assert ev.destination_iso2 == "TJ"
    ev = one(scanner, "Xi Jinping welcomed Vladimir Putin in Beijing on Monday.")
    assert (ev.destination_iso2, ev.status) == ("CN", "occurred")


def test_demonym_is_a_destination_only_as_the_capital(scanner: Scanner) -> None:
    text = "Hungarian Prime Minister Viktor Orbán met Vladimir Putin in Moscow last week."
    assert trips(scanner, text) == []
    ev = one(scanner, "Putin will arrive in the Tajik capital on Thursday.")
    assert ev.destination_iso2 == "TJ"


def test_country_after_a_title_is_whose_title_not_where_to(scanner: Scanner) -> None:
    # Genitive attributes without a preposition: Ukrainian, Russian, Arabic.
    text = "Прем'єр-міністр Угорщини у вівторок прилетів до Москви, де зустрівся з Путіним."
    assert trips(scanner, text, lang="uk") == []
    ev = one(
        scanner,
        "Министр иностранных дел Турции сообщил, что Путин прилетит в Баку в четверг.",
        lang="ru",
    )
    assert (ev.destination_iso2, ev.start_date) == ("AZ", dt.date(2025, 10, 9))


def test_cancellation_by_a_third_state_does_not_cancel_the_trip(scanner: Scanner) -> None:
    ev = one(
        scanner,
        "Omar al-Bashir will arrive in Addis Ababa tomorrow for the summit, after Malawi "
        "cancelled its plan to host it.",
        published=dt.date(2012, 7, 14),
    )
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "ET",
        "planned",
        dt.date(2012, 7, 15),
    )
    # The host's own cancellation still cancels.
    ev = one(scanner, "Hungary cancelled Vladimir Putin's visit to Budapest planned for Friday.")
    assert (ev.destination_iso2, ev.status) == ("HU", "cancelled")


def test_announcement_day_is_not_the_trip_day(scanner: Scanner) -> None:
    ev = one(
        scanner,
        "Vladimir Poutine ne se rendra pas au sommet de Rio de Janeiro, les 18 et 19 novembre, "
        "a annoncé jeudi le Kremlin.",
        published=dt.date(2024, 10, 24),
        lang="fr",
    )
    assert (ev.status, ev.start_date) == ("cancelled", dt.date(2024, 11, 18))
    # A weekday after "confirmed that <person>" is the trip's, not the announcement's.
    ev = one(scanner, "The Kremlin confirmed that Putin arrives in Dushanbe on Thursday.")
    assert ev.start_date == dt.date(2025, 10, 9)


def test_since_a_weekday_is_when_the_stay_began(scanner: Scanner) -> None:
    ev = one(
        scanner,
        "Yoav Gallant hält sich seit Montag in Washington auf.",
        published=dt.date(2025, 10, 8),
        lang="de",
    )
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "US",
        "occurred",
        dt.date(2025, 10, 6),
    )
    # "Wanted since March 2023" still dates nothing.
    ev = one(scanner, "Putin, wanted since 17 March 2023, will visit Mongolia next week.")
    assert ev.start_date is None


def test_recent_day_outweighs_a_background_word(scanner: Scanner) -> None:
    ev = one(
        scanner,
        "Omar al-Bashir arrived in Kampala on Monday, his first visit to a member state since "
        "judges issued a warrant for his arrest last year.",
        published=dt.date(2010, 7, 7),
    )
    assert (ev.destination_iso2, ev.status, ev.start_date) == (
        "UG",
        "occurred",
        dt.date(2010, 7, 5),
    )
    # Without a day of its own, the trip recalled "last year" stays background.
    assert (
        trips(scanner, "Omar al-Bashir visited Kampala last year.", published=dt.date(2010, 7, 7))
        == []
    )


def test_someone_elses_trip_sets_no_scene(scanner: Scanner) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov landed in Ankara on Monday for talks with his "
        "Turkish counterpart. Lavrov carried a letter from Vladimir Putin inviting the Turkish "
        "leader to Moscow."
    )
    assert trips(scanner, text) == []
    text = (
        "Ukrainian President Volodymyr Zelensky arrived in Vienna on Tuesday. "
        "Vladimir Putin belongs in the dock, Zelensky told reporters."
    )
    assert trips(scanner, text) == []


def test_someone_acting_for_the_person_is_not_the_person(scanner: Scanner) -> None:
    for text in (
        "Richard Roe's lawyer flew to Lisbon on Monday to meet prosecutors.",
        "The lawyer for Richard Roe flew to Lisbon on Monday.",
        "O advogado de Richard Roe viajou a Lisboa na segunda-feira.",
    ):
        assert trips(scanner, text, lang="pt" if "advogado" in text else "en") == [], text
    ev = one(scanner, "Richard Roe flew to Lisbon on Monday with his lawyer.")
    assert (ev.person, ev.destination_iso2) == ("richard-roe", "PT")


def test_portuguese_future_subjunctive_is_a_condition(scanner: Scanner) -> None:
    text = "Se Vladimir Putin vier ao Brasil para a cúpula, será preso, disse um jurista."
    assert trips(scanner, text, lang="pt") == []


def found(scanner: Scanner, text: str, **kw: object) -> set[tuple[str, str, dt.date | None]]:
    return {(e.person, e.destination_iso2, e.start_date) for e in trips(scanner, text, **kw)}  # type: ignore[arg-type]


def test_the_host_and_where_guests_come_from_are_no_trip(scanner: Scanner) -> None:
    text = "Vladimir Putin welcomed leaders from China, India and Iran to Kazan on Tuesday."
    assert trips(scanner, text) == []
    ev = one(scanner, "Xi Jinping welcomed Vladimir Putin in Beijing on Monday.")
    assert ev.destination_iso2 == "CN"
    text = "Richard Roe flew to Nairobi on Monday on a flight from Dubai."
    assert found(scanner, text) == {("richard-roe", "KE", dt.date(2025, 10, 6))}
    text = "Шойгу провел в Москве консультации с представителями Ирана и Китая."
    assert trips(scanner, text, lang="ru") == []


def test_no_visit_planned_and_hypotheticals_after_the_fact(scanner: Scanner) -> None:
    text = "No visit by Benjamin Netanyahu to Germany is planned, a spokesman said."
    assert trips(scanner, text) == []
    text = "Ein Besuch von Benjamin Netanjahu in Deutschland sei derzeit nicht geplant."
    assert trips(scanner, text, lang="de") == []
    text = "Would France detain Benjamin Netanyahu if he ever set foot in Paris? No one would say."
    assert trips(scanner, text) == []


def test_rome_statute_is_no_trip_to_rome(scanner: Scanner) -> None:
    text = "Putin si recherà lunedì a Erevan, anche se l'Armenia ha aderito allo Statuto di Roma."
    assert {iso for _, iso, _ in found(scanner, text, lang="it")} == {"AM"}


def test_dateline_and_announcement_dates_are_not_the_trips(scanner: Scanner) -> None:
    text = "NAIROBI, March 15 — Richard Roe arrived in Nairobi on Monday, the police said."
    assert found(scanner, text, published=dt.date(2023, 3, 15)) == {
        ("richard-roe", "KE", dt.date(2023, 3, 13))
    }
    text = (
        "A coalition on Monday called on Mongolia to arrest Vladimir Putin when he visits "
        "Ulaanbaatar on 14 May."
    )
    assert found(scanner, text, published=dt.date(2026, 5, 4)) == {
        ("vladimir-putin", "MN", dt.date(2026, 5, 14))
    }


@pytest.mark.parametrize(
    "text",
    [
        # a dateline with the country after the city, closed by a full stop
        "DUSHANBE, Tajikistan, July 21. Vladimir Putin will pay a state visit to "
        "Tajikistan in October, the ministry said.",
        # an agency's name between the date and the dash, and a page stamp before
        "2025-07-21 MOSCOW, July 21 (Wire) -- Vladimir Putin will visit Tajikistan, "
        "the ministry said.",
    ],
)
def test_a_datelines_day_is_not_a_planned_trips_day(scanner: Scanner, text: str) -> None:
    assert found(scanner, text, published=dt.date(2025, 7, 21)) == {
        ("vladimir-putin", "TJ", None)
    }


def test_the_persons_own_situation_is_the_topic_not_a_destination(scanner: Scanner) -> None:
    """"Invited despite the warrant for war crimes in the Gaza Strip": Gaza is what the
    warrant is about; a visit to troops in Gaza is a trip there."""
    text = (
        "Orban invited Benjamin Netanyahu in November, a day after the warrant for alleged "
        "war crimes in the Gaza Strip."
    )
    assert found(scanner, text, published=dt.date(2025, 4, 2)) == set()
    text = "Benjamin Netanyahu visited troops in Gaza on Tuesday."
    assert {iso for _, iso, _ in found(scanner, text, published=dt.date(2025, 5, 28))} == {
        "PS"
    }


def test_the_white_house_stands_for_washington(scanner: Scanner) -> None:
    text = "Benjamin Netanyahu arrived at the White House on Monday for talks."
    assert found(scanner, text, published=dt.date(2025, 9, 29)) == {
        ("benjamin-netanyahu", "US", dt.date(2025, 9, 29))
    }


def test_itineraries_give_each_stop_its_own_day(scanner: Scanner) -> None:
    text = "Putin sarà lunedì a Baku e mercoledì proseguirà per Erevan."
    assert found(scanner, text, lang="it") == {
        ("vladimir-putin", "AZ", dt.date(2025, 10, 13)),
        ("vladimir-putin", "AM", dt.date(2025, 10, 8)),
    }
    text = "2 грудня Путін прибуде до Астани, а 4 грудня — до Бішкека."
    assert found(scanner, text, lang="uk", published=dt.date(2026, 11, 20)) == {
        ("vladimir-putin", "KZ", dt.date(2026, 12, 2)),
        ("vladimir-putin", "KG", dt.date(2026, 12, 4)),
    }
    text = (
        "Vladimir Putin arrived in the Kazakh capital on Tuesday, the first leg of a tour "
        "that will take him on to Dushanbe on Thursday."
    )
    assert found(scanner, text, published=dt.date(2026, 4, 14)) == {
        ("vladimir-putin", "KZ", dt.date(2026, 4, 14)),
        ("vladimir-putin", "TJ", dt.date(2026, 4, 16)),
    }


def test_a_letter_from_the_person_is_not_the_person(scanner: Scanner) -> None:
    text = "Lavrov handed over a letter from President Vladimir Putin in Cairo on Sunday."
    assert trips(scanner, text) == []
    text = "وصل لافروف إلى القاهرة الأحد وسلّم رسالة من الرئيس فلاديمير بوتين."
    assert trips(scanner, text, lang="ar") == []


def test_a_day_of_the_month_alone(scanner: Scanner) -> None:
    text = "Netanyahu fará no dia 9 a sua primeira visita oficial aos Emirados Árabes Unidos."
    assert found(scanner, text, lang="pt", published=dt.date(2025, 12, 15)) == {
        ("benjamin-netanyahu", "AE", dt.date(2026, 1, 9))
    }


def test_model_statement_condition_far_before_the_announced_trip(scanner: Scanner) -> None:
    text = (
        "A coalition today called on the Government of Armenia to arrest Vladimir Putin should "
        "he set foot on Armenian territory, after the Kremlin announced on Sunday that Putin "
        "will travel to Yerevan on Thursday, 5 March, for a summit."
    )
    assert found(scanner, text, published=dt.date(2026, 3, 2)) == {
        ("vladimir-putin", "AM", dt.date(2026, 3, 5))
    }


def test_questions_denials_and_namesakes_report_no_trip(scanner: Scanner) -> None:
    assert trips(scanner, "Чи заарештувала б Угорщина Путіна?", lang="uk") == []
    assert trips(scanner, "Will Vladimir Putin fly to Brazil next week?") == []
    text = "The Kremlin denied reports that Vladimir Putin would travel to Budapest on Friday."
    assert trips(scanner, text) == []
    text = (
        "The basketball player Yoav Gallant (no relation to the former minister) flies to "
        "Madrid on Wednesday."
    )
    assert trips(scanner, text) == []


def test_the_case_country_and_the_arresting_police(scanner: Scanner) -> None:
    text = (
        "Kenyan police on Monday arrested Richard Roe, who is wanted by the International "
        "Criminal Court in connection with the situation in Burundi."
    )
    assert found(scanner, text, published=dt.date(2025, 6, 11)) == {
        ("richard-roe", "KE", dt.date(2025, 6, 9))
    }


def test_more_date_forms(scanner: Scanner) -> None:
    text = "Putin will fly to Tianjin on the 31st for the summit."
    assert found(scanner, text, published=dt.date(2025, 8, 25)) == {
        ("vladimir-putin", "CN", dt.date(2025, 8, 31))
    }
    text = "Netanyahou est attendu à Budapest le 3, selon le bureau de Viktor Orbán."
    assert found(scanner, text, lang="fr", published=dt.date(2026, 2, 26)) == {
        ("benjamin-netanyahu", "HU", dt.date(2026, 3, 3))
    }
    text = "Vladimir Putin deve visitar a Turquia dentro de dois dias."
    assert found(scanner, text, lang="pt", published=dt.date(2026, 5, 5)) == {
        ("vladimir-putin", "TR", dt.date(2026, 5, 7))
    }
    # "until Friday" ends the stay; a month alone ahead of a cancelled trip is not the past.
    ev = one(
        scanner, "Vladimir Putin è in visita in Tagikistan, dove resterà fino a venerdì.", lang="it"
    )
    assert (ev.status, ev.start_date) == ("occurred", None)
    ev = one(
        scanner,
        "Putin não virá à cúpula do G20 no Rio de Janeiro, em novembro.",
        lang="pt",
        published=dt.date(2024, 10, 24),
    )
    assert ev.status == "cancelled"


def test_one_date_for_conjoined_destinations(scanner: Scanner) -> None:
    text = (
        "يزور الرئيس الروسي فلاديمير بوتين يوم الأربعاء كلاً من الإمارات العربية المتحدة "
        "والمملكة العربية السعودية."
    )
    assert found(scanner, text, lang="ar", published=dt.date(2023, 12, 5)) == {
        ("vladimir-putin", "AE", dt.date(2023, 12, 6)),
        ("vladimir-putin", "SA", dt.date(2023, 12, 6)),
    }


def test_topics_and_organisations_are_no_destinations(scanner: Scanner) -> None:
    text = (
        "Vladimir Poutine et Donald Trump se retrouveront vendredi en Alaska pour un sommet "
        "consacré à la guerre en Ukraine."
    )
    assert {iso for _, iso, _ in found(scanner, text, lang="fr")} == {"US"}
    text = (
        "Vladímir Putin llegó este miércoles a Astaná para la cumbre de la Organización de "
        "Cooperación de Shanghái."
    )
    assert {iso for _, iso, _ in found(scanner, text, lang="es")} == {"KZ"}
    text = (
        "Владимир Путин провел переговоры о развитии отношений России и Казахстана; "
        "Токаев находится в Москве с визитом."
    )
    assert trips(scanner, text, lang="ru") == []


def test_arabic_verb_first_host_and_guest(scanner: Scanner) -> None:
    host = (
        "استقبل رئيس الوزراء الإسرائيلي بنيامين نتنياهو الأحد في القدس المبعوث الأمريكي "
        "لبحث وقف إطلاق النار في غزة."
    )
    assert trips(scanner, host, lang="ar") == []
    guest = "استقبل الرئيس الصيني شي جين بينغ الرئيس الروسي فلاديمير بوتين في بكين اليوم."
    assert {iso for _, iso, _ in found(scanner, guest, lang="ar")} == {"CN"}


# --- names that cannot identify anyone end the scan early -------------------------------------


def test_surname_that_is_also_a_demonym_or_cue_is_never_enough(bundled_scanner: Scanner) -> None:
    # Mohammed Deif's data name him "المصري"; in Arabic news that is "the Egyptian".
    assert "المصري" not in bundled_scanner.distinctive
    text = "وصل وزير الخارجية المصري إلى الدوحة يوم الخميس في زيارة رسمية."
    assert trips(bundled_scanner, text, lang="ar") == []
    assert (
        matcher.find(bundled_scanner.automaton, fold(text), text, bundled_scanner._identifiable)
        is None
    )


def test_lowercase_word_is_no_name(bundled_scanner: Scanner) -> None:
    # "Said" (Mahamat Said Abdel Kani) needs its capital: "said" in a sentence is a verb.
    text = "The minister said he would visit Chad on Thursday."
    assert matcher.find(bundled_scanner.automaton, fold(text), text) is None


#: Texts whose only names are common words or given names shared with warrant-holders.
COMMON_NAME_ONLY = [
    ("en", "Bashir Ahmed, a trader from Lahore, will travel to Dubai on Friday."),
    ("ar", "وقال المتحدث المصري إن الوزير سيزور عمّان غداً."),
    ("en", "Said the mayor: the delegation arrives in Lyon on Monday."),
    ("en", "Hassan will fly to Nairobi tomorrow for the final, his coach said."),
    ("fr", "Le président Ruto arrivera à Addis-Abeba jeudi pour le sommet."),
]


def test_early_end_changes_no_result(bundled_scanner: Scanner) -> None:
    """Ruling texts out before the rules run only saves time: every devset text, and texts
    whose only names are common words, give the same events with the check switched off."""
    from warrantwatch.monitor.evaluation import load

    class Unchecked(Scanner):
        def _identifiable(self, keys: set[str], found: list[str]) -> bool:
            return True

    unchecked = Unchecked.__new__(Unchecked)
    unchecked.__dict__.update(bundled_scanner.__dict__)
    unchecked._duty_cache = {}
    articles = [i.article for i in load(DEVSET)]
    common = [Article(text=t, published=PUB, language=lang) for lang, t in COMMON_NAME_ONLY]
    ruled_out = []
    for article in articles + common:
        a = bundled_scanner.scan(article)
        b = unchecked.scan(article)
        assert [e.as_dict() for e in a] == [e.as_dict() for e in b], article.text
        text, norm = article.text, fold(article.text)
        auto = bundled_scanner.automaton
        if matcher.find(auto, norm, text) and not matcher.find(
            auto, norm, text, bundled_scanner._identifiable
        ):
            ruled_out.append(article)
    assert all(a in ruled_out for a in common)


def test_a_trip_is_found_in_a_page_without_full_stops_or_line_breaks(scanner: Scanner) -> None:
    """Long hostile pages are cut into sentences; the news inside them is still read."""
    filler = "the committee discussed the budget, the harbour and the schools, " * 300
    text = filler + "Vladimir Putin will travel to Mongolia on 3 September 2024, " + filler
    events = scanner.scan(Article(text=text, published=dt.date(2024, 8, 20)))
    assert [(e.destination_iso2, e.status, e.start_date) for e in events] == [
        ("MN", "planned", dt.date(2024, 9, 3))
    ]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # month and day with their markers, no year: resolved against the report's date
        ("普京总统将于10月9日访问塔吉克斯坦。", dt.date(2025, 10, 1), dt.date(2025, 10, 9)),
        (
            "푸틴 대통령은 10월 9일 타지키스탄을 방문할 예정이다.",
            dt.date(2025, 10, 1),
            dt.date(2025, 10, 9),
        ),
        # a dateline's day, and a day of the month alone ("8日")
        (
            "杜尚别10月8日电 俄罗斯总统普京8日抵达杜尚别。",
            dt.date(2025, 10, 8),
            dt.date(2025, 10, 8),
        ),
        # no date with the text: the dateline's day and month, the year the text names
        (
            "DUSHANBE, Oct 8 (Wire) - Vladimir Putin arrived in Tajikistan on a state visit, "
            "the first of 2025 to a member of the court.",
            None,
            dt.date(2025, 10, 8),
        ),
    ],
)
def test_dates_from_markers_and_datelines(
    scanner: Scanner, text: str, published: dt.date | None, expected: dt.date
) -> None:
    events = scanner.scan(Article(text=text, published=published))
    assert [(e.destination_iso2, e.start_date) for e in events] == [("TJ", expected)]


def test_no_year_anywhere_gives_no_date(scanner: Scanner) -> None:
    """A day and month with no year in the text and no report date, and no recorded trip
    on that day: nothing is made up."""
    text = "DUSHANBE, Feb 19 (Wire) - Vladimir Putin arrived in Tajikistan on a state visit."
    (event,) = scanner.scan(Article(text=text))
    assert event.start_date is None


def test_an_undated_dateline_is_not_older_than_the_month_it_recalls(scanner: Scanner) -> None:
    """The dateline names no year; the text's latest year is 2024, but it recalls October
    2024 as past: "February 19" is the next February's."""
    text = (
        "DUSHANBE, February 19 (Wire) - Vladimir Putin arrived in Tajikistan on a state "
        "visit.\n\nThe two leaders last spoke by telephone in October 2024."
    )
    events = scanner.scan(Article(text=text))
    assert [(e.destination_iso2, e.start_date) for e in events] == [
        ("TJ", dt.date(2025, 2, 19))
    ]


def test_no_year_but_a_recorded_trip_on_that_day(scanner: Scanner) -> None:
    """The same text on the day of the recorded visit (8-10 October 2025) is about that
    visit: the year is the record's and the event is linked to it."""
    text = "Vladimir Putin arrived in Tajikistan on 8 October for a state visit."
    (event,) = scanner.scan(Article(text=text))
    assert event.start_date == dt.date(2025, 10, 8)
    assert event.known_trip is not None


def test_a_summit_dated_in_a_nearby_sentence(scanner: Scanner) -> None:
    """The trip's sentence has no date; the next one dates the summit it is about."""
    text = (
        "Vladimir Putin will not travel to the summit in Johannesburg.\n"
        "The summit is held from 22 to 24 August."
    )
    (event,) = scanner.scan(Article(text=text, published=dt.date(2023, 7, 20)))
    assert event.status == "cancelled"
    assert event.start_date == dt.date(2023, 8, 22)


def test_a_date_in_the_address_anchors_relative_days(scanner: Scanner) -> None:
    text = "Vladimir Putin arrived in Tajikistan on Wednesday for a state visit."
    url = "https://news.example.org/2025/10/09/putin-tajikistan"
    (event,) = scanner.scan(Article(text=text, url=url))
    assert event.start_date == dt.date(2025, 10, 8)


@pytest.mark.parametrize(
    "text",
    [
        # a country followed by a title is someone's, not a destination
        "Vladimir Putin ve İran Cumhurbaşkanı Mesud Pezeşkiyan görüştü ve ziyaret planladı.",
        "푸틴 대통령은 정상회의에서 몽골 대통령과 회담하고 방문할 예정이다.",
    ],
)
def test_a_country_before_a_title_is_an_attribute(scanner: Scanner, text: str) -> None:
    assert all(e.destination_iso2 not in ("IR", "MN") for e in scanner.scan(Article(text=text)))


def test_stems_in_title_lists_match_their_forms(scanner: Scanner) -> None:
    """A stem ("cumhurbaşkan*") in a language file's titles matches "cumhurbaşkanı"."""
    w = scanner.words(("tr",))
    assert w.is_title("cumhurbașkanı")  # folded: the comma-s
    assert not any(t.endswith("*") for t in (*w.titles, *w.proxy_stems, *w.host))


def test_the_territory_of_the_persons_own_situation_is_the_subject(scanner: Scanner) -> None:
    """"Since the invasion of Ukraine Putin has cut his foreign visits": Ukraine is what the
    news is about, not where he goes; "Putin travelled to Ukraine" still counts."""
    text = "Since the invasion of Ukraine, Vladimir Putin has reduced his foreign visits."
    assert scanner.scan(Article(text=text)) == []
    text = "Vladimir Putin travelled to Ukraine on Saturday, visiting occupied Mariupol."
    assert [e.destination_iso2 for e in scanner.scan(Article(text=text))] == ["UA"]


def test_an_arrest_in_the_persons_own_country_reported_after_it(scanner: Scanner) -> None:
    """The arrest ends the warrant's call, and the report comes after it; the person's own
    country is a destination for an arrest (Duterte at Manila's airport)."""
    text = "Laurent Gbagbo was arrested in Abidjan on Tuesday on a warrant of the court."
    events = scanner.scan(Article(text=text, published=dt.date(2011, 11, 30)))
    assert [(e.destination_iso2, e.status) for e in events] == [("CI", "arrest")]
    # long after the acquittal nothing calls for his arrest: no event
    assert scanner.scan(Article(text=text, published=dt.date(2020, 6, 1))) == []


def test_an_acronym_demonym_matches_only_in_capitals(scanner: Scanner) -> None:
    """Indonesian "AS" (Amerika Serikat) must not be the English word "as"."""
    text = "Vladimir Putin arrived in Mongolia as planned, and later flew on to Ulaanbaatar."
    assert {e.destination_iso2 for e in scanner.scan(Article(text=text))} == {"MN"}


@pytest.mark.parametrize(
    "text",
    [
        "Если Владимир Путин приедет в Монголию, он будет арестован, заявил юрист.",
        "Vladimir Putin will be arrested if he travels to Mongolia, a lawyer said.",
    ],
)
def test_an_arrest_under_a_condition_or_still_to_come_is_no_arrest(
    scanner: Scanner, text: str
) -> None:
    assert all(e.status != "arrest" for e in scanner.scan(Article(text=text)))


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin wird nicht am Gipfel in Südafrika teilnehmen, teilte der Kreml mit.",
        "Vladimir Putin will not travel to South Africa for the summit, the Kremlin said.",
        "Владимир Путин не поедет в ЮАР на саммит, сообщили в Кремле.",
    ],
)
def test_a_negated_travel_word_is_a_cancellation(scanner: Scanner, text: str) -> None:
    events = scanner.scan(Article(text=text, published=dt.date(2023, 7, 20)))
    assert [(e.destination_iso2, e.status) for e in events] == [("ZA", "cancelled")]


def test_a_country_after_a_title_and_of_is_an_attribute(scanner: Scanner) -> None:
    text = (
        "Vladimir Putin arrived in Mongolia on Monday, while the envoys of Britain, "
        "France and Germany protested the visit."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2024, 9, 3)))
    assert {e.destination_iso2 for e in events} == {"MN"}


def test_an_undated_text_reads_an_earlier_year_as_a_recall(scanner: Scanner) -> None:
    text = (
        "Vladimir Putin will travel to Tajikistan on 9 October 2025. "
        "In August 2023 he did not go to South Africa for the summit."
    )
    assert {e.destination_iso2 for e in scanner.scan(Article(text=text))} == {"TJ"}


def test_news_of_one_trip_with_three_recalled_trips_is_one_event(scanner: Scanner) -> None:
    """The issue's own case: the news is one trip; the background recalls three."""
    text = (
        "Vladimir Putin will travel to Tajikistan on 9 October 2025 for a summit in Dushanbe, "
        "the Kremlin said. It will be his first visit to a member of the court since his trip "
        "to Mongolia in September 2024. He has also visited China, Iran and North Korea since "
        "the warrant was issued, and did not attend the summit in South Africa in 2023."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2025, 10, 1)))
    assert [(e.destination_iso2, e.status, e.start_date) for e in events] == [
        ("TJ", "planned", dt.date(2025, 10, 9))
    ]


def test_the_warrants_own_date_is_no_year_for_the_report(scanner: Scanner) -> None:
    """"the warrant of March 2023" is recalled in nearly every report: 3 September is not
    2023's for that (here the recorded visit of 2024 places it)."""
    text = (
        "Vladimir Putin will visit Mongolia on 3 September, although the court issued a "
        "warrant for his arrest in March 2023."
    )
    (event,) = scanner.scan(Article(text=text))
    assert event.destination_iso2 == "MN" and event.start_date == dt.date(2024, 9, 3)


def test_a_weekday_in_an_undated_text_counts_from_its_latest_full_date(scanner: Scanner) -> None:
    """A caption's "Tuesday, Oct. 7, 2025" is a floor for the report: "began a visit
    Wednesday" is the Wednesday after it."""
    text = (
        "Vladimir Putin chairs a meeting in Moscow on Tuesday, Oct. 7, 2025.\n\n"
        "Vladimir Putin began a state visit Wednesday to Tajikistan."
    )
    events = scanner.scan(Article(text=text))
    assert [(e.destination_iso2, e.start_date) for e in events] == [
        ("TJ", dt.date(2025, 10, 8))
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("普京周一抵达乌兰巴托，开始对蒙古的国事访问。", dt.date(2024, 9, 2)),
        ("普京昨天抵达乌兰巴托，开始对蒙古的国事访问。", dt.date(2024, 9, 3)),
    ],
)
def test_two_character_date_words_where_words_are_not_spaced(
    scanner: Scanner, text: str, day: dt.date
) -> None:
    """"周一" and "昨天" are whole words in Chinese: they were dropped as too short."""
    (event,) = scanner.scan(Article(text=text, published=dt.date(2024, 9, 4)))
    assert event.destination_iso2 == "MN" and event.start_date == day


def test_an_arrest_at_home_names_its_place_not_the_origin(scanner: Scanner) -> None:
    """"Detained at Khartoum's airport after arriving from Johannesburg": the arrest was
    at home, on the day of the report."""
    text = (
        "Omar al-Bashir foi detido no Aeroporto Internacional de Cartum, depois de chegar "
        "de Joanesburgo."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2025, 3, 11)))
    assert [(e.destination_iso2, e.status, e.start_date) for e in events] == [
        ("SD", "arrest", dt.date(2025, 3, 11))
    ]


def test_a_title_after_the_country_in_chinese(scanner: Scanner) -> None:
    """"中国国家主席习近平 ... 对俄罗斯进行国事访问": China is Xi's title, not Putin's trip."""
    text = "应俄罗斯总统普京邀请，中国国家主席习近平对俄罗斯进行国事访问。"
    assert [e for e in scanner.scan(Article(text=text)) if e.destination_iso2 == "CN"] == []


_FILLER = (
    "Officials gave no further details of the delegation or of the agenda. "
    "Analysts expect the discussions to focus on trade, energy and transport links. "
) * 5


@pytest.mark.parametrize(
    ("recall", "expected"),
    [
        # a recorded trip (Mongolia, September 2024) recalled further down: background
        ("Putin visited Mongolia, where he was welcomed by the president.", {"BR"}),
        # a trip the record does not hold stays: it may be news the record lacks
        ("Putin visited Kenya, where he was welcomed by the president.", {"BR", "KE"}),
    ],
)
def test_a_recorded_trip_recalled_below_the_news_is_background(
    scanner: Scanner, recall: str, expected: set[str]
) -> None:
    text = (
        "Vladimir Putin will not travel to the G20 summit in Brazil on 18 November 2024, "
        "the Kremlin said.\n\n" + _FILLER + "\n\n" + recall
    )
    events = scanner.scan(Article(text=text, published=dt.date(2024, 11, 15)))
    assert {e.destination_iso2 for e in events} == expected


def test_a_flight_route_is_no_destination(scanner: Scanner) -> None:
    """Countries a flight avoids or crosses are not where the traveller goes."""
    text = (
        "Benjamin Netanyahu landed in Washington on Monday. "
        "His plane was routed through Greece and Italy to stay out of some airspace."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2025, 7, 8)))
    assert {e.destination_iso2 for e in events} == {"US"}


def test_an_arrest_of_the_suspect_named_after(scanner: Scanner) -> None:
    """Leads often say "the suspect" first and name him a sentence later; in a report
    that names one wanted person, and a past arrest despite "previously"."""
    text = (
        "Kenya released the suspect, who was previously detained on Sunday in Nairobi.\n"
        "The court said Omar al-Bashir had been sought since 2009."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert [(e.person, e.destination_iso2, e.status) for e in events] == [
        ("omar-al-bashir", "KE", "arrest")
    ]


def test_a_call_for_an_arrest_is_no_arrest(scanner: Scanner) -> None:
    text = "Rights groups called for the arrest of Omar al-Bashir during his visit to Kenya."
    events = scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert all(e.status != "arrest" for e in events)


def test_gaza_as_the_war_is_no_destination(scanner: Scanner) -> None:
    """"The conflict with Gaza" is the subject; the trip is to Hungary (and a full stop
    glued to the next word still ends the sentence)."""
    text = (
        "Benjamin Netanyahu sta per intraprendere una visita in Ungheria mercoledì, "
        "nonostante le critiche per il conflitto con Gaza.Durante la sua visita "
        "incontrerà il governo."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2025, 4, 1)))
    assert {e.destination_iso2 for e in events} == {"HU"}


def test_the_hosts_country_when_the_host_welcomes_him(scanner: Scanner) -> None:
    """"Hungary's prime minister welcomed Netanyahu": no "to Hungary", yet the visit is
    there; the receiving word stands between the host's country and the name."""
    text = (
        "El primer ministro de Hungría, Viktor Orban, ha dado la bienvenida a Benjamin "
        "Netanyahu en el marco de una visita oficial."
    )
    (event,) = scanner.scan(Article(text=text, published=dt.date(2025, 4, 3)))
    assert (event.destination_iso2, event.status) == ("HU", "occurred")


def test_a_host_of_his_own_country_is_no_trip(scanner: Scanner) -> None:
    text = (
        "El presidente de Israel, Isaac Herzog, ha dado la bienvenida a Benjamin Netanyahu "
        "en el marco de una visita oficial."
    )
    assert scanner.scan(Article(text=text, published=dt.date(2025, 4, 3))) == []


def test_a_day_of_month_word_inside_a_full_date(scanner: Scanner) -> None:
    """Indonesian "tanggal 3 September": the "3" is September's, not this month's."""
    text = "Vladimir Putin akan melakukan kunjungan ke Mongolia pada tanggal 3 September."
    (event,) = scanner.scan(Article(text=text, published=dt.date(2024, 8, 30)))
    assert (event.start_date, event.status) == (dt.date(2024, 9, 3), "planned")


def test_the_first_day_of_a_visit_is_under_way(scanner: Scanner) -> None:
    text = (
        "Au premier jour d'une visite à Budapest de Benjamin Netanyahu, la Hongrie a "
        "annoncé son retrait de la Cour."
    )
    (event,) = scanner.scan(Article(text=text, published=dt.date(2025, 4, 3)))
    assert (event.destination_iso2, event.status) == ("HU", "occurred")


def test_the_title_of_the_only_wanted_person_named_later(scanner: Scanner) -> None:
    """"Le Premier ministre israélien est arrivé à Budapest", Netanyahu named in the next
    paragraph: the title with his own nationality stands for him."""
    text = (
        "Le Premier ministre israélien est arrivé à Budapest pour une visite officielle.\n\n"
        "Benjamin Netanyahu est visé par un mandat de la Cour."
    )
    (event,) = scanner.scan(Article(text=text, published=dt.date(2025, 4, 3)))
    assert (event.person, event.destination_iso2, event.status) == (
        "benjamin-netanyahu",
        "HU",
        "occurred",
    )


def test_a_foreign_title_is_not_the_wanted_person(scanner: Scanner) -> None:
    text = (
        "Le Premier ministre hongrois est arrivé à Paris pour une visite officielle.\n\n"
        "Benjamin Netanyahu est visé par un mandat de la Cour."
    )
    assert scanner.scan(Article(text=text, published=dt.date(2025, 4, 3))) == []


def test_a_day_with_a_slashed_month(scanner: Scanner) -> None:
    """Vietnamese "ngày 3/9": the third of September."""
    text = "Tổng thống Vladimir Putin sẽ thăm chính thức Mông Cổ vào ngày 3/9."
    (event,) = scanner.scan(Article(text=text, published=dt.date(2024, 8, 30)))
    assert (event.destination_iso2, event.start_date) == ("MN", dt.date(2024, 9, 3))


def test_the_news_and_three_earlier_trips_give_one_event(scanner: Scanner) -> None:
    """The issue's Done-when: a report of one trip that recalls three earlier ones."""
    text = (
        "Vladimir Putin arrived in Dushanbe on Wednesday for a state visit.\n\n"
        "His earlier trips took him to Mongolia, where he was not arrested, to China and "
        "to India.\n\n"
        "Putin visited Mongolia in 2024, and travelled to China in May and to North Korea "
        "in June."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2026, 3, 5)))
    assert [(e.destination_iso2, e.status, e.start_date) for e in events] == [
        ("TJ", "occurred", dt.date(2026, 3, 4))
    ]


def test_two_destinations_each_with_its_preposition(scanner: Scanner) -> None:
    """"in die Vereinigten Arabischen Emirate (VAE) und nach Saudi-Arabien": both, and the
    declined German name of the Emirates."""
    text = (
        "Wladimir Putin reist an diesem Mittwoch in die Vereinigten Arabischen Emirate (VAE) "
        "und nach Saudi-Arabien."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2023, 12, 4)))
    assert {(e.destination_iso2, e.start_date) for e in events} == {
        ("AE", dt.date(2023, 12, 6)),
        ("SA", dt.date(2023, 12, 6)),
    }


def test_another_fugitives_recorded_trip_recalled_is_background(scanner: Scanner) -> None:
    """A report of Putin's visit that recalls al-Bashir's recorded visit to South Africa
    (not arrested) further on gives Putin's trip only."""
    text = (
        "Vladimir Putin arrived in Ulaanbaatar on Monday for a state visit.\n\n"
        "A prominent case was when Omar al-Bashir was not apprehended when visiting South "
        "Africa."
    )
    events = scanner.scan(Article(text=text, published=dt.date(2024, 9, 3)))
    assert [(e.person, e.destination_iso2) for e in events] == [("vladimir-putin", "MN")]


def test_if_they_were_to_visit_is_hypothetical(scanner: Scanner) -> None:
    text = "Some countries said they would detain Benjamin Netanyahu if they were to visit."
    assert scanner.scan(Article(text=text, published=dt.date(2025, 1, 3))) == []


def test_a_hyphenated_pair_of_countries_is_no_destination(scanner: Scanner) -> None:
    """"the Russia-China summit" names a bilateral meeting, not a trip to China."""
    text = "Vladimir Putin will attend the Russia-China summit and then visit Tajikistan."
    events = scanner.scan(Article(text=text, published=dt.date(2025, 10, 1)))
    assert {e.destination_iso2 for e in events} == {"TJ"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ولادیمیر پوتین روز چهارشنبه در سفری رسمی وارد تاجیکستان شد.", "occurred"),
        ("ولادیمیر پوتین روز چهارشنبه در سفری رسمی وارد تاجیکستان خواهد شد.", "planned"),
    ],
)
def test_a_persian_split_verb_in_the_past(
    bundled_scanner: Scanner, text: str, status: str
) -> None:
    """The bundled data holds the Persian names."""
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 10, 8)))
    assert (event.destination_iso2, event.status) == ("TJ", status)


def _event(iso2: str, confidence: float, **kw: object) -> TripEvent:
    return TripEvent(
        person="vladimir-putin",
        destination_iso2=iso2,
        status=kw.pop("status", "planned"),  # type: ignore[arg-type]
        evidence="",
        confidence=confidence,
        **kw,  # type: ignore[arg-type]
    )


def test_a_weak_aside_after_the_news_is_dropped() -> None:
    """A trip named after the text's news, with no day and no record, needs strong wording;
    the news itself, a dated aside, a recorded one and an arrest stay whatever their
    confidence."""
    from warrantwatch.monitor.scanner import ASIDE_MIN_CONFIDENCE, _drop_weak_asides

    news = _event("TJ", 0.6)
    weak = _event("JP", ASIDE_MIN_CONFIDENCE - 0.1)
    strong = _event("KG", ASIDE_MIN_CONFIDENCE)
    dated = _event("CN", 0.6, start_date=dt.date(2025, 10, 20))
    recorded = _event("MN", 0.6, known_trip="vladimir-putin-2024-09-mn")
    arrest = _event("AM", 0.6, status="arrest")
    events = [news, weak, strong, dated, recorded, arrest]
    leads = {id(e): e is news for e in events}
    kept = _drop_weak_asides(events, leads)
    assert [e.destination_iso2 for e in kept] == ["TJ", "KG", "CN", "MN", "AM"]
    # with no lead known nothing is dropped
    assert _drop_weak_asides(events, dict.fromkeys(leads, False)) == events


def test_a_dropped_subject_continues_the_person_before(bundled_scanner: Scanner) -> None:
    """Italian drops the subject it has just named: the second sentence is Netanyahu's
    trip, with its own date."""
    text = (
        "Il primo ministro israeliano Benjamin Netanyahu ha parlato con i giornalisti. "
        "Arriverà a Washington il 3 febbraio."
    )
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 1, 27)))
    assert (event.person, event.destination_iso2, event.status, event.start_date) == (
        "benjamin-netanyahu",
        "US",
        "planned",
        dt.date(2025, 2, 3),
    )


def test_a_dropped_subject_is_not_taken_when_someone_else_moves(
    bundled_scanner: Scanner,
) -> None:
    text = (
        "Il primo ministro israeliano Benjamin Netanyahu ha parlato con i giornalisti. "
        "Il ministro Sa'ar arriverà a Washington il 3 febbraio."
    )
    assert bundled_scanner.scan(Article(text=text, published=dt.date(2025, 1, 27))) == []


def test_a_year_in_another_clause_does_not_date_the_arrest(bundled_scanner: Scanner) -> None:
    """The years of a relative clause ("who led the country from 2016 to 2022") are not
    the arrest's: the weekday in the verb's own clause is."""
    text = (
        "Duterte, who led the country from 2016 to 2022, was arrested early on Tuesday in Manila."
    )
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert (event.destination_iso2, event.status, event.start_date) == (
        "PH",
        "arrest",
        dt.date(2025, 3, 11),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German puts the participle last: the airport stands well before the verb
        ("Rodrigo Duterte wurde am Flughafen Manila von der Polizei festgenommen.", {"PH"}),
        # in English a capital far before the arrest word is its subject, not its place
        ("Manila, in a long statement on the case, said Rodrigo Duterte was arrested.", set()),
    ],
)
def test_the_place_of_an_arrest_before_a_final_verb(
    bundled_scanner: Scanner, text: str, expected: set[str]
) -> None:
    events = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert {e.destination_iso2 for e in events if e.status == "arrest"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "وصل رئيس الوزراء الإسرائيلي بنيامين نتنياهو إلى هنغاريا صباح اليوم الخميس في زيارة رسمية.",
        # the same Arabic typed with Persian yeh, kaf and heh: identified as Persian
        "وصل رئیس الوزراء الإسرائیلی بنیامین نتنیاهو إلى هنغاریا صباح الیوم الخمیس في زیارة رسمیه.",
    ],
)
def test_arabic_in_persian_letter_forms(bundled_scanner: Scanner, text: str) -> None:
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 4, 3)))
    assert (event.person, event.destination_iso2, event.status, event.start_date) == (
        "benjamin-netanyahu",
        "HU",
        "occurred",
        dt.date(2025, 4, 3),
    )


def test_a_big_city_from_the_gazetteer_is_a_destination(bundled_scanner: Scanner) -> None:
    """Turin is in no hand-kept table and no time zone: GeoNames gives it, in Italian too."""
    text = "Osama Almasri è stato arrestato domenica a Torino."
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 1, 20)))
    assert (event.destination_iso2, event.status, event.place, event.start_date) == (
        "IT",
        "arrest",
        "Turin",
        dt.date(2025, 1, 19),
    )


def test_the_gazetteer_leaves_out_names_two_countries_share() -> None:
    """Hyderabad is a big city of India and of Pakistan: the name tells neither."""
    from warrantwatch.monitor.languages import shared_places
    from warrantwatch.monitor.places import _gazetteer_cities, _known_iso2

    specs = _gazetteer_cities(_known_iso2(), shared_places(), {})
    by_phrase: dict[str, set[str]] = {}
    for p in specs:
        by_phrase.setdefault(p.phrase, set()).add(p.iso2)
    assert by_phrase["turin"] == {"IT"}
    assert "hyderabad" not in by_phrase
    assert all(len(isos) == 1 for isos in by_phrase.values())
    assert not set(by_phrase) & shared_places().gazetteer_skip


def test_a_report_during_a_recorded_trip_takes_its_first_day(bundled_scanner: Scanner) -> None:
    """"Putin is on a state visit in Ulaanbaatar", published during the recorded visit of
    September 2024 with no day of its own, is that trip, from its first day; a month
    later the same words date nothing."""
    text = "Vladimir Putin is on a state visit in Ulaanbaatar."
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2024, 9, 3)))
    assert (event.status, event.start_date, event.known_trip) == (
        "occurred",
        dt.date(2024, 9, 2),
        "vladimir-putin-2024-09-mn",
    )
    (late,) = bundled_scanner.scan(Article(text=text, published=dt.date(2024, 10, 20)))
    assert late.start_date is None


def test_a_slashed_day_and_month_without_a_year(bundled_scanner: Scanner) -> None:
    """Vietnamese and Indonesian news write "20/6" for 20 June, day first; a fraction or a
    time is no date."""
    from warrantwatch.monitor.dates import numeric_dates
    from warrantwatch.monitor.lexicon import words_for

    text = "Tổng thống Nga Vladimir Putin hạ cánh xuống Hà Nội rạng sáng 24/6."
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2026, 6, 25)))
    assert (event.destination_iso2, event.start_date) == ("VN", dt.date(2026, 6, 24))
    vi = words_for(("vi",))
    found = numeric_dates("lúc 10:30/6 và 3/4,5 phần", 0, 24, "vi", vi)
    assert found == []
    en = words_for(("en",))
    assert numeric_dates("on 20/6, he said", 0, 16, "en", en) == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # 16 Mehr 1404 is 8 October 2025 (Iranian month name, the year given)
        (
            "ولادیمیر پوتین روز ۱۶ مهر ۱۴۰۴ در سفری رسمی وارد تاجیکستان شد.",
            None,
            dt.date(2025, 10, 8),
        ),
        # the Afghan name of the same month, no year: the one nearest the report
        (
            "ولادیمیر پوتین ۱۶ میزان در سفری رسمی وارد تاجیکستان شد.",
            dt.date(2025, 10, 9),
            dt.date(2025, 10, 8),
        ),
        # 20 Esfand 1404 is 11 March 2026
        (
            "ولادیمیر پوتین ۲۰ اسفند به تاجیکستان سفر خواهد کرد.",
            dt.date(2026, 3, 1),
            dt.date(2026, 3, 11),
        ),
        # "مهر" (kindness, a seal) without a day is no month
        ("ولادیمیر پوتین با مهر به تاجیکستان سفر خواهد کرد.", dt.date(2026, 3, 1), None),
    ],
)
def test_solar_hijri_dates(
    bundled_scanner: Scanner, text: str, published: dt.date | None, expected: dt.date | None
) -> None:
    events = trips(bundled_scanner, text, published=published, lang="fa")
    assert [(e.destination_iso2, e.start_date) for e in events] == [("TJ", expected)]


def test_a_day_of_the_month_in_words_after_the_month(bundled_scanner: Scanner) -> None:
    """Hungarian may spell the day out after the month: "október kilencedikén" is on 9
    October, "október kilencedike" the 9th of October."""
    for text in (
        "Vlagyimir Putyin október kilencedikén Dusanbéba utazik.",
        "Vlagyimir Putyin Dusanbéba utazik, az út napja október kilencedike.",
    ):
        events = trips(bundled_scanner, text, published=dt.date(2025, 10, 1), lang="hu")
        assert [(e.destination_iso2, e.start_date) for e in events] == [
            ("TJ", dt.date(2025, 10, 9))
        ], text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Vladimir Poutine est attendu à Douchanbé dans quelques heures.", "fr"),
        ("Vladimir Putin is due in Dushanbe in a few hours.", "en"),
        ("Wladimir Putin wird in wenigen Stunden in Duschanbe erwartet.", "de"),
    ],
)
def test_in_a_few_hours_is_the_reports_day(scanner: Scanner, text: str, lang: str) -> None:
    """A trip due "in a few hours" starts on the day of the report."""
    events = trips(scanner, text, published=dt.date(2025, 10, 8), lang=lang)
    assert [(e.destination_iso2, e.start_date) for e in events] == [
        ("TJ", dt.date(2025, 10, 8))
    ]


def _vi_dates(
    scanner: Scanner, cases: list[tuple[str, dt.date]]
) -> list[list[tuple[str, dt.date | None]]]:
    """Destination and day of each Vietnamese text, published on the day given with it."""
    return [
        [
            (e.destination_iso2, e.start_date)
            for e in scanner.scan(Article(text=t, published=p, language="vi"))
        ]
        for t, p in cases
    ]


def test_vietnamese_parts_of_the_day_before_a_date(bundled_scanner: Scanner) -> None:
    """"sáng 20-6", "tối 3/9" (the morning of 20 June, the evening of 3 September) date a
    trip as "ngày 20-6" does; "ánh sáng" (light) or "sáng kiến" (an initiative) is no date."""
    cases = [
        ("Tổng thống Vladimir Putin đã đến Hà Nội sáng 20-6.", dt.date(2026, 6, 21)),
        ("Tổng thống Vladimir Putin sẽ đến Hà Nội tối 3/9.", dt.date(2026, 8, 30)),
        ("Tổng thống Vladimir Putin sẽ đến Hà Nội với sáng kiến 12 điểm.", dt.date(2026, 8, 30)),
    ]
    got = _vi_dates(bundled_scanner, cases)
    assert got == [
        [("VN", dt.date(2026, 6, 20))],
        [("VN", dt.date(2026, 9, 3))],
        [("VN", None)],
    ]


def test_a_day_word_opening_a_slashed_range_or_with_a_hyphened_month(
    bundled_scanner: Scanner,
) -> None:
    """Vietnamese news writes "ngày 2-3/9" for the 2nd and 3rd of September (the trip
    starts on the first) and "ngày 20-6" for 20 June; "2-3 bộ trưởng" (two or three
    ministers) is no date."""
    cases = [
        ("Tổng thống Vladimir Putin sẽ thăm Mông Cổ hai ngày 2-3/9.", dt.date(2026, 8, 28)),
        ("Tổng thống Vladimir Putin sẽ đến Hà Nội ngày 20-6.", dt.date(2026, 6, 15)),
        ("Tổng thống Vladimir Putin sẽ đến Hà Nội cùng 2-3 bộ trưởng.", dt.date(2026, 6, 15)),
    ]
    got = _vi_dates(bundled_scanner, cases)
    assert got == [
        [("MN", dt.date(2026, 9, 2))],
        [("VN", dt.date(2026, 6, 20))],
        [("VN", None)],
    ]


@pytest.mark.parametrize(
    ("published", "status"),
    [
        (dt.date(2024, 8, 25), "planned"),  # a week before the recorded visit
        (dt.date(2024, 9, 2), "planned"),  # its first day: the wording decides
        (dt.date(2024, 9, 4), "occurred"),  # after its first day: the visit was made
    ],
)
def test_the_record_of_the_trip_tells_its_tense(
    bundled_scanner: Scanner, published: dt.date, status: str
) -> None:
    """A headline in the present ("Putin visits Ulaanbaatar") is planned or made by the
    report's date against the recorded visit of 2 September 2024."""
    text = "Vladimir Putin visits Ulaanbaatar for talks."
    (event,) = bundled_scanner.scan(Article(text=text, published=published))
    assert (event.status, event.known_trip) == (status, "vladimir-putin-2024-09-mn")


def test_a_bracketed_country_in_a_territory_name_is_not_that_territory() -> None:
    """CLDR writes "Виргинские о-ва (США)": "США" stays the United States only."""
    from warrantwatch.monitor.places import place_specs

    owners = {p.iso2 for p in place_specs() if p.phrase in ("сша", "акш")}
    assert owners == {"US"}


def test_an_arrest_in_the_land_of_the_persons_own_situation(bundled_scanner: Scanner) -> None:
    """The Philippines is the land of Duterte's situation, so it is rarely his destination;
    but an arrest there, with the Japanese verb after the place, is his arrest."""
    text = "ロドリゴ・ドゥテルテ前大統領がフィリピン国内で逮捕された。"
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 3, 11)))
    assert (event.destination_iso2, event.status) == ("PH", "arrest")


def test_an_undated_arrest_takes_the_recorded_day(bundled_scanner: Scanner) -> None:
    """A report of the next day that names no day for the arrest tells of the arrest the
    knowledge base records (Duterte, 11 March 2025), not of its own day."""
    text = "Former president Rodrigo Duterte was arrested at Manila airport on an ICC warrant."
    (event,) = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert (event.status, event.start_date) == ("arrest", dt.date(2025, 3, 11))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit that will focus on Gaza is no trip to Palestine
        ("Benjamin Netanyahu said his visit will focus on Gaza.", set()),
        # a movement verb to the land of the situation is a trip (occupied Ukraine)
        ("Vladimir Putin visited Mariupol on Saturday.", {"UA"}),
    ],
)
def test_a_trip_to_the_land_of_the_persons_own_situation_needs_a_movement_verb(
    bundled_scanner: Scanner, text: str, expected: set[str]
) -> None:
    events = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 9, 25)))
    assert {e.destination_iso2 for e in events} == expected


def test_an_arrest_word_after_a_trip_to_come_is_no_arrest(bundled_scanner: Scanner) -> None:
    """"will visit Germany and be arrested in Germany": the arrest is still to come, as
    the visit is; only a carried-out arrest is status "arrest"."""
    text = "Netanjahu wird Deutschland besuchen und in Deutschland festgenommen."
    events = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 4, 7)))
    assert [e.status for e in events] == ["planned"]
    done = "Benjamin Netanyahu was arrested in Berlin on Monday."
    (event,) = bundled_scanner.scan(Article(text=done, published=dt.date(2025, 4, 8)))
    assert event.status == "arrest"


def test_a_background_word_does_not_make_an_arrest_old(bundled_scanner: Scanner) -> None:
    """"arrested a few hours before" is this week's news; only a date can make an arrest
    old, in the sentence's background as in the clause's."""
    text = (
        "Rodrigo Duterte wurde am Dienstag nach Den Haag gebracht. Duterte war einige Stunden "
        "zuvor am Flughafen Manila von der Polizei festgenommen worden."
    )
    events = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 3, 12)))
    assert [(e.destination_iso2, e.status) for e in events] == [("PH", "arrest")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the bare nominative is Brussels as an actor: its criticism, no way to Brussels
        ("Putyin látogatása után Brüsszel bírálata éles volt, írta a lap.", set()),
        # the illative ending makes it the destination
        ("Vlagyimir Putyin jövő héten Brüsszelbe utazik, közölte a Kreml.", {"BE"}),
        # an ending after a hyphen, where the name is not spelt as it is said
        ("Vlagyimir Putyin gépe pénteken landolt Anchorage-ben.", {"US"}),
        # the venue, in the nominative with its own verb
        ("Budapest lesz a helyszíne a következő találkozónak Vlagyimir Putyinnal.", {"HU"}),
    ],
)
def test_a_bare_place_is_no_destination_where_the_language_marks_one(
    bundled_scanner: Scanner, text: str, expected: set[str]
) -> None:
    """Hungarian, Mongolian and Turkmen put a case ending or postposition on the place a
    person goes to (``marked_destinations`` in the language file)."""
    article = Article(text=text, published=dt.date(2025, 10, 16), language="hu")
    events = bundled_scanner.scan(article)
    assert {e.destination_iso2 for e in events} == expected


DAY_AFTER = dt.date(2025, 3, 12)  # the day after Duterte's recorded arrest


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Rodrigo Duterte was arrested in Hong Kong on Tuesday and flown to The Hague.", DAY_AFTER),
        ("Rodrigo Duterte, arrested after landing from Hong Kong, was flown to The Hague.", None),
        ("Duterte wurde in Hongkong festgenommen und nach Den Haag geflogen.", DAY_AFTER),
    ],
)
def test_an_arrest_the_record_places_is_placed_there(
    bundled_scanner: Scanner, text: str, published: dt.date | None
) -> None:
    """The knowledge base records Duterte's arrest at Manila's airport on 11 March 2025:
    a report of it that names the flight's origin or the Court's seat (in our own words
    here) is the arrest in the Philippines, once, without the other state's place; a
    page with no day at all is that arrest too, his only recorded one."""
    events = bundled_scanner.scan(Article(text=text, published=published))
    assert [(e.destination_iso2, e.status, e.place) for e in events] == [("PH", "arrest", None)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the negated verb stands before the place; the summit noun after it is nearer
        (
            "Володимир Путін не полетить наприкінці місяця до ПАР на саміт G20, заявили в "
            "Кремлі.",
            "uk",
        ),
        # Swahili: taking part "by way of the internet" is no journey
        (
            "Rais Vladimir Putin atashiriki mkutano wa G20 nchini Afrika Kusini kwa njia ya "
            "mtandao.",
            "sw",
        ),
    ],
)
def test_a_trip_not_made_in_person_is_cancelled(
    bundled_scanner: Scanner, text: str, lang: str
) -> None:
    article = Article(text=text, published=dt.date(2025, 11, 10), language=lang)
    assert [(e.destination_iso2, e.status) for e in bundled_scanner.scan(article)] == [
        ("ZA", "cancelled")
    ]


def test_an_arrest_told_before_the_name_is_the_wanted_persons(bundled_scanner: Scanner) -> None:
    """A lead that reports the arrest of someone wanted by the Court before it names him:
    the one wanted person the report names is the one arrested, where the arrest
    happened; "should have been arrested" (Bosnian) stays no arrest."""
    text = (
        "Die Polizei hat am Flughafen Berlin einen Libyer festgenommen, der vom "
        "Internationalen Strafgerichtshof gesucht wird. Es handle sich um Khaled El Hishri, "
        "sagte ein Sprecher der Staatsanwaltschaft."
    )
    events = bundled_scanner.scan(Article(text=text, published=dt.date(2025, 7, 17)))
    assert [(e.person, e.destination_iso2, e.status) for e in events] == [
        ("khaled-el-hishri", "DE", "arrest")
    ]
    bs = (
        "Vladimir Putin doputovao je u Mongoliju. Ipak, trebao je biti uhapšen prema "
        "Rimskom statutu, jer je Mongolija članica suda."
    )
    events = bundled_scanner.scan(Article(text=bs, published=dt.date(2024, 9, 3)))
    assert [e.status for e in events] == ["occurred"]


def test_not_being_arrested_on_a_trip_to_come_is_a_plan(bundled_scanner: Scanner) -> None:
    """"was not arrested" tells of a trip made; "will go ... and will not be arrested"
    of one to come."""
    text = "Vladimir Poutine se rendra en Alaska, et il ne sera pas arrêté."
    (ev,) = bundled_scanner.scan(Article(text=text, published=None))
    assert (ev.destination_iso2, ev.status) == ("US", "planned")
    made = "Vladimir Poutine s'est rendu en Mongolie et n'a pas été arrêté."
    (ev,) = bundled_scanner.scan(Article(text=made, published=dt.date(2024, 9, 4)))
    assert (ev.destination_iso2, ev.status) == ("MN", "occurred")


def test_the_time_of_a_statement_is_not_the_trips_tense(bundled_scanner: Scanner) -> None:
    """"announced today that he will invite him for a visit": "today" is when the
    statement was made; the visit is still to come."""
    # Hebrew, our own words: "Hungary's prime minister announced today that he will invite
    # Benjamin Netanyahu for a visit to Budapest soon"
    text = "ראש ממשלת הונגריה הודיע היום שהוא יזמין את בנימין נתניהו לביקור בבודפשט בקרוב."
    (ev,) = bundled_scanner.scan(Article(text=text, published=None))
    assert (ev.destination_iso2, ev.status) == ("HU", "planned")


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("Benjamin Netanyahu visitará Buenos Aires entre el 7 y el 10 de septiembre.", "es", 7),
        ("Владимир Путин посетит Монголию с 2 по 3 сентября.", "ru", 2),
        ("Vladimir Putin akan mengunjungi Mongolia 2 hingga 3 September.", "id", 2),
    ],
)
def test_a_range_of_days_gives_its_first(
    bundled_scanner: Scanner, text: str, lang: str, day: int
) -> None:
    """The trip starts on a range's first day, with an article or a word between the days."""
    article = Article(text=text, published=dt.date(2025, 8, 29), language=lang)
    (ev,) = bundled_scanner.scan(article)
    assert ev.start_date == dt.date(2025, 9, day)


def test_a_demand_after_the_arrest_word_is_no_arrest_where_the_verb_comes_last(
    bundled_scanner: Scanner,
) -> None:
    """Japanese puts the demand after the verb: "calls on Tajikistan to arrest Putin and
    hand him to the Court" is no arrest."""
    text = (
        "人権団体はタジキスタン政府に、プーチン氏を逮捕し、"
        "国際刑事裁判所に引き渡すよう求めている。"
    )
    assert bundled_scanner.scan(Article(text=text, published=dt.date(2025, 10, 8))) == []
