"""CLI commands of the monitor layer, registered on the main app by :func:`register`.

Heavy imports stay inside the command functions so that `warrantwatch assess` starts fast.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add this layer's commands to ``app``."""
    _register_scan(app)
    _register_service_commands(app)  # monitor, review ..., backfill (monitor service)
    _register_sources(app)  # sources list|check|enable|disable|add


# --- scan: text -> trip events (scanner; docs/scanner.md) ------------------------------------


class ScanFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


def _register_scan(app: typer.Typer) -> None:
    @app.command("scan")
    def scan(
        inputs: Annotated[
            list[str] | None,
            typer.Argument(
                help="Files (plain text, HTML, JSON Lines; .gz too), http(s) URLs, or - for "
                "standard input (the default).",
                show_default=False,
            ),
        ] = None,
        published: Annotated[
            str | None,
            typer.Option(
                "--published",
                help="Publication date, YYYY-MM-DD: anchors 'on Thursday'. For JSON Lines, "
                "a line's own 'published' wins; for HTML, this wins over the page's date.",
            ),
        ] = None,
        fmt: Annotated[
            ScanFormat,
            typer.Option("--format", "-f", help="text, json (one list) or jsonl (streamed)."),
        ] = ScanFormat.text,
        min_confidence: Annotated[
            float,
            typer.Option("--min-confidence", min=0.0, max=1.0, help="Drop less confident events."),
        ] = 0.0,
        contacts: Annotated[
            bool,
            typer.Option(
                "--contacts/--no-contacts",
                help="Also list contacts of states' officials with persons subject to warrants "
                "(meetings, calls, joint appearances, letters); JSON objects with "
                '"type": "contact".',
            ),
        ] = True,
    ) -> None:
        """List the trips that texts report: who, where, when, status, evidence, and the duty;
        and the contacts of states' officials with the persons."""
        import json
        from pathlib import Path

        from warrantwatch.cli.main import fail, kb, parse_date
        from warrantwatch.monitor.readers import InputError, read_input
        from warrantwatch.monitor.scanner import Scanner

        args = inputs or ["-"]
        for a in args:
            remote = a.lower().startswith(("http://", "https://"))
            if a != "-" and not remote and not Path(a).is_file():
                fail(
                    f"no such file: {a}"
                    + ("; only http and https addresses are fetched" if "://" in a else "")
                )
        pub = parse_date(published) if published else None
        from platformdirs import user_cache_dir

        from warrantwatch.config import get_settings

        if any(a.lower().startswith(("http://", "https://")) for a in args):
            # the monitor's guarded fetcher: no private addresses, size and time caps
            from warrantwatch.monitor.fetch import fetcher_for_scan
            from warrantwatch.monitor.readers import set_fetcher

            set_fetcher(fetcher_for_scan(get_settings()))

        cache = get_settings().cache_dir or Path(user_cache_dir("warrantwatch", appauthor=False))
        scanner = Scanner(kb().world, cache_dir=cache)
        problems: list[str] = []

        def warn(msg: str) -> None:
            problems.append(msg)
            typer.echo(f"warrantwatch: {msg}", err=True)

        collected: list[dict[str, object]] = []
        count = 0
        try:
            for arg in args:
                for article in read_input(arg, published=pub, warn=warn):
                    for ev in scanner.scan(article):
                        if ev.confidence < min_confidence:
                            continue
                        count += 1
                        if fmt is ScanFormat.jsonl:
                            typer.echo(json.dumps(ev.as_dict(), ensure_ascii=False))
                        elif fmt is ScanFormat.json:
                            collected.append(ev.as_dict())
                        else:
                            _print_event(scanner, ev)
                    for cev in scanner.contacts(article) if contacts else ():
                        if cev.confidence < min_confidence:
                            continue
                        count += 1
                        if fmt is ScanFormat.jsonl:
                            typer.echo(json.dumps(cev.as_dict(), ensure_ascii=False))
                        elif fmt is ScanFormat.json:
                            collected.append(cev.as_dict())
                        else:
                            _print_contact(scanner, cev)
        except InputError as exc:
            fail(str(exc))
        if fmt is ScanFormat.json:
            typer.echo(json.dumps(collected, ensure_ascii=False, indent=2))
        elif fmt is ScanFormat.text and count == 0:
            typer.echo("no trips or contacts found" if contacts else "no trips found")
        if problems:
            raise typer.Exit(2)


