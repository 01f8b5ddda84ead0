"""One process at a time where two must not race: building and migrating the database.

Two monitors, web workers or backfills started together against a new database each
found it empty and each began to build it; the second then failed with "database is
locked" (SQLite) or a duplicate key (PostgreSQL). :func:`schema_lock` makes the schema
upgrade and the first build a critical section: a lock file beside the SQLite file
(``fcntl.flock``, released by the kernel if the holder dies), or a PostgreSQL advisory
lock held on its own connection. Whoever waits re-checks afterwards and usually finds
the work done.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Engine, text

#: an arbitrary constant naming Warrant Watch's schema lock among PostgreSQL advisory locks
PG_LOCK_KEY = 0x57_57_0001


def _sqlite_file(engine: Engine) -> Path | None:
    if engine.url.get_backend_name() != "sqlite":
        return None
    db = engine.url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).expanduser()


@contextlib.contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's schema lock for the ``with`` block (a no-op in memory)."""
    if engine.url.get_backend_name() == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})
                conn.commit()
        return
    path = _sqlite_file(engine)
    if path is None:
        yield
        return
    import fcntl

    lock = path.with_name(path.name + ".lock")
    with lock.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
