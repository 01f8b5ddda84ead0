"""WARC archives as the public news crawls publish them: gzipped, many records a file,
``response`` records holding HTTP responses with HTML (``resource`` records with HTML
or plain text are read too). Read streaming with warcio; only 200 responses that are
HTML or plain text become documents.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from warrantwatch.monitor.archives.model import MAX_RECORD_BYTES, ArchiveError, RawDoc
from warrantwatch.monitor.feeds import is_web_address
from warrantwatch.monitor.pages import parse_date


def check_warc_start(path: Path) -> None:
    """warcio reads some garbage as an ARC record: look at the first bytes ourselves."""
    with path.open("rb") as fh:
        head = fh.read(2)
    try:
        if head == b"\x1f\x8b":
            with gzip.open(path, "rb") as gz:
                start = gz.read(16)
        else:
            with path.open("rb") as fh:
                start = fh.read(16)
    except OSError as exc:
        raise ArchiveError(f"{path}: not a WARC file: {exc}") from exc
    if not (start.startswith(b"WARC/") or start.startswith(b"filedesc://")):
        raise ArchiveError(f"{path}: not a WARC file (it does not start with a WARC record)")


def read_warc(path: Path, bad: list[str], raw: IO[bytes] | None = None) -> Iterator[RawDoc]:
    """The HTML and text documents of the file, in order (from ``raw`` when given: the
    caller's open file, whose position tells how far the reading got)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with nullcontext(raw) if raw is not None else path.open("rb") as fh:
        try:
            for rec in ArchiveIterator(fh, arc2warc=True):
                if rec.rec_type not in ("response", "resource"):
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                if not url or not is_web_address(url):
                    continue
                if rec.rec_type == "response":
                    if rec.http_headers is None or rec.http_headers.get_statuscode() != "200":
                        continue
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                low = ctype.lower()
                if "html" not in low and "text/plain" not in low:
                    continue
                body = rec.content_stream().read(MAX_RECORD_BYTES + 1)
                if len(body) > MAX_RECORD_BYTES:
                    bad.append(f"{path}: {url}: over {MAX_RECORD_BYTES} bytes, skipped")
                    continue
                date = parse_date(rec.rec_headers.get_header("WARC-Date"))
                if "text/plain" in low:
                    yield RawDoc(url=url, text=body.decode("utf-8", "replace"), published=date)
                else:
                    yield RawDoc(url=url, html=body, published=date)
        except ArchiveLoadFailed as exc:
            raise ArchiveError(f"{path}: not a WARC file: {exc}") from exc
        except EOFError:
            bad.append(f"{path}: truncated gzip file; the rest is not read")