def _print_event(scanner: object, ev: object) -> None:
    from warrantwatch.monitor.model import TripEvent
    from warrantwatch.monitor.scanner import Scanner

    assert isinstance(scanner, Scanner) and isinstance(ev, TripEvent)
    world = scanner.world
    person = world.persons[ev.person].name if ev.person in world.persons else ev.person
    state = world.state_name(ev.destination_iso2)
    where = state + (f" ({ev.place})" if ev.place else "")
    when = ev.start_date.isoformat() if ev.start_date else "date not given"
    typer.echo(
        f"{person} -> {where} [{ev.destination_iso2}], {when}, {ev.status}, "
        f"confidence {ev.confidence:.2f}"
    )
    d = ev.duty or {}
    if d.get("duty") == "binding":
        typer.echo(
            f"  duty: BINDING ({', '.join(d.get('basis', []))}); state status "
            f"{d.get('state_status')} on {d.get('on')}"
        )
    elif d.get("duty") == "none":
        typer.echo(f"  duty: none (state status {d.get('state_status')} on {d.get('on')})")
    else:
        typer.echo("  duty: unknown (state not in the knowledge base)")
    if ev.known_trip:
        typer.echo(f"  known trip: already recorded in the knowledge base as {ev.known_trip}")
    typer.echo(f"  evidence: {ev.evidence}")
    if ev.url:
        typer.echo(f"  source: {ev.url}")


def _print_contact(scanner: object, ev: object) -> None:
    from warrantwatch.monitor.model import ContactEvent
    from warrantwatch.monitor.scanner import Scanner

    assert isinstance(scanner, Scanner) and isinstance(ev, ContactEvent)
    typer.echo(contact_line(scanner.world, ev))
    if ev.known_contact:
        typer.echo(f"  known contact: already recorded in the knowledge base as {ev.known_contact}")
    typer.echo(f"  evidence: {ev.evidence}")
    if ev.url:
        typer.echo(f"  source: {ev.url}")


def contact_line(world: object, ev: object) -> str:
    """One line for a contact event: who met whom, where, when, and the state's status."""
    from warrantwatch.law.world import World
    from warrantwatch.monitor.model import ContactEvent

    assert isinstance(world, World) and isinstance(ev, ContactEvent)
    person = world.persons[ev.person].name if ev.person in world.persons else ev.person
    office = ev.office.replace("_", " ")
    who = f"{world.state_name(ev.state)}'s {office}" + (
        f" ({ev.official_name})" if ev.official_name else ""
    )
    where = f" in {ev.place or world.state_name(ev.place_iso2)}" if ev.place_iso2 else ""
    when = ev.date.isoformat() if ev.date else "date not given"
    party = {True: "a State Party", False: "not a State Party", None: "status unknown"}[
        ev.state_party
    ]
    return (
        f"contact: {who} [{ev.state}] - {person}, {ev.kind.replace('_', ' ')}{where}, {when}, "
        f"{ev.status}; {ev.state} {party} that day; confidence {ev.confidence:.2f}"
    )


# ------------------------------------------------------------------ monitor service
# `monitor`, `review list|show|confirm|correct|reject|reject-event`, `backfill`
# (monitor service; docs/monitor.md).

# Options shared by the review commands (module level: annotations are resolved here).
# One name for each thing across CLI, API and docs: `--by` says who (as in `user ...`),
# `--reason` says why (the API's `reason`). The old `--editor` and `--note` still work,
# hidden from the help.
by_opt = typer.Option("--by", help="Your name, recorded in the audit trail.")
editor_alias = typer.Option("--editor", hidden=True, help="Old name of --by.")
note_alias = typer.Option("--note", hidden=True, help="Old name of --reason.")


