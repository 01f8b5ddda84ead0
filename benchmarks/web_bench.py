"""Throughput and latency of the web site, next to a static file from the same server.

Starts ``warrantwatch serve`` on a private SQLite database (the bundled data when it
passes its checks, else the test fixtures, said in the output) on 127.0.0.1, then
drives it with ``wrk`` (Debian package) over loopback only, for a fixed time per run:

    .venv/bin/python benchmarks/web_bench.py [--workers 2] [--seconds 8]

Rows: the static file (the floor: what the server costs with no work of ours), the
assess API, and the home page (gzip, as browsers ask). Targets on 2 cores: assess
>= 1,000 req/s with a median under 5 ms; home page under 100 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "data"
ASSESS = "/api/v1/assess?person=vladimir-putin&state=TJ&on=2025-10-09"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pick_data() -> tuple[Path | None, str]:
    from warrantwatch.kb.checks import check
    from warrantwatch.kb.files import bundled_data_dir, read_data_dir

    if check(read_data_dir(bundled_data_dir())).ok:
        return None, "bundled data"
    return FIXTURES, "test fixture data (the bundled data does not pass its checks yet)"


def wrk(url: str, seconds: int, conns: int, gzip: bool) -> dict[str, float]:
    cmd = ["wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "--latency", url]
    if gzip:
        cmd[1:1] = ["-H", "Accept-Encoding: gzip"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        v, unit = float(m[1]), m[2]
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])  # type: ignore[index]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": ms("50%"),
        "p99": ms("99%"),
        "errors": float(errors[1]) if errors else 0.0,
    }


def start_serve(
    env: dict[str, str], workers: int, argv0: list[str] | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """``warrantwatch serve`` on a free loopback port, once it answers; and its address.
    ``argv0``: the command that runs the CLI (default: the venv's ``warrantwatch``)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cli = argv0 or [str(Path(sys.executable).with_name("warrantwatch"))]
    server = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--workers", str(workers), "--log-level", "warning"],
        env=env,
    )
    deadline = time.monotonic() + 120
    while True:
        try:
            if httpx.get(base + "/static/favicon.svg", timeout=2).status_code == 200:
                return server, base
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            sys.exit("the server did not start")
        time.sleep(0.3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=int, default=8)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk not found: apt-get install wrk")
    data_dir, data_label = pick_data()
    tmp = Path(tempfile.mkdtemp(prefix="ww-bench-"))
    env = {
        **os.environ,
        "WARRANTWATCH_DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "WARRANTWATCH_FEEDS": "[]",
    }
    if data_dir is not None:
        env["WARRANTWATCH_DATA_DIR"] = str(data_dir)
    server, base = start_serve(env, args.workers)
    try:
        for path in ("/", ASSESS, "/static/favicon.svg"):  # warm every worker's caches
            for _ in range(20):
                httpx.get(base + path, timeout=10)
        cores = os.cpu_count()
        print(f"warrantwatch serve --workers {args.workers} on {cores} cores, {data_label}")
        print(f"wrk -t1, {args.seconds} s per run, loopback only\n")
        print(f"{'endpoint':<34}{'conns':>6}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
        rows = [
            ("static file (floor)", "/static/favicon.svg", False),
            ("GET /api/v1/assess", ASSESS, False),
            ("GET / (home, gzip)", "/", True),
        ]
        for conns in (1, 8):
            for label, path, gz in rows:
                r = wrk(base + path, args.seconds, conns, gz)
                print(
                    f"{label:<34}{conns:>6}{r['rps']:>10.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}"
                    f"{r['errors']:>9.0f}"
                )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
