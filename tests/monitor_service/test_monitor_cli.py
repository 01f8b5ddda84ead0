"""The monitor service's commands as a user types them: bad input, status, backfill."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warrantwatch.cli.main import app

runner = CliRunner()

ARCHIVE_LINES = [
    {
        "url": "https://archive.example/1",
        "published": "2025-10-06",
        "language": "en",
        "text": "TEST FIXTURE. Vladimir Putin is expected to travel to Dushanbe on 9 October "
        "2025 for a regional summit, officials said.",
    },
    {"url": "https://archive.example/2", "text": "TEST FIXTURE. Nothing about any journey."},
]


def ww(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in ARCHIVE_LINES) + "\n", encoding="utf-8")
    return path


def test_monitor_without_feeds(cli_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARRANTWATCH_CONFIG", "/nonexistent.toml")
    code, _, err = ww("monitor", "--once")
    assert code == 2 and "no sources to watch" in err


def test_monitor_status(cli_env: Path) -> None:
    code, out, _ = ww("monitor", "--status")
    assert code == 0
    status = json.loads(out)
    assert status["alerts"] == {"queued": 0, "delivered": 0, "waiting": 0}
    assert status["feeds"] == [] and status["trips_pending_review"] == 0


def test_review_bad_input(cli_env: Path) -> None:
    code, _, err = ww("review", "show", "12")
    assert code == 2 and "no trip #12" in err
    code, _, err = ww("review", "list", "--format", "yaml")
    assert code == 2 and "unknown format" in err
    code, _, err = ww("review", "reject", "1", "--editor", "a")
    assert code == 2 and "reason" in err.lower()
    code, out, _ = ww("review", "list")
    assert code == 0 and "0 trips awaiting review" in out


def test_backfill_local_then_review(cli_env: Path, archive: Path) -> None:
    code, out, err = ww("backfill", str(archive), "--workers", "1")
    assert code == 0, err
    assert "2 documents read" in out and "1 new trips" in out and "0 alerts queued" in out
    code, out, _ = ww("review", "list", "--format", "json")
    [trip] = json.loads(out)
    assert (trip["person"], trip["destination"], trip["start_date"]) == (
        "vladimir-putin",
        "TJ",
        "2025-10-09",
    )
    code, out, _ = ww("backfill", str(archive), "--workers", "1")
    assert code == 0 and "2 already stored" in out


def test_backfill_on_a_dask_scheduler(cli_env: Path, archive: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        code, out, err = ww("backfill", str(archive), "--scheduler", cluster.scheduler_address)
    assert code == 0, err
    assert "1 new trips" in out


def test_backfill_bad_input(cli_env: Path, tmp_path: Path) -> None:
    code, _, err = ww("backfill", str(tmp_path / "missing.jsonl"))
    assert code == 2 and "no such file" in err
    (tmp_path / "x.txt").write_text("x")
    code, _, err = ww("backfill", str(tmp_path / "x.txt"))
    assert code == 2 and "unknown archive type" in err
    code, _, err = ww("backfill", str(tmp_path / "x.txt"), "--scheduler", "localhost:8786")
    assert code == 2 and "tcp://HOST:PORT" in err


def test_review_names_match_the_api_and_docs(cli_env: Path, archive: Path) -> None:
    """`--by` says who and `--reason` says why, as in `user ...` and the API's `reason`;
    the old `--editor` and `--note` still work but are no longer offered in the help."""
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from warrantwatch.monitor.tables import AuditEntry

    code, _, err = ww("backfill", str(archive), "--workers", "1")
    assert code == 0, err
    [trip] = json.loads(ww("review", "list", "--format", "json")[1])
    code, _, err = ww("review", "confirm", str(trip["id"]))
    assert code == 2 and "--by NAME" in err
    code, out, err = ww(
        "review", "confirm", str(trip["id"]), "--by", "alice", "--reason", "two wires"
    )
    assert code == 0, err
    code, _, err = ww("review", "reject", str(trip["id"]), "--editor", "bob", "--reason", "wrong")
    assert code == 0, err  # the old name, kept as a hidden alias
    with Session(create_engine(f"sqlite:///{cli_env}")) as s:
        rows = [(r.editor, r.action, r.reason) for r in s.scalars(select(AuditEntry))]
    assert ("alice", "confirm", "two wires") in rows and ("bob", "reject", "wrong") in rows
    for cmd in ("confirm", "correct", "reject", "reject-event"):
        code, out, _ = ww("review", cmd, "--help")
        assert "--by" in out and "--editor" not in out and "--note" not in out


def test_every_audited_command_takes_by(cli_env: Path) -> None:
    """The record's editors' commands (`edit`, `watch`) name the person `--by` too."""
    for cmd in (("edit", "add"), ("edit", "correct"), ("watch", "accept"), ("watch", "reject")):
        code, out, _ = ww(*cmd, "--help")
        assert code == 0 and "--by" in out, cmd
