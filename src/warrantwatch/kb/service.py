"""The knowledge base as one object: open the database, build it if needed, answer.

Every front end (CLI, web, reports, monitor) goes through :func:`open_kb`, so the
embedded first run, the automatic rebuild after a data change and the PostgreSQL
deployment follow one code path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from warrantwatch.config import Settings, get_settings
from warrantwatch.kb.database import data_fingerprint_in_db, fingerprint, open_engine
from warrantwatch.kb.files import bundled_data_dir
from warrantwatch.kb.lookup import Resolver
from warrantwatch.kb.repository import load_world
from warrantwatch.law.obligations import Assessment, assess
from warrantwatch.law.world import World

if TYPE_CHECKING:
    from warrantwatch.kb.checks import CheckReport


class DataCheckFailed(RuntimeError):
    """The data files have errors; nothing was written."""

    def __init__(self, report: CheckReport) -> None:
        self.report = report
        first = "; ".join(str(p) for p in report.errors[:3])
        more = f" (and {len(report.errors) - 3} more)" if len(report.errors) > 3 else ""
        super().__init__(f"data check failed: {first}{more}")


def build(engine: Engine, data_dir: Path) -> dict[str, int]:
    """Check ``data_dir`` and, only if it passes, replace the curated knowledge base with it."""
    from warrantwatch.kb.checks import check
    from warrantwatch.kb.files import read_data_dir
    from warrantwatch.kb.loader import load

    files = read_data_dir(data_dir)
    report = check(files)
    if not report.ok:
        raise DataCheckFailed(report)
    with Session(engine) as session, session.begin():
        return load(session, files)


@dataclass
class KnowledgeBase:
    engine: Engine
    world: World
    data_dir: Path
    resolver: Resolver = field(init=False)

    def __post_init__(self) -> None:
        self.resolver = Resolver(self.world)

    def assess(self, person: str, state: str, on: dt.date) -> Assessment:
        """Resolve names, then ask the engine."""
        return assess(self.world, self.resolver.person(person), self.resolver.state(state), on)

    def reload(self) -> None:
        with Session(self.engine) as s:
            self.world = load_world(s)
        self.resolver = Resolver(self.world)


def open_kb(settings: Settings | None = None, *, refresh: bool | None = None) -> KnowledgeBase:
    """Open the configured database, building or refreshing it from the data files if needed."""
    settings = settings or get_settings()
    data_dir = settings.data_dir or bundled_data_dir()
    engine = open_engine(settings.database_url)
    stored = data_fingerprint_in_db(engine)
    do_refresh = settings.auto_refresh if refresh is None else refresh
    if stored is None or (do_refresh and stored != fingerprint(data_dir)):
        build(engine, data_dir)
    with Session(engine) as s:
        world = load_world(s)
    return KnowledgeBase(engine=engine, world=world, data_dir=data_dir)
