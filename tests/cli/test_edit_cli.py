"""``warrantwatch edit`` on the command line: a new arrest shows in ``person`` and in a
fresh ``data export``; a change without a source is refused with status 2."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from warrantwatch.cli.main import app

runner = CliRunner()
SOURCE = [
    "--source-url", "https://www.icc-cpi.int/news/fixture-arrest",
    "--source-publisher", "International Criminal Court",
    "--source-title", "Fixture press release on an arrest",
    "--source-date", "2026-11-30",
]  # fmt: skip


def test_edit_add_then_person_and_export(cli_env: Path, tmp_path: Path) -> None:
    r = runner.invoke(
        app,
        ["edit", "add", "custody", "--set", "person=vladimir-putin", "--set", "date=2026-11-30",
         "--set", "status=arrested", "--set", "place=Fixture City", "--editor", "edna",
         "--reason", "announced by the Court", *SOURCE],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "added (change #1, by edna)" in r.output
    person = runner.invoke(app, ["person", "putin", "--on", "2026-12-01"])
    assert "arrested" in person.output and "Fixture City" in person.output
    assert "[tier 1] International Criminal Court" in person.output
    hist = runner.invoke(app, ["edit", "history"])
    assert "edna: add custody vladimir-putin 2026-11-30 arrested" in hist.output
    out = tmp_path / "export"
    assert runner.invoke(app, ["data", "export", "-o", str(out)]).exit_code == 0
    doc = yaml.safe_load((out / "persons" / "vladimir-putin.yaml").read_text(encoding="utf-8"))
    assert any(c["status"] == "arrested" for c in doc["custody"])


def test_edit_refusals_are_one_line(cli_env: Path) -> None:
    r = runner.invoke(
        app,
        ["edit", "add", "custody", "--set", "person=vladimir-putin", "--set", "date=2026-11-30",
         "--set", "status=arrested", "--editor", "edna", "--reason", "r",
         "--source-url", "https://example.org/a page", "--source-publisher", "X",
         "--source-title", "T", "--source-accessed", "2026-12-01"],
    )  # fmt: skip
    assert r.exit_code == 2 and "source address: contains a space" in r.output
    r = runner.invoke(app, ["edit", "add", "rumour", "--editor", "e", "--reason", "r", *SOURCE])
    assert r.exit_code == 2 and "unknown kind 'rumour'" in r.output
    r = runner.invoke(
        app, ["edit", "add", "custody", "--set", "oops", "--editor", "e", "--reason", "r", *SOURCE]
    )
    assert r.exit_code == 2 and "use FIELD=VALUE" in r.output


def test_edit_and_watch_offer_by_not_the_old_editor() -> None:
    """`--by` is the one name shown (as in `review` and `user`); `--editor` is a hidden alias
    that the tests above still use, so scripts written for it keep working."""
    for cmd in (("edit", "add"), ("edit", "correct"), ("edit", "retract"),
                ("watch", "accept"), ("watch", "reject")):  # fmt: skip
        res = runner.invoke(app, [*cmd, "--help"])
        assert res.exit_code == 0 and "--by" in res.stdout, cmd
        assert "--editor" not in res.stdout, cmd
