"""Loading into SQLite and PostgreSQL, refreshing, exporting and reloading without loss."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA

from warrantwatch.config import Settings
from warrantwatch.kb.database import DatabaseError, open_engine
from warrantwatch.kb.export import export_data_dir
from warrantwatch.kb.repository import load_world
from warrantwatch.kb.service import DataCheckFailed, build, open_kb
from warrantwatch.kb.tables import FactSource, TripRow


def test_first_use_builds_the_database(fixture_settings: Settings) -> None:
    kb = open_kb(fixture_settings)
    assert set(kb.world.persons) == {"vladimir-putin", "omar-al-bashir", "jane-roe"}
    assert kb.world.states["TJ"].actions[1].type == "ratification"
    assert kb.world.articles["89"].title == "Surrender of persons to the Court"
    putin = kb.world.persons["vladimir-putin"]
    assert putin.warrants[0].fact.sources[0].url == "https://example.org/fixture/putin"
    assert (
        kb.assess("Путин", "Таджикистан", __import__("datetime").date(2025, 10, 9)).duty
        == "binding"
    )


def test_every_fact_keeps_its_sources(fixture_kb) -> None:  # type: ignore[no-untyped-def]
    w = fixture_kb.world
    facts = [a.fact for s in w.states.values() for a in s.actions]
    facts += [x.fact for p in w.persons.values() for x in (*p.warrants, *p.custody, *p.positions)]
    facts += (
        [t.fact for t in w.trips] + [f.fact for f in w.findings] + [a.fact for a in w.authorities]
    )
    facts += [s.fact for s in w.situations.values()]
    assert facts and all(f.sources for f in facts)


def test_broken_data_changes_nothing(fixture_kb, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad"
    shutil.copytree(FIXTURE_DATA, bad)
    (bad / "persons" / "jane-roe.yaml").write_text("id: jane-roe\nname: [unclosed\n")
    with pytest.raises(DataCheckFailed) as exc:
        build(fixture_kb.engine, bad)
    assert "jane-roe.yaml" in str(exc.value)
    with Session(fixture_kb.engine) as s:
        assert len(load_world(s).persons) == 3


def test_reviewed_trips_survive_a_rebuild(fixture_kb) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    with Session(fixture_kb.engine) as s, s.begin():
        s.add(
            TripRow(
                id="vladimir-putin-2030-01-tj",
                person_id="vladimir-putin",
                destination="TJ",
                start=dt.date(2030, 1, 5),
                outcome="planned",
                origin="review",
            )
        )
    build(fixture_kb.engine, FIXTURE_DATA)
    with Session(fixture_kb.engine) as s:
        ids = set(s.scalars(select(TripRow.id)))
        assert "vladimir-putin-2030-01-tj" in ids and "vladimir-putin-2024-09-mn" in ids
        assert (
            s.scalar(
                select(func.count()).select_from(FactSource).where(FactSource.fact_table == "trips")
            )
            == 3
        )


def test_changed_data_is_reloaded_automatically(tmp_path: Path, db_url: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    settings = Settings(database_url=db_url, data_dir=data)
    assert open_kb(settings).world.persons["jane-roe"].name == "Jane Roe"
    path = data / "persons" / "jane-roe.yaml"
    path.write_text(path.read_text().replace("name: Jane Roe", "name: Jane Q. Roe"))
    assert open_kb(settings).world.persons["jane-roe"].name == "Jane Q. Roe"


def test_export_then_load_is_lossless(fixture_kb, tmp_path: Path, db_url: str) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "export"
    counts = export_data_dir(fixture_kb.engine, out)
    assert counts["persons"] == 3
    other = (
        Settings(database_url=db_url.replace("ww.sqlite3", "ww2.sqlite3"), data_dir=out)
        if db_url.startswith("sqlite")
        else None
    )
    if other is None:  # PostgreSQL: reload into the same database from the export
        build(fixture_kb.engine, out)
        with Session(fixture_kb.engine) as s:
            again = load_world(s)
    else:
        again = open_kb(other).world
    before = fixture_kb.world
    assert again.states == before.states
    assert again.persons == before.persons
    assert again.situations == before.situations
    assert sorted(again.trips, key=lambda t: t.id) == sorted(before.trips, key=lambda t: t.id)
    assert again.findings == before.findings and again.authorities == before.authorities


def test_bad_database_url_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="not a database URL"):
        open_engine("nonsense")
    with pytest.raises(DatabaseError, match="cannot open database"):
        open_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_fast_head_check_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from warrantwatch.kb.database import alembic_config, head_revisions

    assert head_revisions() == set(ScriptDirectory.from_config(alembic_config()).get_heads())


def test_snapshot_is_used_and_invalidated_by_writes(tmp_path: Path) -> None:
    import datetime as dt

    from warrantwatch.kb import snapshot

    url = f"sqlite:///{tmp_path / 'snap.sqlite3'}"
    settings = Settings(database_url=url, data_dir=FIXTURE_DATA)
    first = open_kb(settings)
    snap = snapshot.snapshot_path(tmp_path / "snap.sqlite3")
    assert snap.exists()
    again = open_kb(settings)
    assert "engine" not in again.__dict__  # answered from the snapshot, no database opened
    assert again.world.persons == first.world.persons
    with Session(again.engine) as s, s.begin():
        s.add(
            TripRow(
                id="jane-roe-2030-01-tj",
                person_id="jane-roe",
                destination="TJ",
                start=dt.date(2030, 1, 5),
                outcome="planned",
                origin="review",
            )
        )
    again.engine.dispose()
    third = open_kb(settings)
    assert "jane-roe-2030-01-tj" in {t.id for t in third.world.trips}


def test_succession_date_reaches_the_engine(tmp_path: Path) -> None:
    """Montenegro is bound from its independence (3 June 2006), as the depositary records."""
    import datetime as dt

    from warrantwatch.law.treaty_status import status_on

    kb = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'me.sqlite3'}"))
    me = kb.world.states["ME"]
    assert [a.effective_from for a in me.actions if a.type == "succession"] == [dt.date(2006, 6, 3)]
    assert status_on(me, dt.date(2006, 9, 1)).status == "party"


def test_a_database_from_a_newer_version_is_refused_with_a_message(tmp_path: Path) -> None:
    import sqlalchemy as sa

    url = f"sqlite:///{tmp_path / 'newer.sqlite3'}"
    open_engine(url).dispose()
    eng = sa.create_engine(url)
    with eng.begin() as conn:
        conn.execute(sa.text("INSERT INTO alembic_version (version_num) VALUES ('9999')"))
    eng.dispose()
    with pytest.raises(DatabaseError, match=r"newer Warrant Watch.*9999"):
        open_engine(url)
