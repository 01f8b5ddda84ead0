"""Showing a long backfill's progress: a bar on a terminal, JSON lines elsewhere.

On a terminal (standard error is one) a rich bar shows articles, megabytes, events, the
rate and the time left. Otherwise (a log file, a batch job) one JSON object a line is
written to standard error every ``interval`` seconds and once at the end, so that a
machine can follow it and a person can grep it.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO, Any

import orjson

from warrantwatch.cli.textsafe import SafeConsole
from warrantwatch.monitor.backfill import Progress


class ProgressView:
    """Call it with each :class:`Progress`; use it as a context manager."""

    def __init__(
        self, *, interval: float = 10.0, stream: IO[str] | None = None, bar: bool | None = None
    ) -> None:
        self.stream = stream or sys.stderr
        self.interval = interval
        self.bar = self.stream.isatty() if bar is None else bar
        self._last = 0.0
        self._rich: Any = None
        self._task: Any = None
        self._latest: Progress | None = None

    def __enter__(self) -> ProgressView:
        if self.bar:
            from rich.progress import (
                BarColumn,
                TaskProgressColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            self._rich = Bar(
                TextColumn("backfill"),
                BarColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[articles]:,} articles"),
                TextColumn("{task.fields[mb]:.1f}/{task.fields[mb_total]:.1f} MB"),
                TextColumn("{task.fields[events]:,} events"),
                TextColumn("{task.fields[rate]:,.0f}/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                # its own colour codes kept, the text neutralised (cli.textsafe)
                console=SafeConsole(file=self.stream),
                transient=False,
            )
            self._rich.__enter__()
        return self

    def __call__(self, p: Progress) -> None:
        self._latest = p
        d = p.as_dict()
        if self._rich is not None:
            if self._task is None:
                self._task = self._rich.add_task("backfill", total=max(1, p.bytes_total), **d)
            self._rich.update(self._task, completed=p.bytes_done, **d)
            return
        now = time.monotonic()
        if now - self._last >= self.interval:
            self._last = now
            self._write(d)

    def _write(self, d: dict[str, Any]) -> None:
        self.stream.write(orjson.dumps({"progress": d}).decode() + "\n")
        self.stream.flush()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._rich is not None:
            self._rich.__exit__(exc_type, exc, tb)
        elif self._latest is not None:
            self._write(self._latest.as_dict())
