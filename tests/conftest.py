"""Shared fixtures: a small hand-written data set, and databases on SQLite and PostgreSQL.

PostgreSQL tests each get a database of their own (created and dropped here), so test
runs never see each other's rows. Without a reachable server they skip with the
reason shown, except under CI (``CI`` set), where PostgreSQL is required.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase, open_kb
from warrantwatch.law.world import World

# No test may reach the network: the default sources (the bundled catalogue and the
# queries made from it) are off for every test and every process a test starts; tests
# of the catalogue point the monitor at catalogues of local addresses explicitly.
os.environ["WARRANTWATCH_MONITOR_CATALOGUE"] = "false"
# Local test servers take every request at once (the per-host spacing is tested on its own).
os.environ.setdefault("WARRANTWATCH_FETCH_HOST_DELAY", "0")
os.environ.setdefault("WARRANTWATCH_GDELT_MIN_DELAY", "0")

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
PG_ADMIN_URL = os.environ.get(
    "WARRANTWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def _pg_reason() -> str | None:
    try:
        eng = create_engine(PG_ADMIN_URL)
        with eng.connect() as c:
            c.execute(text("select 1"))
        eng.dispose()
        return None
    except Exception as exc:
        return f"PostgreSQL not reachable at {PG_ADMIN_URL}: {type(exc).__name__}"


@pytest.fixture(scope="session")
def pg_available() -> None:
    reason = _pg_reason()
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (required under CI)")
    pytest.skip(reason)


@pytest.fixture
def pg_url(pg_available: None) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"ww_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL on each backend: an empty SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ww.sqlite3'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def fixture_settings(db_url: str) -> Settings:
    return Settings(database_url=db_url, data_dir=FIXTURE_DATA)


@pytest.fixture
def fixture_kb(fixture_settings: Settings) -> KnowledgeBase:
    """The fixture data set loaded into a database on each backend."""
    return open_kb(fixture_settings)


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    """The fixture data as the engine sees it (built once, on SQLite)."""
    path = tmp_path_factory.mktemp("world") / "ww.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{path}", data_dir=FIXTURE_DATA)).world


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the CLI at a private SQLite file built from the fixture data."""
    from warrantwatch.config import get_settings

    db = tmp_path / "cli.sqlite3"
    monkeypatch.setenv("WARRANTWATCH_DATABASE_URL", f"sqlite:///{db}")
    monkeypatch.setenv("WARRANTWATCH_DATA_DIR", str(FIXTURE_DATA))
    get_settings.cache_clear()
    yield db
    get_settings.cache_clear()
