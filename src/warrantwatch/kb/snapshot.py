"""A pickled copy of the engine's snapshot beside an embedded SQLite database.

Importing SQLAlchemy and reading every table costs most of a cold CLI call. When the
database file has not changed since the snapshot was written, and the data files are
those it was built from, the snapshot is the same World, read in milliseconds. Any
write to the database (a rebuild, a confirmed trip) makes the file newer than the
snapshot, which is then ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from pathlib import Path

from warrantwatch.law.world import World

FORMAT = 2  # 2: sources carry their tier, symbol and cited-through page


def sqlite_file(database_url: str) -> Path | None:
    """The database file of a ``sqlite:///`` URL; ``None`` for anything else."""
    prefix = "sqlite:///"
    if not database_url.startswith(prefix) or database_url.endswith(":memory:"):
        return None
    return Path(database_url[len(prefix) :].split("?", 1)[0]).expanduser()


def _db_mtime(db: Path) -> float | None:
    times = [p.stat().st_mtime_ns for p in (db, Path(f"{db}-wal")) if p.exists()]
    return max(times) if times else None


def snapshot_path(db: Path) -> Path:
    return db.with_name(db.name + ".world.pickle")


def load(database_url: str, data_fingerprint: str) -> World | None:
    db = sqlite_file(database_url)
    if db is None:
        return None
    snap = snapshot_path(db)
    db_time = _db_mtime(db)
    if db_time is None or not snap.exists():
        return None
    try:
        with snap.open("rb") as fh:
            fmt, fp, built_at, world = pickle.load(fh)
    except Exception:
        return None
    if fmt != FORMAT or fp != data_fingerprint or built_at != db_time:
        return None
    return world if isinstance(world, World) else None


def save(database_url: str, data_fingerprint: str, world: World) -> None:
    db = sqlite_file(database_url)
    if db is None or (db_time := _db_mtime(db)) is None:
        return
    snap = snapshot_path(db)
    tmp = snap.with_suffix(f".tmp{os.getpid()}")
    with contextlib.suppress(OSError):
        with tmp.open("wb") as fh:
            pickle.dump(
                (FORMAT, data_fingerprint, db_time, world), fh, protocol=pickle.HIGHEST_PROTOCOL
            )
        tmp.replace(snap)
