"""The news monitor inside the web server: one polling thread, in one process only.

``warrantwatch serve`` runs the monitor's loop (:class:`warrantwatch.monitor.service.Monitor`)
in a daemon thread by default: on the bundled source catalogue, the queries made from the
knowledge base, the configured ``feeds`` and the sources added by hand. ``monitor =
false`` (or ``web_run_monitor = false``) turns it off. Sources that fail are shown on the
Sources page and retried with backoff; after the first round the server says plainly
which ones it could not reach. With
several workers only the one that takes an exclusive file lock (keyed by the database
URL) runs it, so sources are not polled twice from one machine. On a deployment of
several machines, turn ``web_run_monitor`` off and run ``warrantwatch monitor`` once.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import IO, Any

from warrantwatch.config import Settings
from warrantwatch.kb.service import KnowledgeBase

log = logging.getLogger("warrantwatch.web")


def _lock(settings: Settings) -> IO[str] | None:
    """An exclusive, non-blocking lock for this database's monitor; ``None`` if taken."""
    import fcntl

    key = hashlib.sha256(settings.database_url.encode()).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"warrantwatch-{os.getuid()}"
    folder.mkdir(mode=0o700, exist_ok=True)
    handle = (folder / f"monitor-{key}.lock").open("w")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        return None
    return handle


def _say(message: str) -> None:
    """A plain line on standard error (the server's console), and in the log."""
    print(message, file=sys.stderr, flush=True)
    log.info("%s", message)


class MonitorThread:
    """Start and stop the monitor loop alongside the app."""

    def __init__(self, settings: Settings, kb: KnowledgeBase) -> None:
        self.settings, self.kb = settings, kb
        self.monitor: Any = None
        self.thread: threading.Thread | None = None
        self.lock: IO[str] | None = None
        self.state = "off"

    def start(self) -> str:
        if not self.settings.monitor:
            self.state = "off (monitor is false)"
            return self.state
        if not self.settings.web_run_monitor:
            self.state = "disabled (web_run_monitor is false)"
            return self.state
        self.lock = _lock(self.settings)
        if self.lock is None:
            self.state = "running in another worker"
            return self.state
        from warrantwatch.monitor.service import Monitor

        self.monitor = Monitor(self.settings, engine=self.kb.engine, world=self.kb.world)
        if self.monitor.catalogue_error:
            _say(f"monitor: the source catalogue is not used: {self.monitor.catalogue_error}")
        count = len(self.monitor.sources())
        if count == 0:
            self.state = "no sources (no catalogue, feeds or added sources)"
            self.lock.close()
            self.lock = None
            self.monitor = None
            return self.state
        self.thread = threading.Thread(target=self._run, name="warrantwatch-monitor", daemon=True)
        self.thread.start()
        self.state = f"running ({count} sources)"
        _say(f"monitor: watching {count} sources (see /sources)")
        return self.state

    def _first_round(self, report: Any) -> None:
        failed = report.failed_sources
        if not failed:
            _say(f"monitor: all {report.polled} sources polled reached")
            return
        _say(f"monitor: could not reach {len(failed)} of {report.polled} sources (retried later):")
        for name, error in failed:
            _say(f"  - {name}: {error}")

    def _run(self) -> None:
        try:
            self.monitor.run_forever(on_first_round=self._first_round)
        except Exception:  # keep the site up whatever the monitor does; the log says why
            log.exception("the monitor loop stopped")
            self.state = "stopped after an error (see the log)"

    def stop(self) -> None:
        if self.monitor is not None:
            self.monitor.stop()
        if self.thread is not None:
            self.thread.join(timeout=10)
        if self.lock is not None:
            self.lock.close()
            self.lock = None
