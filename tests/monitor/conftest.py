"""Fixtures of the scanner tests: a richer fixture knowledge base and one shared scanner.

``tests/monitor/fixtures/data`` extends the project's fixture data with more persons
(Netanyahu, Gallant, Lvova-Belova, Shoigu, Laurent and Simone Gbagbo, and a fictional
Richard Roe who shares a surname with the fictional Jane Roe) and more states.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.law.world import World
from warrantwatch.monitor.scanner import Scanner

SCAN_FIXTURES = Path(__file__).parent / "fixtures"
SCAN_DATA = SCAN_FIXTURES / "data"
DEVSET = Path(__file__).parents[2] / "benchmarks" / "devset" / "devset.jsonl"


@pytest.fixture(scope="session")
def scan_world(tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("scanworld") / "ww.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{path}", data_dir=SCAN_DATA)).world


@pytest.fixture(scope="session")
def scanner(scan_world: World) -> Scanner:
    return Scanner(scan_world)


@pytest.fixture
def scan_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the CLI at a private SQLite file built from the scanner fixtures."""
    from warrantwatch.config import get_settings

    monkeypatch.setenv("WARRANTWATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("WARRANTWATCH_DATA_DIR", str(SCAN_DATA))
    monkeypatch.setenv("WARRANTWATCH_CACHE_DIR", str(tmp_path / "cache"))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def bundled_scanner(tmp_path_factory: pytest.TempPathFactory) -> Scanner:
    """A scanner over the bundled knowledge base: the names a user's scan looks for."""
    path = tmp_path_factory.mktemp("bundled") / "ww.sqlite3"
    return Scanner(open_kb(Settings(database_url=f"sqlite:///{path}")).world)
