"""Load test: 8 concurrent clients on ``/api/v1/assess`` and on ``/``, req/s and p99.

Starts ``warrantwatch serve`` (2 workers) on a private SQLite database on 127.0.0.1,
then runs 8 client *processes* (so the clients are not serialised by one interpreter's
lock), each sending requests one after another over one keep-alive connection for a
fixed time, and reports requests per second, median and 99th-percentile latency, and
any non-2xx answers. The clients share the machine's cores with the server, as in the
issue's figures (issue 15). ``--src DIR`` serves another source tree (an unpacked older
commit) with the same clients, for a baseline in the same run:

    git archive <commit> src | tar -x -C /tmp/ww-base
    .venv/bin/python benchmarks/web_load.py --src /tmp/ww-base/src
    .venv/bin/python benchmarks/web_load.py
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_bench import ASSESS, pick_data, start_serve

CLIENTS = 8


def client(base: str, path: str, seconds: float, gzip: bool, out: mp.Queue) -> None:  # type: ignore[type-arg]
    headers = {"Accept-Encoding": "gzip"} if gzip else {"Accept-Encoding": "identity"}
    lat: list[float] = []
    errors = 0
    with httpx.Client(base_url=base, timeout=30, headers=headers) as c:
        end = time.perf_counter() + seconds
        while (t0 := time.perf_counter()) < end:
            r = c.get(path)
            lat.append(time.perf_counter() - t0)
            errors += r.status_code >= 300
    out.put((lat, errors))


def run(base: str, path: str, seconds: float, gzip: bool) -> dict[str, float]:
    q: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    procs = [mp.Process(target=client, args=(base, path, seconds, gzip, q)) for _ in range(CLIENTS)]
    for p in procs:
        p.start()
    results = [q.get() for _ in procs]
    for p in procs:
        p.join()
    lat = sorted(x for r, _ in results for x in r)
    return {
        "rps": len(lat) / seconds,
        "p50": statistics.median(lat) * 1000,
        "p99": lat[int(len(lat) * 0.99) - 1] * 1000,
        "errors": float(sum(e for _, e in results)),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=8)
    ap.add_argument("--src", type=Path, help="serve this source tree instead (a baseline)")
    args = ap.parse_args()
    data_dir, data_label = pick_data()
    tmp = Path(tempfile.mkdtemp(prefix="ww-load-"))
    env = {
        **os.environ,
        "WARRANTWATCH_DATABASE_URL": f"sqlite:///{tmp / 'load.sqlite3'}",
        "WARRANTWATCH_FEEDS": "[]",
        "WARRANTWATCH_WEB_RUN_MONITOR": "false",  # the site alone, no polling beside it
    }
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    if data_dir is not None:
        env["WARRANTWATCH_DATA_DIR"] = str(data_dir)
    entry = "from warrantwatch.cli.main import run; run()"
    server, base = start_serve(env, args.workers, [sys.executable, "-c", entry])
    try:
        for path in ("/", ASSESS):  # warm every worker's caches
            for _ in range(20):
                httpx.get(base + path, timeout=10)
        tree = args.src or "this tree"
        print(f"serve --workers {args.workers} from {tree}, {os.cpu_count()} cores, {data_label}")
        print(f"{CLIENTS} client processes, {args.seconds:g} s per endpoint, loopback only\n")
        print(f"{'endpoint':<26}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'non-2xx':>9}")
        for label, path, gz in (("GET /api/v1/assess", ASSESS, False), ("GET / (gzip)", "/", True)):
            r = run(base, path, args.seconds, gz)
            print(f"{label:<26}{r['rps']:>8.0f}{r['p50']:>9.2f}{r['p99']:>9.2f}{r['errors']:>9.0f}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
