"""Terminal rendering with Rich: what a person reads first comes first."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from typing import Any

from rich.panel import Panel
from rich.table import Table

from warrantwatch.cli.textsafe import SafeConsole
from warrantwatch.law.obligations import Assessment
from warrantwatch.law.records import PersonRec, SourceRef, StateRec
from warrantwatch.law.where import WhereAnswer
from warrantwatch.law.wording import STATUS_WORDS
from warrantwatch.reports.markdown import BASIS_WORDS, source_line


def _width() -> int | None:
    """The terminal's width; into a pipe or file, 160 columns rather than Rich's 80, so
    that tables of ids, names and dates are not cut to "vladi…"."""
    if sys.stdout.isatty() or os.environ.get("COLUMNS"):
        return None
    return 160


console = SafeConsole(highlight=False, soft_wrap=False, width=_width())


def print_assessment(a: Assessment) -> None:
    if a.duty == "binding":
        head = f"[bold green]YES[/]: {a.state.name} must arrest and surrender {a.person.name}"
    elif any(c.get("question") == "art_127_2_withdrawal" for c in a.contested):
        head = (
            f"[bold yellow]CONTESTED[/]: whether {a.state.name} must still arrest "
            f"{a.person.name} after its withdrawal (art. 127(2))"
        )
    elif a.warrant_duties:
        head = (
            f"[bold yellow]NO TREATY DUTY[/]: {a.state.name} is not bound to arrest {a.person.name}"
        )
    else:
        head = f"[bold]NO OUTSTANDING WARRANT[/] for {a.person.name}"
    basis = "; ".join(BASIS_WORDS[b] for b in a.basis) or "none"
    console.print(Panel(f"{head}\non {a.on.isoformat()} — basis: {basis}", expand=False))
    console.print(a.explanation, markup=False)
    articles = [c for c in a.as_dict()["citations"] if c["type"] == "article"]
    if articles:
        console.print(
            "\n[bold]Articles cited[/] (quoted in --format markdown/json): "
            + ", ".join(f"art. {c['ref']}" for c in articles)
        )
    console.print("\n[bold]Sources[/]")
    for i, s in enumerate(a.sources, 1):
        console.print(source_line(i, s), markup=False)


def print_state(
    s: StateRec,
    summary: dict[str, Any],
    actions: list[dict[str, Any]],
    sources: list[SourceRef],
    situation_names: dict[str, str] | None = None,
) -> None:
    status = STATUS_WORDS[summary["state_status"]]
    lines = [f"[bold]{s.name}[/] ({s.iso2}/{s.iso3}) on {summary['on']}: [bold]{status}[/]"]
    for key in (
        "signed",
        "signature_withdrawn",
        "deposited",
        "party_since",
        "withdrawal_notified",
        "withdrawal_effective",
        "withdrawal_announced",
    ):
        if summary.get(key):
            lines.append(f"  {key.replace('_', ' ')}: {summary[key]}")
    if summary.get("pending_withdrawal"):
        lines.append("  [yellow]withdrawal pending: still bound until it takes effect[/]")
    console.print("\n".join(lines))
    if actions:
        t = Table(title="Treaty record", show_lines=False)
        for col in ("date", "action", "derived", "verified"):
            t.add_column(col)
        for a in actions:
            derived = (
                f"in force {a['entry_into_force']}"
                if a.get("entry_into_force")
                else f"takes effect {a['takes_effect']}"
                if a.get("takes_effect")
                else ""
            )
            t.add_row(
                a["date"], a["type"].replace("_", " "), derived, "yes" if a["verified"] else "NO"
            )
        console.print(t)
    for d in s.declarations:
        sit = (situation_names or {}).get(d.situation or "")
        if sit is None:
            # never a raw id or 'None': a declaration no situation rests on says so
            console.print(
                f"art. 12(3) declaration lodged {d.lodged}, for acts from {d.period_start}: "
                "no situation before the Court rests on it"
            )
        else:
            end = f"to {d.period_end}" if d.period_end else "onwards"
            console.print(
                f"art. 12(3) declaration lodged {d.lodged} for the {sit}, for acts from "
                f"{d.period_start} {end}"
            )
    if sources:
        console.print("[bold]Sources[/]")
        for i, src in enumerate(sources, 1):
            console.print(source_line(i, src), markup=False)


def print_person(
    p: PersonRec,
    summary: dict[str, Any],
    sources: list[SourceRef],
    situation_names: dict[str, str] | None = None,
) -> None:
    import datetime as dt

    from rich.markdown import Markdown

    from warrantwatch.reports.markdown import person_markdown

    text = person_markdown(
        p,
        summary["custody_status"],
        dt.date.fromisoformat(summary.get("on", dt.date.today().isoformat())),
        sources,
        summary["trips"],
        situation_names,
    )
    console.print(Markdown(text))


def print_rows(
    rows: list[dict[str, Any]],
    cols: list[str],
    fmt: str,
    title: str,
    caption: str | None = None,
) -> None:
    """One table in the chosen format; ``caption`` (text and Markdown only) says what the
    title's number counts, as the site says it under the same table."""
    if fmt == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        print(buf.getvalue(), end="")
        return
    if fmt == "markdown":
        print(f"**{title}**\n")
        print("| " + " | ".join(cols) + " |")
        print("|" + "---|" * len(cols))
        for r in rows:
            print("| " + " | ".join("" if r.get(c) is None else str(r.get(c)) for c in cols) + " |")
        if caption:
            print(f"\n{caption}")
        return
    t = Table(title=title, caption=caption, caption_justify="left")
    for c in cols:
        t.add_column(c)
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
    console.print(t)


def print_where(w: WhereAnswer) -> None:
    from warrantwatch.law.counts import where_legend

    console.print(w.headline(), markup=False)
    groups = {b: [d.state.name for d in v] for b, v in w.groups().items()}
    if w.outstanding:
        console.print(where_legend(groups, w.on), markup=False, soft_wrap=True)
    for c in w.caveats:
        console.print(f"Caveat: {c}", markup=False, soft_wrap=True)
    for basis, states in w.groups().items():
        if not states:
            continue
        console.print(f"\n[bold]{w.label(basis)}[/] ({len(states)})")
        names = []
        for s in states:
            also = [b for b in s.bases if b != basis]
            extra = f" [also: {'; '.join(BASIS_WORDS[b] for b in also)}]" if also else ""
            names.append(f"{s.state.name} ({s.state.iso2}){extra}")
        console.print(", ".join(names), markup=False, soft_wrap=True)
    console.print(
        "\nEach state's full answer, with reasoning, immunity question, precedents and "
        f"sources: warrantwatch assess {w.person.id} STATE --on {w.on.isoformat()}",
        markup=False,
    )


def where_rows(w: WhereAnswer) -> list[dict[str, Any]]:
    return [
        {**s.as_dict(), "bases": " | ".join(s.bases), "warrants": " | ".join(s.warrants)}
        for s in w.states
    ]
