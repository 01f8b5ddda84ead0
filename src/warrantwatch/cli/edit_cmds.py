"""``warrantwatch edit``: editors add, correct and retract facts, each with its source.

A thin shell over :mod:`warrantwatch.kb.edits`; a refused change prints one line and exits
with status 2, and nothing is written.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

edit_app = typer.Typer(
    help="Change the record: add, correct or retract a warrant, custody event, treaty action, "
    "finding, trip or position. Every change needs a source and a reason, and is audited.",
    no_args_is_help=True,
)

KindArg = Annotated[
    str,
    typer.Argument(help="warrant, custody, treaty-action, finding, trip or position."),
]
SetOpt = Annotated[
    list[str] | None,
    typer.Option("--set", help="FIELD=VALUE of the fact (repeat); lists and objects as JSON."),
]
MatchOpt = Annotated[
    list[str] | None,
    typer.Option("--match", help="FIELD=VALUE picking out the fact to change (repeat)."),
]
# One name for who decides across CLI, API and docs: `--by` (as in `user ...` and
# `review ...`). The old `--editor` still works for scripts that use it, hidden from help.
EditorOpt = Annotated[
    str | None, typer.Option("--by", help="Your name, recorded in the audit (required).")
]
OldEditorOpt = Annotated[
    str | None, typer.Option("--editor", hidden=True, help="Old name of --by.")
]


def who(by: str | None, editor: str | None) -> str:
    """The editor's name from ``--by`` (or the old ``--editor``); one line if neither."""
    name = (by or editor or "").strip()
    if not name:
        from warrantwatch.cli.main import fail

        fail("say who is deciding: --by NAME (kept in the audit trail)")
    return name


ReasonOpt = Annotated[str, typer.Option("--reason", help="Why: recorded in the audit.")]
UrlOpt = Annotated[str, typer.Option("--source-url", help="Address of the page it rests on.")]
PublisherOpt = Annotated[str, typer.Option("--source-publisher", help="Who published it.")]
TitleOpt = Annotated[str, typer.Option("--source-title", help="Its title, as the page gives it.")]
DateOpt = Annotated[
    str | None, typer.Option("--source-date", help="Its publication date, YYYY-MM-DD.")
]
AccessedOpt = Annotated[
    str | None, typer.Option("--source-accessed", help="When you read it, YYYY-MM-DD.")
]
SymbolOpt = Annotated[
    str | None, typer.Option("--source-symbol", help="Official symbol (ICC-…, C.N.…).")
]


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    from warrantwatch.cli.main import fail

    out: dict[str, str] = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            fail(f"{what} {item!r}: use FIELD=VALUE")
        out[key.strip()] = value
    return out


def _run(
    action: str, kind: str, editor: str, reason: str, source: dict[str, Any], **kw: Any
) -> None:
    from warrantwatch.cli.main import fail, kb
    from warrantwatch.kb.edits import EditError, record

    try:
        edit = record(kb().engine, editor, action, kind, source=source, reason=reason, **kw)
    except EditError as exc:
        fail(str(exc))
    done = {"add": "added", "correct": "corrected", "retract": "retracted"}[action]
    typer.echo(f"{edit.kind} {edit.target}: {done} (change #{edit.id}, by {edit.editor})")
    if edit.after:
        typer.echo(json.dumps(edit.after, ensure_ascii=False))


HELP = {
    "add": "Add a fact: a new warrant or summons, an arrest or surrender, an accession ...",
    "correct": "Correct a fact on record (a warrant unsealed: --set made_public=DATE).",
    "retract": "Take a fact off the record (entered in error), with the page that shows it wrong.",
}


def _command(action: str):  # type: ignore[no-untyped-def]
    """One command per action; they differ only in which of --match and --set they take."""

    def command(
        kind: KindArg,
        reason: ReasonOpt,
        source_url: UrlOpt,
        source_publisher: PublisherOpt,
        source_title: TitleOpt,
        values: SetOpt = None,
        match: MatchOpt = None,
        source_date: DateOpt = None,
        source_accessed: AccessedOpt = None,
        source_symbol: SymbolOpt = None,
        by: EditorOpt = None,
        editor: OldEditorOpt = None,
    ) -> None:
        from warrantwatch.cli.main import fail

        if action == "add" and match:
            fail("--match picks out a fact to correct or retract; 'add' takes --set only")
        if action == "retract" and values:
            fail("'retract' takes --match only")
        src = {
            "url": source_url,
            "publisher": source_publisher,
            "title": source_title,
            "date": source_date,
            "accessed": source_accessed,
            "symbol": source_symbol,
        }
        kw: dict[str, Any] = {}
        if action != "retract":
            kw["values"] = _pairs(values, "--set")
        if action != "add":
            kw["match"] = _pairs(match, "--match")
        _run(action, kind, who(by, editor), reason, src, **kw)

    command.__doc__ = HELP[action]
    return command


for _action in HELP:
    edit_app.command(_action)(_command(_action))


@edit_app.command("fields")
def fields(kind: KindArg) -> None:
    """The fields a kind of fact has, and the ones that pick one out."""
    from warrantwatch.cli.main import fail
    from warrantwatch.kb.edits import EditError, fields_of, kind_of

    try:
        k = kind_of(kind)
    except EditError as exc:
        fail(str(exc))
    typer.echo(f"{k.name}: {', '.join(fields_of(k))}")
    typer.echo(f"picked out by: {', '.join(k.key)}")


@edit_app.command("history")
def history(
    limit: Annotated[int, typer.Option(help="How many changes, newest first.")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """Every change editors made: who, when, what before and after, why, on what source."""
    from warrantwatch.cli.main import emit_json, kb
    from warrantwatch.kb.edits import history as list_history

    rows = list_history(kb().engine, limit)
    if fmt == "json":
        emit_json([{**r, "at": r["at"].isoformat()} for r in rows])
        return
    if not rows:
        typer.echo("no changes by editors yet")
    for r in rows:
        typer.echo(
            f"#{r['id']} {r['at']:%Y-%m-%d %H:%M} {r['editor']}: {r['action']} {r['kind']} "
            f"{r['target']}: {r['reason']}"
        )
        typer.echo(f"    before: {json.dumps(r['before'], ensure_ascii=False)}")
        typer.echo(f"    after:  {json.dumps(r['after'], ensure_ascii=False)}")
        typer.echo(
            f'    source: {r["source"]["publisher"]}, "{r["source"]["title"]}" '
            f"<{r['source']['url']}>"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(edit_app, name="edit")
