"""CLI commands of the web layer: ``serve``, ``user ...`` and ``token ...``.

Heavy imports stay inside the command functions so that `warrantwatch assess` starts fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

user_app = typer.Typer(
    help="Accounts for the web site (viewer, editor, admin).", no_args_is_help=True
)
token_app = typer.Typer(help="API tokens for scripts.", no_args_is_help=True)

RoleOpt = Annotated[str, typer.Option("--role", "-r", help="viewer, editor or admin.")]
ActorOpt = Annotated[
    str, typer.Option("--by", help="Who is making the change (for the audit log).")
]


def _session():  # type: ignore[no-untyped-def]
    from sqlalchemy.orm import Session

    from warrantwatch.cli.main import kb

    return Session(kb().engine, expire_on_commit=False)


def _do(fn, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run one account operation in a transaction; bad input is one line, exit 2."""
    from warrantwatch.cli.main import fail
    from warrantwatch.web.accounts import AccountError

    with _session() as s:
        try:
            out = fn(s, *args, **kwargs)
            s.commit()
            return out
        except AccountError as exc:
            s.rollback()
            fail(str(exc))


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


@user_app.command("add")
def user_add(
    username: Annotated[str, typer.Argument(help="Sign-in name.")],
    role: RoleOpt = "viewer",
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    by: ActorOpt = "cli",
) -> None:
    """Create an account; the password is asked for twice (or read from stdin)."""
    from warrantwatch.web.accounts import add_user

    password = _read_password(password_stdin)
    user = _do(add_user, username, password, role, by)
    typer.echo(f"added {user.username} ({user.role})")


@user_app.command("list")
def user_list() -> None:
    """Every account with its role and last sign-in."""
    from warrantwatch.web.accounts import list_users

    rows = _do(list_users)
    if not rows:
        typer.echo("no accounts yet; add one with 'warrantwatch user add NAME --role admin'")
    for r in rows:
        state = " (disabled)" if r["disabled"] else ""
        typer.echo(f"{r['username']}\t{r['role']}{state}\tlast sign-in: {r['last_login'] or '-'}")


@user_app.command("set-role")
def user_set_role(
    username: str, role: Annotated[str, typer.Argument()], by: ActorOpt = "cli"
) -> None:
    """Change an account's role."""
    from warrantwatch.web.accounts import set_role

    _do(set_role, username, role, by)
    typer.echo(f"{username} is now {role}")


@user_app.command("password")
def user_password(
    username: str,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    by: ActorOpt = "cli",
) -> None:
    """Set a new password (signs the account out everywhere)."""
    from warrantwatch.web.accounts import set_password

    _do(set_password, username, _read_password(password_stdin), by)
    typer.echo(f"password of {username} changed")


@user_app.command("disable")
def user_disable(username: str, by: ActorOpt = "cli") -> None:
    """Disable an account: its sessions and tokens stop working at once."""
    from warrantwatch.web.accounts import set_disabled

    _do(set_disabled, username, True, by)
    typer.echo(f"{username} disabled")


@user_app.command("enable")
def user_enable(username: str, by: ActorOpt = "cli") -> None:
    """Enable a disabled account again."""
    from warrantwatch.web.accounts import set_disabled

    _do(set_disabled, username, False, by)
    typer.echo(f"{username} enabled")


@token_app.command("create")
def token_create(
    username: Annotated[str, typer.Argument(help="Account the token acts as.")],
    name: Annotated[str, typer.Option("--name", "-n", help="What the token is for.")] = "script",
    by: ActorOpt = "cli",
) -> None:
    """Make an API token; it is printed once and stored only as a hash."""
    from warrantwatch.web.accounts import create_token

    token = _do(create_token, username, name, by)
    typer.echo(token)
    typer.echo("store it now: it cannot be shown again", err=True)


@token_app.command("list")
def token_list() -> None:
    """Every token: id, account, name, last use (never the token itself)."""
    from warrantwatch.web.accounts import list_tokens

    for t in _do(list_tokens):
        state = " (revoked)" if t["revoked"] else ""
        typer.echo(
            f"{t['id']}\t{t['user']}\t{t['name']}{state}\tlast used: {t['last_used'] or '-'}"
        )


@token_app.command("revoke")
def token_revoke(token_id: int, by: ActorOpt = "cli") -> None:
    """Revoke a token by its id (see 'token list')."""
    from warrantwatch.web.accounts import revoke_token

    _do(revoke_token, token_id, by)
    typer.echo(f"token {token_id} revoked")


def register(app: typer.Typer) -> None:
    """Add this layer's commands to ``app``."""
    app.add_typer(user_app, name="user")
    app.add_typer(token_app, name="token")

    @app.command()
    def serve(
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
        workers: Annotated[
            int, typer.Option(help="Worker processes (use PostgreSQL for more than one).", min=1)
        ] = 1,
        proxy_headers: Annotated[
            bool,
            typer.Option(help="Trust X-Forwarded-* from a reverse proxy on this machine."),
        ] = False,
        log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    ) -> None:
        """Run the web site and JSON API (and the news monitor, when feeds are configured)."""
        import uvicorn

        from warrantwatch.cli.main import kb

        base = kb()  # build the database once, before any worker starts, and fail early
        base.engine.dispose()
        typer.echo(f"Warrant Watch on http://{host}:{port}/ (API docs: /api/v1/docs)", err=True)
        uvicorn.run(
            "warrantwatch.web.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            proxy_headers=proxy_headers,
            log_level=log_level,
        )
