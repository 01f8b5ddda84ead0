"""The ``warrantwatch`` command: every command a thin shell over a library function.

Bad input (an unknown person or state, a malformed date, broken data files) gets
one clear line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from warrantwatch.cli import (
    check_cmds,
    edit_cmds,
    language_cmds,
    monitor_cmds,
    report_cmds,
    textsafe,
    watch_cmds,
    web_cmds,
)

app = typer.Typer(
    help="Warrant Watch: must a state arrest a person subject to an ICC warrant? With sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _safe_output() -> None:
    """Neutralise control characters in everything the commands print (cli.textsafe)."""
    textsafe.install()


data_app = typer.Typer(help="Check, load and export the curated data files.", no_args_is_help=True)
app.add_typer(data_app, name="data")


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class ListFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    csv = "csv"


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"warrantwatch: {message}", err=True)
    raise typer.Exit(code)


def parse_date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"not a date: {value!r}; use YYYY-MM-DD, for example 2025-10-09")


OnOpt = Annotated[str | None, typer.Option("--on", help="Date, YYYY-MM-DD (default: today).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def kb():  # type: ignore[no-untyped-def]
    """Open the knowledge base, turning set-up failures into one line."""
    from warrantwatch.kb.errors import DatabaseError
    from warrantwatch.kb.service import DataCheckFailed, open_kb

    try:
        return open_kb()
    except DatabaseError as exc:
        fail(str(exc), 1)
    except DataCheckFailed as exc:
        fail(f"{exc}; run 'warrantwatch data check' for the full list", 1)
    except Exception as exc:  # a database that is there but not as expected
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError):
            raise
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        fail(f"database error: {reason}; 'warrantwatch data load' rebuilds the knowledge base", 1)


def resolve(fn: Any, query: str) -> Any:
    from warrantwatch.kb.lookup import LookupFailed

    try:
        return fn(query)
    except LookupFailed as exc:
        fail(str(exc))


def emit_json(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2))


@app.command()
def assess(
    person: Annotated[str, typer.Argument(help="Slug, Wikidata id or any name variant.")],
    state: Annotated[str, typer.Argument(help="ISO code or name in a major language.")],
    on: OnOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """Must STATE arrest and surrender PERSON if found there on the date? On what basis?"""
    from warrantwatch.law.obligations import assess as run_assess

    day = parse_date(on)
    base = kb()
    p = resolve(base.resolver.person, person)
    s = resolve(base.resolver.state, state)
    result = run_assess(base.world, p, s, day)
    if fmt is Format.json:
        emit_json(result.as_dict())
    elif fmt is Format.markdown:
        from warrantwatch.reports.markdown import assessment_markdown

        typer.echo(assessment_markdown(result))
    else:
        from warrantwatch.cli import output  # Rich, imported by the commands that print

        output.print_assessment(result)


@app.command("state")
def state_cmd(
    state: Annotated[str, typer.Argument(help="ISO code or name in a major language.")],
    on: OnOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """A state's Rome Statute status on a date, with its treaty record and sources."""
    from warrantwatch.law.summaries import state_actions, state_sources, state_summary

    day = parse_date(on)
    base = kb()
    s = resolve(base.resolver.state, state)
    summary = state_summary(s, day)
    actions = state_actions(s)
    if fmt is Format.json:
        emit_json(
            {
                **summary,
                "actions": actions,
                "declarations": [
                    {
                        "lodged": d.lodged.isoformat(),
                        "period_start": d.period_start.isoformat(),
                        "period_end": d.period_end.isoformat() if d.period_end else None,
                        "situation": d.situation,
                        "verified": d.fact.verified,
                    }
                    for d in s.declarations
                ],
            }
        )
    elif fmt is Format.markdown:
        from warrantwatch.reports.markdown import state_markdown

        typer.echo(state_markdown(s.name, s.iso2, summary, actions, state_sources(s)))
    else:
        from warrantwatch.cli import output  # Rich, imported by the commands that print

        names = {k: v.name for k, v in kb().world.situations.items()}
        output.print_state(s, summary, actions, state_sources(s), situation_names=names)


@app.command()
def parties(
    on: OnOpt = None, fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text
) -> None:
    """Every State Party on a date."""
    from warrantwatch.law.counts import parties_legend
    from warrantwatch.law.summaries import parties as list_parties

    day = parse_date(on)
    rows = list_parties(kb().world, day)
    cols = ["iso2", "name", "party_since", "pending_withdrawal", "withdrawal_effective"]
    from warrantwatch.cli import output  # Rich, imported by the commands that print

    output.print_rows(
        rows,
        cols,
        fmt.value,
        title=f"{len(rows)} States Parties on {day.isoformat()}",
        caption=parties_legend(kb().world, day),
    )


