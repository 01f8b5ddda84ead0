"""Reading a statement: a file, a URL (through the monitor's safe fetcher) or stdin, as
plain text, HTML (trafilatura), Markdown or .docx (python-docx)."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

#: The largest statement read (a draft is a few pages; this bounds memory on a bad input).
MAX_INPUT_BYTES = 5_000_000


class UnreadableInput(Exception):
    """The input cannot be read as a statement; the message says why, in one line."""


def text_of(data: bytes, name: str = "", content_type: str = "") -> str:
    """The statement's text, from its bytes and its name or declared type."""
    low, ctype = name.lower(), content_type.lower()
    if data[:4] == b"PK\x03\x04" or low.endswith(".docx") or "wordprocessingml" in ctype:
        return _docx(data)
    if b"\x00" in data[:4096]:
        raise UnreadableInput("a binary file, not a text, HTML, Markdown or .docx statement")
    try:
        text = data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    head = text[:2048].lstrip().lower()
    if (
        low.endswith((".html", ".htm"))
        or "html" in ctype
        or head.startswith(("<!doctype", "<html"))
    ):
        return _html(text)
    if low.endswith((".md", ".markdown")) or "markdown" in ctype:
        return markdown_text(text)
    return text


def _docx(data: bytes) -> str:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnreadableInput(f"not a readable .docx file ({type(exc).__name__})") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.extend(cell.text for cell in row.cells)
    return "\n\n".join(p for p in paragraphs if p.strip())


def _html(text: str) -> str:
    import trafilatura

    out = trafilatura.extract(text, include_comments=False, include_tables=True, favor_recall=True)
    if not out:
        raise UnreadableInput("an HTML page with no readable text")
    return out


def markdown_text(text: str) -> str:
    """Markdown rendered and stripped of its tags (markdown-it), one paragraph a block."""
    from markdown_it import MarkdownIt

    html = MarkdownIt().render(text)
    html = re.sub(r"</(p|h[1-6]|li|blockquote|pre)>", "\n\n", html)
    plain = re.sub(r"<[^>]+>", "", html)
    import html as html_mod

    return html_mod.unescape(plain).strip()


def read_statement(
    arg: str,
    *,
    fetcher: Callable[[str], tuple[bytes, str]] | None = None,
    stdin: IO[bytes] | None = None,
) -> str:
    """The text of FILE, URL or ``-`` (stdin)."""
    if arg.lower().startswith(("http://", "https://")):
        get = fetcher or _safe_fetcher()
        from warrantwatch.monitor.readers import InputError

        try:
            body, ctype = get(arg)
        except InputError as exc:
            raise UnreadableInput(str(exc)) from exc
        return text_of(body, arg.split("?")[0], ctype or "text/html")
    if arg == "-":
        raw = stdin if stdin is not None else sys.stdin.buffer
        data = raw.read(MAX_INPUT_BYTES + 1)
        name = ""
    else:
        path = Path(arg)
        if not path.is_file():
            raise UnreadableInput(f"no such file: {arg}")
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise UnreadableInput(f"cannot read {arg}: {exc.strerror}") from exc
        name = path.name
    if len(data) > MAX_INPUT_BYTES:
        raise UnreadableInput(f"larger than {MAX_INPUT_BYTES} bytes")
    text = text_of(data, name)
    if not text.strip():
        raise UnreadableInput("the statement is empty")
    return text


def _safe_fetcher() -> Callable[[str], tuple[bytes, str]]:
    from warrantwatch.config import get_settings
    from warrantwatch.monitor.fetch import fetcher_for_scan

    return fetcher_for_scan(get_settings())
