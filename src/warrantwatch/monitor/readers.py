"""Inputs of ``warrantwatch scan``: plain text, HTML pages, JSON Lines, from files, stdin or URLs.

* **Plain text**: one article per file (or stdin).
* **HTML**: the article's text is extracted with trafilatura (menus, footers and
  comments dropped); its title and date come from the page's metadata.
* **JSON Lines**: one article per line, ``{"text": ..., "url": ..., "title": ...,
  "published": "YYYY-MM-DD", "language": "ru"}``; only ``text`` is required. Lines are
  read one at a time, so a file of any size is scanned in flat memory. ``.gz`` works.

The kind is taken from the file name (``.html``, ``.jsonl`` ...) or, failing that,
sniffed from the first bytes. A URL is fetched by :func:`fetch` (http and https only,
capped in size and time); the monitor service can replace that one function with its
own guarded fetcher (``set_fetcher``).
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Literal

import orjson

from warrantwatch.monitor.model import Article

Kind = Literal["text", "html", "jsonl"]

MAX_FETCH_BYTES = 5_000_000
FETCH_TIMEOUT = 20.0


class InputError(Exception):
    """An input that cannot be read at all (missing file, failed fetch)."""


# --- fetching ---------------------------------------------------------------------------


def fetch(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_FETCH_BYTES
) -> tuple[bytes, str]:
    """GET ``url`` (http/https only), at most ``max_bytes`` within ``timeout`` seconds.

    Returns the body and its content type. Kept small and alone on purpose: the monitor
    service swaps it for its guarded fetcher (address checks, retries) via :func:`set_fetcher`.
    """
    import httpx

    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"only http and https addresses can be fetched: {url}")
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5) as client,
            client.stream("GET", url, headers={"User-Agent": "warrantwatch-scan"}) as resp,
        ):
            if resp.status_code >= 400:
                raise InputError(f"{url}: HTTP {resp.status_code}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: larger than {max_bytes} bytes")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise InputError(f"{url}: larger than {max_bytes} bytes")
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: {type(exc).__name__}: {exc}") from exc


_fetcher: Callable[[str], tuple[bytes, str]] = fetch


def set_fetcher(fn: Callable[[str], tuple[bytes, str]]) -> None:
    """Replace the URL fetcher (the monitor's safe fetcher, or a test double)."""
    global _fetcher
    _fetcher = fn


# --- kinds ------------------------------------------------------------------------------


def kind_from_name(name: str) -> Kind | None:
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    if low.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if low.endswith((".jsonl", ".ndjson", ".jsonlines")):
        return "jsonl"
    if low.endswith((".txt", ".text", ".md")):
        return "text"
    return None


def sniff(head: bytes, content_type: str = "") -> Kind:
    ct = content_type.lower()
    if "html" in ct:
        return "html"
    if "json" in ct:
        return "jsonl"
    s = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:2048].lower()
    if s.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        s.startswith(b"<") and (b"<body" in s or b"<p" in s or b"<div" in s or b"<head" in s)
    ):
        return "html"
    if s.startswith(b"{"):
        first = s.split(b"\n", 1)[0]
        if b'"text"' in first or first.rstrip().endswith(b"}"):
            return "jsonl"
    return "text"


# --- parsing ----------------------------------------------------------------------------


def _date(value: object) -> dt.date | None:
    if isinstance(value, str) and len(value) >= 10:
        return _iso_day(value[:10])
    return None


@lru_cache(maxsize=1024)
def _iso_day(value: str) -> dt.date | None:
    """A YYYY-MM-DD day (cached: an archive's lines share a few hundred dates)."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def html_article(html: bytes | str, *, url: str | None, published: dt.date | None) -> Article:
    """The article in an HTML page (trafilatura); ``published`` overrides the page's date."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Article(text="", url=url, published=published)
    return Article(
        text=doc.text or "",
        url=url or doc.url,
        title=doc.title,
        published=published or _date(doc.date),
        language=doc.language,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_json_line(line: bytes | str) -> object:
    """One JSON Lines line as a Python value; raises ``json.JSONDecodeError``.

    orjson parses several times faster than the standard library, which matters when a
    news archive streams through the scanner; a line orjson refuses (bytes that are not
    UTF-8, NaN, huge integers) gets the standard library's more lenient reading, with
    undecodable bytes replaced, as before. A line nested deeper than either parser
    goes is a ``JSONDecodeError`` too, so one hostile line is skipped, not fatal.
    """
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        text = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
        try:
            obj = json.loads(text)
        except RecursionError:
            # orjson stops at 1,024 levels; the standard library would blow the stack
            raise json.JSONDecodeError("nested too deeply", text[:40], 0) from None
    if isinstance(obj, dict):
        # A broken escape ("\ud800") is a lone surrogate, which no UTF-8 output, database
        # or automaton can take: read it as U+FFFD, like undecodable bytes.
        obj = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v for k, v in obj.items()}
    return obj


#: The longest JSON Lines line read: far more than any news article (a long one is
#: 100 KB), and a cap on memory when a file is not JSON Lines at all (a 2 GB dump
#: without a line break) or has lost its line breaks.
MAX_LINE_BYTES = 16 << 20


