"""Opening the database: engine, migrations, and first-use build from the bundled data.

The same code serves the embedded SQLite file and a shared PostgreSQL server; only
the URL differs. Schema changes go through Alembic. The curated part of the
database is rebuilt automatically when the data files it came from change, detected
by a fingerprint of their contents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from warrantwatch.kb.errors import DatabaseError
from warrantwatch.kb.paths import fingerprint
from warrantwatch.kb.tables import Meta

__all__ = ["DatabaseError", "fingerprint", "open_engine", "upgrade"]

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; creates the SQLite file's folder and enforces foreign keys."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {url!r}") from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        # wait up to 30 s for another process's write instead of failing at once
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.close()

        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        url = parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*(.+)$", re.M)


@lru_cache(maxsize=1)
def known_revisions() -> frozenset[str]:
    """Every revision this version's migration files define."""
    return frozenset(
        m.group(1)
        for path in (MIGRATIONS / "versions").glob("*.py")
        if (m := _REV.search(path.read_text(encoding="utf-8")))
    )


def head_revisions() -> frozenset[str]:
    """The newest revision of each migration branch, read from the revision files.

    Importing Alembic costs half a second; every CLI call checks the schema, so the
    heads are read with two regular expressions instead (a test holds them equal to
    Alembic's own answer).
    """
    revs: set[str] = set()
    downs: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        src = path.read_text(encoding="utf-8")
        if m := _REV.search(src):
            revs.add(m.group(1))
        if m := _DOWN.search(src):
            downs.update(re.findall(r"['\"]([^'\"]+)['\"]", m.group(1)))
    return frozenset(revs - downs)


def current_revisions(engine: Engine) -> frozenset[str]:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return frozenset()
        return frozenset(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision of every branch (no-op when it is there)."""
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def get_meta(session: Session, key: str) -> str | None:
    row = session.get(Meta, key)
    return row.value if row else None


def set_meta(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


def open_engine(url: str) -> Engine:
    """An engine on an up-to-date schema, or a :class:`DatabaseError` saying what failed."""
    from warrantwatch.kb.dblock import schema_lock

    engine = make_engine(url)
    try:
        found = current_revisions(engine)
        unknown = sorted(found - known_revisions())
        if unknown:
            raise DatabaseError(
                f"the database {engine.url!r} was made by a newer Warrant Watch (schema "
                f"revision {', '.join(unknown)}, which this version does not know): use that "
                "version, or another database (WARRANTWATCH_DATABASE_URL)"
            )
        if found != head_revisions():
            with schema_lock(engine):  # two processes starting together: one migrates
                if current_revisions(engine) != head_revisions():
                    upgrade(engine)
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise DatabaseError(f"cannot open database {engine.url!r}: {reason}") from exc
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def data_fingerprint_in_db(engine: Engine) -> str | None:
    with Session(engine) as s:
        return s.scalar(select(Meta.value).where(Meta.key == "data_fingerprint"))
