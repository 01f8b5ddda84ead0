"""``warrantwatch check FILE|URL|-``: the claims of a statement, tested against the KB."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    @app.command("check")
    def check_cmd(
        source: Annotated[
            str,
            typer.Argument(
                help="A file (.txt, .md, .html, .docx), an http(s) URL, or - for stdin."
            ),
        ],
        on: Annotated[
            str | None,
            typer.Option(
                "--on", help="Judge the claims as of this date, YYYY-MM-DD (default: today)."
            ),
        ] = None,
        fmt: Annotated[
            CheckFormat, typer.Option("--format", "-f", help="Output format.")
        ] = CheckFormat.text,
        strict: Annotated[
            bool, typer.Option("--strict", help="Exit with status 1 when any claim disagrees.")
        ] = False,
    ) -> None:
        """List each factual claim of a statement the knowledge base can test: agrees, disagrees
        or cannot check, with what the knowledge base says and its sources."""
        from warrantwatch.check.engine import check_text
        from warrantwatch.check.inputs import UnreadableInput, read_statement
        from warrantwatch.check.render import as_markdown, as_text
        from warrantwatch.cli.main import fail, kb, parse_date

        day = parse_date(on)
        try:
            text = read_statement(source)
        except UnreadableInput as exc:
            fail(f"cannot read {source}: {exc}")
        result = check_text(kb().world, text, day)
        if fmt is CheckFormat.json:
            typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        elif fmt is CheckFormat.markdown:
            typer.echo(as_markdown(result), nl=False)
        else:
            typer.echo(as_text(result), nl=False)
        if strict and result.counts()["disagrees"]:
            raise typer.Exit(1)
