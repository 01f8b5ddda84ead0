"""News archives read for ``warrantwatch backfill``: WARC, JSON Lines and Parquet.

Each file is cut into *units* of work. A unit is what one worker reads, scans and
stores in one transaction, and what a checkpoint names: when its articles are
committed, the unit is recorded beside them, so a backfill stopped halfway and run
again skips what was stored and goes on with the rest.

- uncompressed JSON Lines: byte ranges, read by the worker itself;
- Parquet: row groups, read by the worker itself;
- gzipped WARC and gzipped JSON Lines (which cannot be entered in the middle): read
  streaming in the main process, a batch of documents a unit.

A unit's name holds what defines it (the range, the row group, the batch size and
number), so a run with other sizes makes other units: it then reads again what was
read, and the unique keys of the store still keep every article once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from warrantwatch.monitor.archives.jsonl import ranges, read_jsonl, read_jsonl_range
from warrantwatch.monitor.archives.model import MAX_RECORD_BYTES, ArchiveError, RawDoc
from warrantwatch.monitor.archives.parquet import check_parquet, read_parquet
from warrantwatch.monitor.archives.warc import check_warc_start, read_warc

__all__ = [
    "MAX_RECORD_BYTES",
    "ArchiveError",
    "RawDoc",
    "Unit",
    "check_archive",
    "file_key",
    "read_archive",
    "read_unit",
    "units",
]

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
PARQUET_SUFFIXES = (".parquet", ".parq")


@dataclass(frozen=True)
class Unit:
    """One piece of one archive file: what a worker reads, scans and stores at once."""

    path: str
    file_key: str
    name: str
    #: bytes of the file this unit covers (compressed bytes for streamed files): progress
    size: int
    start: int = 0
    end: int = 0
    groups: tuple[int, ...] = ()
    #: the documents themselves, for files read in the main process
    docs: tuple[RawDoc, ...] | None = None


def kind_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(PARQUET_SUFFIXES):
        return "parquet"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl.gz" if name.endswith(".gz") else "jsonl"
    raise ArchiveError(
        f"{path}: unknown archive type; use .warc, .warc.gz, .jsonl, .jsonl.gz or .parquet"
    )


def check_archive(path: Path) -> str:
    """The kind of the archive at ``path``; ``ArchiveError`` when it cannot be read at all."""
    if not path.is_file():
        raise ArchiveError(f"{path}: no such file")
    kind = kind_of(path)
    if path.name.lower().endswith(".gz"):
        with path.open("rb") as fh:
            if fh.read(2) != b"\x1f\x8b":
                raise ArchiveError(f"{path}: not a gzip file, though its name ends in .gz")
    if kind == "warc":
        check_warc_start(path)
    elif kind == "parquet":
        check_parquet(path)
    return kind


def file_key(path: Path) -> str:
    """What names a file in checkpoints: its absolute path and its size (a file that
    grew, or another file put in its place, is read anew)."""
    resolved = path.resolve()
    return hashlib.sha256(f"{resolved}\0{resolved.stat().st_size}".encode()).hexdigest()


def read_archive(path: Path, bad: list[str], raw: IO[bytes] | None = None) -> Iterator[RawDoc]:
    """Every document of one archive file, in order; unreadable records are named in
    ``bad`` and skipped. Raises ``ArchiveError`` at once for a file that cannot be read."""
    kind = check_archive(path)
    if kind == "warc":
        return read_warc(path, bad, raw)
    if kind == "parquet":
        return read_parquet(path, bad)
    return read_jsonl(path, bad, raw)


def units(path: Path, *, batch_size: int, parts: int, bad: list[str]) -> Iterator[Unit]:
    """The units of ``path``: about ``parts`` byte ranges or one per row group for files
    a worker can enter anywhere, batches of ``batch_size`` documents for the others."""
    kind = check_archive(path)
    key = file_key(path)
    if kind == "jsonl":
        for a, b in ranges(path, parts):
            yield Unit(str(path), key, f"bytes:{a}-{b}", b - a, start=a, end=b)
        return
    if kind == "parquet":
        groups = check_parquet(path)
        size = path.stat().st_size
        for g in range(groups):
            yield Unit(str(path), key, f"rowgroup:{g}", size // max(1, groups), groups=(g,))
        return
    with path.open("rb") as raw:
        batch: list[RawDoc] = []
        n, pos = 0, 0
        for doc in read_archive(path, bad, raw):
            batch.append(doc)
            if len(batch) >= batch_size:
                now = raw.tell()
                yield Unit(
                    str(path), key, f"records:{batch_size}:{n}", now - pos, docs=tuple(batch)
                )
                batch, n, pos = [], n + 1, now
        if batch:
            now = raw.tell()
            yield Unit(str(path), key, f"records:{batch_size}:{n}", now - pos, docs=tuple(batch))


def read_unit(unit: Unit, bad: list[str]) -> Iterator[RawDoc]:
    """The documents of one unit (read here, in the worker, unless the unit carries them)."""
    if unit.docs is not None:
        return iter(unit.docs)
    path = Path(unit.path)
    if unit.groups:
        return read_parquet(path, bad, list(unit.groups))
    return read_jsonl_range(path, unit.start, unit.end, bad)
