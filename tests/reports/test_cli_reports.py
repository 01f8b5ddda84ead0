"""The report commands as a user types them."""

from __future__ import annotations

from pathlib import Path

import feedparser
import icalendar
from typer.testing import CliRunner

from warrantwatch.cli.main import app

runner = CliRunner()


def ww(*args: str) -> tuple[int, bytes, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout_bytes, res.stderr


def test_brief_visit_markdown_to_stdout(cli_env: Path) -> None:
    code, out, _ = ww("brief", "visit", "putin", "TJ", "--on", "2025-10-09")
    assert code == 0
    text = out.decode()
    assert text.startswith("# Vladimir Putin in Tajikistan: the duty to arrest")
    assert "## Sources" in text


def test_brief_visit_pdf_and_french_html(cli_env: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    code, _, err = ww(
        "brief", "visit", "putin", "TJ", "--on", "2025-10-09", "--format", "pdf", "-o", str(pdf)
    )
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF-") and "wrote" in err
    html = tmp_path / "brief.html"
    code, _, err = ww(
        "brief",
        "visit",
        "Путин",
        "Tajikistan",
        "--on",
        "2025-10-09",
        "--lang",
        "fr",
        "--format",
        "html",
        "--paper",
        "letter",
        "--output",
        str(html),
    )
    assert code == 0, err
    page = html.read_text("utf-8")
    assert '<html lang="fr">' in page and "Chambre préliminaire II" in page
    assert "size: letter;" in page


def test_brief_person_and_state(cli_env: Path) -> None:
    code, out, _ = ww("brief", "person", "al-bashir", "--on", "2025-10-09")
    assert code == 0 and b"the record" in out.splitlines()[0]
    code, out, _ = ww("brief", "state", "MN", "--on", "2025-10-09", "--format", "html")
    assert (code == 0 and b"<svg" not in out) or b"Mongolia" in out


def test_brief_bad_input_is_one_line(cli_env: Path, tmp_path: Path) -> None:
    code, _, err = ww("brief", "visit", "nobody-at-all", "TJ")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    code, _, err = ww("brief", "visit", "putin", "TJ", "--on", "9/10/2025")
    assert code == 2 and "not a date" in err
    code, _, err = ww("brief", "visit", "putin", "TJ", "-o", str(tmp_path / "no" / "x.md"))
    assert code == 2 and "no such directory" in err
    code, _, err = ww("brief", "visit", "putin", "TJ", "--lang", "de")
    assert code == 2


def test_feeds_from_the_cli(cli_env: Path, tmp_path: Path) -> None:
    code, out, _ = ww("feed", "atom")
    assert code == 0 and not feedparser.parse(out).bozo
    ics = tmp_path / "trips.ics"
    code, _, _ = ww("feed", "ics", "--output", str(ics))
    assert code == 0
    assert icalendar.Calendar.from_ical(ics.read_bytes())["version"] == "2.0"