def bounded_lines(
    fh: IO[bytes], limit: int | None = None, go_on: Callable[[], bool] | None = None
) -> Iterator[bytes | None]:
    """The lines of ``fh``, each at most ``limit`` bytes; None for a longer one (skipped
    without ever holding more than ``limit`` bytes of it). ``go_on``, called before each
    line, ends the reading when it returns False (a worker's byte range)."""
    limit = MAX_LINE_BYTES if limit is None else limit
    readline = fh.readline
    while (go_on is None or go_on()) and (line := readline(limit + 1)):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def jsonl_articles(
    lines: Iterable[bytes | None] | Iterable[str],
    *,
    source: str,
    published: dt.date | None,
    warn: Callable[[str], None],
) -> Iterator[Article]:
    """One article per line (bytes or text); a bad line is reported through ``warn``, skipped.

    None stands for a line longer than :data:`MAX_LINE_BYTES` (see :func:`bounded_lines`).
    """
    for n, line in enumerate(lines, 1):
        if line is None:
            warn(f"{source}:{n}: line longer than {MAX_LINE_BYTES >> 20} MB; skipped")
            continue
        if n == 1:
            # A byte-order mark before the first line is no part of the JSON.
            bom = b"\xef\xbb\xbf" if isinstance(line, bytes) else "\ufeff"
            line = line.removeprefix(bom)  # type: ignore[arg-type]
        if not line or line.isspace():
            continue
        try:
            obj = parse_json_line(line)
        except json.JSONDecodeError as exc:
            warn(f"{source}:{n}: not JSON ({exc.msg}); line skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            warn(f'{source}:{n}: needs an object with a "text" string; line skipped')
            continue
        pub = obj.get("published")
        day = _date(pub) if pub is not None else None
        if pub is not None and day is None:
            warn(f"{source}:{n}: published {pub!r} is not YYYY-MM-DD; ignored")
        url = obj.get("url")
        title = obj.get("title")
        language = obj.get("language")
        yield Article(
            text=obj["text"],
            url=url if isinstance(url, str) else None,
            title=title if isinstance(title, str) else None,
            published=day or published,
            language=language if isinstance(language, str) else None,
        )


def read_capped(fh: IO[bytes], source: str, limit: int = MAX_FETCH_BYTES) -> bytes:
    """At most ``limit`` bytes of ``fh`` (after decompression): a 1 MB ``.gz`` that inflates
    to gigabytes is refused with a message, as a fetched page over the cap is."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{source}: more than {limit} bytes (after decompression); not read")
    return data


def gzip_problem(source: str, exc: BaseException) -> InputError:
    """A message that names the file and the problem, not click's bare "Aborted!"."""
    if isinstance(exc, EOFError):
        return InputError(f"{source}: the gzip file is truncated (it ends before its end marker)")
    return InputError(f"{source}: cannot read: {exc}")


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def read_input(
    arg: str,
    *,
    published: dt.date | None = None,
    warn: Callable[[str], None] = lambda m: print(m, file=sys.stderr),
    stdin: IO[bytes] | None = None,
) -> Iterator[Article]:
    """Articles from one argument of ``warrantwatch scan``: a path, a URL, or ``-`` (stdin)."""
    if arg.lower().startswith(("http://", "https://")):
        body, ctype = _fetcher(arg)
        kind = sniff(body[:4096], ctype)
        yield from _from_bytes(body, kind, source=arg, url=arg, published=published, warn=warn)
        return
    if arg == "-":
        raw = stdin if stdin is not None else sys.stdin.buffer
        buffered = raw if hasattr(raw, "peek") else io.BufferedReader(raw)  # type: ignore[arg-type]
        head = buffered.peek(4096)[:4096]  # type: ignore[union-attr]
        kind = sniff(head)
        if kind == "jsonl":
            lines = bounded_lines(buffered)  # type: ignore[arg-type]
            yield from jsonl_articles(lines, source="stdin", published=published, warn=warn)
            return
        data = read_capped(buffered, "stdin")  # type: ignore[arg-type]
        yield from _from_bytes(data, kind, source="stdin", url=None, published=published, warn=warn)
        return
    path = Path(arg)
    if not path.is_file():
        raise InputError(f"no such file: {arg}")
    opener: Callable[..., IO[bytes]] = gzip.open if path.suffix == ".gz" else open  # type: ignore[assignment]
    try:
        with opener(path, "rb") as fh:
            head = fh.read(4096)
    except (OSError, EOFError) as exc:
        raise gzip_problem(arg, exc) from exc
    kind = kind_from_name(path.name) or sniff(head)
    try:
        if kind == "jsonl":
            # A large buffer: an archive's lines are read in a few hundred system calls,
            # not one per 8 KB (gzip keeps its own buffering).
            big = {} if path.suffix == ".gz" else {"buffering": 1 << 20}
            with opener(path, "rb", **big) as fh:
                lines = bounded_lines(fh)
                yield from jsonl_articles(lines, source=arg, published=published, warn=warn)
            return
        with opener(path, "rb") as fh:
            data = read_capped(fh, arg)
    except (OSError, EOFError) as exc:
        raise gzip_problem(arg, exc) from exc
    yield from _from_bytes(data, kind, source=arg, url=None, published=published, warn=warn)


def _from_bytes(
    data: bytes,
    kind: Kind,
    *,
    source: str,
    url: str | None,
    published: dt.date | None,
    warn: Callable[[str], None],
) -> Iterator[Article]:
    if kind == "html":
        yield html_article(data, url=url, published=published)
    elif kind == "jsonl":
        lines = bounded_lines(io.BytesIO(data))
        yield from jsonl_articles(lines, source=source, published=published, warn=warn)
    else:
        yield Article(text=_decode(data), url=url, published=published)
