"""Issue 15 items 8, 10, 11 and 12: archives and texts that try to crash or fool the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from warrantwatch.cli.main import app
from warrantwatch.monitor.backfill import read_archive
from warrantwatch.monitor.readers import MAX_FETCH_BYTES

runner = CliRunner()
GOOD = "Vladimir Putin will arrive in Dushanbe on 9 October 2025."


def _bomb(path: Path, prefix: bytes = b"") -> Path:
    """A few kB of gzip that inflate past the cap (zeros compress ~1000:1)."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(prefix)
        chunk = b"\0" * (1 << 20)
        for _ in range(MAX_FETCH_BYTES // len(chunk) + 2):
            fh.write(chunk)
    return path


def test_txt_gz_bomb_is_refused_in_flat_memory(scan_env: Path) -> None:
    """Item 8: the whole file was read at once."""
    path = _bomb(scan_env / "bomb.txt.gz")
    assert path.stat().st_size < 100_000
    r = runner.invoke(app, ["scan", str(path)])
    assert r.exit_code != 0
    assert "bomb.txt.gz" in r.output and "more than" in r.output


def test_html_gz_bomb_is_refused(scan_env: Path) -> None:
    path = _bomb(scan_env / "bomb.html.gz", b"<html><body><p>")
    r = runner.invoke(app, ["scan", str(path)])
    assert r.exit_code != 0 and "bomb.html.gz" in r.output


def test_a_deeply_nested_line_is_skipped_not_fatal(scan_env: Path) -> None:
    """Item 10: RecursionError ended the whole scan."""
    path = scan_env / "deep.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(deep + "\n" + json.dumps({"text": GOOD}) + "\n")
    r = runner.invoke(app, ["scan", str(path), "--published", "2025-10-07"])
    assert r.exit_code == 2, r.output  # a problem was reported ...
    assert "deep.jsonl:1" in r.output and "Traceback" not in r.output
    assert "Tajikistan" in r.output  # ... and the good line was still scanned


def test_backfill_skips_a_deeply_nested_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    deep = '{"url": "https://e.example/a", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path.write_text(deep + "\n" + json.dumps({"url": "https://e.example/b", "text": GOOD}) + "\n")
    bad: list[str] = []
    docs = list(read_archive(path, bad))
    assert [d.url for d in docs] == ["https://e.example/b"] and "deep.jsonl:1" in bad[0]


def test_truncated_jsonl_gz_names_the_file(scan_env: Path) -> None:
    """Item 11: it printed only "Aborted."."""
    whole = gzip.compress((json.dumps({"text": GOOD}) + "\n").encode() * 2000)
    path = scan_env / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    r = runner.invoke(app, ["scan", str(path), "--published", "2025-10-07", "-f", "jsonl"])
    assert r.exit_code != 0
    assert "cut.jsonl.gz" in r.output and "truncated" in r.output
    assert "Aborted" not in r.output


def test_backfill_of_a_non_gzip_file_says_so(scan_env: Path) -> None:
    """Item 11: it said "cannot reach the Dask scheduler None: Not a gzipped file"."""
    path = scan_env / "plain.jsonl.gz"
    path.write_text(json.dumps({"url": "https://e.example/a", "text": GOOD}) + "\n")
    r = runner.invoke(app, ["backfill", str(path)])
    assert r.exit_code != 0
    assert "plain.jsonl.gz" in r.output and "not a gzip file" in r.output
    assert "Dask" not in r.output


def test_truncated_archive_in_backfill_keeps_what_was_read(tmp_path: Path) -> None:
    lines = [json.dumps({"url": f"https://e.example/{i}", "text": GOOD}) for i in range(3000)]
    whole = gzip.compress("\n".join(lines).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    bad: list[str] = []
    docs = list(read_archive(path, bad))
    assert docs and "truncated" in bad[-1] and "cut.jsonl.gz" in bad[-1]


def test_escape_sequences_are_neutralised(scan_env: Path) -> None:
    """Item 12: ESC ] 0 ; ... BEL was printed raw, in article text and in arguments."""
    text = "Vladimir Putin \x1b]0;owned\x07 will arrive in Dushanbe on 9 October 2025. \x9b2J"
    path = scan_env / "esc.txt"
    path.write_text(text)
    r = runner.invoke(app, ["scan", str(path), "--published", "2025-10-07"])
    assert "Tajikistan" in r.stdout
    assert "\x1b" not in r.output and "\x07" not in r.output and "\x9b" not in r.output
    assert "\\u001b" in r.output
    r = runner.invoke(app, ["scan", str(scan_env / "no\x1b[2Jsuch.txt")])
    assert r.exit_code != 0 and "\x1b" not in r.output


def test_json_output_stays_valid_json(scan_env: Path) -> None:
    path = scan_env / "esc.txt"
    path.write_text("Vladimir Putin \x9b will arrive in Dushanbe on 9 October 2025.")
    r = runner.invoke(app, ["scan", str(path), "--published", "2025-10-07", "-f", "json"])
    events = json.loads(r.stdout)
    assert "\x9b" in events[0]["evidence"] and "\x9b" not in r.stdout
