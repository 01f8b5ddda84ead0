"""``warrantwatch serve`` brings the site up on the embedded database, as a user runs it."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_starts_the_site(cli_env: Path) -> None:
    port = _free_port()
    exe = Path(sys.executable).with_name("warrantwatch")
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--log-level", "warning"],
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(base + "/", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "serve did not answer within 60 s"
                time.sleep(0.3)
        assert r.status_code == 200 and 'class="worldmap"' in r.text
        a = httpx.get(base + "/api/v1/assess?person=putin&state=TJ&on=2025-10-09", timeout=5)
        assert a.json()["duty"] == "binding"
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_rejects_a_bad_port(cli_env: Path) -> None:
    from typer.testing import CliRunner

    from warrantwatch.cli.main import app

    r = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert r.exit_code == 2 and "Traceback" not in r.output
