"""Reading inputs: kinds, JSON Lines, HTML through trafilatura, and fetching from a local server."""

from __future__ import annotations

import datetime as dt
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from warrantwatch.monitor import readers
from warrantwatch.monitor.readers import InputError, fetch, read_input, sniff

HTML = b"""<!doctype html><html><head><title>Putin to visit Tajikistan</title>
<meta property="article:published_time" content="2025-10-06"></head><body>
<nav>Home | World | Sport</nav><article><h1>Putin to visit Tajikistan</h1>
<p>Russian President Vladimir Putin will fly to Dushanbe on Thursday for the summit of the
Commonwealth of Independent States, the Kremlin said on Tuesday.</p>
<p>Tajikistan has been a party to the Rome Statute since 2002.</p></article>
<footer>Copyright Example News</footer></body></html>"""


def test_sniff_kinds() -> None:
    assert sniff(HTML) == "html"
    assert sniff(b'{"text": "a"}\n{"text": "b"}\n') == "jsonl"
    assert sniff(b"Plain words here.") == "text"
    assert sniff(b"x", "text/html; charset=utf-8") == "html"


def test_jsonl_lines_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"text": "one", "published": "2025-10-07", "language": "ru", "url": "https://x.org/1"}\n'
        "not json\n"
        '{"title": "no text"}\n'
        '{"text": "two", "published": "yesterday"}\n',
        encoding="utf-8",
    )
    warnings: list[str] = []
    arts = list(read_input(str(p), published=dt.date(2020, 1, 1), warn=warnings.append))
    assert [a.text for a in arts] == ["one", "two"]
    assert arts[0].published == dt.date(2025, 10, 7) and arts[0].language == "ru"
    assert arts[1].published == dt.date(2020, 1, 1)
    assert len(warnings) == 3 and f"{p}:2" in warnings[0]


def test_jsonl_line_longer_than_the_cap_is_skipped_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    p = tmp_path / "in.jsonl"
    huge = '{"text": "' + "x" * 5000 + '"}'
    p.write_text(f'{{"text": "one"}}\n{huge}\n{{"text": "two"}}\n{huge}', encoding="utf-8")
    warnings: list[str] = []
    arts = list(read_input(str(p), warn=warnings.append))
    assert [a.text for a in arts] == ["one", "two"]
    assert [w.split(": ", 1)[0] for w in warnings] == [f"{p}:2", f"{p}:4"]
    assert all("longer than" in w for w in warnings)
    # No line handed on is longer than the cap, even the last one without a line break.
    lines = list(readers.bounded_lines(io.BytesIO(huge.encode() * 3), limit=1000))
    assert lines == [None]


def test_jsonl_byte_order_mark_broken_bytes_and_lenient_numbers(tmp_path: Path) -> None:
    """orjson reads the lines; what it refuses but the standard library accepts still reads."""
    p = tmp_path / "odd.jsonl"
    p.write_bytes(
        b'\xef\xbb\xbf{"text": "first, after a byte-order mark"}\n'
        b'{"text": "caf\xe9 in Latin-1, not UTF-8"}\n'
        b'{"text": "a NaN score", "score": NaN}\n'
        b"   \n"
        b'{"text": "\\u041f\\u0443\\u0442\\u0438\\u043d escaped"}\n'
        b'{"text": unquoted}\n'
        b'{"text": "a broken escape \\ud800 here"}\n'
    )
    warnings: list[str] = []
    arts = list(read_input(str(p), warn=warnings.append))
    assert [a.text for a in arts] == [
        "first, after a byte-order mark",
        "caf\ufffd in Latin-1, not UTF-8",
        "a NaN score",
        "Путин escaped",
        "a broken escape \ufffd here",
    ]
    assert len(warnings) == 1 and f"{p}:6: not JSON" in warnings[0]


def test_gzip_and_text_and_stdin(tmp_path: Path) -> None:
    gz = tmp_path / "in.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write('{"text": "zipped"}\n')
    assert [a.text for a in read_input(str(gz))] == ["zipped"]
    txt = tmp_path / "a.txt"
    txt.write_text("plain text", encoding="utf-8")
    assert [a.text for a in read_input(str(txt))] == ["plain text"]
    stdin = io.BufferedReader(io.BytesIO(b'{"text": "from stdin"}\n'))  # type: ignore[arg-type]
    assert [a.text for a in read_input("-", stdin=stdin)] == ["from stdin"]
    with pytest.raises(InputError):
        list(read_input(str(tmp_path / "missing.txt")))


def test_html_article_text_title_and_date(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(HTML)
    (art,) = read_input(str(p))
    assert "Dushanbe on Thursday" in art.text and "Copyright" not in art.text
    assert art.title == "Putin to visit Tajikistan" and art.published == dt.date(2025, 10, 6)
    (art,) = read_input(str(p), published=dt.date(2025, 10, 7))
    assert art.published == dt.date(2025, 10, 7)


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/big":
            body = b"x" * 2_000
        elif self.path == "/missing":
            self.send_response(404)
            self.end_headers()
            return
        else:
            body = HTML
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def server() -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


def test_fetch_from_local_server_with_caps(server: str) -> None:
    body, ctype = fetch(f"{server}/page")
    assert b"Dushanbe" in body and "html" in ctype
    with pytest.raises(InputError, match="larger than"):
        fetch(f"{server}/big", max_bytes=1_000)
    with pytest.raises(InputError, match="404"):
        fetch(f"{server}/missing")
    with pytest.raises(InputError, match="only http"):
        fetch("file:///etc/passwd")
    (art,) = read_input(f"{server}/page")
    assert art.url == f"{server}/page" and "Dushanbe" in art.text


def test_fetcher_can_be_swapped() -> None:
    calls: list[str] = []

    def fake(url: str) -> tuple[bytes, str]:
        calls.append(url)
        return b"Putin will fly to Dushanbe.", "text/plain"

    readers.set_fetcher(fake)
    try:
        (art,) = read_input("https://example.org/x")
    finally:
        readers.set_fetcher(readers.fetch)
    assert calls == ["https://example.org/x"] and art.text == "Putin will fly to Dushanbe."
