"""Reading feeds (RSS, Atom, broken ones) and pages into items and articles."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.monitor_service.helpers import page

from warrantwatch.monitor.feeds import MalformedFeed, normalise_url, parse_feed
from warrantwatch.monitor.pages import content_hash, extract_article, html_language

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<language>ru-RU</language>
<item><title>A &amp; B</title><link>/news/1#top</link>
<pubDate>Mon, 06 Oct 2025 10:00:00 GMT</pubDate><description>&lt;p&gt;Hello&lt;/p&gt;</description>
</item><item><title>No link</title></item></channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
<entry><title>E</title><link href="https://e.example/a"/><updated>2025-10-07T00:00:00Z</updated>
<content type="html">&lt;b&gt;Body&lt;/b&gt; text</content></entry></feed>"""


def test_rss_items() -> None:
    [item] = parse_feed(RSS, "http://Example.org/feed", content_type="application/rss+xml")
    assert item.url == "http://example.org/news/1"  # resolved, fragment dropped
    assert item.title == "A & B" and item.summary == "Hello"
    assert item.published == dt.date(2025, 10, 6) and item.language == "ru"


def test_atom_items_and_configured_language_wins() -> None:
    [item] = parse_feed(ATOM, "https://e.example/f", language="fr")
    assert item.url == "https://e.example/a" and item.summary == "Body text"
    assert item.language == "fr" and item.published == dt.date(2025, 10, 7)


def test_empty_feed_is_not_an_error() -> None:
    empty = b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    assert parse_feed(empty, "http://x/") == []


@pytest.mark.parametrize(
    "body",
    [
        b"<rss><channel><item><title>broken",
        b"<html><body>a web page, not a feed</body></html>",
        b"\x00\x01\x02 binary",
        b"",
    ],
)
def test_malformed_feeds(body: bytes) -> None:
    with pytest.raises(MalformedFeed):
        parse_feed(body, "http://x/", content_type="text/xml")


def test_normalise_url() -> None:
    assert normalise_url("HTTPS://News.Example/a?x=1#c") == "https://news.example/a?x=1"
    assert normalise_url("https://news.example") == "https://news.example/"


def test_page_extraction() -> None:
    paragraphs = [
        "Le texte de l'article, assez long pour être retenu par l'extracteur de texte.",
        "Un deuxième paragraphe qui décrit le programme de la visite en détail, avec des horaires.",
        "Un troisième paragraphe cite les organisateurs et donne le lieu de la réunion prévue.",
    ]
    html = page("Visite", paragraphs, lang="fr")
    art = extract_article(html, "https://n.example/1", published=dt.date(2025, 10, 6))
    assert art is not None and "Le texte de l'article" in art.text
    assert "Home" not in art.text and "Fixture newsroom" not in art.text  # boilerplate gone
    assert art.title == "Visite" and art.language == "fr"
    assert art.published == dt.date(2025, 10, 6)
    assert html_language(b"<html>") is None
    assert extract_article(b"<html><body></body></html>", "https://n.example/2") is None


def test_content_hash_ignores_spacing_and_case() -> None:
    assert content_hash("Putin  will\nvisit") == content_hash("putin will visit")
    assert content_hash("a") != content_hash("b")


def test_content_hash_of_ascii_text_is_that_of_the_general_rule() -> None:
    """ASCII text takes a faster way; it must give the hash of the general rule (NFKC,
    words joined by one space, casefolded), or stored texts would stop matching."""
    import hashlib
    import random
    import unicodedata

    def rule(text: str) -> str:
        norm = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
        return hashlib.sha256(norm.encode("utf-8")).hexdigest()

    rnd = random.Random(14)
    alphabet = "aZ. \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x00\u00e9\u00a0\u2009\uff21\u00df"
    for _ in range(20_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(25)))
        assert content_hash(text) == rule(text), repr(text)
    assert content_hash("  Putin\x1cwill \r\n visit  ") == content_hash("PUTIN WILL VISIT")
