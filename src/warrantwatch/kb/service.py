"""The knowledge base as one object: open the database, build it if needed, answer.

Every front end (CLI, web, reports, monitor) goes through :func:`open_kb`, so the
embedded first run, the automatic rebuild after a data change and the PostgreSQL
deployment follow one code path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from warrantwatch.config import Settings, get_settings
from warrantwatch.kb import snapshot
from warrantwatch.kb.paths import bundled_data_dir, fingerprint
from warrantwatch.law.world import World

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from warrantwatch.kb.checks import CheckReport
    from warrantwatch.kb.lookup import Resolver
    from warrantwatch.law.obligations import Assessment


class DataCheckFailed(RuntimeError):
    """The data files have errors; nothing was written."""

    def __init__(self, report: CheckReport) -> None:
        self.report = report
        first = "; ".join(str(p) for p in report.errors[:3])
        more = f" (and {len(report.errors) - 3} more)" if len(report.errors) > 3 else ""
        super().__init__(f"data check failed: {first}{more}")


def build(engine: Engine, data_dir: Path) -> dict[str, int]:
    """Check ``data_dir`` and, only if it passes, replace the curated knowledge base with it."""
    from sqlalchemy.orm import Session

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
    """The engine's snapshot plus, opened only when needed, the database behind it."""

    settings: Settings
    world: World
    data_dir: Path

    @cached_property
    def resolver(self) -> Resolver:
        """Names to records; made on first use (``scan`` never needs it)."""
        from warrantwatch.kb.lookup import Resolver

        return Resolver(self.world)

    @cached_property
    def engine(self) -> Engine:
        from warrantwatch.kb.database import open_engine

        return open_engine(self.settings.database_url)

    def assess(self, person: str, state: str, on: dt.date) -> Assessment:
        """Resolve names, then ask the engine."""
        from warrantwatch.law.obligations import assess

        return assess(self.world, self.resolver.person(person), self.resolver.state(state), on)

    def reload(self) -> None:
        """Read the database again (after the monitor or a reviewer changed it)."""
        from sqlalchemy.orm import Session

        from warrantwatch.kb.repository import load_world

        with Session(self.engine) as s:
            self.world = load_world(s)
        self.__dict__.pop("resolver", None)  # made again from the new world on next use


def open_kb(settings: Settings | None = None, *, refresh: bool | None = None) -> KnowledgeBase:
    """Open the configured database, building or refreshing it from the data files if needed.

    On the embedded SQLite database an unchanged database is read from its snapshot
    (:mod:`warrantwatch.kb.snapshot`) without touching SQL at all.
    """
    settings = settings or get_settings()
    data_dir = settings.data_dir or bundled_data_dir()
    do_refresh = settings.auto_refresh if refresh is None else refresh
    current = fingerprint(data_dir)
    cached = snapshot.load(settings.database_url, current)
    if cached is not None:
        return KnowledgeBase(settings=settings, world=cached, data_dir=data_dir)

    from sqlalchemy.orm import Session

    from warrantwatch.kb.database import data_fingerprint_in_db, open_engine
    from warrantwatch.kb.dblock import schema_lock
    from warrantwatch.kb.repository import load_world

    engine = open_engine(settings.database_url)
    stored = data_fingerprint_in_db(engine)
    if stored is None or (do_refresh and stored != current):
        with schema_lock(engine):  # one process builds; the others find it built
            stored = data_fingerprint_in_db(engine)
            if stored is None or (do_refresh and stored != current):
                build(engine, data_dir)
                stored = current
    with Session(engine) as s:
        world = load_world(s)
    if stored == current and snapshot.sqlite_file(settings.database_url) is not None:
        engine.dispose()  # close SQLite so its write-ahead log is folded in before timing it
        snapshot.save(settings.database_url, current, world)
    kb = KnowledgeBase(settings=settings, world=world, data_dir=data_dir)
    kb.__dict__["engine"] = engine  # already open: keep it
    return kb