@app.command()
def person(
    person: Annotated[str, typer.Argument(help="Slug, Wikidata id or any name variant.")],
    on: OnOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    """A person's warrants, charges, positions, custody history and trips, with sources."""
    from warrantwatch.law.summaries import person_sources, person_summary

    day = parse_date(on)
    base = kb()
    p = resolve(base.resolver.person, person)
    summary = person_summary(base.world, p, day)
    if fmt is Format.json:
        emit_json(summary)
    elif fmt is Format.markdown:
        from warrantwatch.reports.markdown import person_markdown

        typer.echo(
            person_markdown(
                p,
                summary["custody_status"],
                day,
                person_sources(p),
                summary["trips"],
                {k: v.name for k, v in base.world.situations.items()},
            )
        )
    else:
        from warrantwatch.cli import output  # Rich, imported by the commands that print

        output.print_person(
            p,
            summary,
            person_sources(p),
            {k: v.name for k, v in base.world.situations.items()},
        )


@app.command()
def persons(
    status: Annotated[
        str | None,
        typer.Option(
            help="at-large, in-custody, in-national-custody, "
            "released, acquitted, convicted, deceased, closed"
        ),
    ] = None,
    on: OnOpt = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f")] = ListFormat.text,
) -> None:
    """Everyone with a public ICC warrant or summons, with custody status on a date."""
    from warrantwatch.law.summaries import STATUS_FILTERS
    from warrantwatch.law.summaries import persons as list_persons

    if status is not None and status not in STATUS_FILTERS:
        from rapidfuzz import process

        close = [c for c, _, _ in process.extract(status, list(STATUS_FILTERS), limit=3)]
        fail(f"unknown status {status!r}; closest: {', '.join(close)}")
    day = parse_date(on)
    from warrantwatch.law.counts import persons_legend

    rows = list_persons(kb().world, day, status)
    cols = [
        "id",
        "name",
        "custody_status",
        "first_warrant",
        "first_summons",
        "outstanding_warrants",
    ]
    from warrantwatch.cli import output  # Rich, imported by the commands that print

    if fmt is ListFormat.text:  # words for a reader; json and csv keep the stable ids
        rows = [{**r, "custody_status": r["custody_status"].replace("_", " ")} for r in rows]
    output.print_rows(
        rows,
        cols,
        fmt.value,
        title=f"{len(rows)} persons ({status or 'all'}) on {day.isoformat()}",
        caption=persons_legend(len(rows), status, day)
        + " first_warrant: the first arrest warrant; first_summons: the first summons to appear;"
        " outstanding_warrants: warrants and summonses not yet executed or ended on that date.",
    )


class WhereFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"


@app.command()
def where(
    person: Annotated[str, typer.Argument(help="Slug, Wikidata id or any name variant.")],
    on: OnOpt = None,
    fmt: Annotated[WhereFormat, typer.Option("--format", "-f", help="text, json or csv.")] = (
        WhereFormat.text
    ),
) -> None:
    """Every state, split by whether it must arrest PERSON on the date, and on what basis
    (State Party, art. 12(3) declaration, Security Council referral, art. 127(2), none)."""
    from warrantwatch.law.where import where as run_where

    day = parse_date(on)
    base = kb()
    p = resolve(base.resolver.person, person)
    answer = run_where(base.world, p, day)
    from warrantwatch.cli import output  # Rich, imported by the commands that print

    if fmt is WhereFormat.json:
        emit_json(answer.as_dict())
    elif fmt is WhereFormat.csv:
        cols = ["iso2", "name", "state_status", "must_arrest", "basis", "bases", "warrants"]
        output.print_rows(output.where_rows(answer), cols, "csv", title="")
    else:
        output.print_where(answer)


DirArg = Annotated[Path | None, typer.Argument(help="Data directory (default: the bundled data).")]


@data_app.command("check")
def data_check(
    directory: DirArg = None,
    warnings: Annotated[
        bool, typer.Option("--warnings/--no-warnings", help="List warnings too.")
    ] = False,
    languages: Annotated[
        Path | None,
        typer.Option(
            "--languages", help="Folder of the scanner's language files (default: the bundled)."
        ),
    ] = None,
) -> None:
    """Validate schema, sources, references and date logic of the data files, and the
    scanner's language files."""
    from warrantwatch.kb.checks import check
    from warrantwatch.kb.files import read_data_dir
    from warrantwatch.monitor.languages import HERE, check_folder, language_files

    if directory is not None and not directory.is_dir():
        fail(f"no such directory: {directory}")
    if languages is not None and not languages.is_dir():
        fail(f"no such directory: {languages}")
    report = check(read_data_dir(directory))
    lang_problems = check_folder(languages or HERE)
    for p in report.errors:
        typer.echo(f"error: {p}", err=True)
    for msg in lang_problems:
        typer.echo(f"error: {msg}", err=True)
    if warnings:
        for p in report.warnings:
            typer.echo(f"warning: {p}", err=True)
        typer.echo("source quality:")
        for line in report.quality.lines():
            typer.echo(f"  {line}")
    elif report.quality.latest_fact:
        typer.echo(f"latest dated fact in the data files: {report.quality.latest_fact}")
    for line in _kb_currency():
        typer.echo(line)
    # the source catalogue of the monitor (sources/catalogue.yaml), when there is one
    from warrantwatch.monitor.catalogue import CatalogueError, bundled_catalogue_path
    from warrantwatch.monitor.catalogue import read_catalogue as read_sources

    cat_path = directory / "sources" / "catalogue.yaml" if directory else bundled_catalogue_path()
    cat_errors = 0
    if cat_path.is_file():
        try:
            report.counts["catalogue sources"] = len(read_sources(cat_path).sources)
        except CatalogueError as exc:
            for line in str(exc).splitlines():
                typer.echo(f"error: sources/{line}", err=True)
                cat_errors += 1
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    n_lang = len(language_files(languages or HERE))
    errors = len(report.errors) + len(lang_problems) + cat_errors
    typer.echo(
        f"{counts}, {n_lang} language files; {errors} errors, {len(report.warnings)} warnings"
    )
    if not report.ok or lang_problems or cat_errors:
        raise typer.Exit(1)


def _kb_currency() -> list[str]:
    """What the built knowledge base adds on how current it is: editors' changes and the last
    check of each watched source (nothing when no database has been built yet)."""
    from warrantwatch.config import get_settings
    from warrantwatch.kb.snapshot import sqlite_file

    settings = get_settings()
    db = sqlite_file(settings.database_url)
    if db is not None and not db.exists():
        return ["watched sources: no knowledge base built yet ('warrantwatch data load')"]
    try:
        from warrantwatch.kb.database import open_engine
        from warrantwatch.kb.edits import history
        from warrantwatch.monitor.record_watch import last_checks

        engine = open_engine(settings.database_url)
        edits = history(engine, 1)
        out = [
            f"editors' changes: latest {edits[0]['at']:%Y-%m-%d %H:%M} UTC by {edits[0]['editor']}"
            if edits
            else "editors' changes: none"
        ]
        for c in last_checks(engine, settings.data_dir):
            when = f"last checked {c['at']} UTC, " if c["at"] else ""
            out.append(f"watched: {c['id']}: {when}{c['status']}")
        engine.dispose()
        return out
    except Exception as exc:  # the files are what data check is about: say so, go on
        return [f"knowledge base not read: {type(exc).__name__}"]


@data_app.command("load")
def data_load(directory: DirArg = None) -> None:
    """Check the data files, then rebuild the knowledge base from them (all or nothing)."""
    from warrantwatch.config import get_settings
    from warrantwatch.kb.database import DatabaseError, open_engine
    from warrantwatch.kb.files import bundled_data_dir
    from warrantwatch.kb.service import DataCheckFailed, build

    if directory is not None and not directory.is_dir():
        fail(f"no such directory: {directory}")
    settings = get_settings()
    try:
        engine = open_engine(settings.database_url)
        counts = build(engine, directory or settings.data_dir or bundled_data_dir())
    except DatabaseError as exc:
        fail(str(exc), 1)
    except DataCheckFailed as exc:
        for p in exc.report.errors:
            typer.echo(f"error: {p}", err=True)
        fail(f"{len(exc.report.errors)} errors in the data; nothing was changed", 1)
    typer.echo(
        "loaded "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
        + f" into {engine.url.render_as_string(hide_password=True)}"
    )


@data_app.command("export")
def data_export(
    output_dir: Annotated[Path, typer.Option("--output", "-o", help="Directory to write into.")],
) -> None:
    """Write the knowledge base out as data files that 'data load' reads back unchanged."""
    from warrantwatch.kb.export import export_data_dir

    if output_dir.exists() and any(output_dir.iterdir()):
        fail(f"{output_dir} is not empty; choose a new or empty directory")
    counts = export_data_dir(kb().engine, output_dir)
    typer.echo("exported " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" to {output_dir}")


monitor_cmds.register(app)
language_cmds.register(app)
web_cmds.register(app)
report_cmds.register(app)
check_cmds.register(app)
edit_cmds.register(app)
watch_cmds.register(app)


def run() -> None:
    """Console entry point: no traceback reaches the user unless WARRANTWATCH_DEBUG is set."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except Exception as exc:
        if os.environ.get("WARRANTWATCH_DEBUG"):
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        typer.echo(
            f"warrantwatch: unexpected error ({type(exc).__name__}: {first}); "
            "set WARRANTWATCH_DEBUG=1 to see the details",
            err=True,
        )
        sys.exit(1)
