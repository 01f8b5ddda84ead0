"""Slowing password guessing, by account and by address, without locking anyone out long.

Each wrong password is counted against the account's key (``user:NAME``) and the
client address's key (``addr:IP``) within a window (``web_login_window_minutes``).
Once a key has ``web_login_attempts`` failures (four times as many for an address, which
several people behind one office router may share), sign-in under that key waits: 30 s
after the first failure over the limit, doubling with each further one, never more than
the window. The wait ends by itself; a right password afterwards clears the account's
count. So an attacker gets a handful of guesses per window instead of thousands, and the
real user, at worst, waits a few minutes rather than being locked out until an admin acts.
The counts live in the database, so every web worker shares them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from warrantwatch.web.sessions import aware
from warrantwatch.web.tables import LoginFailureRow, utcnow

FIRST_WAIT = 30.0
ADDRESS_FACTOR = 4


@dataclass(frozen=True)
class LoginThrottle:
    attempts: int = 5
    window_minutes: int = 15

    @property
    def window(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.window_minutes)

    @staticmethod
    def keys(username: str, address: str | None) -> list[str]:
        return [f"user:{username.strip().lower()[:150]}", f"addr:{address or 'unknown'}"]

    def _limit(self, key: str) -> int:
        return self.attempts * (ADDRESS_FACTOR if key.startswith("addr:") else 1)

    def wait_seconds(self, db: Session, keys: list[str]) -> int:
        """How long sign-in under any of ``keys`` must still wait (0: go ahead)."""
        now = utcnow()
        wait = 0.0
        for key in keys:
            row = db.get(LoginFailureRow, key)
            if row is not None and row.wait_until is not None:
                wait = max(wait, (aware(row.wait_until) - now).total_seconds())
        return int(wait + 0.999) if wait > 0 else 0

    def failed(self, db: Session, keys: list[str]) -> None:
        """Count one wrong password against every key; start or lengthen their wait."""
        now = utcnow()
        for key in keys:
            row = db.get(LoginFailureRow, key)
            if row is None or aware(row.first_at) + self.window <= now:
                if row is not None:
                    db.delete(row)
                    db.flush()
                row = LoginFailureRow(key=key, failures=0, first_at=now, wait_until=None)
                db.add(row)
            row.failures += 1
            over = row.failures - self._limit(key)
            if over >= 0:
                seconds = min(FIRST_WAIT * 2 ** min(over, 20), self.window.total_seconds())
                row.wait_until = now + dt.timedelta(seconds=seconds)

    def succeeded(self, db: Session, username: str) -> None:
        db.execute(delete(LoginFailureRow).where(LoginFailureRow.key == self.keys(username, "")[0]))

    @classmethod
    def from_settings(cls, settings: object) -> LoginThrottle:
        return cls(
            attempts=getattr(settings, "web_login_attempts", 5),
            window_minutes=getattr(settings, "web_login_window_minutes", 15),
        )
