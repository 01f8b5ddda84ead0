"""Exports: lossless JSON (round trip on SQLite and PostgreSQL), CSV with sources, FtM."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model
from followthemoney.exc import InvalidData
from sqlalchemy.orm import Session

from warrantwatch.config import Settings
from warrantwatch.kb.database import open_engine
from warrantwatch.kb.repository import load_world
from warrantwatch.kb.service import KnowledgeBase, build, open_kb
from warrantwatch.law.world import World
from warrantwatch.reports import exports, ftm


def _snapshot(w: World) -> dict[str, object]:
    """Everything the engine sees, in an order that does not depend on row ids."""
    return {
        "states": w.states,
        "persons": w.persons,
        "situations": w.situations,
        "trips": sorted(w.trips, key=lambda t: t.id),
        "findings": sorted(w.findings, key=lambda f: f.id),
        "authorities": sorted(w.authorities, key=lambda a: a.id),
        "articles": w.articles,
    }


def test_json_export_round_trip(fixture_kb: KnowledgeBase, db_url: str, tmp_path: Path) -> None:
    """Export, load the export into a fresh database, and get the same knowledge base."""
    out = tmp_path / "export"
    counts = exports.export(fixture_kb.engine, fixture_kb.world, "json", out)
    assert counts["persons"] == 3 and counts["warrants"] == 4 and counts["articles"] > 100
    fresh = (
        f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        if db_url.startswith("sqlite")
        else db_url  # the PostgreSQL test database is ours alone: reload it from the export
    )
    engine = open_engine(fresh)
    build(engine, out / "data")
    with Session(engine) as s:
        again = load_world(s)
    assert _snapshot(again) == _snapshot(fixture_kb.world)
    # and the JSON tables alone carry it all: exporting the rebuilt base gives the same tables
    first = exports.read_json(out)
    second = exports.json_tables(engine, again)
    for name in exports.TABLES:
        assert second[name] == first[name], name


def test_json_rows_carry_their_sources_and_derived_fields(
    fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    t = exports.json_tables(fixture_kb.engine, fixture_kb.world)
    tj = next(s for s in t["states"] if s["iso2"] == "TJ")
    assert tj["actions"][0]["sources"][0]["url"].startswith("https://")
    history = tj["derived"]["status_history"]
    assert any(h.get("entry_into_force") == "2002-07-01" for h in history)
    putin = next(w for w in t["warrants"] if w["person"] == "vladimir-putin")
    assert putin["sources"][0]["publisher"] and putin["derived"]["outstanding_today"] is True
    assert all(r["sources"] for r in t["trips"] + t["findings"])


def test_restore_rejects_a_damaged_export(fixture_kb: KnowledgeBase, tmp_path: Path) -> None:
    t = exports.json_tables(fixture_kb.engine, fixture_kb.world)
    t["trips"][0]["outcome"] = "vanished"
    with pytest.raises(ValueError, match="outcome"):
        exports.restore_data_dir(t, tmp_path / "data")


def test_csv_tables_name_their_sources(fixture_kb: KnowledgeBase, tmp_path: Path) -> None:
    counts = exports.export(fixture_kb.engine, fixture_kb.world, "csv", tmp_path)
    assert counts["states"] == 12 and counts["trips"] == 3
    for name in ("states", "state_actions", "persons", "warrants", "trips", "findings"):
        with (tmp_path / f"{name}.csv").open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        # fixture IL and XK have no treaty record, so nothing to source
        sourced = [r for r in rows if r.get("iso2") not in ("IL", "XK")]
        assert sourced and all(r["source_urls"].startswith("https://") for r in sourced), name
    with (tmp_path / "warrants.csv").open(encoding="utf-8") as fh:
        putin = next(r for r in csv.DictReader(fh) if r["person"] == "vladimir-putin")
    assert "(art. 8(2)(a)(vii))" in putin["charges"]


def test_ftm_entities_validate(world: World, tmp_path: Path) -> None:
    counts = ftm.write_ftm(world, tmp_path)
    assert counts == {
        "PublicBody": 1,
        "Person": 3,
        "Risk": 4,
        "Position": 2,
        "Occupancy": 2,
        "Event": 4,
    }
    lines = (tmp_path / "entities.ftm.json").read_text("utf-8").splitlines()
    ents = {}
    for ln in lines:
        data = json.loads(ln)
        e = model.get_proxy(data, cleaned=False)  # re-parse and re-clean every value
        e.schema.validate(e.to_dict())
        assert e.to_dict()["properties"] == data["properties"]
        ents[e.id] = e
    putin = ents["ww-person-vladimir-putin"]
    assert set(putin.get("topics")) >= {"wanted", "crime.war"}
    assert "Владимир Путин" in putin.get("alias")
    risk = ents["ww-warrant-vladimir-putin-1"]
    assert risk.get("entity") == ["ww-person-vladimir-putin"]
    assert risk.get("authority") == [ents[ftm.COURT_ID].first("name")]
    assert ents["ww-trip-vladimir-putin-2025-10-tj"].get("involved") == ["ww-person-vladimir-putin"]
    refs = {
        v
        for e in ents.values()
        for p in e.schema.properties.values()
        if p.type.name == "entity"
        for v in e.get(p.name)
    }
    assert refs <= set(ents)  # every link points at an exported entity


def test_ftm_command_line_tool_accepts_the_export(world: World, tmp_path: Path) -> None:
    ftm.write_ftm(world, tmp_path)
    tool = Path(sys.executable).with_name("ftm")
    res = subprocess.run(
        [str(tool), "validate", "-i", str(tmp_path / "entities.ftm.json")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(res.stdout.splitlines()) == 16


def test_ftm_refuses_invalid_properties() -> None:
    with pytest.raises(InvalidData):
        ftm.make("Person", "x", name="X", shoeSize="44")
    with pytest.raises(InvalidData):
        ftm.make("Person", "x", name="X", birthDate="not a date")
    with pytest.raises(InvalidData):
        ftm.make("Risk", "r", authority="ICC")  # the designated entity is required


def test_export_cli(cli_env: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from warrantwatch.cli.main import app

    runner = CliRunner()
    res = runner.invoke(app, ["export", "--format", "ftm", "--output", str(tmp_path / "f")])
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "f" / "entities.ftm.json").exists()
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("keep me")
    res = runner.invoke(app, ["export", "--format", "json", "--output", str(tmp_path / "busy")])
    assert res.exit_code == 2 and "not an empty directory" in res.stderr
    assert (tmp_path / "busy" / "x").read_text() == "keep me"
    res = runner.invoke(app, ["export", "--format", "xml", "--output", str(tmp_path / "x")])
    assert res.exit_code == 2


def test_open_kb_unused_settings_fixture(fixture_settings: Settings) -> None:
    """The fixture knowledge base opens on each backend (guards the round-trip test's setup)."""
    assert open_kb(fixture_settings).world.persons


def test_export_ftm_without_output_streams_entities_to_stdout(
    cli_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As followthemoney's own tools do: one entity a line on standard output, the
    summary on standard error, and no directory made."""
    from typer.testing import CliRunner

    from warrantwatch.cli.main import app

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    res = CliRunner().invoke(app, ["export", "--format", "ftm"])
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    ents = [model.get_proxy(json.loads(ln)) for ln in lines]
    assert ents[0].schema.name == "PublicBody"
    putin = next(
        e for e in ents if e.schema.name == "Person" and e.id == "ww-person-vladimir-putin"
    )
    assert "Vladimir Putin" in putin.get("name")
    assert f"streamed {len(lines)} entities" in res.stderr
    assert list(cwd.iterdir()) == []


def test_exports_carry_officials_and_contacts(tmp_path: Path) -> None:
    """Officials and contacts reach the JSON and CSV tables with their sources and the
    computed party status, and the JSON export's data files load back with them."""
    from tests.kb.test_contacts_data import CONTACT, OFFICIAL, data_with

    data = data_with(tmp_path, [OFFICIAL], [CONTACT])
    kb = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}", data_dir=data))
    out = tmp_path / "json"
    counts = exports.export(kb.engine, kb.world, "json", out)
    assert (counts["officials"], counts["contacts"]) == (1, 1)
    (contact,) = json.loads((out / "contacts.json").read_text("utf-8"))
    assert contact["official"] == OFFICIAL["id"] and contact["date"] == "2025-10-09"
    assert contact["sources"][0]["url"] == "https://example.org/report"
    assert contact["derived"] == {"state_status_then": "party", "state_party_then": True}
    (official,) = json.loads((out / "officials.json").read_text("utf-8"))
    assert official["name"] == "Ivan Example" and official["start"] == "2020-01-01"
    again = open_kb(
        Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}", data_dir=out / "data")
    )
    assert again.world.contacts == kb.world.contacts
    assert again.world.officials == kb.world.officials

    counts = exports.export(kb.engine, kb.world, "csv", tmp_path / "csv")
    assert (counts["officials"], counts["contacts"]) == (1, 1)
    with (tmp_path / "csv" / "contacts.csv").open(encoding="utf-8") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["official_name"] == "Ivan Example" and row["state_party_then"] == "True"
    assert row["source_urls"] == "https://example.org/report"
    with (tmp_path / "csv" / "sources.csv").open(encoding="utf-8") as fh:
        assert "https://example.org/report" in {r["url"] for r in csv.DictReader(fh)}


def test_an_export_from_before_contacts_still_reads(
    fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    exports.export(fixture_kb.engine, fixture_kb.world, "json", out)
    (out / "officials.json").unlink()
    (out / "contacts.json").unlink()
    tables = exports.read_json(out)
    assert tables["officials"] == [] and tables["contacts"] == []
    assert exports.restore_data_dir(tables, tmp_path / "data")["contacts"] == 0
