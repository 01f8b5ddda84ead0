"""Responses in the real formats of each source kind, written for these tests.

Shapes follow the formats as published (Atom 1.0; a Google News RSS search result with
``<source url=...>``; the GDELT DOC 2.0 ArtList JSON; a Telegram channel's web preview
page with ``tgme_widget_message`` blocks). The texts are made up; markers
``[[trip ...]]`` are what the fake scanner reads.
"""

from __future__ import annotations

import json
from html import escape as html_escape
from typing import Any
from xml.sax.saxutils import escape


def atom(entries: list[dict[str, str]]) -> bytes:
    """An Atom 1.0 feed: entries {id, title, link, updated (RFC 3339), summary}."""
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        "<title>Fixture Presidency: news</title><id>urn:fixture:presidency</id>",
        "<updated>2026-11-30T09:00:00Z</updated>",
    ]
    for e in entries:
        parts.append(
            f"<entry><id>{escape(e['id'])}</id><title>{escape(e['title'])}</title>"
            f'<link rel="alternate" href="{escape(e["link"])}"/>'
            f"<updated>{e['updated']}</updated><published>{e['updated']}</published>"
            f"<summary>{escape(e.get('summary', ''))}</summary></entry>"
        )
    parts.append("</feed>")
    return "".join(parts).encode("utf-8")


def google_news_rss(items: list[dict[str, str]], query: str = "fixture") -> bytes:
    """A Google News RSS search result: items {title, link, guid, pubDate, source, source_url}."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>',
        "<generator>NFE/5.0</generator>",
        f'<title>"{escape(query)}" - Google News</title>',
        "<link>https://news.google.com/search</link><language>en-US</language>",
        "<webMaster>news-webmaster@google.com</webMaster>",
        "<copyright>2026 Google LLC</copyright>",
        "<lastBuildDate>Mon, 30 Nov 2026 09:00:00 GMT</lastBuildDate>",
        "<description>Google News</description>",
    ]
    for it in items:
        parts.append(
            f"<item><title>{escape(it['title'])} - {escape(it['source'])}</title>"
            f"<link>{escape(it['link'])}</link>"
            f'<guid isPermaLink="false">{escape(it["guid"])}</guid>'
            f"<pubDate>{it['pubDate']}</pubDate>"
            f"<description>{escape(it.get('description', ''))}</description>"
            f'<source url="{escape(it["source_url"])}">{escape(it["source"])}</source></item>'
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode("utf-8")


def gdelt_artlist(articles: list[dict[str, Any]]) -> bytes:
    """GDELT DOC 2.0 ``mode=ArtList&format=json``: {"articles": [...]}."""
    full = [
        {
            "url": a["url"],
            "url_mobile": "",
            "title": a["title"],
            "seendate": a["seendate"],
            "socialimage": "",
            "domain": a["domain"],
            "language": a.get("language", "English"),
            "sourcecountry": a.get("sourcecountry", "United States"),
        }
        for a in articles
    ]
    return json.dumps({"articles": full}).encode("utf-8")


def telegram_preview(channel: str, messages: list[dict[str, str]]) -> bytes:
    """A channel's web preview (https://t.me/s/NAME): messages {id, text (lines), datetime}."""
    blocks = []
    for m in messages:
        text = "<br/>".join(html_escape(line) for line in m["text"].split("\n"))
        blocks.append(
            f"""<div class="tgme_widget_message_wrap js-widget_message_wrap">
<div class="tgme_widget_message text_not_supported_wrap js-widget_message"
 data-post="{channel}/{m["id"]}" data-view="x">
 <div class="tgme_widget_message_user"><a href="https://t.me/{channel}"></a></div>
 <div class="tgme_widget_message_bubble">
  <div class="tgme_widget_message_author accent_color">
   <a class="tgme_widget_message_owner_name" href="https://t.me/{channel}"
     ><span dir="auto">Fixture Channel</span></a>
  </div>
  <div class="tgme_widget_message_text js-message_text" dir="auto">{text}</div>
  <div class="tgme_widget_message_footer compact js-message_footer">
   <div class="tgme_widget_message_info short js-message_info">
    <span class="tgme_widget_message_views">1.2K</span>
    <span class="copyonly"> views</span>
    <span class="tgme_widget_message_meta"><a class="tgme_widget_message_date"
      href="https://t.me/{channel}/{m["id"]}"
      ><time datetime="{m["datetime"]}" class="time">09:00</time></a></span>
   </div>
  </div>
 </div>
</div>
</div>"""
        )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Fixture Channel – Telegram</title></head>
<body class="widget_frame_base tgme_webpage">
<header class="tgme_header"><div class="tgme_channel_info">
<div class="tgme_channel_info_header_title"><span dir="auto">Fixture Channel</span></div>
</div></header>
<main class="tgme_main"><section class="tgme_channel_history js-message_history">
{"".join(blocks)}
</section></main></body></html>""".encode()
