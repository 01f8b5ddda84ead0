"""Catalogues and French grammar: complete, compiled, and correct forms."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from warrantwatch.reports.i18n import LOCALE_DIR, Lang, UnknownLanguage, french_country

REPORTS = Path(__file__).parents[2] / "src" / "warrantwatch" / "reports"
PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "messages.po"


def _extracted(tmp_path: Path) -> set[str]:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(REPORTS / "babel.cfg"),
            "-k",
            "N_",
            "-o",
            str(pot),
            str(REPORTS),
        ],
        check=True,
        capture_output=True,
    )
    with pot.open("rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


def test_every_message_has_a_french_translation(tmp_path: Path) -> None:
    with PO.open("rb") as fh:
        catalog = read_po(fh)
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id and all(m.string if isinstance(m.string, tuple) else [m.string]) and not m.fuzzy
    }
    missing = _extracted(tmp_path) - translated
    assert not missing, sorted(missing)


def test_compiled_catalogue_matches_the_po_file() -> None:
    def norm(x: object) -> object:
        return tuple(x) if isinstance(x, list | tuple) else x

    with PO.open("rb") as fh:
        po = {norm(m.id): norm(m.string) for m in read_po(fh) if m.id}
    with io.BytesIO(PO.with_suffix(".mo").read_bytes()) as fh:
        mo = {norm(m.id): norm(m.string) for m in read_mo(fh) if m.id}
    assert po == mo, "run: python -m warrantwatch.reports.i18n"


def test_dates_in_each_language() -> None:
    assert Lang("en").date(dt.date(2025, 10, 9)) == "9 October 2025"
    assert Lang("fr").date(dt.date(2025, 10, 9)) == "9 octobre 2025"
    assert Lang("fr").date(dt.date(2002, 7, 1)) == "1er juillet 2002"
    assert Lang("fr").trip_date(dt.date(2025, 10, 8), dt.date(2025, 10, 10)) == (
        "du 8 au 10 octobre 2025"
    )
    assert Lang("fr").trip_date(dt.date(2024, 9, 1), None, "month") == "septembre 2024"


@pytest.mark.parametrize(
    ("name", "subject", "in_", "of"),
    [
        ("Tadjikistan", "le Tadjikistan", "au Tadjikistan", "du Tadjikistan"),
        ("Mongolie", "la Mongolie", "en Mongolie", "de la Mongolie"),
        ("Ukraine", "l'Ukraine", "en Ukraine", "de l'Ukraine"),
        ("Afrique du Sud", "l'Afrique du Sud", "en Afrique du Sud", "de l'Afrique du Sud"),
        ("Philippines", "les Philippines", "aux Philippines", "des Philippines"),
        ("Israël", "Israël", "en Israël", "d'Israël"),
        ("Mexique", "le Mexique", "au Mexique", "du Mexique"),
        ("Burkina Faso", "le Burkina Faso", "au Burkina Faso", "du Burkina Faso"),
    ],
)
def test_french_country_forms(name: str, subject: str, in_: str, of: str) -> None:
    c = french_country(name)
    assert (c.subject, c.in_, c.of) == (subject, in_, of)


def test_court_organs_in_french() -> None:
    fr = Lang("fr")
    assert fr.body("Pre-Trial Chamber II") == "Chambre préliminaire II"
    assert fr.the_body("Pre-Trial Chamber II") == "la Chambre préliminaire II"
    assert fr.the_body("Assembly of States Parties") == "l'Assemblée des États parties"
    assert fr.body("Some Unknown Body") == "Some Unknown Body"
    assert Lang("en").the_body("Assembly of States Parties") == "the Assembly of States Parties"


def test_unknown_language() -> None:
    with pytest.raises(UnknownLanguage):
        Lang("xx").date(dt.date(2025, 1, 1))


def test_office_spans_say_what_is_unknown_or_still_running() -> None:
    from warrantwatch.reports.record import _office_span

    start, end = dt.date(2012, 5, 7), dt.date(2000, 5, 7)
    en, fr = Lang("en"), Lang("fr")
    assert _office_span(en, start, None) == "since 7 May 2012"
    assert _office_span(fr, start, None) == "depuis le 7 mai 2012"
    assert _office_span(fr, None, end) == "jusqu'au 7 mai 2000"
    assert _office_span(fr, dt.date(1999, 12, 31), end) == "du 31 décembre 1999 au 7 mai 2000"
    assert _office_span(en, None, None) == "dates not recorded"


def test_french_state_briefing_title_has_its_article(world) -> None:  # type: ignore[no-untyped-def]
    from warrantwatch.reports.record import state_briefing

    checked = 0
    for iso, title in (("TJ", "Le Tadjikistan"), ("US", "Les États-Unis"), ("MN", "La Mongolie")):
        if iso in world.states:
            doc = state_briefing(world, world.states[iso], dt.date(2025, 10, 9), "fr")
            assert doc.title.startswith(title + " et le Statut de Rome"), doc.title
            checked += 1
    assert checked >= 2
