"""Server-side sessions: a signed cookie is not enough to stay signed in.

The cookie names the account, its ``session_version`` and a random session id; the
session counts only while a row with that id's digest exists and has not expired.
Signing out deletes the row, so a copied cookie stops working at once; a password
change bumps the version (every session ends) and the browser that made the change
gets a new one. Disabling an account ends its sessions the same way.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warrantwatch.web.accounts import User, user_by_id
from warrantwatch.web.tables import SessionRow, utcnow


def _digest(sid: str) -> str:
    return hashlib.sha256(sid.encode()).hexdigest()


def aware(t: dt.datetime) -> dt.datetime:
    """SQLite gives back naive datetimes for timezone-aware columns: they are UTC."""
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def open_session(db: Session, user_id: int, hours: int) -> str:
    """A new session for ``user_id``; the returned id goes (signed) into the cookie."""
    sid = secrets.token_urlsafe(32)
    now = utcnow()
    db.execute(delete(SessionRow).where(SessionRow.expires < now))  # old ones, by the way
    db.add(
        SessionRow(
            token_hash=_digest(sid),
            user_id=user_id,
            created=now,
            expires=now + dt.timedelta(hours=hours),
        )
    )
    return sid


def session_user(db: Session, user_id: int, version: int, sid: str) -> User | None:
    """The account of a live session, or None (signed out, expired, password changed)."""
    row = db.scalar(select(SessionRow).where(SessionRow.token_hash == _digest(sid)))
    if row is None or row.user_id != user_id or aware(row.expires) <= utcnow():
        return None
    return user_by_id(db, user_id, version)


def close_session(db: Session, sid: str | None) -> None:
    if sid:
        db.execute(delete(SessionRow).where(SessionRow.token_hash == _digest(sid)))
