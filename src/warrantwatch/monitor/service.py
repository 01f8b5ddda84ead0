"""The monitor loop: poll sources, fetch new articles, scan, group, assess, alert.

One round (:meth:`Monitor.run_round`, what ``warrantwatch monitor --once`` runs):

1. every configured source that is due is fetched, several at a time, with a
   conditional GET (ETag / Last-Modified) and retries with backoff; a source that
   fails is recorded and polled again later (its delay doubling per failure), never
   stopping the others;
2. new feed items are recorded as *pending* articles before anything else, so an
   item seen once is never missed even if the feed then answers 304 for a week;
3. pending articles are fetched (several at a time) and extracted; then each one, in
   its own transaction, is deduplicated by content, scanned, its events grouped into
   trips, and alerts the changes call for are written to the outbox;
4. the outbox is delivered.

Everything the round decides is in the database before it acts on the outside
world, which is what makes a crash or restart safe at any point.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from warrantwatch.config import FeedConfig, Settings
from warrantwatch.law.world import World
from warrantwatch.monitor import store
from warrantwatch.monitor.alerts import (
    Notifier,
    consider,
    deliver_digests,
    deliver_pending,
    settings_targets,
)
from warrantwatch.monitor.feeds import FeedItem, MalformedFeed, parse_feed
from warrantwatch.monitor.fetch import (
    FetchError,
    FetchPolicy,
    HostPacer,
    fetch,
    fetch_with_retries,
    make_client,
)
from warrantwatch.monitor.grouping import TripChange, attach
from warrantwatch.monitor.model import Article, ContactEvent, TripEvent
from warrantwatch.monitor.pages import content_hash, extract_article
from warrantwatch.monitor.sourcekinds import (
    parse_gdelt,
    parse_google_news,
    parse_telegram,
    publisher_of,
)
from warrantwatch.monitor.sources import SourceBook, feed_key
from warrantwatch.monitor.tables import ArticleEntry, FeedState, utcnow

log = logging.getLogger("warrantwatch.monitor")

MAX_FEED_DELAY = dt.timedelta(hours=6)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5"
ACCEPT = {
    "feed": FEED_ACCEPT,
    "google_news": FEED_ACCEPT,
    "gdelt": "application/json, */*;q=0.5",
}


class ScannerLike(Protocol):
    def scan(self, article: Article) -> list[TripEvent]: ...


def default_scanner(world: World) -> ScannerLike:
    """The real scanner (:mod:`warrantwatch.monitor.scanner`)."""
    from warrantwatch.monitor.scanner import Scanner

    return Scanner(world)


@dataclass
class RoundReport:
    """What one round did; ``str()`` is the one-line summary the CLI prints."""

    polled: int = 0
    not_modified: int = 0
    feed_errors: list[str] = field(default_factory=list)
    new_articles: int = 0
    processed: int = 0
    duplicates: int = 0
    article_errors: int = 0
    events: int = 0
    trips_new: int = 0
    trips_changed: int = 0
    alerts_queued: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    alerts_waiting: int = 0
    failed_sources: list[tuple[str, str]] = field(default_factory=list)
    digests_sent: int = 0

    def __str__(self) -> str:
        return (
            f"{self.polled} sources polled ({self.not_modified} unchanged, "
            f"{len(self.feed_errors)} failed); {self.new_articles} new articles, "
            f"{self.processed} scanned, {self.duplicates} duplicates, "
            f"{self.article_errors} unreadable; {self.events} events; "
            f"{self.trips_new} new trips, {self.trips_changed} changed; alerts: "
            f"{self.alerts_queued} queued, {self.alerts_sent} sent, {self.alerts_failed} failed, "
            f"{self.alerts_waiting} waiting"
        )


@dataclass
class _Poll:
    feed: FeedConfig
    items: list[FeedItem] = field(default_factory=list)
    page: Article | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    skipped: bool = False  # the host's rate limit: polled in a later round
    retry_after: float | None = None
    publishers: dict[str, str] = field(default_factory=dict)
    texts_included: bool = False


def describe(st: FeedState, cfg: FeedConfig) -> None:
    """Copy what the Sources page shows from the source's configuration to its state row."""
    st.source_id = cfg.id or st.source_id or f"{cfg.origin}-{feed_key(cfg.url)[:10]}"
    st.kind, st.name, st.origin = cfg.kind, cfg.name, cfg.origin
    st.tier, st.language, st.publisher = cfg.tier, cfg.language, cfg.publisher
    st.interval = cfg.interval


