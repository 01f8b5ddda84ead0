"""Contacts in the news (monitor/contacts.py): officials of states meeting, calling, appearing
with or writing to persons with warrants, in each language with contact wording.

Every text here was written for these tests; the bundled knowledge base supplies Putin, the
states and the officials (records/officials.yaml).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warrantwatch.monitor.languages import LanguageFileError, load_file
from warrantwatch.monitor.model import Article, ContactEvent
from warrantwatch.monitor.scanner import Scanner

D = dt.date(2024, 10, 23)


def contacts(scanner: Scanner, text: str, lang: str | None = None, on: dt.date = D):
    return scanner.contacts(Article(text=text, published=on, language=lang))


def one(events: list[ContactEvent], state: str) -> ContactEvent:
    found = [e for e in events if e.state == state]
    assert len(found) == 1, [e.as_dict() for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("lang", "text", "state", "office", "kind"),
    [
        (
            "en",
            "South Africa's President met Russian President Vladimir Putin in Kazan on Wednesday.",
            "ZA",
            "head_of_state",
            "meeting",
        ),
        (
            "fr",
            "Le chef de la diplomatie brésilienne s'est entretenu avec Vladimir Poutine à Moscou.",
            "BR",
            "foreign_minister",
            "meeting",
        ),
        (
            "ru",
            "Президент ЮАР провел переговоры с Владимиром Путиным в Казани.",
            "ZA",
            "head_of_state",
            "meeting",
        ),
        (
            "es",
            "El presidente de Brasil habló por teléfono con Vladimir Putin; fue una conversación "
            "telefónica de una hora.",
            "BR",
            "head_of_state",
            "call",
        ),
        (
            "ar",
            "التقى رئيس جنوب أفريقيا بالرئيس الروسي فلاديمير بوتين في قازان.",
            "ZA",
            "head_of_state",
            "meeting",
        ),
        (
            "pt",
            "O presidente do Brasil conversou por telefone com Vladimir Putin.",
            "BR",
            "head_of_state",
            "call",
        ),
        (
            "de",
            "Der ungarische Ministerpräsident traf Wladimir Putin am Rande des Gipfels in Peking.",
            "HU",
            "head_of_government",
            "meeting",
        ),
        ("zh", "南非总统在喀山会见了普京。", "ZA", "head_of_state", "meeting"),
        (
            "tr",
            "Macaristan Dışişleri Bakanı, Rusya Devlet Başkanı Vladimir Putin ile telefonda "
            "görüştü.",
            "HU",
            "foreign_minister",
            "call",
        ),
    ],
)
def test_office_and_state_in_each_language(
    bundled_scanner: Scanner, lang: str, text: str, state: str, office: str, kind: str
) -> None:
    ev = one(contacts(bundled_scanner, text, lang), state)
    assert (ev.person, ev.office, ev.kind) == ("vladimir-putin", office, kind)
    assert ev.evidence and ev.language == lang


def test_summit_in_a_non_party_state_is_a_contact_of_the_party(bundled_scanner: Scanner) -> None:
    text = (
        "KAZAN, 23 October 2024 - South Africa's President Cyril Ramaphosa met Russian "
        "President Vladimir Putin on the sidelines of the BRICS summit in Kazan on Wednesday."
    )
    ev = one(contacts(bundled_scanner, text, "en"), "ZA")
    assert (ev.place, ev.place_iso2, ev.date) == ("Kazan", "RU", D)
    assert ev.state_status == "party" and ev.state_party is True
    # the office on its day is held by the knowledge base's official
    assert (ev.official, ev.official_name) == ("za-president-ramaphosa", "Cyril Ramaphosa")
    assert ev.status == "occurred"
    # the knowledge base records a meeting the day before: within 3 days, the report is
    # about that one; a month later it is news
    assert ev.known_contact == "za-ramaphosa-putin-2024-10-22"
    later = "South Africa's President Cyril Ramaphosa met Vladimir Putin in Kazan on Wednesday."
    ev3 = one(contacts(bundled_scanner, later, "en", dt.date(2024, 11, 27)), "ZA")
    assert ev3.date == dt.date(2024, 11, 27) and ev3.known_contact is None


def test_official_by_name_alone(bundled_scanner: Scanner) -> None:
    text = "Emomali Rahmon held talks with Vladimir Putin in Dushanbe on 9 October 2025."
    ev = one(contacts(bundled_scanner, text, "en", dt.date(2025, 10, 9)), "TJ")
    assert (ev.official, ev.office, ev.place, ev.date) == (
        "tj-president-rahmon",
        "head_of_state",
        "Dushanbe",
        dt.date(2025, 10, 9),
    )
    assert ev.known_contact == "tj-rahmon-putin-2025-10-09"


def test_the_persons_own_title_is_no_contact(bundled_scanner: Scanner) -> None:
    assert contacts(bundled_scanner, "Russian President Vladimir Putin met voters in Kazan.") == []


def test_no_contact_word_no_event(bundled_scanner: Scanner) -> None:
    text = "South Africa's President said Vladimir Putin is subject to an arrest warrant."
    assert contacts(bundled_scanner, text, "en") == []


def test_planned_contact_and_a_non_party_state(bundled_scanner: Scanner) -> None:
    text = "Kazakhstan's president will meet Vladimir Putin in Moscow next week."
    ev = one(contacts(bundled_scanner, text, "en"), "KZ")
    assert ev.status == "planned"
    assert ev.state_party is False and ev.state_status != "party"


def test_a_person_without_an_outstanding_warrant_has_no_contacts(bundled_scanner: Scanner) -> None:
    # Thomas Lubanga was convicted; his warrant calls for no arrest
    text = "South Africa's President met Thomas Lubanga in Kinshasa on Wednesday."
    assert [e for e in contacts(bundled_scanner, text, "en") if e.person == "thomas-lubanga"] == []


def test_trips_are_not_changed_by_contacts(bundled_scanner: Scanner) -> None:
    text = "Hungary's prime minister met Vladimir Putin in Beijing on 17 October 2023."
    art = Article(text=text, published=dt.date(2023, 10, 17), language="en")
    before = [e.as_dict() for e in bundled_scanner.scan(art)]
    bundled_scanner.contacts(art)
    assert [e.as_dict() for e in bundled_scanner.scan(art)] == before


def _lang_file(tmp_path: Path, extra: str) -> Path:
    src = Path(__file__).parents[2] / "src" / "warrantwatch" / "monitor" / "languages" / "en.toml"
    path = tmp_path / "en.toml"
    path.write_text(src.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return path


def test_contacts_section_is_checked(tmp_path: Path) -> None:
    good = load_file(Path(__file__).parents[2] / "src/warrantwatch/monitor/languages/en.toml")
    assert "prime minister" in good.contacts.head_of_government
    path = tmp_path / "en.toml"
    text = good.path.read_text(encoding="utf-8")  # type: ignore[union-attr]
    path.write_text(text.replace('head_of_state = ["president"', 'heads = ["president"'))
    with pytest.raises(LanguageFileError, match=r"contacts\.heads: unknown key"):
        load_file(path)
    path.write_text(text.replace('call = ["phone call"', 'call = ["phone*call"'))
    with pytest.raises(LanguageFileError, match=r"contacts\.call"):
        load_file(path)
    path.write_text(text.replace('letter = ["letter"', "letter = [3"))
    with pytest.raises(LanguageFileError, match=r"contacts\.letter"):
        load_file(path)


def test_scan_prints_contacts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from warrantwatch.cli.main import app
    from warrantwatch.config import get_settings

    monkeypatch.setenv("WARRANTWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("WARRANTWATCH_CACHE_DIR", str(tmp_path / "cache"))
    get_settings.cache_clear()
    report = tmp_path / "report.txt"
    report.write_text(
        "Brazil's president met Vladimir Putin at the summit in Kazan on 23 October 2024.\n",
        encoding="utf-8",
    )
    try:
        r = CliRunner().invoke(app, ["scan", str(report), "--published", "2024-10-23"])
        assert r.exit_code == 0, r.output
        assert "contact: Brazil's head of state (Luiz Inácio Lula da Silva) [BR]" in r.stdout
        assert "in Kazan, 2024-10-23" in r.stdout and "BR a State Party that day" in r.stdout
        j = CliRunner().invoke(
            app, ["scan", str(report), "--published", "2024-10-23", "--format", "jsonl"]
        )
        import json

        rows = [json.loads(x) for x in j.stdout.splitlines()]
        assert any(x.get("type") == "contact" and x["state"] == "BR" for x in rows)
        quiet = CliRunner().invoke(app, ["scan", str(report), "--no-contacts"])
        assert "contact:" not in quiet.stdout
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "South Africa's President did not meet Vladimir Putin at the summit in Kazan."),
        ("en", "South Africa's President didn't meet Vladimir Putin on the sidelines in Kazan."),
        ("en", "South Africa's President will not hold talks with Vladimir Putin in Kazan."),
        ("fr", "Le président sud-africain n'a pas rencontré Vladimir Poutine au sommet de Kazan."),
        ("fr", "Le président sud-africain ne rencontrera pas Vladimir Poutine à Kazan."),
        ("ru", "Президент ЮАР не встретился с Владимиром Путиным на саммите в Казани."),
        ("es", "El presidente de Sudáfrica no se reunió con Vladimir Putin en Kazán."),
        ("de", "Der südafrikanische Präsident hat Wladimir Putin in Kasan nicht getroffen."),
    ],
)
def test_a_denied_contact_is_no_contact(bundled_scanner: Scanner, lang: str, text: str) -> None:
    """The language's ``grammar.not`` before the contact word: the text says it did not
    happen, so no event (a summit word in the same sentence does not bring it back)."""
    assert [e for e in contacts(bundled_scanner, text, lang) if e.state == "ZA"] == []


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        # the negation governs another clause, or another contact word
        ("en", "South Africa's President, who did not travel, met Vladimir Putin.", "meeting"),
        (
            "en",
            "South Africa's President did not meet Vladimir Putin but held a phone call with him.",
            "call",
        ),
        ("fr", "Le président sud-africain a rencontré Vladimir Poutine à Kazan.", "meeting"),
        ("ru", "Президент ЮАР встретился с Владимиром Путиным в Казани.", "meeting"),
        ("es", "El presidente de Sudáfrica se reunió con Vladimir Putin en Kazán.", "meeting"),
        ("de", "Der südafrikanische Präsident hat Wladimir Putin in Kasan getroffen.", "meeting"),
    ],
)
def test_negation_elsewhere_leaves_the_contact(
    bundled_scanner: Scanner, lang: str, text: str, kind: str
) -> None:
    assert one(contacts(bundled_scanner, text, lang), "ZA").kind == kind


def test_a_newly_recorded_official_by_name(bundled_scanner: Scanner) -> None:
    """Officials added to records/officials.yaml are found by name, with their term: Jordan's
    king in 2017 (the knowledge base records his accession on 7 February 1999)."""
    text = "King Abdullah II met Omar al-Bashir on the sidelines of the Arab League summit."
    e = one(contacts(bundled_scanner, text, "en", dt.date(2017, 3, 29)), "JO")
    assert (e.official, e.office, e.state_party) == ("jo-king-abdullah-ii", "head_of_state", True)


def test_head_of_government_of_a_state_whose_president_heads_it(bundled_scanner: Scanner) -> None:
    """South Africa's president heads the government (``heads_government`` in
    records/officials.yaml): its "head of government" is the president, recorded once, as
    head of state, so the contact names that term."""
    text = "South Africa's head of government met Vladimir Putin in Kazan on Wednesday."
    e = one(contacts(bundled_scanner, text, "en"), "ZA")
    assert (e.office, e.official, e.official_name) == (
        "head_of_state",
        "za-president-ramaphosa",
        "Cyril Ramaphosa",
    )
