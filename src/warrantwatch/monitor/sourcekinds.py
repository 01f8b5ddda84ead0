"""Reading the source kinds beyond plain feeds into :class:`FeedItem`s.

- ``telegram``: a public channel's web preview (``https://t.me/s/NAME``) is an HTML page
  of messages, each a ``div.tgme_widget_message`` with ``data-post="NAME/ID"``, its text
  in ``div.tgme_widget_message_text`` and its date in ``a.tgme_widget_message_date``
  (``href`` the message's own address, ``time[datetime]`` the ISO time). A message *is*
  the article: its text is scanned as it stands, nothing more is fetched.
- ``google_news``: an RSS result; each item's ``<source url=...>`` names the publisher,
  which is what makes two reports independent. Read by feedparser like any feed.
- ``gdelt``: the DOC 2.0 API in ArtList mode, JSON: ``{"articles": [{url, title,
  seendate "20251008T120000Z", domain, language, sourcecountry}]}``; the article pages
  are fetched like feed items'.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from urllib.parse import urlsplit

from warrantwatch.monitor.feeds import (
    FeedItem,
    MalformedFeed,
    is_web_address,
    normalise_url,
    parse_feed,
)


def publisher_of(url: str) -> str:
    """A publisher as a host name without ``www.`` (what counts as one independent source)."""
    return (urlsplit(url).hostname or url).removeprefix("www.")


# ---------------------------------------------------------------- telegram


def parse_telegram(content: bytes, base_url: str, language: str | None = None) -> list[FeedItem]:
    """Messages of a channel's web preview page, newest last as the page shows them."""
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(content)
    except Exception as exc:  # lxml raises a handful of types on garbage
        raise MalformedFeed(f"not a Telegram preview page: {exc}") from exc
    items: list[FeedItem] = []
    for msg in doc.xpath('//div[contains(concat(" ", @class, " "), " tgme_widget_message ")]'):
        post = msg.get("data-post") or ""
        texts = msg.xpath('.//div[contains(@class, "tgme_widget_message_text")]')
        if not texts:
            continue  # a photo or sticker without a caption
        for br in texts[0].xpath(".//br"):
            br.tail = "\n" + (br.tail or "")
        text = " ".join(
            line.strip() for line in texts[0].text_content().splitlines() if line.strip()
        )
        link = msg.xpath('.//a[contains(@class, "tgme_widget_message_date")]')
        href = link[0].get("href") if link else None
        if not href and "/" in post:
            channel, _, num = post.partition("/")
            host = urlsplit(base_url).netloc
            href = f"{urlsplit(base_url).scheme}://{host}/{channel}/{num}"
        if not href or not text or not is_web_address(href):
            continue
        published = None
        times = msg.xpath(".//time[@datetime]")
        if times:
            try:
                published = dt.datetime.fromisoformat(times[0].get("datetime")).date()
            except ValueError:
                published = None
        items.append(
            FeedItem(
                url=normalise_url(href),
                title=text[:120],
                published=published,
                summary=text,
                language=language,
            )
        )
    if not items and not doc.xpath('//*[contains(@class, "tgme_channel_info")]'):
        raise MalformedFeed("not a Telegram channel preview (no messages)")
    return items


# ---------------------------------------------------------------- google news


def parse_google_news(
    content: bytes, base_url: str, *, content_type: str | None = None, language: str | None = None
) -> tuple[list[FeedItem], dict[str, str]]:
    """Items of a Google News RSS result, and each item's publisher (by item address)."""
    import feedparser

    items = parse_feed(content, base_url, content_type=content_type, language=language)
    parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    publishers: dict[str, str] = {}
    for e in parsed.get("entries") or []:
        src = e.get("source") or {}
        link = e.get("link")
        if link:
            name = src.get("href") or src.get("title")
            if name:
                publishers[normalise_url(link)] = publisher_of(name) if "://" in name else str(name)
    return items, publishers


# ---------------------------------------------------------------- gdelt


@lru_cache(maxsize=1)
def _language_codes() -> dict[str, str]:
    """English language names (as GDELT writes them) to ISO 639-1 codes, from CLDR."""
    from babel import Locale

    return {name.lower(): code for code, name in Locale("en").languages.items() if len(code) == 2}


def parse_gdelt(content: bytes) -> tuple[list[FeedItem], dict[str, str]]:
    """Articles of an ArtList JSON answer, and their publishers (the ``domain`` field)."""
    try:
        data = json.loads(content.decode("utf-8-sig") or "{}")
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        # GDELT answers a malformed query with a plain-text message, not JSON
        first = content[:200].decode("utf-8", "replace").strip().splitlines()
        raise MalformedFeed(f"not GDELT JSON: {first[0] if first else type(exc).__name__}") from exc
    if not isinstance(data, dict):
        raise MalformedFeed("not GDELT ArtList JSON (no object)")
    arts = data.get("articles", [])
    if not isinstance(arts, list):
        raise MalformedFeed("not GDELT ArtList JSON ('articles' is not a list)")
    items: list[FeedItem] = []
    publishers: dict[str, str] = {}
    codes = _language_codes()
    for a in arts:
        if not isinstance(a, dict) or not str(a.get("url", "")).startswith(("http://", "https://")):
            continue
        url = normalise_url(str(a["url"]))
        seen = str(a.get("seendate") or "")
        try:
            published = dt.datetime.strptime(seen[:8], "%Y%m%d").date() if seen else None
        except ValueError:
            published = None
        lang = codes.get(str(a.get("language") or "").lower())
        title = str(a.get("title") or "").strip()
        items.append(
            FeedItem(
                url=url,
                title=title or None,
                published=published,
                summary=title,  # scanned if the page cannot be read
                language=lang,
            )
        )
        publishers[url] = str(a.get("domain") or publisher_of(url)).removeprefix("www.")
    return items, publishers
