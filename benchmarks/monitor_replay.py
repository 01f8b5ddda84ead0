"""Replay benchmark: the monitor from fetch to alert on a set of articles, in publication order.

A local server (127.0.0.1) publishes the articles day by day, spread over the four source
kinds the monitor reads beside pages: an RSS feed, a Google News RSS result, a GDELT
ArtList JSON answer and a Telegram channel preview (each article's page is served as
plain text). After each day's items appear the monitor runs one round (the real scanner,
the bundled knowledge base, its clock at that day) and delivers through an Apprise
``json://`` target to a local receiver. Reported:

- alerts per true trip to a bound state (target: exactly one, plus one per real change of
  status or date), trips already in the knowledge base and alerted anyway, spurious alerts
  (no article reports that trip; target: at most 5 % of alerts);
- time from an item appearing in its source to its alert reaching the receiver (the
  round is started at once here, so this is the work; live, add up to one poll interval);
- what each source kind costs per poll (wall time of the fetch and parse).

Articles: the real-news manifest ``benchmarks/realnews/manifest/*.jsonl`` with the texts in
``benchmarks/realnews/texts/`` (git-ignored; see its README) when present, otherwise a small
fictional set written here. The output says which one it used.

    .venv/bin/python benchmarks/monitor_replay.py [--realnews DIR] [--limit N] [--all]

Only the development part of the real-news set is replayed by default: the alerts it
prints show what the scanner read, and the held-aside fifth must stay unread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.real_news import held_out  # noqa: E402  (the README's held-aside rule)
from tests.monitor_service.helpers import LocalServer, Route, rss  # noqa: E402
from tests.monitor_service.sourcedocs import (  # noqa: E402
    gdelt_artlist,
    google_news_rss,
    telegram_preview,
)

from warrantwatch.config import FeedConfig, Settings  # noqa: E402
from warrantwatch.monitor.service import Monitor  # noqa: E402

KINDS = ("feed", "google_news", "gdelt", "telegram")

FICTIONAL = [  # our own texts, about invented future trips (dates far ahead)
    ("fx-1", "en", "2031-03-01", "Vladimir Putin will travel to Mongolia on 20 March 2031 for "
     "talks in Ulaanbaatar, the Kremlin said on Saturday.",
     [("vladimir-putin", "MN", "planned", "2031-03-20")]),
    ("fx-2", "en", "2031-03-02", "The Mongolian foreign ministry confirmed that Vladimir Putin "
     "will visit Ulaanbaatar on 20 March 2031.",
     [("vladimir-putin", "MN", "planned", "2031-03-20")]),
    ("fx-3", "fr", "2031-03-03", "Vladimir Poutine se rendra en Mongolie le 20 mars 2031, a "
     "annoncé le Kremlin.", [("vladimir-putin", "MN", "planned", "2031-03-20")]),
    ("fx-4", "en", "2031-03-21", "Vladimir Putin arrived in Ulaanbaatar on 20 March 2031 and "
     "was not arrested.", [("vladimir-putin", "MN", "occurred", "2031-03-20")]),
    ("fx-5", "en", "2031-03-22", "Analysts recalled that Vladimir Putin visited Mongolia in "
     "September 2024.", []),
    ("fx-6", "en", "2031-03-23", "The weather in Ulaanbaatar was cold this week.", []),
]  # fmt: skip


def load_articles(
    realnews: Path, limit: int | None, everything: bool = False, skip: tuple[str, ...] = ()
) -> tuple[str, list[dict[str, Any]]]:
    rows: list[dict[str, Any]] = []
    manifest = [p for p in sorted((realnews / "manifest").glob("*.jsonl")) if p.stem not in skip]
    texts = realnews / "texts"
    for path in manifest:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            if not everything and held_out(r["url"]):
                continue
            t = texts / f"{r['id']}.txt"
            if r.get("published") and t.is_file():
                r["text"] = t.read_text(encoding="utf-8")
                rows.append(r)
    if rows:
        rows.sort(key=lambda r: (r["published"], r["id"]))
        part = "all rows" if everything else "development part"
        return f"real-news manifest, {part} ({len(rows)} articles with texts)", rows[:limit]
    out = [
        {
            "id": i,
            "language": lang,
            "published": pub,
            "text": text,
            "url": f"https://fixture.example/{i}",
            "expected": [
                {"person": p, "destination": d, "status": s, "date": day} for p, d, s, day in exp
            ],
        }
        for i, lang, pub, text, exp in FICTIONAL
    ]
    return f"fictional set ({len(out)} articles; no real-news texts found)", out


def host(a: dict[str, Any]) -> str:
    return str(a["url"]).split("/")[2]


def report_day(r: dict[str, Any]) -> dt.date:
    return dt.date.fromisoformat(r["date"] or r["article"]["published"])


#: (person, destination, period): one true trip.
TripKey = tuple[str, str, int]
#: Days between reports beyond which they are about another trip.
GAP = 45
GAP_D = dt.timedelta(days=GAP)


def in_kb(world: Any, key: TripKey, r: dict[str, Any]) -> bool:
    """Whether a labelled report is about a trip the knowledge base records: its labelled
    day within 10 days of that trip, or, undated, published during it or (an announcement
    or a cancellation) up to 120 days before it."""
    for t in world.trips_of(key[0]):
        if t.destination != key[1]:
            continue
        end = t.end or t.start
        if r["date"]:
            day = dt.date.fromisoformat(r["date"])
            if t.start - dt.timedelta(days=10) <= day <= end + dt.timedelta(days=10):
                return True
            continue
        pub = dt.date.fromisoformat(r["article"]["published"])
        ahead = 120 if r["status"] in ("planned", "cancelled") else 10
        if t.start - dt.timedelta(days=ahead) <= pub <= end + dt.timedelta(days=10):
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--realnews", type=Path, default=ROOT / "benchmarks" / "realnews")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--all", action="store_true", help="the held-aside fifth too")
    ap.add_argument(
        "--skip", action="append", default=[], help="leave out a manifest set (a fresh one)"
    )
    args = ap.parse_args()
    which, arts = load_articles(args.realnews, args.limit, args.all, tuple(args.skip))

    server = LocalServer()
    tmp = Path(tempfile.mkdtemp(prefix="ww-replay-"))
    sources = [
        FeedConfig(url=server.url("/feed.xml"), kind="feed", name="replay feed", tier="media"),
        FeedConfig(url=server.url("/gn"), kind="google_news", name="replay google news"),
        FeedConfig(url=server.url("/gdelt"), kind="gdelt", name="replay gdelt"),
        FeedConfig(url=server.url("/s/replay"), kind="telegram", name="replay channel"),
    ]
    settings = Settings(
        database_url=f"sqlite:///{tmp / 'replay.sqlite3'}",
        feeds=sources,
        monitor_catalogue=False,
        allow_private_addresses=True,
        fetch_host_delay=0,
        gdelt_min_delay=0,
        fetch_retries=0,
        monitor_max_items=500,
        alert_urls=[f"json://127.0.0.1:{server.port}/hook"],
    )
    day = [dt.datetime(2000, 1, 1)]
    monitor = Monitor(settings, clock=lambda: day[0])
    world = monitor.world

    # cost per poll per kind: time the polls
    costs: dict[str, list[float]] = defaultdict(list)
    original = monitor._poll

    def timed(feed, etag, lm, *, wait=False):  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        out = original(feed, etag, lm, wait=wait)
        costs[feed.kind].append(time.perf_counter() - t0)
        return out

    monitor._poll = timed  # type: ignore[method-assign]

    from warrantwatch.law.obligations import assess

    def bound(person: str, iso2: str, on: dt.date) -> bool:
        p, s = world.persons.get(person), world.states.get(iso2)
        return bool(p and s and assess(world, p, s, on).duty == "binding")

    published: dict[str, list[dict[str, Any]]] = {k: [] for k in KINDS}
    appeared: dict[str, float] = {}
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for i, a in enumerate(arts):
        a["kind_served"] = KINDS[i % len(KINDS)]
        by_day[a["published"]].append(a)
    t_start = time.perf_counter()
    for pub in sorted(by_day):
        day[0] = dt.datetime.fromisoformat(pub) + dt.timedelta(hours=12)
        for a in by_day[pub]:
            path = f"/a/{a['id']}"
            server.routes[path] = Route(body=a["text"].encode(), content_type="text/plain")
            a["served_url"] = server.url(path)
            published[a["kind_served"]].append(a)
            appeared[a["served_url"]] = time.monotonic()
        d = dt.date.fromisoformat(pub)
        rfc822 = dt.datetime.combine(d, dt.time(8)).strftime("%a, %d %b %Y %H:%M:%S GMT")
        seen = pub.replace("-", "") + "T080000Z"
        server.routes["/feed.xml"] = Route(
            body=rss([{"title": a["id"], "link": a["served_url"], "date": d}
                      for a in published["feed"]], language=None)
        )  # fmt: skip
        server.routes["/gn"] = Route(
            body=google_news_rss([
                {"title": a["id"], "link": a["served_url"], "guid": a["id"],
                 "pubDate": rfc822, "source": host(a), "source_url": "https://" + host(a)}
                for a in published["google_news"]]),
            content_type="application/rss+xml",
        )  # fmt: skip
        server.routes["/gdelt"] = Route(
            body=gdelt_artlist([
                {"url": a["served_url"], "title": a["id"], "seendate": seen,
                 "domain": host(a)} for a in published["gdelt"]]),
            content_type="application/json",
        )  # fmt: skip
        server.routes["/s/replay"] = Route(
            body=telegram_preview("replay", [
                {"id": str(n + 1), "text": a["text"], "datetime": pub + "T08:00:00+00:00"}
                for n, a in enumerate(published["telegram"])])
        )  # fmt: skip
        monitor.run_round(force=True)
    elapsed = time.perf_counter() - t_start
    time.sleep(0.5)

    # truth: trips to bound states that the articles report as news, one per person,
    # destination and period (reports more than GAP days apart are other trips: Netanyahu
    # in Hungary in April 2025 and again planned for 2026)
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for a in arts:
        for e in a.get("expected") or []:
            on = dt.date.fromisoformat(e["date"] or a["published"])
            if bound(e["person"], e["destination"], on):
                by_pair[(e["person"], e["destination"])].append({**e, "article": a})
    true_trips: dict[TripKey, list[dict[str, Any]]] = {}
    for (person, dest), reps in by_pair.items():
        reps.sort(key=report_day)
        n, last = 0, None
        for r in reps:
            if last is not None and (report_day(r) - last).days > GAP:
                n += 1
            last = report_day(r)
            true_trips.setdefault((person, dest, n), []).append(r)
    known_in_kb = {k for k, reps in true_trips.items() if any(in_kb(world, k, r) for r in reps)}

    def trip_of(person: str, dest: str, day: dt.date | None) -> TripKey | None:
        """The true trip an alert is about: same person and destination, its day within
        GAP days of that trip's reports."""
        for k, reps in true_trips.items():
            if k[:2] != (person, dest):
                continue
            days = [report_day(r) for r in reps]
            if day is None or min(days) - GAP_D <= day <= max(days) + GAP_D:
                return k
        return None

    alerts = [body for path, body, _ in server.posts if path == "/hook"]
    per_trip: Counter[TripKey] = Counter()
    spurious = 0
    latencies: list[float] = []
    listing: list[str] = []
    arrival = {
        json.dumps(body, ensure_ascii=False): at
        for path, body, at in server.posts
        if path == "/hook"
    }
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from warrantwatch.monitor.tables import ArticleEntry, EventRecord, OutboxAlert

    with Session(monitor.engine) as s:
        rows = list(s.scalars(select(OutboxAlert).order_by(OutboxAlert.id)))
        contact_alerts = 0
        for row in rows:
            if "trip" not in row.payload:
                contact_alerts += 1  # a contact's alert (its own channel), not a trip's
                continue
            t = row.payload["trip"]
            first_event = s.scalars(
                select(EventRecord)
                .where(EventRecord.trip_id == row.trip_id)
                .order_by(EventRecord.id)
            ).first()
            art = s.get(ArticleEntry, first_event.article_id) if first_event else None
            day = (
                dt.date.fromisoformat(t["start_date"])
                if t.get("start_date")
                else (art.published if art is not None else None)
            )
            key = trip_of(t["person"], t["destination"], day)
            if key is not None:
                per_trip[key] += 1
            else:
                spurious += 1
            listing.append(
                f"  alert {row.id}: {t['person']} -> {t['destination']} {t['start_date']} "
                f"{t['status']} ({row.reason}; {row.payload['corroboration']['summary']})"
                + ("" if key is not None else " SPURIOUS")
                # the article of the trip's first report, by its manifest id
                + (f" from {art.url.rsplit('/', 1)[-1]}" if art is not None else "")
            )
            got = next((at for b, at in arrival.items() if f"ww-alert-{row.id}" in b), None)
            if art is not None and got is not None and art.url in appeared:
                latencies.append(got - appeared[art.url])
    print(f"Articles: {which}; {len(by_day)} publication days; replay took {elapsed:.1f} s.")
    print(f"Alerts received: {len(alerts)} ({len(rows)} in the outbox).")
    print(f"True trips to a bound state reported as news: {len(true_trips)} "
          f"({len(known_in_kb)} already in the knowledge base: no alert expected).")  # fmt: skip
    new_trips = [k for k in true_trips if k not in known_in_kb]
    dist = Counter(per_trip.get(k, 0) for k in new_trips)
    print(f"Alerts per new true trip: {dict(sorted(dist.items()))} (target: 1 each, plus changes)")
    print(f"Known trips alerted anyway: {sum(1 for k in known_in_kb if per_trip.get(k))}")
    trip_alerts = len(rows) - contact_alerts
    share = spurious / trip_alerts if trip_alerts else 0.0
    print(f"Spurious alerts: {spurious} of {trip_alerts} trip alerts ({share:.0%}; "
          f"target at most 5 %); {contact_alerts} contact alerts besides")  # fmt: skip
    if latencies:
        med = statistics.median(latencies)
        print(f"Item to alert (forced round, no poll wait): median {med:.2f} s, "
              f"max {max(latencies):.2f} s")  # fmt: skip
    print("\n| kind | polls | median ms per poll | max ms |\n|---|---:|---:|---:|")
    for kind in KINDS:
        c = costs.get(kind) or [0.0]
        print(f"| {kind} | {len(costs.get(kind, []))} | {statistics.median(c) * 1000:.1f} | "
              f"{max(c) * 1000:.1f} |")  # fmt: skip
    for key in sorted(true_trips):
        flag = "known" if key in known_in_kb else "new"
        days = sorted({report_day(r) for r in true_trips[key]})
        print(
            f"  {key[0]} -> {key[1]} ({flag}; reports {days[0]}..{days[-1]}): "
            f"{per_trip.get(key, 0)} alerts"
        )
    print("\nAlerts:")
    print("\n".join(listing))
    server.close()


if __name__ == "__main__":
    main()
