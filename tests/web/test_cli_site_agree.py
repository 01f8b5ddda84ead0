"""The command line and a running site agree: a trip confirmed with ``warrantwatch review
confirm`` while ``serve`` runs in another process is on the site within 5 seconds.

(Before: the site reloaded its in-memory knowledge base only when a change was made
through the site itself, so a trip confirmed with the CLI never showed.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session
from tests.web.seed import seed_reports
from tests.web.test_serve import _free_port

from warrantwatch.config import get_settings
from warrantwatch.kb.service import open_kb
from warrantwatch.monitor.tables import TripRecord


def _wait_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(base + "/api/v1/trips", timeout=5)
            return
        except httpx.TransportError:
            assert proc.poll() is None, proc.stderr.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "serve did not answer within 60 s"
            time.sleep(0.3)


def test_trip_confirmed_on_the_cli_shows_on_the_running_site(cli_env: Path) -> None:
    settings = get_settings()
    kb = open_kb(settings)
    seed_reports(kb, settings)
    with Session(kb.engine) as s:
        trip_id = s.scalars(
            select(TripRecord.id).where(TripRecord.person_id == "vladimir-putin")
        ).one()
    kb.engine.dispose()
    exe = Path(sys.executable).with_name("warrantwatch")
    port = _free_port()
    env = {**os.environ, "WARRANTWATCH_MONITOR": "false"}
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_up(base, proc)
        kb_id = f"vladimir-putin-tj-m{trip_id}"

        def on_site() -> bool:
            items = httpx.get(
                base + "/api/v1/trips?person=vladimir-putin&limit=500", timeout=5
            ).json()["items"]
            return any(t["id"] == kb_id for t in items)

        assert not on_site()
        confirmed = subprocess.run(
            [str(exe), "review", "confirm", str(trip_id), "--by", "alice"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert confirmed.returncode == 0, confirmed.stderr
        t0 = time.monotonic()
        while not on_site():
            assert time.monotonic() - t0 < 5.0, "the confirmed trip is not on the site after 5 s"
            time.sleep(0.2)
        page = httpx.get(base + "/persons/vladimir-putin", timeout=5).text
        assert "2031-10-09" in page or "9 October 2031" in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
