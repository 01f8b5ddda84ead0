"""CLI commands of the report layer, registered on the main app by :func:`register`.

``brief`` (visit, person, state briefings as Markdown, HTML or PDF), ``export``
(FollowTheMoney, CSV, JSON) and ``feed`` (Atom alerts, iCalendar trips). Heavy
imports stay inside the command functions so that `warrantwatch assess` starts fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

brief_app = typer.Typer(
    help="Briefings to publish: a visit, a person's record, a state's record.",
    no_args_is_help=True,
)
feed_app = typer.Typer(help="Feeds: Atom alerts and an iCalendar of expected trips.")


class BriefFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    pdf = "pdf"


class Language(StrEnum):
    en = "en"
    fr = "fr"


class PaperSize(StrEnum):
    a4 = "a4"
    letter = "letter"


class ExportFormat(StrEnum):
    ftm = "ftm"
    csv = "csv"
    json = "json"


FormatOpt = Annotated[
    BriefFormat, typer.Option("--format", "-f", help="markdown (default, to stdout), html or pdf.")
]
OutputOpt = Annotated[
    Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
]
LangOpt = Annotated[Language, typer.Option("--lang", help="Language of the briefing.")]
PaperOpt = Annotated[PaperSize, typer.Option("--paper", help="Page size for HTML print and PDF.")]
OnOpt = Annotated[str | None, typer.Option("--on", help="Date, YYYY-MM-DD (default: today).")]


def _write(data: bytes, output: Path | None, binary: bool) -> None:
    """Write to ``output`` (its folder must exist), or to standard output."""
    from warrantwatch.cli.main import fail

    if output is None:
        if binary and sys.stdout.isatty():
            fail("a PDF is binary: give --output FILE (or redirect standard output)")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if output.is_dir():
        fail(f"{output} is a directory; give a file name")
    if not output.parent.exists():
        fail(f"no such directory: {output.parent}")
    tmp = output.with_name(f".{output.name}.part")
    tmp.write_bytes(data)
    tmp.replace(output)
    typer.echo(f"wrote {output} ({len(data):,} bytes)", err=True)


def _emit(briefing: object, fmt: BriefFormat, output: Path | None, paper: PaperSize) -> None:
    from warrantwatch.reports.render import render

    data = render(briefing, fmt.value, paper.value)  # type: ignore[arg-type]
    _write(data, output, binary=fmt is BriefFormat.pdf)


@brief_app.command("visit")
def brief_visit(
    person: Annotated[str, typer.Argument(help="Slug, Wikidata id or any name variant.")],
    state: Annotated[str, typer.Argument(help="ISO code or name of the host state.")],
    on: OnOpt = None,
    fmt: FormatOpt = BriefFormat.markdown,
    output: OutputOpt = None,
    lang: LangOpt = Language.en,
    paper: PaperOpt = PaperSize.a4,
) -> None:
    """Briefing before PERSON's visit to STATE on a date: duties, warrant, precedents, map."""
    from warrantwatch.cli.main import kb, parse_date, resolve
    from warrantwatch.reports.visit import visit_briefing

    day = parse_date(on)
    base = kb()
    p = resolve(base.resolver.person, person)
    s = resolve(base.resolver.state, state)
    _emit(visit_briefing(base.world, p, s, day, lang=lang.value), fmt, output, paper)


@brief_app.command("person")
def brief_person(
    person: Annotated[str, typer.Argument(help="Slug, Wikidata id or any name variant.")],
    on: OnOpt = None,
    fmt: FormatOpt = BriefFormat.markdown,
    output: OutputOpt = None,
    lang: LangOpt = Language.en,
    paper: PaperOpt = PaperSize.a4,
) -> None:
    """A person's record: warrants, charges, offices, custody, trips, bound states."""
    from warrantwatch.cli.main import kb, parse_date, resolve
    from warrantwatch.reports.record import person_briefing

    day = parse_date(on)
    base = kb()
    p = resolve(base.resolver.person, person)
    _emit(person_briefing(base.world, p, day, lang=lang.value), fmt, output, paper)


@brief_app.command("state")
def brief_state(
    state: Annotated[str, typer.Argument(help="ISO code or name in a major language.")],
    on: OnOpt = None,
    fmt: FormatOpt = BriefFormat.markdown,
    output: OutputOpt = None,
    lang: LangOpt = Language.en,
    paper: PaperOpt = PaperSize.a4,
) -> None:
    """A state's record: treaty actions, whom it must arrest, visits, findings."""
    from warrantwatch.cli.main import kb, parse_date, resolve
    from warrantwatch.reports.record import state_briefing

    day = parse_date(on)
    base = kb()
    s = resolve(base.resolver.state, state)
    _emit(state_briefing(base.world, s, day, lang=lang.value), fmt, output, paper)


def export_cmd(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="ftm (FollowTheMoney), csv or json.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Directory to write into (new or empty). Without it, ftm streams the "
            "entities to standard output (one JSON object a line); csv and json write into "
            "./warrantwatch-export-FORMAT.",
        ),
    ] = None,
) -> None:
    """Export the knowledge base: FollowTheMoney entities, CSV tables or lossless JSON."""
    from warrantwatch.cli.main import fail, kb

    if output is None and fmt is ExportFormat.ftm:
        from warrantwatch.reports.ftm import count_schemata, entities, ftm_line

        ents = entities(kb().world)
        out = sys.stdout
        for e in ents:
            out.write(ftm_line(e))
        out.flush()
        typer.echo(f"streamed {len(ents)} entities ({_counts(count_schemata(ents))})", err=True)
        return
    if output is None:
        output = Path(f"warrantwatch-export-{fmt.value}")
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        fail(f"{output} is not an empty directory; choose a new or empty directory")
    from warrantwatch.reports import exports

    base = kb()
    written = exports.export(base.engine, base.world, fmt.value, output)
    typer.echo(f"exported {_counts(written)} to {output}", err=True)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {k}" for k, n in counts.items())


@feed_app.command("atom")
def feed_atom(
    output: OutputOpt = None,
    base_url: Annotated[
        str, typer.Option("--base-url", help="Public address of the dashboard, for links.")
    ] = "",
) -> None:
    """An Atom feed of alerts: detected trips of persons subject to warrants."""
    from warrantwatch.cli.main import kb
    from warrantwatch.reports.feeds import atom_feed

    base = kb()
    _write(atom_feed(base.world, engine=base.engine, base_url=base_url or None), output, False)


@feed_app.command("ics")
def feed_ics(output: OutputOpt = None) -> None:
    """An iCalendar feed of expected trips to states that would be bound to arrest."""
    from warrantwatch.cli.main import kb
    from warrantwatch.reports.feeds import ics_feed

    base = kb()
    _write(ics_feed(base.world, engine=base.engine), output, False)


def register(app: typer.Typer) -> None:
    """Add this layer's commands to ``app``."""
    app.add_typer(brief_app, name="brief")
    app.add_typer(feed_app, name="feed", no_args_is_help=True)
    app.command("export")(export_cmd)
