"""From a fetched web page (or archived HTML) to an :class:`Article` the scanner reads.

trafilatura strips navigation, comments and boilerplate and finds the title and the
publication date; the language comes from the page's ``lang`` attribute when it has
one. ``fetch_article`` is what ``warrantwatch scan URL`` uses: a safe fetch
(:mod:`warrantwatch.monitor.fetch`) followed by this extraction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from warrantwatch.monitor.fetch import FetchPolicy, fetch
from warrantwatch.monitor.model import Article

_LANG = re.compile(rb"<html[^>]*\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def html_language(html: bytes | str) -> str | None:
    head = html[:4096] if isinstance(html, bytes) else html[:4096].encode("utf-8", "ignore")
    m = _LANG.search(head)
    return m.group(1).decode().lower() if m else None


def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def strip_html(text: str) -> str:
    """Plain text of a feed summary (feeds often carry a little HTML)."""
    import html

    return _SPACE.sub(" ", html.unescape(_TAGS.sub(" ", text))).strip()


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    title: str | None = None,
    published: dt.date | None = None,
    language: str | None = None,
) -> Article | None:
    """The article in ``html``, or None when the page has no extractable text.

    Values given by the caller (from the feed item) win over what the page says, since a
    feed's date and title are usually cleaner than the page's metadata.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if doc is None:
        return None
    if not isinstance(doc, dict):
        doc = doc.as_dict()
    if not doc.get("text"):
        return None
    return Article(
        text=str(doc["text"]),
        url=url,
        title=title or doc.get("title"),
        published=published or parse_date(doc.get("date")),
        language=language or html_language(html),
    )


def fetch_article(
    url: str, policy: FetchPolicy | None = None, *, language: str | None = None
) -> Article:
    """Fetch ``url`` safely and extract its article (plain text pages are taken as they are).

    Raises :class:`~warrantwatch.monitor.fetch.FetchError` when the page cannot be fetched,
    and ``ValueError`` when it holds no text.
    """
    res = fetch(url, policy, accept="text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5")
    if res.content_type == "text/plain":
        return Article(text=res.text(), url=res.url, language=language)
    art = extract_article(res.content, res.url, language=language)
    if art is None:
        raise ValueError(f"{url}: no article text found on the page")
    return art


#: The ASCII characters ``str.split()`` splits on besides the space, made spaces.
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 9)


def content_hash(text: str) -> str:
    """A hash of the text that ignores case, spacing and Unicode normal-form differences,
    so the same story syndicated under two addresses is recognised as one."""
    norm = unicodedata.normalize("NFKC", text)
    if norm.isascii():
        # the same bytes as below, without a string made for every word: half the time
        # (a backfill hashes every article; a test holds the two ways equal)
        flat = norm.encode("ascii").translate(_ASCII_SPACES)
        while b"  " in flat:
            flat = flat.replace(b"  ", b" ")
        return hashlib.sha256(flat.strip(b" ").lower()).hexdigest()
    # str.split() splits on exactly the characters \s matches, several times faster
    # than the regular expression
    return hashlib.sha256(" ".join(norm.split()).casefold().encode("utf-8")).hexdigest()
