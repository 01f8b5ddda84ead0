"""End-to-end: the ``warrantwatch`` command as a user types it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import FIXTURE_DATA
from typer.testing import CliRunner

from warrantwatch.cli.main import app

runner = CliRunner()


def ww(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_assess_model_case_text(cli_env: Path) -> None:
    code, out, _ = ww("assess", "putin", "tajikistan", "--on", "2025-10-09")
    assert code == 0
    assert "Tajikistan must arrest" in out
    assert "1 July 2002" in out and "17 March 2023" in out
    assert "Mongolia" in out and "24 October 2024" in out
    assert "art. 89(1)" in out and "Sources" in out


def test_assess_json_contract(cli_env: Path) -> None:
    code, out, _ = ww("assess", "Путин", "TJK", "--on", "2025-10-09", "--format", "json")
    assert code == 0
    d = json.loads(out)
    for key in (
        "person",
        "state",
        "on",
        "state_status",
        "party_since",
        "withdrawal_notified",
        "withdrawal_effective",
        "outstanding_warrants",
        "duty",
        "basis",
        "contested",
        "immunity",
        "precedents",
        "citations",
        "explanation",
    ):
        assert key in d
    assert d["person"]["id"] == "vladimir-putin" and d["state"]["iso2"] == "TJ"
    assert d["duty"] == "binding" and d["basis"] == ["state_party"]


def test_assess_markdown_quotes_articles(cli_env: Path) -> None:
    code, out, _ = ww("assess", "poutine", "Tadjikistan", "--on", "2025-10-09", "-f", "markdown")
    assert code == 0
    assert out.startswith("# Must Tajikistan arrest Vladimir Putin on 9 October 2025?")
    assert (
        "> States Parties shall, in accordance with the provisions of this Statute, cooperate"
        in out
    )
    assert "## Sources" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("assess", "putn", "TJ"), "closest: Vladimir Putin"),
        (("assess", "putin", "Atlantis"), "unknown state 'Atlantis'"),
        (("assess", "putin", "TJ", "--on", "09/10/2025"), "use YYYY-MM-DD"),
        (("state", "ZZZ"), "unknown state"),
        (("persons", "--status", "at-lrge"), "closest: at-large"),
    ],
)
def test_bad_input_is_one_line_exit_2(cli_env: Path, args: tuple[str, ...], needle: str) -> None:
    code, out, err = ww(*args)
    assert code == 2
    assert needle in err
    assert "Traceback" not in out + err and len(err.strip().splitlines()) == 1


def test_state_json(cli_env: Path) -> None:
    code, out, _ = ww("state", "Бурунди", "--on", "2017-01-01", "--format", "json")
    assert code == 0
    d = json.loads(out)
    for key in (
        "iso2",
        "name",
        "on",
        "state_status",
        "signed",
        "deposited",
        "party_since",
        "withdrawal_notified",
        "withdrawal_effective",
    ):
        assert key in d
    assert (d["state_status"], d["withdrawal_effective"]) == ("party", "2017-10-27")
    assert d["pending_withdrawal"] is True


def test_parties_on_a_date(cli_env: Path) -> None:
    code, out, _ = ww("parties", "--on", "2025-01-01", "--format", "json")
    assert code == 0
    iso = {p["iso2"] for p in json.loads(out)}
    assert {"TJ", "MN", "UA", "HU", "ZA", "BF"} <= iso and not {"BI", "RU", "MY"} & iso
    code, out, _ = ww("parties", "--on", "2024-12-31", "--format", "csv")
    assert "UA" not in {line.split(",")[0] for line in out.splitlines()}


def test_person_and_persons(cli_env: Path) -> None:
    code, out, _ = ww("person", "el-Béchir", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "omar-al-bashir"
    code, out, _ = ww("persons", "--status", "at-large", "--on", "2025-01-01", "--format", "json")
    assert code == 0
    assert [p["id"] for p in json.loads(out)] == ["vladimir-putin"]


def test_data_check_and_load(cli_env: Path, tmp_path: Path) -> None:
    code, out, _ = ww("data", "check", str(FIXTURE_DATA))
    assert code == 0 and "0 errors" in out
    bad = tmp_path / "bad"
    bad.mkdir()
    code, _, err = ww("data", "check", str(bad))
    assert code == 1 and "states.yaml" in err
    code, _, err = ww("data", "load", str(bad))
    assert code == 1 and "nothing was changed" in err
    code, out, _ = ww("data", "load", str(FIXTURE_DATA))
    assert code == 0 and "3 persons" in out


def test_data_export_round_trip(cli_env: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "exp"
    code, out, _ = ww("data", "export", "--output", str(out_dir))
    assert code == 0, out
    code, out, _ = ww("data", "check", str(out_dir))
    assert code == 0, out
    code, _, err = ww("data", "export", "--output", str(out_dir))
    assert code == 2 and "not empty" in err


def test_real_entry_point_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "WARRANTWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
        "WARRANTWATCH_DATA_DIR": str(FIXTURE_DATA),
    }
    exe = Path(sys.executable).with_name("warrantwatch")
    res = subprocess.run(
        [str(exe), "assess", "nobody", "TJ"], capture_output=True, text=True, env=env, timeout=60
    )
    assert res.returncode == 2 and "Traceback" not in res.stderr
    res = subprocess.run(
        [str(exe), "assess", "putin", "TJ"],
        capture_output=True,
        text=True,
        env={**env, "WARRANTWATCH_DATABASE_URL": "postgresql://x@127.0.0.1:1/no"},
        timeout=60,
    )
    assert res.returncode == 1 and "cannot open database" in res.stderr
    assert "Traceback" not in res.stderr


def test_state_text_shows_no_raw_ids(cli_env: Path) -> None:
    """Issue 12: a declaration is printed with its situation's name, never its id."""
    code, out, _ = ww("state", "UA", "--on", "2025-10-09")
    assert code == 0, out
    assert "declaration lodged 2015-09-08 for the Situation in Ukraine" in out
    assert "'ukraine'" not in out and "None" not in out


