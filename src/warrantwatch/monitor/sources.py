"""Which sources the monitor watches, and what it knows about each of them.

Four origins, one list (first one wins for a given address): the configured ``feeds``;
the entries of the source catalogue (reviewed data); the Google News and GDELT queries
made from the knowledge base for every person at large; and sources a user added with
``warrantwatch sources add`` (stored in ``monitor_feeds`` with ``origin = 'user'``).
Enabling or disabling a source is stored in the database too (``monitor_feeds.enabled``),
so the choice survives restarts and applies to every process on the database.

:class:`SourceBook` is cheap to build (no scanner), so the web site and the CLI use it to
list sources without building a monitor.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from warrantwatch.config import FeedConfig, Settings
from warrantwatch.law.world import World
from warrantwatch.monitor import store
from warrantwatch.monitor.catalogue import Catalogue, CatalogueError, entry_config, read_catalogue
from warrantwatch.monitor.tables import FeedState

log = logging.getLogger("warrantwatch.monitor")
KINDS = ("feed", "page", "telegram", "google_news", "gdelt")
TIERS = ("official", "agency", "wire", "media", "aggregator")


class SourceError(ValueError):
    """A source cannot be added, found or changed; the message says why."""


def feed_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


class SourceBook:
    def __init__(self, settings: Settings, engine: Engine) -> None:
        self.settings, self.engine = settings, engine
        self.catalogue = Catalogue()
        self.catalogue_error: str | None = None
        self._query_cache: tuple[tuple[int, dt.date], list[FeedConfig]] | None = None
        if settings.monitor_catalogue:
            try:
                self.catalogue = read_catalogue(settings.monitor_catalogue_file)
            except CatalogueError as exc:  # a bad catalogue must not stop the configured feeds
                self.catalogue_error = str(exc)
                log.error("source catalogue not used: %s", exc)

    def candidates(self, world: World, day: dt.date) -> list[tuple[FeedConfig, bool]]:
        """Every source known, with whether it is on by default."""
        out: dict[str, tuple[FeedConfig, bool]] = {}
        for cfg in self.settings.feeds:
            out.setdefault(cfg.url, (cfg, True))
        if self.settings.monitor_catalogue:
            for e in self.catalogue.sources:
                try:
                    cfg = entry_config(e, self.catalogue.templates)
                except CatalogueError as exc:
                    log.error("%s", exc)
                    continue
                out.setdefault(cfg.url, (cfg, e.enabled))
            if self.settings.monitor_queries:
                for cfg in self.queries(world, day):
                    out.setdefault(cfg.url, (cfg, True))
        for cfg in self.user_sources():
            out.setdefault(cfg.url, (cfg, True))
        return list(out.values())

    def queries(self, world: World, day: dt.date) -> list[FeedConfig]:
        """The generated queries, made again when the knowledge base (or the day) changes."""
        from warrantwatch.monitor.queries import generated_sources

        key = (id(world), day)
        if self._query_cache is None or self._query_cache[0] != key:
            made = generated_sources(
                world,
                self.catalogue.templates,
                on=day,
                interval=self.settings.monitor_query_interval,
            )
            self._query_cache = (key, made)
        return self._query_cache[1]

    def user_sources(self) -> list[FeedConfig]:
        with Session(self.engine) as s:
            rows = list(s.scalars(select(FeedState).where(FeedState.origin == "user")))
        out = []
        for r in rows:
            try:
                out.append(
                    FeedConfig(
                        url=r.url,
                        interval=r.interval or 900,
                        language=r.language,
                        kind=r.kind or "feed",  # type: ignore[arg-type]
                        name=r.name,
                        id=r.source_id,
                        tier=r.tier,  # type: ignore[arg-type]
                        publisher=r.publisher,
                        origin="user",
                    )
                )
            except ValueError:
                log.error("user source %s is not valid; skipped", r.url)
        return out

    def flags(self) -> dict[str, bool]:
        with Session(self.engine) as s:
            return {
                k: bool(v)
                for k, v in s.execute(
                    select(FeedState.url_hash, FeedState.enabled).where(
                        FeedState.enabled.is_not(None)
                    )
                ).all()
            }

    def active(self, world: World, day: dt.date) -> list[FeedConfig]:
        """The sources polled now: on by default and not disabled, or enabled by a user."""
        flags = self.flags()
        out = []
        for cfg, default in self.candidates(world, day):
            flag = flags.get(feed_key(cfg.url))
            if default if flag is None else flag:
                out.append(cfg)
        return out

    # ------------------------------------------------------------ views and changes

    def rows(self, world: World, day: dt.date) -> list[dict[str, Any]]:
        """Each source with its state, for the Sources page and ``sources list``."""
        cands = self.candidates(world, day)
        with Session(self.engine) as s:
            states = {
                f.url_hash: f
                for f in s.scalars(
                    select(FeedState).where(
                        FeedState.url_hash.in_([feed_key(c.url) for c, _ in cands])
                    )
                )
            }
        out = []
        for cfg, default in cands:
            st = states.get(feed_key(cfg.url))
            enabled = default if st is None or st.enabled is None else st.enabled
            out.append(
                {
                    "id": cfg.id or (st.source_id if st else None) or feed_key(cfg.url)[:10],
                    "name": cfg.name or cfg.url,
                    "kind": cfg.kind,
                    "tier": cfg.tier,
                    "language": cfg.language,
                    "origin": cfg.origin,
                    "publisher": cfg.publisher,
                    "url": cfg.url,
                    "interval": cfg.interval,
                    "enabled": enabled,
                    "polls": st.polls if st else 0,
                    "last_polled_at": _ts(st.last_polled_at) if st else None,
                    "last_ok_at": _ts(st.last_ok_at) if st else None,
                    "items_seen": (st.items_seen or 0) if st else 0,
                    "failures": st.failures if st else 0,
                    "last_error": st.last_error if st else None,
                    "next_due_at": (
                        (_ts(st.next_due_at) if st and st.next_due_at else "now")
                        if enabled
                        else None
                    ),
                }
            )
        return out

    def find(self, world: World, day: dt.date, ident: str) -> FeedConfig:
        """A source by id or address (SourceError if none, or if several ids start so)."""
        cands = [c for c, _ in self.candidates(world, day)]
        for c in cands:
            if ident in (c.id, c.url):
                return c
        with Session(self.engine) as s:
            st = s.scalar(select(FeedState).where(FeedState.source_id == ident))
        if st is not None:
            for c in cands:
                if c.url == st.url:
                    return c
        raise SourceError(f"no source {ident!r}; see 'warrantwatch sources list'")

    def set_enabled(self, world: World, day: dt.date, ident: str, enabled: bool) -> FeedConfig:
        from warrantwatch.monitor.service import describe

        cfg = self.find(world, day, ident)
        key = feed_key(cfg.url)
        with Session(self.engine) as s, s.begin():
            st = store.feed_state_for(s, key, cfg.url)
            describe(st, cfg)
            st.enabled = enabled
            if enabled and st.failures:
                st.next_due_at = None  # a source switched back on is polled at once
        return cfg

    def add(
        self,
        url: str,
        *,
        kind: str = "feed",
        name: str | None = None,
        language: str | None = None,
        interval: int = 900,
        tier: str | None = None,
    ) -> FeedConfig:
        """Add a user source (validated) to the database; SourceError if it is not valid."""
        from warrantwatch.monitor.catalogue import _lang
        from warrantwatch.monitor.service import describe

        url = url.strip()
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SourceError(f"not an http(s) address: {url!r}")
        if parts.username or parts.password:
            raise SourceError("an address must not carry a user name or password")
        if kind not in KINDS:
            raise SourceError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if kind == "telegram" and not re.match(r"^https://t\.me/s/[A-Za-z0-9_]{3,}/?$", url):
            raise SourceError("a telegram source is a channel preview: https://t.me/s/NAME")
        if tier is not None and tier not in TIERS:
            raise SourceError(f"unknown tier {tier!r}; use one of {', '.join(TIERS)}")
        if language is not None:
            try:
                _lang(language)
            except ValueError as exc:
                raise SourceError(str(exc)) from None
        if interval < 60:
            raise SourceError("the interval is at least 60 seconds")
        key = feed_key(url)
        cfg = FeedConfig(
            url=url,
            interval=interval,
            language=language,
            kind=kind,  # type: ignore[arg-type]
            name=name,
            id=f"user-{key[:10]}",
            tier=tier,  # type: ignore[arg-type]
            publisher=parts.hostname.removeprefix("www."),
            origin="user",
        )
        with Session(self.engine) as s, s.begin():
            st = s.scalar(select(FeedState).where(FeedState.url_hash == key))
            if st is not None and st.origin in ("user", "config", "catalogue", "query"):
                raise SourceError(f"already watched: {url} (id {st.source_id})")
            if st is None:
                st = store.feed_state_for(s, key, url)
            describe(st, cfg)
            st.enabled = True
        return cfg


def _ts(v: dt.datetime | None) -> str | None:
    return v.isoformat(timespec="seconds") + "Z" if v else None
