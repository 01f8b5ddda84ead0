"""JSON Lines archives: one object a line with ``url`` and ``text`` or ``html``, and
optionally ``title``, ``published`` (or ``date``, ISO 8601) and ``language``.

An uncompressed file is read in byte ranges, each by the worker that scans it: the main
process then never touches the text, which matters when scanning costs tens of
microseconds an article. A line belongs to the range it starts in. A gzipped file
cannot be entered in the middle, so it is read from the start, in one stream.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO, Any

from warrantwatch.monitor.archives.model import RawDoc
from warrantwatch.monitor.feeds import is_web_address
from warrantwatch.monitor.pages import parse_date
from warrantwatch.monitor.readers import MAX_LINE_BYTES, bounded_lines, parse_json_line


def doc_of(obj: object) -> RawDoc:
    """The document of one parsed line; ``ValueError`` saying what is missing."""
    if not isinstance(obj, dict) or not isinstance(obj.get("url"), str):
        raise ValueError("no 'url'")
    if not is_web_address(obj["url"]):
        raise ValueError("'url' is not an http or https address")
    text, html = obj.get("text"), obj.get("html")
    has_text = isinstance(text, str) and bool(text.strip())
    if not has_text and not isinstance(html, str):
        raise ValueError("no 'text' or 'html'")
    title, language = obj.get("title"), obj.get("language")
    return RawDoc(
        url=obj["url"],
        html=html.encode("utf-8") if isinstance(html, str) and not has_text else None,
        text=text if has_text else None,  # type: ignore[arg-type]
        title=title if isinstance(title, str) else None,
        published=parse_date(str(obj.get("published") or obj.get("date") or "")),
        language=language if isinstance(language, str) else None,
    )


def _docs(
    lines: Iterator[bytes | None], where: Callable[[int], str], bad: list[str]
) -> Iterator[RawDoc]:
    for n, line in enumerate(lines, 1):
        if line is None:
            bad.append(f"{where(n)}: line longer than {MAX_LINE_BYTES >> 20} MB")
            continue
        if not line.strip():
            continue
        try:
            yield doc_of(parse_json_line(line))
        except ValueError as exc:  # JSONDecodeError is one
            bad.append(f"{where(n)}: {exc}")


def read_jsonl(path: Path, bad: list[str], raw: IO[bytes] | None = None) -> Iterator[RawDoc]:
    """Every document of the file, in order (gzip when the name ends in .gz); from
    ``raw`` when given (the caller's open file, whose position tells how far it got)."""
    gz = path.name.lower().endswith(".gz")
    opener: Callable[..., Any] = gzip.open if gz else open
    n = [0]

    def where(i: int) -> str:
        n[0] = i
        return f"{path}:{i}"

    def counted(fh: IO[bytes]) -> Iterator[bytes | None]:
        for i, line in enumerate(bounded_lines(fh), 1):
            n[0] = i
            yield line

    with ExitStack() as stack:
        if raw is None:
            fh = stack.enter_context(opener(path, "rb"))
        else:
            fh = stack.enter_context(gzip.open(raw, "rb")) if gz else raw
        stack.enter_context(readable(path, bad, lambda: n[0]))
        yield from _docs(counted(fh), where, bad)


def read_jsonl_range(path: Path, start: int, end: int, bad: list[str]) -> Iterator[RawDoc]:
    """The documents of the lines that start at a byte in ``[start, end)``."""
    with path.open("rb", buffering=1 << 20) as fh:
        if start > 0:
            fh.seek(start - 1)
            fh.readline()  # the rest of the line before: the previous range's
        offsets: list[int] = []

        def go_on() -> bool:
            pos = fh.tell()
            offsets.append(pos)
            return pos < end

        def where(i: int) -> str:
            return f"{path}:{i}" if start == 0 else f"{path}: line at byte {offsets[i - 1]}"

        yield from _docs(bounded_lines(fh, go_on=go_on), where, bad)


def ranges(
    path: Path, parts: int, *, least: int = 256 << 10, most: int = 8 << 20
) -> list[tuple[int, int]]:
    """Byte ranges that cut the file into about ``parts`` pieces of sensible size."""
    size = path.stat().st_size
    step = max(least, min(most, -(-size // max(1, parts))))
    return [(a, min(a + step, size)) for a in range(0, size, step)] or [(0, 0)]


@contextmanager
def readable(path: Path, bad: list[str], line: Callable[[], int]) -> Iterator[None]:
    """A gzip file cut short ends its reading with a message naming it (what was read
    before is kept), instead of click's bare "Aborted!"."""
    try:
        yield
    except EOFError:
        bad.append(f"{path}: truncated gzip file after line {line()}; the rest is not read")
    except OSError as exc:
        bad.append(f"{path}: unreadable after line {line()}: {exc}")
