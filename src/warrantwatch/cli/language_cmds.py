"""``warrantwatch languages``: the languages the scanner reads, and what each file covers.

A thin shell over :func:`warrantwatch.monitor.coverage.coverage`.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class LangFormat(StrEnum):
    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    @app.command("languages")
    def languages_cmd(
        fmt: Annotated[LangFormat, typer.Option("--format", "-f", help="Output format.")] = (
            LangFormat.text
        ),
        folder: Annotated[
            Path | None,
            typer.Option("--dir", help="Folder of language files (default: the bundled ones)."),
        ] = None,
    ) -> None:
        """List the languages the scanner reads, with what each language file covers."""
        from warrantwatch.monitor.coverage import coverage
        from warrantwatch.monitor.languages import HERE, LanguageFileError

        if folder is not None and not folder.is_dir():
            typer.echo(f"warrantwatch: no such directory: {folder}", err=True)
            raise typer.Exit(2)
        try:
            rows = coverage(folder or HERE)
        except LanguageFileError as exc:
            typer.echo(f"warrantwatch: {exc}", err=True)
            raise typer.Exit(2) from None
        if fmt is LangFormat.json:
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        typer.echo(f"{len(rows)} language files, {sum(len(r['codes']) for r in rows)} codes")
        head = (
            f"{'code':<5} {'name':<14} {'scripts':<10} {'cues':>5} {'trav':>4} {'stat':>4} "
            f"{'tense':>5} {'ref':>4} {'place':>5} {'dates':>5}  cldr"
        )
        typer.echo(head)
        for r in rows:
            c, pm, de, cl = r["cues"], r["place_markers"], r["date_extras"], r["cldr"]
            places = pm["before"] + pm["after"] + pm["suffixes"]
            dates = de["months"] + de["weekdays"] + de["relative"] + de["other"]
            flags = []
            if not r["spaces"]:
                flags.append("no spaces")
            if r["glued_endings"]:
                flags.append("glued endings")
            if len(r["codes"]) > 1 or r["codes"] != [r["code"]]:
                flags.append("codes " + "/".join(r["codes"]))
            cldr = f"{cl['locale']}: {cl['countries']} countries, {cl['months']} months"
            typer.echo(
                f"{r['code']:<5} {r['name'][:14]:<14} {','.join(r['scripts'])[:10]:<10} "
                f"{c['total']:>5} {c['travel']:>4} {c['status']:>4} {c['tense']:>5} "
                f"{c['reference']:>4} {places:>5} {dates:>5}  {cldr}"
                + (f"  [{'; '.join(flags)}]" if flags else "")
            )
