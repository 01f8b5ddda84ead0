"""Accounts in the browser: your own password and API tokens, and (admins) the users.

Until now accounts were made and changed only with ``warrantwatch user`` and ``token`` on
the server's command line, which an NGO's coordinator may not have. These pages call the
same functions of :mod:`warrantwatch.web.accounts`, so the rules (roles, password length,
hashed tokens, audit rows) are the CLI's. Every form carries the CSRF token; a new API
token is shown once, in the response to the form that made it, never in an address.

Every route here needs a signed-in browser session, never an API token (a leaked token
must not mint another), and making a token or an administrator asks for the password
again (a session left open on a shared computer must not either).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from warrantwatch.web import accounts as acc
from warrantwatch.web.deps import CsrfChecked, DbSession, SessionAdmin, SessionUser
from warrantwatch.web.pages import render, start_session
from warrantwatch.web.params import RowId
from warrantwatch.web.sessions import open_session
from warrantwatch.web.tables import ROLES

router = APIRouter(include_in_schema=False)

SignedIn = SessionUser
Admin = SessionAdmin
Text = Annotated[str, Form(max_length=1000)]


def _account_page(
    request: Request,
    db: Session,
    user: acc.User,
    *,
    notice: str | None = None,
    error: str | None = None,
    new_token: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    tokens = [t for t in acc.list_tokens(db) if t["user"] == user.username]
    ctx = {
        "tokens": tokens,
        "notice": notice,
        "error": error,
        "new_token": new_token,
        "min_password": acc.MIN_PASSWORD,
        "nav": "account",
    }
    return render(request, "account.html", ctx, status=status, **{"Cache-Control": "no-store"})


@router.get("/account", response_class=HTMLResponse)
def account(request: Request, db: DbSession, user: SignedIn, notice: str | None = None) -> Response:
    return _account_page(request, db, user, notice=notice)


@router.post("/account/password", dependencies=[CsrfChecked])
def change_password(
    request: Request,
    db: DbSession,
    user: SignedIn,
    current: Text,
    new: Text,
    repeat: Text,
) -> Response:
    """Your own password; the other sessions of the account end, this one goes on."""
    if acc.authenticate(db, user.username, current) is None:
        db.rollback()
        return _account_page(request, db, user, error="The current password is wrong.", status=400)
    if new != repeat:
        db.rollback()
        return _account_page(request, db, user, error="The two new passwords differ.", status=400)
    try:
        acc.set_password(db, user.username, new, user.username)
    except acc.AccountError as exc:
        db.rollback()
        return _account_page(request, db, user, error=str(exc).capitalize() + ".", status=400)
    row = acc.get_row(db, user.username)
    sid = open_session(db, row.id, request.app.state.settings.web_session_hours)
    db.commit()
    done = RedirectResponse("/account?notice=Password+changed.", status_code=303)
    return start_session(
        request, done, acc.User(row.id, row.username, row.role, row.session_version), sid
    )


@router.post("/account/tokens", dependencies=[CsrfChecked])
def new_token(
    request: Request,
    db: DbSession,
    user: SignedIn,
    name: Annotated[str, Form(max_length=100)],
    password: Text = "",
) -> Response:
    label = name.strip() or "script"
    if not _password_again(db, user, password):
        return _account_page(request, db, user, error=AGAIN, status=403)
    try:
        token = acc.create_token(db, user.username, label, user.username)
    except acc.AccountError as exc:
        db.rollback()
        return _account_page(request, db, user, error=str(exc).capitalize() + ".", status=400)
    db.commit()
    return _account_page(request, db, user, new_token=token)


@router.post("/account/tokens/{token_id}/revoke", dependencies=[CsrfChecked])
def revoke_own_token(request: Request, db: DbSession, user: SignedIn, token_id: RowId) -> Response:
    mine = {t["id"] for t in acc.list_tokens(db) if t["user"] == user.username}
    if token_id not in mine and not user.can("admin"):
        return _account_page(request, db, user, error=f"No token {token_id} of yours.", status=404)
    acc.revoke_token(db, token_id, user.username)
    db.commit()
    back = "/admin/users" if token_id not in mine else "/account"
    return RedirectResponse(f"{back}?notice=Token+{token_id}+revoked.", status_code=303)


AGAIN = "Enter your password again to do this."


def _password_again(db: Session, user: acc.User, password: str) -> bool:
    """Is ``password`` the signed-in user's own? (Nothing else is changed.)"""
    ok = bool(password) and acc.authenticate(db, user.username, password) is not None
    db.rollback()
    return ok


# --- administrators -----------------------------------------------------------------------


def _users_page(
    request: Request,
    db: Session,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    ctx = {
        "users": acc.list_users(db),
        "tokens": acc.list_tokens(db),
        "roles": ROLES,
        "notice": notice,
        "error": error,
        "min_password": acc.MIN_PASSWORD,
        "nav": "users",
    }
    return render(request, "users.html", ctx, status=status, **{"Cache-Control": "no-store"})


@router.get("/admin/users", response_class=HTMLResponse)
def users(request: Request, db: DbSession, user: Admin, notice: str | None = None) -> Response:
    return _users_page(request, db, notice=notice)


def _admin_change(request: Request, db: Session, change: Any, done: str) -> Response:
    """Run one account change; a refusal re-shows the page with the reason (400)."""
    try:
        change()
    except acc.AccountError as exc:
        db.rollback()
        return _users_page(request, db, error=str(exc).capitalize() + ".", status=400)
    db.commit()
    return RedirectResponse(f"/admin/users?notice={done.replace(' ', '+')}", status_code=303)


@router.post("/admin/users", dependencies=[CsrfChecked])
def add_user(
    request: Request,
    db: DbSession,
    user: Admin,
    username: Annotated[str, Form(max_length=80)],
    password: Text,
    role: Annotated[str, Form(max_length=20)] = "viewer",
    your_password: Text = "",
) -> Response:
    name = username.strip()
    if role == "admin" and not _password_again(db, user, your_password):
        return _users_page(request, db, error=AGAIN, status=403)
    return _admin_change(
        request,
        db,
        lambda: acc.add_user(db, name, password, role, user.username),
        f"User {name} added.",
    )


@router.post("/admin/users/{username}/{action}", dependencies=[CsrfChecked])
def change_user(
    request: Request,
    db: DbSession,
    user: Admin,
    username: str,
    action: str,
    role: Annotated[str, Form(max_length=20)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    your_password: Annotated[str, Form(max_length=1000)] = "",
) -> Response:
    """Role, password, disable, enable. Not your own role or access: an administrator
    who demotes or locks out themselves may leave the site without one. Making someone
    an administrator asks for your password again."""
    if action == "role" and role == "admin" and not _password_again(db, user, your_password):
        return _users_page(request, db, error=AGAIN, status=403)
    if username == user.username and action in ("role", "disable"):
        return _users_page(
            request,
            db,
            error="Change your own role or access from another administrator's account.",
            status=400,
        )
    changes = {
        "role": (lambda: acc.set_role(db, username, role, user.username), "role set"),
        "password": (
            lambda: acc.set_password(db, username, password, user.username),
            "password set; their sessions ended",
        ),
        "disable": (lambda: acc.set_disabled(db, username, True, user.username), "disabled"),
        "enable": (lambda: acc.set_disabled(db, username, False, user.username), "enabled"),
    }
    if action not in changes:
        return _users_page(request, db, error=f"Unknown change {action!r}.", status=404)
    change, done = changes[action]
    return _admin_change(request, db, change, f"{username}: {done}.")
