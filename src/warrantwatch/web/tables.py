"""Database tables of the web layer: accounts, API tokens and the account audit trail.

Passwords are stored only as argon2 hashes and API tokens only as SHA-256 digests
(tokens are 32 random bytes, so a fast hash is enough and keeps every API call cheap).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from warrantwatch.kb.tables import Base

ROLES = ("viewer", "editor", "admin")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UserRow(Base):
    __tablename__ = "web_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_login: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    #: bumped on password change or disabling: sessions signed for an older value end
    session_version: Mapped[int] = mapped_column(Integer, default=1)


class ApiTokenRow(Base):
    __tablename__ = "web_api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class WebAuditRow(Base):
    """Who changed what and when, for changes made through the web layer or its CLI."""

    __tablename__ = "web_audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    note: Mapped[str | None] = mapped_column(Text)


class SessionRow(Base):
    """One signed-in browser. The cookie carries a random id whose digest is stored here,
    so signing out (or a password change) ends a session even if its cookie was copied."""

    __tablename__ = "web_sessions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("web_users.id", ondelete="CASCADE"), index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class LoginFailureRow(Base):
    """Recent wrong passwords for one account (``user:NAME``) or address (``addr:IP``)."""

    __tablename__ = "web_login_failures"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    wait_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
