"""Text output that a hostile article cannot use to drive the terminal.

Article texts, titles and addresses come from strangers; so do file names and arguments
pasted from them. Printed raw, an escape sequence (``ESC ] 0 ; ... BEL`` sets the window
title; others move the cursor, rewrite earlier lines or, in some terminals, write files)
acts on the reader's terminal. Every character of the C0 and C1 control sets except
newline and tab (and the carriage return of a CRLF line end, which CSV uses) is written
as its ``\\uXXXX`` escape instead: visible, and inside a JSON string the same character.

The CLI's streams are wrapped once (:func:`install`); Rich, which writes its own colour
codes, gets a console that neutralises the text of what it renders (:class:`SafeConsole`)
and writes to the unwrapped stream.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.segment import Segment

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def neutralise(text: str) -> str:
    """``text`` with every control character but newline and tab made visible."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """A text stream that neutralises what is written to it, delegating the rest."""

    def __init__(self, inner: IO[str]) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(neutralise(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def unwrapped(stream: Any) -> Any:
    return stream.inner if isinstance(stream, SafeStream) else stream


def install() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once; the test runner's too)."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]


class SafeConsole(Console):
    """Rich console whose rendered text is neutralised, its own style codes kept."""

    @property  # type: ignore[override]
    def file(self) -> IO[str]:
        return unwrapped(super().file)  # type: ignore[no-any-return]

    @file.setter
    def file(self, new_file: IO[str]) -> None:
        self._file = new_file

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        clean = (
            seg if seg.control else Segment(neutralise(seg.text), seg.style, seg.control)
            for seg in buffer
        )
        return super()._render_buffer(clean)
