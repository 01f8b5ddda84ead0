"""Accounts, roles and API tokens: the only code that touches password hashes and tokens.

Roles are ordered: a ``viewer`` reads, an ``editor`` also reviews detected events, an
``admin`` also manages accounts. Passwords are hashed with argon2id (argon2-cffi's
defaults); API tokens are ``ww_`` plus 32 random bytes, shown once and stored as a
SHA-256 digest. Every change is written to the audit trail with who made it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from warrantwatch.web.tables import ROLES, ApiTokenRow, SessionRow, UserRow, WebAuditRow, utcnow

_hasher = PasswordHasher()
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{1,79}$")
MIN_PASSWORD = 10
#: A hash to verify against when the user does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class AccountError(ValueError):
    """Bad input for an account operation; the message is meant for the user."""


@dataclass(frozen=True, slots=True)
class User:
    """A signed-in account as the pages and API see it (never the hash)."""

    id: int
    username: str
    role: str
    session_version: int = 1

    def can(self, role: str) -> bool:
        """Does this account hold ``role`` or a higher one?"""
        return ROLES.index(self.role) >= ROLES.index(role)


def _user(row: UserRow) -> User:
    return User(row.id, row.username, row.role, row.session_version)


def audit(
    session: Session, actor: str, action: str, target: str, note: str | None = None, **detail: Any
) -> None:
    session.add(WebAuditRow(actor=actor, action=action, target=target, detail=detail, note=note))


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"password too short: at least {MIN_PASSWORD} characters")


def add_user(session: Session, username: str, password: str, role: str, actor: str) -> User:
    if not USERNAME.match(username):
        raise AccountError(
            f"bad user name {username!r}: 2-80 letters, digits or . _ @ -, starting with a letter "
            "or digit"
        )
    check_role(role)
    check_password(password)
    if session.scalar(select(UserRow).where(UserRow.username == username)) is not None:
        raise AccountError(f"user {username!r} already exists")
    row = UserRow(
        username=username,
        password_hash=_hasher.hash(password),
        role=role,
        disabled=False,
        session_version=1,
        created=utcnow(),
    )
    session.add(row)
    session.flush()
    audit(session, actor, "user.add", username, role=role)
    return _user(row)


def get_row(session: Session, username: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    if row is None:
        names = session.scalars(select(UserRow.username).order_by(UserRow.username)).all()
        known = f"; known: {', '.join(names)}" if names else "; no accounts yet"
        raise AccountError(f"no user {username!r}{known}")
    return row


def list_users(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(UserRow).order_by(UserRow.username)).all()
    return [
        {
            "username": r.username,
            "role": r.role,
            "disabled": r.disabled,
            "created": r.created.isoformat() if r.created else None,
            "last_login": r.last_login.isoformat() if r.last_login else None,
        }
        for r in rows
    ]


def set_role(session: Session, username: str, role: str, actor: str) -> None:
    row = get_row(session, username)
    old = row.role
    row.role = check_role(role)
    audit(session, actor, "user.role", username, old=old, new=role)


def end_sessions(session: Session, row: UserRow) -> None:
    """Sign the account out everywhere: old cookies fail the version check, and their
    server-side session rows are gone."""
    row.session_version += 1
    session.execute(delete(SessionRow).where(SessionRow.user_id == row.id))


def set_password(session: Session, username: str, password: str, actor: str) -> None:
    check_password(password)
    row = get_row(session, username)
    row.password_hash = _hasher.hash(password)
    end_sessions(session, row)
    audit(session, actor, "user.password", username)


def set_disabled(session: Session, username: str, disabled: bool, actor: str) -> None:
    row = get_row(session, username)
    row.disabled = disabled
    end_sessions(session, row)
    audit(session, actor, "user.disable" if disabled else "user.enable", username)


def authenticate(session: Session, username: str, password: str) -> User | None:
    """The account if the password is right and it is enabled; ``None`` otherwise."""
    row = session.scalar(select(UserRow).where(UserRow.username == username))
    if row is None:
        with contextlib.suppress(VerificationError):
            _hasher.verify(_DUMMY_HASH, password)
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row.disabled:
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        row.password_hash = _hasher.hash(password)
    row.last_login = utcnow()
    return _user(row)


def user_by_id(session: Session, user_id: int, version: int) -> User | None:
    row = session.get(UserRow, user_id)
    if row is None or row.disabled or row.session_version != version:
        return None
    return _user(row)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, username: str, name: str, actor: str) -> str:
    """A new API token for ``username``; the only time its clear text exists."""
    row = get_row(session, username)
    if row.disabled:
        raise AccountError(f"user {username!r} is disabled")
    token = "ww_" + secrets.token_urlsafe(32)
    session.add(ApiTokenRow(user_id=row.id, name=name, token_hash=_digest(token), revoked=False))
    audit(session, actor, "token.create", username, name=name)
    return token


def list_tokens(session: Session) -> list[dict[str, Any]]:
    q = select(ApiTokenRow, UserRow.username).join(UserRow).order_by(ApiTokenRow.id)
    return [
        {
            "id": t.id,
            "user": u,
            "name": t.name,
            "created": t.created.isoformat() if t.created else None,
            "last_used": t.last_used.isoformat() if t.last_used else None,
            "revoked": t.revoked,
        }
        for t, u in session.execute(q).all()
    ]


def revoke_token(session: Session, token_id: int, actor: str) -> None:
    row = session.get(ApiTokenRow, token_id)
    if row is None:
        raise AccountError(f"no token with id {token_id}")
    row.revoked = True
    audit(session, actor, "token.revoke", str(token_id), name=row.name)


def user_for_token(session: Session, token: str) -> User | None:
    if not token.startswith("ww_"):
        return None
    found = session.execute(
        select(ApiTokenRow, UserRow)
        .join(UserRow)
        .where(ApiTokenRow.token_hash == _digest(token), ApiTokenRow.revoked.is_(False))
    ).first()
    if found is None:
        return None
    tok, row = found
    if row.disabled:
        return None
    tok.last_used = utcnow()
    return _user(row)


def audit_rows(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    rows = session.scalars(select(WebAuditRow).order_by(WebAuditRow.id.desc()).limit(limit)).all()
    return [
        {
            "at": r.at,
            "actor": r.actor,
            "action": r.action,
            "target": r.target,
            "detail": r.detail,
            "note": r.note,
        }
        for r in rows
    ]