@dataclass
class _Fetched:
    entry_id: int
    article: Article | None = None
    error: str | None = None
    final: bool = False  # no point in trying again (blocked, too large, 404 ...)


_Todo = tuple[int, str, str | None, dt.date | None, str | None]


def page_key(url: str, text_hash: str) -> str:
    """A watched page's versions are distinct articles: key on address and content."""
    return hashlib.sha256(f"page\n{url}\n{text_hash}".encode()).hexdigest()


def apply_changes(
    s: Session,
    changes: list[TripChange],
    *,
    world: World,
    settings: Settings,
    report: RoundReport,
    suppress: bool = False,
    today: dt.date | None = None,
) -> None:
    """Count what grouping did to trips, send confirmed trips the news moved back to
    review, and queue the alerts the changes call for (the live monitor after each
    article, the backfill once at the end)."""
    for change in changes:
        trip = change.trip
        if change.created:
            report.trips_new += 1
        elif change.fields:
            report.trips_changed += 1
        if (
            not change.created
            and trip.review_status == "confirmed"
            and change.fields & {"status", "start_date"}
        ):
            trip.review_status = "changed"  # the news moved on: a person should look again
        if change.changed and consider(
            s,
            world,
            trip,
            min_confidence=settings.alert_min_confidence,
            suppress=suppress,
            today=today,
            max_age_days=settings.alert_max_age_days,
            window=settings.monitor_group_days,
        ):
            report.alerts_queued += 1


def ingest(
    s: Session,
    entry: ArticleEntry,
    article: Article,
    scan: Callable[[Article], list[TripEvent]],
    *,
    world: World,
    settings: Settings,
    report: RoundReport,
    suppress: bool = False,
    today: dt.date | None = None,
    contacts: Callable[[Article], list[ContactEvent]] | None = None,
) -> None:
    """Apply one article within the caller's transaction: deduplicate by content, scan,
    store the events, group them into trips and queue the alerts the changes call for.
    With ``contacts`` (the scanner's contact finder), the same for the contacts it reports
    (:mod:`warrantwatch.monitor.contact_record`; alerts on the contacts channel).

    ``scan`` is called only for new content (the backfill passes events it already has).
    """
    original = store.find_duplicate(s, article.text)
    if original is not None and original != entry.id:
        store.mark_duplicate(entry, original)
        report.duplicates += 1
        return
    rows = store.record_scan(s, entry, article, scan(article))
    report.processed += 1
    report.events += len(rows)
    apply_changes(
        s,
        attach(s, rows, settings.monitor_group_days),
        world=world,
        settings=settings,
        report=report,
        suppress=suppress,
        today=today,
    )
    if contacts is not None:
        from warrantwatch.monitor import contact_record

        crow = contact_record.record_contacts(s, entry, contacts(article))
        report.events += len(crow)
        for contact in contact_record.attach(s, crow):
            if contact_record.consider(
                s, world, contact, min_confidence=settings.alert_min_confidence, suppress=suppress
            ):
                report.alerts_queued += 1