def test_where_the_model_case(cli_env: Path) -> None:
    code, out, _ = ww("where", "putin", "--on", "2025-10-09")
    assert code == 0
    head, _, rest = out.partition("Must arrest and surrender: States Parties")
    assert "must arrest and surrender Vladimir Putin" in head
    bound, _, free = rest.partition("No duty to arrest")
    assert "Tajikistan (TJ)" in bound and "Tajikistan" not in free
    assert "Russia (RU)" in free


def test_where_json_and_csv(cli_env: Path) -> None:
    import csv
    import io

    code, out, _ = ww("where", "Путин", "--on", "2025-10-09", "--format", "json")
    assert code == 0
    data = json.loads(out)
    tj = next(s for s in data["states"] if s["iso2"] == "TJ")
    assert tj["must_arrest"] is True and tj["basis"] == "state_party"
    assert data["person"]["id"] == "vladimir-putin" and data["on"] == "2025-10-09"
    code, out, _ = ww("where", "al-bashir", "--on", "2015-06-14", "-f", "csv")
    rows = {r["iso2"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["SD"]["basis"] == "unsc_referral" and rows["SD"]["must_arrest"] == "True"
    assert rows["RU"]["must_arrest"] == "False" and rows["RU"]["basis"] == "none"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("where", "nobody-at-all"), "unknown person"),
        (("where", "putin", "--on", "9/10/2025"), "not a date"),
        (("where", "putin", "--format", "xml"), "xml"),
    ],
)
def test_where_bad_input(cli_env: Path, args: tuple[str, ...], needle: str) -> None:
    code, _, err = ww(*args)
    assert code == 2 and needle in err and "Traceback" not in err


def test_counts_say_what_they_count(cli_env: Path) -> None:
    code, out, _ = ww("persons", "--on", "2022-01-01")
    assert code == 0
    flat = " ".join(out.split())
    assert "persons with a public ICC arrest warrant or summons" in flat
    assert "first_summons" in flat and "at_large" not in flat  # words, not raw ids
    code, out, _ = ww("persons", "--on", "2022-01-01", "--format", "json")
    assert json.loads(out)[0]["custody_status"] in {
        "at_large",
        "surrendered",
        "in_national_custody",
    }
    code, out, _ = ww("parties", "--on", "2022-01-01")
    assert "Not counted" in " ".join(out.split()) and "Burundi" in out
    code, out, _ = ww("where", "jane-roe", "--on", "2022-01-01")
    assert "former State Party bound under art. 127(2) (Burundi)" in " ".join(out.split())
