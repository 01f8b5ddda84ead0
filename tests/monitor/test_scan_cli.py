"""``warrantwatch scan`` end to end, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from warrantwatch.cli.main import app

STATEMENT = Path(__file__).parent / "fixtures" / "statement_tajikistan.txt"
runner = CliRunner()


def test_model_case_statement_gives_exactly_one_binding_trip(scan_env: Path) -> None:
    r = runner.invoke(
        app, ["scan", str(STATEMENT), "--published", "2025-10-07", "--format", "json"]
    )
    assert r.exit_code == 0, r.output
    events = json.loads(r.stdout)
    assert len(events) == 1
    ev = events[0]
    assert ev["person"] == "vladimir-putin"
    assert ev["destination_iso2"] == "TJ"
    assert ev["start_date"] == "2025-10-09"
    assert ev["status"] == "planned"
    assert ev["duty"]["duty"] == "binding"
    assert ev["duty"]["basis"] == ["state_party"] and ev["duty"]["state_status"] == "party"
    assert ev["place"] == "Dushanbe" and ev["published"] == "2025-10-07"
    assert "Thursday, 9 October 2025" in ev["evidence"]


def test_text_format_and_stdin(scan_env: Path) -> None:
    r = runner.invoke(
        app, ["scan", "--published", "2025-10-07"], input="Путин в четверг прибудет в Душанбе."
    )
    assert r.exit_code == 0, r.output
    assert "Vladimir Putin -> Tajikistan (Dushanbe) [TJ], 2025-10-09, planned" in r.stdout
    assert "duty: BINDING (state_party)" in r.stdout
    r = runner.invoke(app, ["scan", "-"], input="The weather was fine.")
    assert r.exit_code == 0 and "no trips or contacts found" in r.stdout


def test_jsonl_stream_of_articles(scan_env: Path, tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    lines = [
        {
            "text": "Putin will fly to Dushanbe on Thursday.",
            "published": "2025-10-07",
            "url": "https://n.example/1",
        },
        {"text": "The central bank kept rates unchanged.", "published": "2025-10-07"},
        {
            "text": "Netanyahu landed in Budapest on Wednesday.",
            "published": "2025-04-03",
            "language": "en",
        },
    ]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    r = runner.invoke(app, ["scan", str(src), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [(e["person"], e["destination_iso2"], e["start_date"]) for e in out] == [
        ("vladimir-putin", "TJ", "2025-10-09"),
        ("benjamin-netanyahu", "HU", "2025-04-02"),
    ]
    assert out[0]["url"] == "https://n.example/1"


def test_html_input(scan_env: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>CIS summit</title></head><body><nav>Menu</nav><article>"
        "<p>Russian President Vladimir Putin will fly to Dushanbe on Thursday for the summit of "
        "the Commonwealth of Independent States, the Kremlin said.</p></article></body></html>",
        encoding="utf-8",
    )
    r = runner.invoke(app, ["scan", str(page), "--published", "2025-10-07", "-f", "json"])
    assert r.exit_code == 0, r.output
    (ev,) = json.loads(r.stdout)
    assert ev["destination_iso2"] == "TJ" and ev["title"] == "CIS summit"


def test_bad_input_is_one_line_and_exit_2(scan_env: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["scan", str(tmp_path / "nope.txt")])
    assert r.exit_code == 2 and "no such file" in r.stderr and "Traceback" not in r.output
    r = runner.invoke(app, ["scan", str(STATEMENT), "--published", "7/10/2025"])
    assert r.exit_code == 2 and "not a date" in r.stderr
    r = runner.invoke(app, ["scan", "ftp://example.org/x"])
    assert r.exit_code == 2 and "only http and https" in r.stderr


def test_bad_jsonl_lines_are_reported_and_skipped(scan_env: Path, tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        '{"text": "Putin will fly to Dushanbe on Thursday.", "published": "2025-10-07"}\n{oops\n',
        encoding="utf-8",
    )
    r = runner.invoke(app, ["scan", str(src), "-f", "jsonl"])
    assert r.exit_code == 2
    assert json.loads(r.stdout.splitlines()[0])["destination_iso2"] == "TJ"
    assert f"{src}:2: not JSON" in r.stderr