class Monitor:
    """The monitor service on one database. Build once; call :meth:`run_round` repeatedly."""

    def __init__(
        self,
        settings: Settings,
        *,
        engine: object | None = None,
        world: World | None = None,
        scanner: ScannerLike | None = None,
        scanner_factory: Callable[[World], ScannerLike] = default_scanner,
        notifier: Notifier | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        from warrantwatch.kb.service import open_kb

        self.settings = settings
        if engine is None or world is None:
            kb = open_kb(settings)
            self.engine = kb.engine
            self.world = kb.world
        else:
            self.engine = engine  # type: ignore[assignment]
            self.world = world
        self.scanner = scanner or scanner_factory(self.world)
        self._scanner_factory = None if scanner is not None else scanner_factory
        self._kb_stamp = self._stamp()
        self.notifier = notifier
        self.clock = clock
        self.policy = FetchPolicy.from_settings(settings)
        self._sleep = sleep
        self._stop = threading.Event()
        #: names this process's claims on pending articles (store.claim_pending)
        self.owner = f"{socket.gethostname()[:20]}:{os.getpid()}:{secrets.token_hex(4)}"
        self._host_delays: dict[str, float] = {}
        self.pacer = HostPacer(self._host_delay)
        self.book = SourceBook(settings, self.engine)  # type: ignore[arg-type]

    # ------------------------------------------------------------ sources

    @property
    def catalogue_error(self) -> str | None:
        return self.book.catalogue_error

    def candidate_sources(self) -> list[tuple[FeedConfig, bool]]:
        return self.book.candidates(self.world, self.clock().date())

    def sources(self) -> list[FeedConfig]:
        """The sources polled now (see :class:`warrantwatch.monitor.sources.SourceBook`)."""
        return self.book.active(self.world, self.clock().date())

    # ------------------------------------------------------------ polling

    def _host_delay(self, host: str) -> float:
        return self._host_delays.get(host, self.settings.fetch_host_delay)

    def _poll(
        self, feed: FeedConfig, etag: str | None, last_modified: str | None, *, wait: bool = False
    ) -> _Poll:
        out = _Poll(feed=feed)
        host = urlsplit(feed.url).hostname or ""
        if feed.kind == "gdelt":
            self._host_delays[host] = max(
                self.settings.gdelt_min_delay, self._host_delays.get(host, 0)
            )
        while not self.pacer.take(host):
            if not wait:
                out.skipped = True  # not this round: the host was asked too recently
                return out
            (self._sleep or time.sleep)(max(0.05, self.pacer.wait_for(host)))
        kwargs = {} if self._sleep is None else {"sleep": self._sleep}
        try:
            with make_client(self.policy) as client:
                res = fetch_with_retries(
                    feed.url,
                    self.policy,
                    retries=self.settings.fetch_retries,
                    backoff=self.settings.fetch_backoff,
                    etag=etag,
                    last_modified=last_modified,
                    client=client,
                    accept=ACCEPT.get(feed.kind, PAGE_ACCEPT),
                    **kwargs,  # type: ignore[arg-type]
                )
            out.etag, out.last_modified = res.etag, res.last_modified
            ctype = res.headers.get("content-type")
            if res.not_modified:
                out.not_modified = True
            elif feed.kind == "feed":
                out.items = parse_feed(
                    res.content, res.url, content_type=ctype, language=feed.language
                )
            elif feed.kind == "google_news":
                out.items, out.publishers = parse_google_news(
                    res.content, res.url, content_type=ctype, language=feed.language
                )
            elif feed.kind == "gdelt":
                out.items, out.publishers = parse_gdelt(res.content)
            elif feed.kind == "telegram":
                out.items = parse_telegram(res.content, res.url, language=feed.language)
                out.texts_included = True
            else:
                out.page = extract_article(res.content, feed.url, language=feed.language)
                if out.page is None:
                    out.error = "no article text on the page"
        except (FetchError, MalformedFeed) as exc:
            out.error = str(exc)
            asked = getattr(exc, "retry_after", None)
            if asked is not None:
                out.retry_after = asked
                self.pacer.hold(host, asked)
        except Exception as exc:  # a bug or a library surprise on one feed must not stop others
            log.exception("polling %s failed", feed.url)
            out.error = f"{type(exc).__name__}: {exc}"
        return out

    def _due_feeds(
        self, session: Session, force: bool, only: set[str] | None = None
    ) -> list[tuple[FeedConfig, FeedState]]:
        now = self.clock()
        sources = self.sources()
        if only is not None:
            sources = [c for c in self.candidate_sources_cfg() if c.url in only or c.id in only]
        states = {
            f.url_hash: f
            for f in session.scalars(
                select(FeedState).where(FeedState.url_hash.in_([feed_key(c.url) for c in sources]))
            )
        }
        due: list[tuple[FeedConfig, FeedState]] = []
        for cfg in sources:
            st = states.get(feed_key(cfg.url))
            if st is None:  # made safely when another monitor makes it at the same time
                st = store.feed_state_for(session, feed_key(cfg.url), cfg.url)
                states[st.url_hash] = st
            describe(st, cfg)
            if force or st.next_due_at is None or st.next_due_at <= now:
                due.append((cfg, st))
        session.flush()
        return due

    def candidate_sources_cfg(self) -> list[FeedConfig]:
        return [c for c, _ in self.candidate_sources()]

    def _record_poll(
        self, session: Session, st: FeedState, poll: _Poll, report: RoundReport
    ) -> None:
        now = self.clock()
        st.polls += 1
        st.last_polled_at = now
        interval = dt.timedelta(seconds=poll.feed.interval)
        if poll.error:
            st.failures += 1
            st.last_error = poll.error[:2000]
            delay = min(interval * 2 ** min(st.failures - 1, 16), max(interval, MAX_FEED_DELAY))
            if poll.retry_after is not None:
                delay = max(delay, dt.timedelta(seconds=min(poll.retry_after, 86400)))
            st.next_due_at = now + delay
            report.feed_errors.append(poll.error)
            log.warning("source failed (%d in a row): %s", st.failures, poll.error)
            return
        st.failures = 0
        st.last_error = None
        st.last_ok_at = now
        st.next_due_at = now + interval
        st.etag = poll.etag or st.etag
        st.last_modified = poll.last_modified or st.last_modified
        if poll.not_modified:
            report.not_modified += 1
            return
        cfg = poll.feed
        if poll.page is not None:
            h = content_hash(poll.page.text)
            if h == st.content_hash:
                report.not_modified += 1
                return
            st.content_hash = h
            entry = store.add_pending(
                session,
                cfg.url,
                feed_url=cfg.url,
                origin="page",
                title=poll.page.title,
                published=poll.page.published or now.date(),
                language=poll.page.language,
                key=page_key(cfg.url, h),
            )
            if entry is not None:
                entry.text = poll.page.text  # already fetched: scanned without a new request
                entry.publisher = cfg.publisher or publisher_of(cfg.url)
                entry.source_tier = cfg.tier
                st.items_seen = (st.items_seen or 0) + 1
                report.new_articles += 1
            return
        keys = {store.url_key(i.url): i for i in poll.items}
        known = store.known_keys(session, keys)
        fresh = [i for k, i in keys.items() if k not in known][: self.settings.monitor_max_items]
        for item in fresh:
            entry = store.add_pending(
                session,
                item.url,
                feed_url=cfg.url,
                origin=cfg.kind,
                title=item.title,
                published=item.published,
                language=item.language or cfg.language,
                summary=item.summary,
            )
            if entry is None:
                continue
            if poll.texts_included:  # a Telegram message is its own text
                entry.text = item.summary
            if cfg.kind in ("google_news", "gdelt"):
                entry.publisher = poll.publishers.get(item.url) or publisher_of(item.url)
                entry.source_tier = None  # the tier of the original publisher is unknown
            else:
                entry.publisher = cfg.publisher or publisher_of(cfg.url)
                entry.source_tier = cfg.tier
            st.items_seen = (st.items_seen or 0) + 1
            report.new_articles += 1

    # ------------------------------------------------------------ articles

    def _fetch_article(self, todo: _Todo) -> _Fetched:
        entry_id, url, title, published, language = todo
        try:
            res = fetch(
                url,
                self.policy,
                accept=PAGE_ACCEPT,
            )
            if res.content_type == "text/plain":
                art: Article | None = Article(
                    text=res.text(), url=url, title=title, published=published, language=language
                )
            else:
                art = extract_article(
                    res.content, url, title=title, published=published, language=language
                )
            if art is None:
                return _Fetched(entry_id, error="no article text on the page", final=True)
            return _Fetched(entry_id, article=art)
        except FetchError as exc:
            return _Fetched(entry_id, error=str(exc), final=not exc.retryable)
        except Exception as exc:  # extraction surprises stay with this one article
            log.exception("reading %s failed", url)
            return _Fetched(entry_id, error=f"{type(exc).__name__}: {exc}", final=True)

    def _process(
        self, entry_id: int, fetched: _Fetched | None, report: RoundReport, *, suppress: bool
    ) -> None:
        """Scan one article and apply what it says, all in one transaction."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            entry = s.get(ArticleEntry, entry_id)
            if entry is None or entry.status != "pending":
                return
            if not store.holds_claim(entry, self.owner):
                return  # the lease ran out and another process took it
            if entry.text:  # a watched page: text came with the poll
                article = store.as_article(entry)
            elif fetched is not None and fetched.article is not None:
                article = fetched.article
            else:
                error = fetched.error if fetched else "not fetched"
                last_try = (fetched is not None and fetched.final) or (
                    entry.attempts + 1 >= store.MAX_ARTICLE_ATTEMPTS
                )
                if not (last_try and entry.summary):
                    store.mark_failed(entry, error or "unknown error")
                    if entry.status == "failed":
                        report.article_errors += 1
                    return
                log.info("using the feed's summary for %s (%s)", entry.url, error)
                article = store.as_article(entry, entry.summary)
            if not article.text.strip():
                store.mark_failed(entry, "empty text")
                report.article_errors += 1
                return
            ingest(
                s,
                entry,
                article,
                self.scanner.scan,
                world=self.world,
                settings=self.settings,
                report=report,
                suppress=suppress,
                today=self.clock().date(),
                contacts=getattr(self.scanner, "contacts", None),
            )

    # ------------------------------------------------------------ rounds

    def _stamp(self) -> tuple[str | None, int, str | None]:
        """Changes when the knowledge base does: curated reload time, number of trips, and
        the generation review bumps with every change it makes."""
        from sqlalchemy import func

        from warrantwatch.kb.tables import Meta, TripRow

        with Session(self.engine) as s:
            loaded = s.scalar(select(Meta.value).where(Meta.key == "loaded_at"))
            trips = s.scalar(select(func.count()).select_from(TripRow)) or 0
            gen = s.scalar(select(Meta.value).where(Meta.key == "kb_generation"))
        return loaded, trips, gen

    def refresh_world(self) -> bool:
        """Reload the knowledge base if it changed (a data reload, a trip confirmed in
        review), so verdicts and precedents stay current in a long-running monitor."""
        from warrantwatch.kb.repository import load_world

        stamp = self._stamp()
        if stamp == self._kb_stamp:
            return False
        with Session(self.engine) as s:
            self.world = load_world(s)
        if self._scanner_factory is not None and stamp[0] != self._kb_stamp[0]:
            self.scanner = self._scanner_factory(self.world)  # new persons or names
        self._kb_stamp = stamp
        return True

    def run_round(
        self, *, force: bool = False, only: set[str] | None = None, wait: bool = False
    ) -> RoundReport:
        """Poll what is due (everything with ``force``; only the sources named by id or
        address in ``only``), process pending articles, alert."""
        report = RoundReport()
        self.refresh_world()

        def due_now() -> list[tuple[FeedConfig, int, str | None, str | None]]:
            with Session(self.engine, expire_on_commit=False) as s, s.begin():
                due = self._due_feeds(s, force or only is not None, only)
                return [(cfg, st.id, st.etag, st.last_modified) for cfg, st in due]

        tags = store.retry_locked(due_now)
        workers = self.settings.monitor_workers
        wait = wait or force or only is not None
        if tags:
            with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ww-poll") as pool:
                polls = list(pool.map(lambda t: self._poll(t[0], t[2], t[3], wait=wait), tags))
            for (_cfg, st_id, _e, _l), poll in zip(tags, polls, strict=True):
                if poll.skipped:
                    continue
                try:  # one transaction per source: one failure spoils no other
                    store.retry_locked(
                        lambda st_id=st_id, poll=poll: self._record(st_id, poll, report)
                    )
                except IntegrityError:  # another monitor recorded the same items first
                    log.warning("items of %s were recorded concurrently; skipped", poll.feed.url)
            report.polled = sum(1 for p in polls if not p.skipped)
            report.failed_sources = [
                (p.feed.name or p.feed.id or p.feed.url, p.error or "") for p in polls if p.error
            ]
        self.process_pending(report)
        self.deliver(report)
        return report

    def _record(self, st_id: int, poll: Any, report: RoundReport) -> None:
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            st = s.get(FeedState, st_id)
            assert st is not None
            self._record_poll(s, st, poll, report)

    def process_pending(self, report: RoundReport, *, suppress: bool = False) -> None:
        # claimed first: another monitor on the same database takes other articles
        entries = store.claim_pending(self.engine, self.owner, limit=500)
        todo = [e.id for e in entries]
        to_fetch: list[_Todo] = [
            (e.id, e.url, e.title, e.published, e.language) for e in entries if not e.text
        ]
        fetched: dict[int, _Fetched] = {}
        if to_fetch:
            with ThreadPoolExecutor(
                max_workers=self.settings.monitor_workers, thread_name_prefix="ww-fetch"
            ) as pool:
                for f in pool.map(self._fetch_article, to_fetch):
                    fetched[f.entry_id] = f
        for entry_id in todo:
            try:
                store.retry_locked(
                    lambda i=entry_id: self._process(i, fetched.get(i), report, suppress=suppress)
                )
            except Exception:  # one bad article must not block the queue behind it
                log.exception("processing article %s failed", entry_id)
                report.article_errors += 1
                with Session(self.engine) as s, s.begin():
                    entry = s.get(ArticleEntry, entry_id)
                    if entry is not None:
                        store.mark_failed(entry, "processing error (see log)")
        if todo:
            store.release_claims(self.engine, self.owner)

    def deliver(self, report: RoundReport) -> None:
        targets = settings_targets(self.settings)
        d = deliver_pending(self.engine, targets, notifier=self.notifier, now=self.clock)
        contact_targets = settings_targets(self.settings, "contacts")
        if contact_targets:
            dc = deliver_pending(
                self.engine,
                contact_targets,
                notifier=self.notifier,
                now=self.clock,
                channel="contacts",
            )
            report.alerts_sent += dc.sent
            report.alerts_failed += dc.failed
            report.alerts_waiting += dc.waiting
            report.digests_sent += deliver_digests(
                self.engine,
                contact_targets,
                notifier=self.notifier,
                now=self.clock,
                channel="contacts",
            )
        report.digests_sent += deliver_digests(
            self.engine, targets, notifier=self.notifier, now=self.clock
        )
        report.alerts_sent += d.sent
        report.alerts_failed += d.failed
        report.alerts_waiting += d.waiting

    def next_wake(self) -> float:
        """Seconds until the next source is due or an alert retry is (at least 0.2)."""
        from warrantwatch.monitor.tables import OutboxAlert

        now = self.clock()
        sources = self.sources()
        with Session(self.engine) as s:
            due = [
                st.next_due_at
                for st in s.scalars(
                    select(FeedState).where(
                        FeedState.url_hash.in_([feed_key(c.url) for c in sources])
                    )
                )
                if st.next_due_at is not None
            ]
            retry = s.scalar(
                select(OutboxAlert.next_attempt_at)
                .where(OutboxAlert.delivered_at.is_(None))
                .order_by(OutboxAlert.next_attempt_at)
            )
        if len(due) < len(sources):
            return 0.2
        times = [*due, *([retry] if retry else [])]
        if not times:
            return 60.0
        return max(0.2, min(60.0, (min(times) - now).total_seconds()))

    def run_forever(
        self,
        on_round: Callable[[RoundReport], None] | None = None,
        on_first_round: Callable[[RoundReport], None] | None = None,
    ) -> None:
        """Rounds until :meth:`stop`; sleeps until the next source is due."""
        first = True
        while not self._stop.is_set():
            try:
                report = self.run_round()
                if first and on_first_round is not None:
                    on_first_round(report)
                first = False
                if on_round and (report.polled or report.alerts_sent or report.alerts_failed):
                    on_round(report)
                wake = self.next_wake()
            except Exception:  # the database or the network hiccups: log, wait, go on
                log.exception("monitor round failed; trying again in 30 s")
                wake = 30.0
            self._stop.wait(wake)

    def stop(self) -> None:
        self._stop.set()
