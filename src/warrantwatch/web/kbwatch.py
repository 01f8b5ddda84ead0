"""Keeping every worker's in-memory knowledge base current after a review changes it.

A confirmed trip is written to the database by the monitor's review API; the World
each worker holds in memory does not see it until it reloads. The worker that made
the change reloads at once and bumps a generation counter in the ``meta`` table;
the others look at that counter at most every ``interval`` seconds and reload when it
moved. The review API itself bumps ``kb_generation`` in the transaction that changes
the knowledge base, so a change made from the command line (``warrantwatch review
confirm``) or by another program is seen too, and so is a data reload (``loaded_at``):
before, only changes made through the site moved the counter, and a trip confirmed
with the CLI never appeared on a running site.
"""

from __future__ import annotations

import threading
import time

from sqlalchemy.orm import Session

from warrantwatch.kb.database import get_meta, set_meta
from warrantwatch.kb.service import KnowledgeBase

KEY = "web_kb_generation"
#: Every meta key whose change means the knowledge base changed.
WATCHED = (KEY, "kb_generation", "loaded_at")


class KbWatch:
    def __init__(self, kb: KnowledgeBase, interval: float = 2.0) -> None:
        self.kb = kb
        self.interval = interval
        self._lock = threading.Lock()
        self._checked = time.monotonic()
        self._generation = self._read()

    def _read(self) -> tuple[str | None, ...]:
        with Session(self.kb.engine) as s:
            return tuple(get_meta(s, k) for k in WATCHED)

    def changed(self) -> None:
        """Call after writing to the knowledge base: reload here, tell the other workers."""
        with Session(self.kb.engine) as s, s.begin():
            set_meta(s, KEY, str(int(get_meta(s, KEY) or 0) + 1))
        with self._lock:
            self.kb.reload()
            self._generation = self._read()
            self._checked = time.monotonic()

    def maybe_reload(self) -> None:
        """Cheap when called on every request: a database look at most every ``interval``."""
        now = time.monotonic()
        if now - self._checked < self.interval:
            return
        with self._lock:
            if now - self._checked < self.interval:
                return
            self._checked = now
            gen = self._read()
            if gen != self._generation:
                self.kb.reload()
                self._generation = gen
