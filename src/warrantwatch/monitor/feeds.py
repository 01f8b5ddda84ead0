"""Reading RSS and Atom feeds into plain items, tolerant of the feeds found in the wild.

feedparser reads every RSS and Atom dialect; it is only ever handed bytes already
fetched by :mod:`warrantwatch.monitor.fetch` (given a string that looks like an
address it would fetch it itself, outside the safety checks). A feed that is not
well-formed but still yields items is used (feedparser is lenient, and so are
readers); one that yields nothing is an error for that feed alone.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from warrantwatch.monitor.pages import strip_html


class MalformedFeed(ValueError):
    """The body is not a feed feedparser can read any item from."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: where its article is, and what the feed says about it."""

    url: str
    title: str | None
    published: dt.date | None
    summary: str
    language: str | None


def _date(entry: Mapping[str, object]) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def normalise_url(url: str) -> str:
    """The address without its fragment, with a lower-case scheme and host.

    Items seen twice under addresses that differ only this way are one article.
    """
    parts = urlsplit(url.strip())
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", parts.query, "")
    )


def is_web_address(url: object) -> bool:
    """Is ``url`` an absolute http or https address with a host? Nothing else is stored
    from a feed or an archive, nor shown as a link: ``javascript:`` and ``data:``
    addresses in a stranger's feed would run in an editor's browser."""
    if not isinstance(url, str):
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def parse_feed(
    content: bytes, base_url: str, *, content_type: str | None = None, language: str | None = None
) -> list[FeedItem]:
    """The items of a feed body, newest first as the feed lists them.

    ``language`` (from configuration) wins over the feed's own ``<language>``.
    Raises :class:`MalformedFeed` when nothing usable can be read.
    """
    import feedparser

    headers = {"content-location": base_url, "content-type": content_type or "application/xml"}
    parsed = feedparser.parse(content, response_headers=headers)
    if not parsed.get("version") and not parsed.get("entries"):
        raise MalformedFeed("not an RSS or Atom feed")
    entries = parsed.get("entries") or []
    feed_lang = (parsed.get("feed") or {}).get("language")
    items: list[FeedItem] = []
    for e in entries:
        link = e.get("link") or ""
        if not link and str(e.get("id", "")).startswith(("http://", "https://")):
            link = e["id"]
        if not link:
            continue
        link = urljoin(base_url, link)
        if not is_web_address(link):
            continue  # javascript:, data:, mailto: ... never become an article
        summary = ""
        for c in e.get("content") or []:
            summary = max(summary, strip_html(c.get("value", "")), key=len)
        if not summary:
            summary = strip_html(e.get("summary", "") or "")
        lang = language or (feed_lang.split("-")[0].lower() if feed_lang else None)
        items.append(
            FeedItem(
                url=normalise_url(link),
                title=strip_html(e.get("title", "")) or None,
                published=_date(e),
                summary=summary,
                language=lang,
            )
        )
    if not items and parsed.get("bozo"):
        raise MalformedFeed(f"not a readable feed: {parsed.get('bozo_exception')}")
    return items
