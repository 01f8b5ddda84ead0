"""``warrantwatch watch``: read the Court's and the depositary's publications, and review
what they propose for the record (a thin shell over :mod:`warrantwatch.monitor.record_watch`)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from warrantwatch.cli.edit_cmds import EditorOpt, OldEditorOpt, who

watch_app = typer.Typer(
    help="Watch the Court's press releases and the UN depositary's notifications; review the "
    "changes to the record they propose.",
    no_args_is_help=True,
)


@watch_app.command("run")
def run(
    url: Annotated[
        list[str] | None,
        typer.Option("--url", help="WATCHER=URL: read this address instead (repeat)."),
    ] = None,
) -> None:
    """One round over every watched source: new items go to the review queue."""
    from warrantwatch.cli.edit_cmds import _pairs
    from warrantwatch.cli.main import kb
    from warrantwatch.kb.lookup import LookupFailed
    from warrantwatch.monitor.fetch import FetchPolicy, fetch
    from warrantwatch.monitor.record_watch import run_round

    base = kb()
    policy = FetchPolicy.from_settings(base.settings)

    def state_of(name: str) -> str | None:
        try:
            return base.resolver.state(name).iso2
        except LookupFailed:
            return None

    report = run_round(
        base.engine,
        base.world,
        lambda u: fetch(u, policy, accept="application/rss+xml, text/html, */*").content,
        state_of=state_of,
        data_dir=base.settings.data_dir,
        urls=_pairs(url, "--url"),
    )
    for watcher, status in report.checked.items():
        typer.echo(f"{watcher}: {status}")
    typer.echo(f"{report.proposed} new proposals, {report.skipped} already known or on record")


@watch_app.command("status")
def status() -> None:
    """When each watched source was last checked, and how that went."""
    from warrantwatch.cli.main import kb
    from warrantwatch.monitor.record_watch import last_checks

    base = kb()
    for row in last_checks(base.engine, base.settings.data_dir):
        typer.echo(f"{row['id']}: last checked {row['at'] or 'never'} ({row['status']})")


@watch_app.command("proposals")
def proposals(
    state: Annotated[str, typer.Option(help="pending, accepted or rejected")] = "pending",
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
) -> None:
    """The changes watchers proposed, newest first, with their sources."""
    from warrantwatch.cli.main import emit_json, kb
    from warrantwatch.monitor.record_watch import pending

    rows = pending(kb().engine, state)
    if fmt == "json":
        emit_json(
            [
                {"id": r.id, "watcher": r.watcher, "kind": r.kind, "summary": r.summary,
                 "values": r.values, "source": r.source, "note": r.note, "status": r.status}
                for r in rows
            ]
        )  # fmt: skip
        return
    if not rows:
        typer.echo(f"no {state} proposals")
    for r in rows:
        typer.echo(f"#{r.id} [{r.watcher}] {r.kind}: {r.summary}")
        typer.echo(f"    fields: {json.dumps(r.values, ensure_ascii=False)}")
        typer.echo(
            f'    source: {r.source["publisher"]}, "{r.source["title"]}" <{r.source["url"]}>'
        )
        if r.note:
            typer.echo(f"    note: {r.note}")


@watch_app.command("accept")
def accept(
    proposal: Annotated[int, typer.Argument(help="Proposal number.")],
    values: Annotated[
        list[str] | None, typer.Option("--set", help="FIELD=VALUE to complete or correct.")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason")] = None,
    by: EditorOpt = None,
    old_editor: OldEditorOpt = None,
) -> None:
    """Accept a proposal, completing its fields: it becomes an audited change of the record."""
    from warrantwatch.cli.edit_cmds import _pairs
    from warrantwatch.cli.main import fail, kb
    from warrantwatch.kb.edits import EditError
    from warrantwatch.monitor.record_watch import ProposalError
    from warrantwatch.monitor.record_watch import accept as do_accept

    try:
        edit_id = do_accept(
            kb().engine,
            proposal,
            who(by, old_editor),
            changes=_pairs(values, "--set"),
            reason=reason,
        )
    except (EditError, ProposalError) as exc:
        fail(str(exc))
    typer.echo(f"proposal #{proposal} accepted: change #{edit_id}")


@watch_app.command("reject")
def reject(
    proposal: Annotated[int, typer.Argument(help="Proposal number.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is not a change.")],
    by: EditorOpt = None,
    old_editor: OldEditorOpt = None,
) -> None:
    """Reject a proposal, with the reason."""
    from warrantwatch.cli.main import fail, kb
    from warrantwatch.monitor.record_watch import ProposalError
    from warrantwatch.monitor.record_watch import reject as do_reject

    try:
        do_reject(kb().engine, proposal, who(by, old_editor), reason)
    except ProposalError as exc:
        fail(str(exc))
    typer.echo(f"proposal #{proposal} rejected")


def register(app: typer.Typer) -> None:
    app.add_typer(watch_app, name="watch")
