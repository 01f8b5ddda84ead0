"""Accounts, roles and tokens, through the library and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from warrantwatch.cli.main import app as cli
from warrantwatch.kb.service import KnowledgeBase
from warrantwatch.web import accounts as acc
from warrantwatch.web.tables import ApiTokenRow, UserRow


def test_tables_exist(web_kb: KnowledgeBase) -> None:
    names = set(inspect(web_kb.engine).get_table_names())
    assert {"web_users", "web_api_tokens", "web_audit"} <= names


def test_passwords_are_argon2_and_roles_are_ordered(web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        u = acc.add_user(s, "ada", "a long enough password", "editor", "test")
        stored = s.scalar(select(UserRow.password_hash).where(UserRow.username == "ada"))
        assert stored and stored.startswith("$argon2id$") and "a long enough" not in stored
    assert u.can("viewer") and u.can("editor") and not u.can("admin")
    with Session(web_kb.engine) as s, s.begin():
        assert acc.authenticate(s, "ada", "a long enough password") is not None
        assert acc.authenticate(s, "ada", "wrong password!!") is None
        assert acc.authenticate(s, "nobody", "a long enough password") is None


@pytest.mark.parametrize(
    ("name", "password", "role", "message"),
    [
        ("ada", "short", "viewer", "too short"),
        ("ada", "a long enough password", "boss", "unknown role"),
        ("a b", "a long enough password", "viewer", "bad user name"),
    ],
)
def test_bad_accounts_are_refused(
    web_kb: KnowledgeBase, name: str, password: str, role: str, message: str
) -> None:
    with Session(web_kb.engine) as s, pytest.raises(acc.AccountError, match=message):
        acc.add_user(s, name, password, role, "test")


def test_tokens_are_stored_hashed_and_disabling_ends_access(web_kb: KnowledgeBase) -> None:
    with Session(web_kb.engine) as s, s.begin():
        acc.add_user(s, "bot", "a long enough password", "viewer", "test")
        token = acc.create_token(s, "bot", "nightly", "test")
    with Session(web_kb.engine) as s, s.begin():
        assert token not in {r.token_hash for r in s.scalars(select(ApiTokenRow))}
        assert acc.user_for_token(s, token) is not None
        acc.set_disabled(s, "bot", True, "test")
    with Session(web_kb.engine) as s:
        assert acc.user_for_token(s, token) is None
        actions = [r["action"] for r in acc.audit_rows(s)]
        assert actions[:3] == ["user.disable", "token.create", "user.add"]


def test_cli_user_and_token(cli_env: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        cli,
        ["user", "add", "edna", "--role", "editor", "--password-stdin"],
        input="correct horse battery\n",
    )
    assert r.exit_code == 0, r.output
    assert "added edna (editor)" in r.output
    listed = runner.invoke(cli, ["user", "list"])
    assert "edna\teditor" in listed.output
    tok = runner.invoke(cli, ["token", "create", "edna", "--name", "ci"])
    assert tok.exit_code == 0 and tok.stdout.strip().startswith("ww_")
    assert "ci" in runner.invoke(cli, ["token", "list"]).output
    dup = runner.invoke(
        cli, ["user", "add", "edna", "--password-stdin"], input="correct horse battery\n"
    )
    assert dup.exit_code == 2 and "already exists" in dup.output
    bad = runner.invoke(cli, ["user", "set-role", "edna", "boss"])
    assert bad.exit_code == 2 and "unknown role" in bad.output and "Traceback" not in bad.output
    missing = runner.invoke(cli, ["token", "create", "nobody"])
    assert missing.exit_code == 2 and "no user 'nobody'" in missing.output
