"""What every archive reader yields, and how it fails."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

#: The largest record body read from a WARC file; a bigger one is skipped and named.
MAX_RECORD_BYTES = 5_000_000


class ArchiveError(ValueError):
    """An archive file cannot be read at all (missing, wrong format)."""


@dataclass(frozen=True)
class RawDoc:
    """One archived document before extraction: HTML to extract, or text to scan."""

    url: str
    html: bytes | None = None
    text: str | None = None
    title: str | None = None
    published: dt.date | None = None
    language: str | None = None
