"""Latency of the monitor: from a feed item appearing to its alert reaching a webhook.

A local feed server (127.0.0.1) publishes, at random moments, a new item reporting a
trip that binds the host; the monitor runs as it does in production (``run_forever``,
the real scanner, Apprise ``json://`` to a local catcher). For each item we measure the
time from publication to the catcher receiving the alert. The target is at most one
poll interval plus 10 s. Beside it, measured in the same run: the time of one forced
round that finds, fetches, scans, stores and alerts one item (the work without the wait).

    .venv/bin/python benchmarks/monitor_latency.py [--items 4] [--intervals 5 15]

Prints a Markdown table (copied into docs/monitor.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.monitor_service.helpers import LocalServer, Route, page, rss  # noqa: E402

from warrantwatch.config import FeedConfig, Settings  # noqa: E402
from warrantwatch.monitor.service import Monitor  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "data"
BASE = dt.date(2030, 1, 1)


def item(server: LocalServer, n: int) -> dict[str, object]:
    """Item ``n``: a (fictional, far-future) planned trip, 40 days after the previous one."""
    day = BASE + dt.timedelta(days=40 * n)
    text = (
        f"BENCHMARK FIXTURE {n}. Vladimir Putin is expected to travel to Dushanbe on "
        f"{day:%d %B %Y} for a regional summit, officials said."
    )
    path = f"/bench/{n}"
    server.routes[path] = Route(body=page(f"Item {n}", [text]))
    return {"title": f"Item {n}", "link": server.url(path), "date": day - dt.timedelta(days=3)}


def run(interval: int, items: int, workdir: Path) -> tuple[list[float], float]:
    server = LocalServer()
    feed: list[dict[str, object]] = []
    server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
    settings = Settings(
        database_url=f"sqlite:///{workdir / f'latency-{interval}.sqlite3'}",
        data_dir=FIXTURES,
        allow_private_addresses=True,
        feeds=[FeedConfig(url=server.url("/feed"), interval=interval)],
        alert_urls=[f"json://127.0.0.1:{server.port}/hook"],
    )
    monitor = Monitor(settings)
    monitor.run_round()  # first poll: empty feed

    # the work alone: publish, then force a round at once
    feed.insert(0, item(server, 0))
    server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
    t = time.perf_counter()
    assert monitor.run_round(force=True).alerts_sent == 1
    work = time.perf_counter() - t

    thread = threading.Thread(target=monitor.run_forever, daemon=True)
    thread.start()
    latencies: list[float] = []
    rng = random.Random(interval)
    try:
        for n in range(1, items + 1):
            time.sleep(rng.uniform(0, interval))
            before = len(server.posts)
            feed.insert(0, item(server, n))
            published = time.monotonic()
            server.routes["/feed"] = Route(body=rss(feed), content_type="application/rss+xml")
            deadline = published + interval + 60
            while len(server.posts) == before and time.monotonic() < deadline:
                time.sleep(0.02)
            if len(server.posts) == before:
                raise SystemExit(f"no alert for item {n} within {interval + 60} s")
            latencies.append(server.posts[-1][2] - published)
    finally:
        monitor.stop()
        thread.join(timeout=30)
        server.close()
    return latencies, work


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=4)
    ap.add_argument("--intervals", type=int, nargs="+", default=[5, 15])
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for interval in args.intervals:
            lat, work = run(interval, args.items, Path(tmp))
            bound = interval + 10
            rows.append(
                f"| {interval} s | {len(lat)} | {min(lat):.2f} s | {statistics.median(lat):.2f} s "
                f"| {max(lat):.2f} s | {bound} s | {'yes' if max(lat) <= bound else 'NO'} "
                f"| {work:.2f} s |"
            )
    print(
        "| poll interval | items | min | median | max | target (interval + 10 s) | met "
        "| one forced round (work only) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
