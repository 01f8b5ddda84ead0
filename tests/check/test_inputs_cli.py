"""``warrantwatch check`` end to end: each input format, a URL from a local server, stdin,
the output formats, and unreadable input (one line, exit status 2)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from tests.check.statements import EN, FR
from tests.monitor_service.conftest import server  # noqa: F401  (the local HTTP server)
from tests.monitor_service.helpers import LocalServer, Route
from typer.testing import CliRunner

from warrantwatch.check.inputs import UnreadableInput, markdown_text, text_of
from warrantwatch.cli.main import app

runner = CliRunner()


def ww(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args), input=stdin)
    return res.exit_code, res.stdout, res.stderr


def verdicts(out: str) -> dict[str, str]:
    return {c["kind"]: c["verdict"] for c in json.loads(out)["claims"]}


def docx_bytes(paragraphs: list[str]) -> bytes:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _expect_model_case(out: str) -> None:
    v = verdicts(out)
    assert v["party_dates"] == "disagrees"
    assert v["warrant_date"] == "agrees" and v["warrant_articles"] == "agrees"


def test_text_file_json(cli_env: Path, tmp_path: Path) -> None:
    f = tmp_path / "statement.txt"
    f.write_text(EN, encoding="utf-8")
    code, out, _ = ww("check", str(f), "--on", "2025-10-01", "--format", "json")
    assert code == 0
    _expect_model_case(out)
    party = next(c for c in json.loads(out)["claims"] if c["kind"] == "party_dates")
    assert "5 May 2000" in party["kb"] and "1 July 2002" in party["kb"]
    assert party["sources"][0]["publisher"] == "Fixture Publisher"


def test_text_output_lists_verdicts_and_sources(cli_env: Path, tmp_path: Path) -> None:
    f = tmp_path / "statement.txt"
    f.write_text(EN, encoding="utf-8")
    code, out, _ = ww("check", str(f), "--on", "2025-10-01")
    assert code == 0
    assert "[DISAGREES] party_dates" in out and "[AGREES] warrant_date" in out
    assert "https://example.org/fixture/treaty-status" in out


def test_markdown_output(cli_env: Path, tmp_path: Path) -> None:
    f = tmp_path / "statement.txt"
    f.write_text(FR, encoding="utf-8")
    code, out, _ = ww("check", str(f), "--on", "2025-10-01", "-f", "markdown")
    assert code == 0 and out.startswith("# Statement check")
    assert "**DISAGREES**" in out and "> Le Tadjikistan est un État partie" in out


def test_markdown_file(cli_env: Path, tmp_path: Path) -> None:
    f = tmp_path / "draft.md"
    f.write_text("# Draft\n\n" + FR.replace("État partie", "**État partie**"), encoding="utf-8")
    code, out, _ = ww("check", str(f), "--on", "2025-10-01", "-f", "json")
    assert code == 0
    _expect_model_case(out)


def test_html_file(cli_env: Path, tmp_path: Path) -> None:
    paras = "".join(f"<p>{p}</p>" for p in EN.split("\n\n"))
    head = "<!doctype html><html><head><title>Test</title></head>"
    page = f"{head}<body><article>{paras}</article></body></html>"
    f = tmp_path / "draft.html"
    f.write_text(page, encoding="utf-8")
    code, out, _ = ww("check", str(f), "--on", "2025-10-01", "-f", "json")
    assert code == 0
    _expect_model_case(out)


def test_docx_file(cli_env: Path, tmp_path: Path) -> None:
    f = tmp_path / "draft.docx"
    f.write_bytes(docx_bytes(FR.split("\n\n")))
    code, out, _ = ww("check", str(f), "--on", "2025-10-01", "-f", "json")
    assert code == 0
    _expect_model_case(out)


def test_stdin(cli_env: Path) -> None:
    code, out, _ = ww("check", "-", "--on", "2025-10-01", "-f", "json", stdin=EN.encode())
    assert code == 0
    _expect_model_case(out)


def test_strict_exits_1_on_a_disagreement(cli_env: Path) -> None:
    code, _, _ = ww("check", "-", "--strict", stdin=EN.encode())
    assert code == 1
    code, _, _ = ww("check", "-", "--strict", stdin=b"Putin remains at large.")
    assert code == 0


def test_url_through_the_safe_fetcher(
    cli_env: Path,
    server: LocalServer,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from warrantwatch.config import get_settings

    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in EN.split("\n\n"))
    server.routes["/statement"] = Route(
        body=(page + "</article></body></html>").encode(), content_type="text/html; charset=utf-8"
    )
    # by default the safe fetcher refuses a loopback address, before any request
    code, _, err = ww("check", server.url("/statement"))
    assert code == 2 and "cannot read" in err and server.gets("/statement") == []
    monkeypatch.setenv("WARRANTWATCH_ALLOW_PRIVATE_ADDRESSES", "true")
    get_settings.cache_clear()
    code, out, _ = ww("check", server.url("/statement"), "--on", "2025-10-01", "-f", "json")
    assert code == 0
    _expect_model_case(out)
    server.routes["/gone"] = Route(status=404, body=b"no")
    code, _, err = ww("check", server.url("/gone"))
    assert code == 2 and "404" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary\x00", "binary"),
        (b"\xff\xfe\xfa not utf-8", "UTF-8"),
        (b"PK\x03\x04 broken zip", ".docx"),
    ],
)
def test_unreadable_input_is_one_line_exit_2(
    cli_env: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    code, out, err = ww("check", str(f))
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_missing_file_and_bad_date(cli_env: Path) -> None:
    code, _, err = ww("check", "/no/such/statement.txt")
    assert code == 2 and "no such file" in err
    code, _, err = ww("check", "-", "--on", "1 July", stdin=b"x")
    assert code == 2 and "not a date" in err


def test_readers_directly() -> None:
    assert "State Party" in markdown_text("*Tajikistan* is a **State Party**.")
    assert text_of(docx_bytes(["One.", "Two."]), "a.docx") == "One.\n\nTwo."
    with pytest.raises(UnreadableInput):
        text_of(b"<html><body></body></html>", "x.html")
