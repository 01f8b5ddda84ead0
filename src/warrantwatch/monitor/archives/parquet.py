"""Parquet archives (pyarrow): columns ``url`` and ``text`` or ``html``, optionally
``title``, ``published`` (or ``date``: a date, a timestamp or ISO 8601 text) and
``language``. Each row group is one unit of work, read by the worker that scans it, a
few thousand rows at a time, so memory stays flat however large the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warrantwatch.monitor.archives.jsonl import doc_of
from warrantwatch.monitor.archives.model import ArchiveError, RawDoc

WANTED = ("url", "text", "html", "title", "published", "date", "language")


def _open(path: Path) -> Any:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow's ArrowInvalid and friends
        raise ArchiveError(f"{path}: not a Parquet file: {exc}") from exc


def check_parquet(path: Path) -> int:
    """The number of row groups; ``ArchiveError`` when the file or its columns are wrong."""
    pf = _open(path)
    names = set(pf.schema_arrow.names)
    if "url" not in names or not names & {"text", "html"}:
        raise ArchiveError(f"{path}: a Parquet archive needs a 'url' and a 'text' or 'html' column")
    return int(pf.num_row_groups)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("published", "date"):
        v = row.get(key)
        if isinstance(v, dt.datetime):
            row[key] = v.date().isoformat()
        elif isinstance(v, dt.date):
            row[key] = v.isoformat()
    return row


def read_parquet(path: Path, bad: list[str], groups: list[int] | None = None) -> Iterator[RawDoc]:
    """The documents of the row groups ``groups`` (all when None)."""
    pf = _open(path)
    columns = [c for c in WANTED if c in pf.schema_arrow.names]
    n = 0
    for batch in pf.iter_batches(batch_size=2048, row_groups=groups, columns=columns):
        for row in batch.to_pylist():
            n += 1
            try:
                yield doc_of(_plain(row))
            except ValueError as exc:
                bad.append(f"{path}: row {n} of row groups {groups or 'all'}: {exc}")