def _who(by: str | None, editor: str | None) -> str:
    """The reviewer's name from ``--by`` (or the old ``--editor``); one line if neither."""
    from warrantwatch.cli.edit_cmds import who

    return who(by, editor)


fmt_opt = typer.Option("--format", "-f", help="text, json (list: also csv, markdown)")


def _register_service_commands(app: typer.Typer) -> None:
    review_app = typer.Typer(
        help="Confirm, correct or reject trips the monitor found (confirmed trips join the "
        "knowledge base).",
        no_args_is_help=True,
    )
    app.add_typer(review_app, name="review")

    @app.command("monitor")
    def monitor_cmd(
        once: Annotated[
            bool, typer.Option("--once", help="One round, then exit (for cron and tests).")
        ] = False,
        all_feeds: Annotated[
            bool, typer.Option("--all", help="Poll every source now, due or not.")
        ] = False,
        status: Annotated[
            bool, typer.Option("--status", help="Show sources, articles and alerts; poll nothing.")
        ] = False,
        verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
    ) -> None:
        """Poll the configured feeds and pages, scan new articles, alert on bound trips."""
        import logging

        from warrantwatch.cli.main import emit_json, fail, kb
        from warrantwatch.config import get_settings
        from warrantwatch.monitor import store

        logging.basicConfig(
            level=logging.INFO if verbose else logging.ERROR,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
        settings = get_settings()
        base = kb()
        if status:
            emit_json(
                {
                    "feeds": store.feed_status(base.engine),
                    "alerts": store.outbox_status(base.engine),
                    "trips_pending_review": len(
                        store.list_trips(base.engine, review_status=("pending", "changed"))
                    ),
                    "articles": store.list_articles(base.engine, limit=20),
                }
            )
            return
        if not settings.monitor:
            fail("the monitor is off (monitor = false); set WARRANTWATCH_MONITOR=true to run it")
        from warrantwatch.monitor.service import Monitor

        try:
            monitor = Monitor(settings, engine=base.engine, world=base.world)
        except ImportError as exc:
            fail(f"the scanner is not available: {exc}", 1)
        if monitor.catalogue_error:
            typer.echo(f"warning: source catalogue not used: {monitor.catalogue_error}", err=True)
        if not monitor.sources():
            fail(
                "no sources to watch: no catalogue, no [[feeds]] in warrantwatch.toml, and none "
                "added with 'warrantwatch sources add'"
            )
        if once:
            report = monitor.run_round(force=all_feeds, wait=True)
            typer.echo(str(report))
            for err in report.feed_errors:
                typer.echo(f"source failed: {err}", err=True)
            return
        if not settings.alert_urls:
            typer.echo("warning: no alert_urls configured; alerts wait in the outbox", err=True)
        typer.echo(f"monitoring {len(monitor.sources())} sources; Ctrl-C to stop", err=True)
        if all_feeds:
            typer.echo(str(monitor.run_round(force=True)))

        def first(report) -> None:  # type: ignore[no-untyped-def]
            for name, error in report.failed_sources:
                typer.echo(f"could not reach {name}: {error}", err=True)

        try:
            monitor.run_forever(on_round=lambda r: typer.echo(str(r)), on_first_round=first)
        except KeyboardInterrupt:
            monitor.stop()

    def _review_fail(exc: Exception) -> None:
        from warrantwatch.cli.main import fail

        fail(str(exc))

    def _engine():  # type: ignore[no-untyped-def]
        from warrantwatch.cli.main import kb

        return kb().engine

    def _print_trip(view, fmt: str) -> None:  # type: ignore[no-untyped-def]
        from warrantwatch.cli.main import emit_json

        if fmt == "json":
            emit_json(view.as_dict())
            return
        d = view.as_dict()
        a = d["assessment"] or {}
        typer.echo(
            f"Trip #{d['id']}: {d['person']} -> {d['destination']}"
            + (f" ({d['place']})" if d["place"] else "")
        )
        typer.echo(
            f"  date: {d['start_date'] or 'not reported'}"
            + (f" to {d['end_date']}" if d["end_date"] else "")
            + f"; status: {d['status']}"
            + (f" (outcome: {d['outcome']})" if d["outcome"] else "")
            + f"; confidence {d['confidence']}"
        )
        by = d["reviewed_by"]
        if by:
            by = f" by {by}" if d["review_status"] in ("confirmed", "rejected") else f" ({by})"
        typer.echo(
            f"  review: {d['review_status']}{by or ''}"
            + (f"; in knowledge base as {d['kb_trip_id']}" if d["kb_trip_id"] else "")
        )
        for k in d["known_trips"]:
            typer.echo(
                f"  already in the knowledge base: {k['id']} ({k['start']}, {k['outcome']}, "
                f"{k['origin']}): the same trip?"
            )
        if a:
            typer.echo(f"  duty: {a.get('duty')} (basis: {', '.join(a.get('basis') or []) or '-'})")
        typer.echo("  reports:")
        for e in d["events"]:
            mark = " [rejected]" if e["rejected"] else ""
            src = e["source"]
            typer.echo(
                f"    event #{e['id']}{mark}: {e['status']} {e['start_date'] or ''} "
                f"({e['language'] or '?'}, {src['published'] or 'undated'}) {src['url']}"
            )
            typer.echo(f'      "{e["evidence"]}"')
        if d["audit"]:
            typer.echo("  history:")
            for h in d["audit"]:
                typer.echo(
                    f"    {h['at']} {h['editor']}: {h['action']}"
                    + (f" ({h['reason']})" if h["reason"] else "")
                )

    def _check_fmt(fmt: str, allowed: tuple[str, ...] = ("text", "json")) -> None:
        if fmt not in allowed:
            _review_fail(ValueError(f"unknown format {fmt!r}; use {', '.join(allowed)}"))

    @review_app.command("list")
    def review_list(
        show_all: Annotated[
            bool, typer.Option("--all", help="Every trip, not only those awaiting review.")
        ] = False,
        limit: Annotated[int, typer.Option(min=1, help="Most trips listed.")] = 50,
        fmt: Annotated[str, fmt_opt] = "text",
    ) -> None:
        """Trips awaiting review (new, or changed by the news since confirmation)."""
        from warrantwatch.cli import output
        from warrantwatch.monitor import review, store

        _check_fmt(fmt, ("text", "json", "csv", "markdown"))
        engine = _engine()
        views = (
            store.list_trips(engine, limit=limit)
            if show_all
            else review.pending(engine, limit=limit)
        )
        rows = [
            {
                "id": v.id,
                "person": v.person_id,
                "destination": v.destination,
                "start_date": v.start_date.isoformat() if v.start_date else None,
                "status": v.status,
                "bound": v.bound,
                "confidence": round(v.confidence, 2),
                "review": v.review_status,
                "reports": len(v.events),
            }
            for v in views
        ]
        cols = list(rows[0]) if rows else ["id", "person", "destination", "start_date", "status"]
        what = "trips" if show_all else "trips awaiting review"
        output.print_rows(rows, cols, fmt, title=f"{len(rows)} {what}")

    @review_app.command("show")
    def review_show(
        trip_id: Annotated[int, typer.Argument(help="Trip number (see 'review list').")],
        fmt: Annotated[str, fmt_opt] = "text",
    ) -> None:
        """One trip: its reports with evidence and sources, the legal verdict, its history."""
        from warrantwatch.monitor import review

        _check_fmt(fmt)
        try:
            _print_trip(review.show(_engine(), trip_id), fmt)
        except review.ReviewError as exc:
            _review_fail(exc)

    @review_app.command("confirm")
    def review_confirm(
        trip_id: Annotated[int, typer.Argument(help="Trip number.")],
        by: Annotated[str | None, by_opt] = None,
        reason: Annotated[
            str | None, typer.Option(help="Why (kept in the audit and with the trip).")
        ] = None,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
        note: Annotated[str | None, note_alias] = None,
    ) -> None:
        """Confirm a trip: it joins the knowledge base with its articles as sources."""
        from warrantwatch.monitor import review

        _check_fmt(fmt)
        who = _who(by, editor)
        try:
            _print_trip(review.confirm(_engine(), trip_id, who, note=reason or note), fmt)
        except review.ReviewError as exc:
            _review_fail(exc)

    @review_app.command("correct")
    def review_correct(
        trip_id: Annotated[int, typer.Argument(help="Trip number.")],
        by: Annotated[str | None, by_opt] = None,
        person: Annotated[str | None, typer.Option(help="Person id.")] = None,
        destination: Annotated[str | None, typer.Option(help="ISO code of the state.")] = None,
        date: Annotated[str | None, typer.Option("--date", help="Start, YYYY-MM-DD.")] = None,
        end: Annotated[str | None, typer.Option("--end", help="End, YYYY-MM-DD.")] = None,
        place: Annotated[str | None, typer.Option(help="City or venue.")] = None,
        status: Annotated[
            str | None, typer.Option(help="planned, occurred, cancelled or arrest.")
        ] = None,
        outcome: Annotated[
            str | None,
            typer.Option(help="planned, not_arrested, arrested, cancelled or did_not_attend."),
        ] = None,
        occasion: Annotated[str | None, typer.Option(help="Summit, state visit ...")] = None,
        reason: Annotated[str | None, typer.Option(help="Why (kept in the audit).")] = None,
        and_confirm: Annotated[
            bool, typer.Option("--confirm", help="Confirm the trip after correcting it.")
        ] = False,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
    ) -> None:
        """Correct a trip's fields; later news will not override them."""
        from warrantwatch.monitor import review

        _check_fmt(fmt)
        who = _who(by, editor)
        given = {
            "person": person,
            "destination": destination,
            "start_date": date,
            "end_date": end,
            "place": place,
            "status": status,
            "outcome": outcome,
            "occasion": occasion,
        }
        fields = {k: v for k, v in given.items() if v is not None}
        engine = _engine()
        try:
            view = review.correct(engine, trip_id, who, fields, reason=reason)
            if and_confirm:
                view = review.confirm(engine, trip_id, who)
            _print_trip(view, fmt)
        except review.ReviewError as exc:
            _review_fail(exc)

    @review_app.command("reject")
    def review_reject(
        trip_id: Annotated[int, typer.Argument(help="Trip number.")],
        reason: Annotated[str, typer.Option(help="Why the trip is wrong (kept in the audit).")],
        by: Annotated[str | None, by_opt] = None,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
    ) -> None:
        """Reject a trip: no more alerts for it; removed from the knowledge base if confirmed."""
        from warrantwatch.monitor import review

        _check_fmt(fmt)
        who = _who(by, editor)
        try:
            _print_trip(review.reject(_engine(), trip_id, who, reason), fmt)
        except review.ReviewError as exc:
            _review_fail(exc)

    @review_app.command("reject-event")
    def review_reject_event(
        event_id: Annotated[int, typer.Argument(help="Event number (see 'review show').")],
        reason: Annotated[str, typer.Option(help="Why this report is wrong.")],
        by: Annotated[str | None, by_opt] = None,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
    ) -> None:
        """Reject one report of a trip; the trip is recomputed from the others."""
        from warrantwatch.monitor import review

        _check_fmt(fmt)
        who = _who(by, editor)
        try:
            _print_trip(review.reject_event(_engine(), event_id, who, reason), fmt)
        except review.ReviewError as exc:
            _review_fail(exc)

    # --- contacts (monitor/contact_record.py): reviewed like trips ---------------------
    def _print_contact_view(view, fmt: str) -> None:  # type: ignore[no-untyped-def]
        from warrantwatch.cli.main import emit_json
        from warrantwatch.monitor.contact_record import NOT_JUDGED

        if fmt == "json":
            emit_json({"contact": view.contact, "events": view.events})
            return
        c = view.contact
        typer.echo(
            f"contact #{c['id']}: {c['state']} {c['office'].replace('_', ' ')}"
            + (f" ({c['official_name']})" if c["official_name"] else "")
            + f" - {c['person']}, {c['kind'].replace('_', ' ')}, {c['date'] or 'no date'}, "
            f"{c['status']}; review: {c['review_status']}"
            + (f"; in the knowledge base as {c['kb_contact_id']}" if c["kb_contact_id"] else "")
        )
        for e in view.events:
            mark = " (rejected)" if e["rejected"] else ""
            typer.echo(f"  report #{e['id']}{mark} {e['published'] or ''} {e['url'] or ''}")
            typer.echo(f"    {e['evidence']}")
        typer.echo(NOT_JUDGED)

    @review_app.command("contacts")
    def review_contacts(
        show_all: Annotated[
            bool, typer.Option("--all", help="Every contact, not only those awaiting review.")
        ] = False,
        limit: Annotated[int, typer.Option(min=1, help="Most contacts listed.")] = 50,
        fmt: Annotated[str, fmt_opt] = "text",
    ) -> None:
        """Contacts of states' officials with persons subject to warrants, awaiting review."""
        from warrantwatch.cli.main import emit_json
        from warrantwatch.monitor import contact_record

        _check_fmt(fmt)
        states = ("pending", "confirmed", "rejected") if show_all else ("pending",)
        rows = contact_record.list_contacts(_engine(), review_status=states, limit=limit)
        if fmt == "json":
            emit_json(rows)
            return
        if not rows:
            typer.echo("no contacts awaiting review")
        for c in rows:
            typer.echo(
                f"#{c['id']} {c['state']} {c['office']} - {c['person']}, {c['kind']}, "
                f"{c['date'] or 'no date'}, {c['status']}, {c['review_status']}"
            )

    @review_app.command("contact")
    def review_contact(
        contact_id: Annotated[int, typer.Argument(help="Contact number (see 'review contacts').")],
        fmt: Annotated[str, fmt_opt] = "text",
    ) -> None:
        """One contact with its reports, evidence and sources."""
        from warrantwatch.monitor import contact_record

        _check_fmt(fmt)
        try:
            _print_contact_view(contact_record.show(_engine(), contact_id), fmt)
        except contact_record.ContactReviewError as exc:
            _review_fail(exc)

    @review_app.command("confirm-contact")
    def review_confirm_contact(
        contact_id: Annotated[int, typer.Argument(help="Contact number.")],
        by: Annotated[str | None, by_opt] = None,
        note: Annotated[str | None, typer.Option(help="A note kept with the contact.")] = None,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
    ) -> None:
        """Confirm a contact: it joins the knowledge base with its articles as sources."""
        from warrantwatch.monitor import contact_record

        _check_fmt(fmt)
        who = _who(by, editor)
        try:
            view = contact_record.confirm(_engine(), contact_id, who, note=note)
            _print_contact_view(view, fmt)
        except contact_record.ContactReviewError as exc:
            _review_fail(exc)

    @review_app.command("reject-contact")
    def review_reject_contact(
        contact_id: Annotated[int, typer.Argument(help="Contact number.")],
        reason: Annotated[str, typer.Option(help="Why this contact is wrong.")],
        by: Annotated[str | None, by_opt] = None,
        fmt: Annotated[str, fmt_opt] = "text",
        editor: Annotated[str | None, editor_alias] = None,
    ) -> None:
        """Reject a contact: no alert, and out of the knowledge base if it was confirmed."""
        from warrantwatch.monitor import contact_record

        _check_fmt(fmt)
        who = _who(by, editor)
        try:
            _print_contact_view(contact_record.reject(_engine(), contact_id, who, reason), fmt)
        except contact_record.ContactReviewError as exc:
            _review_fail(exc)

    @app.command("backfill")
    def backfill_cmd(
        files: Annotated[
            list[Path],
            typer.Argument(help="Archives: .warc, .warc.gz, .jsonl, .jsonl.gz, .parquet files."),
        ],
        scheduler: Annotated[
            str | None,
            typer.Option(
                help="Dask scheduler address, tcp://HOST:PORT (default: local processes)."
            ),
        ] = None,
        workers: Annotated[
            int, typer.Option(min=1, help="Local worker processes (without --scheduler).")
        ] = 2,
        batch: Annotated[
            int, typer.Option(min=1, help="Documents per unit of work in gzipped files.")
        ] = 200,
        alert: Annotated[
            bool, typer.Option("--alert", help="Queue alerts for what is found (off: old news).")
        ] = False,
        skip_empty: Annotated[
            bool,
            typer.Option(
                "--skip-empty",
                help="Count articles without any event instead of storing them.",
            ),
        ] = False,
        interval: Annotated[
            float,
            typer.Option(min=0.1, help="Seconds between progress lines when not on a terminal."),
        ] = 10.0,
    ) -> None:
        """Scan news archives for trips and store what they hold (then: warrantwatch review).

        Stopped (Ctrl-C) and run again with the same files, it goes on where it stopped
        and stores nothing twice.
        """
        from warrantwatch.cli.main import fail, kb
        from warrantwatch.cli.progress import ProgressView
        from warrantwatch.config import get_settings
        from warrantwatch.monitor.backfill import ArchiveError, backfill

        if scheduler is not None and not scheduler.startswith(("tcp://", "tls://", "inproc://")):
            fail(f"not a scheduler address: {scheduler!r}; use tcp://HOST:PORT")
        base = kb()
        try:
            with ProgressView(interval=interval) as view:
                report = backfill(
                    files,
                    get_settings(),
                    engine=base.engine,
                    world=base.world,
                    scheduler=scheduler,
                    workers=workers,
                    batch_size=batch,
                    alert=alert,
                    skip_empty=skip_empty,
                    progress=view,
                )
        except ArchiveError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail(
                "interrupted; what was stored is kept: run the same command again to go on",
                130,
            )
        except OSError as exc:
            if scheduler is None:
                fail(f"cannot read the archives: {exc}", 1)
            fail(f"cannot reach the Dask scheduler {scheduler}: {exc}", 1)
        typer.echo(str(report))
        rows = report.summary()
        if rows:
            typer.echo("found, per person and destination:")
            for r in rows:
                bound = {True: "bound to arrest", False: "not bound", None: "duty unknown"}
                typer.echo(
                    f"  {r['person']} -> {r['destination']}: {r['reports']} reports, "
                    f"{r['trips']} trips ({bound[r['bound']]})"
                )
        for b in report.bad_records[:20]:
            typer.echo(f"skipped: {b}", err=True)


# ------------------------------------------------------------------ sources


class SourcesFormat(StrEnum):
    text = "text"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _register_sources(app: typer.Typer) -> None:
    sources_app = typer.Typer(
        help="The sources the monitor watches: list them with their state, check, switch "
        "on and off, add your own.",
        no_args_is_help=True,
    )
    app.add_typer(sources_app, name="sources")

    def book():  # type: ignore[no-untyped-def]
        import datetime as dt

        from warrantwatch.cli.main import kb
        from warrantwatch.config import get_settings
        from warrantwatch.monitor.sources import SourceBook

        base = kb()
        b = SourceBook(get_settings(), base.engine)
        if b.catalogue_error:
            typer.echo(f"warning: source catalogue not used: {b.catalogue_error}", err=True)
        return b, base.world, dt.date.today()

    @sources_app.command("list")
    def sources_list(
        fmt: Annotated[SourcesFormat, typer.Option("--format", "-f")] = SourcesFormat.text,
        kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    ) -> None:
        """Each source: kind, tier, language, last success, items seen, last failure, next poll."""
        from warrantwatch.cli import output
        from warrantwatch.cli.main import emit_json

        b, world, day = book()
        rows = [r for r in b.rows(world, day) if kind is None or r["kind"] == kind]
        if fmt is SourcesFormat.json:
            emit_json(rows)
            return
        cols = [
            "id", "kind", "tier", "language", "enabled", "last_ok_at", "items_seen",
            "last_error", "next_due_at",
        ]  # fmt: skip
        view = [
            {
                **r,
                "last_error": (r["last_error"] or "")[:60],
                "enabled": "yes" if r["enabled"] else "no",
            }
            for r in rows
        ]
        output.print_rows(view, cols, fmt.value, title=f"{len(rows)} sources")

    @sources_app.command("check")
    def sources_check(
        source: Annotated[
            str | None, typer.Argument(help="Source id or address; all enabled ones if left out.")
        ] = None,
    ) -> None:
        """Fetch one source (or all) now and say what came back."""
        from sqlalchemy import select
        from sqlalchemy.orm import Session

        from warrantwatch.cli.main import fail, kb
        from warrantwatch.config import get_settings
        from warrantwatch.monitor.service import Monitor
        from warrantwatch.monitor.sources import SourceError, feed_key
        from warrantwatch.monitor.tables import FeedState

        base = kb()
        monitor = Monitor(get_settings(), engine=base.engine, world=base.world)
        if source is not None:
            try:
                targets = [monitor.book.find(monitor.world, monitor.clock().date(), source)]
            except SourceError as exc:
                fail(str(exc))
        else:
            targets = monitor.sources()
        if not targets:
            fail("no sources to check")
        report = monitor.run_round(only={t.url for t in targets})
        with Session(base.engine) as s:
            states = {
                st.url_hash: st
                for st in s.scalars(
                    select(FeedState).where(
                        FeedState.url_hash.in_([feed_key(t.url) for t in targets])
                    )
                )
            }
        bad = 0
        for t in targets:
            st = states.get(feed_key(t.url))
            label = t.id or t.url
            if st is None or st.last_polled_at is None:
                typer.echo(f"{label}: not polled")
                bad += 1
            elif st.last_error:
                typer.echo(f"{label}: FAILED: {st.last_error}")
                bad += 1
            else:
                typer.echo(f"{label}: ok ({st.items_seen or 0} items seen in all)")
        typer.echo(str(report))
        if bad:
            raise typer.Exit(1)

    def _switch(source: str, on: bool) -> None:
        from warrantwatch.cli.main import fail
        from warrantwatch.monitor.sources import SourceError

        b, world, day = book()
        try:
            cfg = b.set_enabled(world, day, source, on)
        except SourceError as exc:
            fail(str(exc))
        typer.echo(f"{cfg.id or cfg.url}: {'enabled' if on else 'disabled'}")

    @sources_app.command("enable")
    def sources_enable(
        source: Annotated[str, typer.Argument(help="Source id or address.")],
    ) -> None:
        """Switch a source on (kept in the database)."""
        _switch(source, True)

    @sources_app.command("disable")
    def sources_disable(
        source: Annotated[str, typer.Argument(help="Source id or address.")],
    ) -> None:
        """Switch a source off (kept in the database)."""
        _switch(source, False)

    @sources_app.command("add")
    def sources_add(
        url: Annotated[str, typer.Argument(help="Address (http or https).")],
        kind: Annotated[
            str, typer.Option(help="feed, page, telegram, google_news or gdelt.")
        ] = "feed",
        name: Annotated[str | None, typer.Option(help="A label.")] = None,
        language: Annotated[str | None, typer.Option(help="ISO 639-1 code.")] = None,
        interval: Annotated[int, typer.Option(help="Seconds between polls (>= 60).")] = 900,
        tier: Annotated[
            str | None, typer.Option(help="official, agency, wire, media or aggregator.")
        ] = None,
    ) -> None:
        """Add a source of your own (stored in the database)."""
        from warrantwatch.cli.main import fail
        from warrantwatch.monitor.sources import SourceError

        b, _world, _day = book()
        try:
            cfg = b.add(url, kind=kind, name=name, language=language, interval=interval, tier=tier)
        except SourceError as exc:
            fail(str(exc))
        typer.echo(f"added {cfg.id}: {cfg.kind} {cfg.url}")
