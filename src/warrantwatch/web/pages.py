"""The HTML pages: home, persons, states, the ask form and its shareable answers, review.

Handlers only gather facts (``facts``, the engine, the review port) and hand them to
templates; every page lists the sources of what it states.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import quote as urlquote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import IntegrityError

from warrantwatch.kb.lookup import LookupFailed
from warrantwatch.law import counts as counts_words
from warrantwatch.law.obligations import assess
from warrantwatch.law.statute import UnknownArticle, quote
from warrantwatch.law.summaries import STATUS_FILTERS, person_summary, state_actions
from warrantwatch.law.summaries import persons as list_persons
from warrantwatch.web import facts, review_port, worldmap
from warrantwatch.web.accounts import User, authenticate
from warrantwatch.web.deps import KB, CsrfChecked, DbSession, Editor, Reader
from warrantwatch.web.params import IsoDate, RowId
from warrantwatch.web.security import (
    SESSION_COOKIE,
    attach_csrf_cookie,
    cookie_secure,
    csrf_token,
)
from warrantwatch.web.sessions import close_session, open_session
from warrantwatch.web.throttle import LoginThrottle
from warrantwatch.web.timeline import timeline_legend, timeline_svg

router = APIRouter(include_in_schema=False)
OnQuery = Annotated[IsoDate | None, Query(description="Date, YYYY-MM-DD; today if left out.")]
_LABEL = re.compile(r"^(?P<label>.*) \((?P<key>[^()]+)\)$")


class PageError(Exception):
    """Shown as an HTML error page with a status, a message and links to try instead."""

    def __init__(
        self, status: int, heading: str, message: str, suggestions: list[tuple[str, str]] = ()
    ) -> None:
        super().__init__(message)
        self.status, self.heading, self.message = status, heading, message
        self.suggestions = list(suggestions)


def lookup_error(exc: LookupFailed, href) -> PageError:  # type: ignore[no-untyped-def]
    """A 404 page whose suggestions are links to the closest matches."""
    links = []
    for s in exc.suggestions:
        m = _LABEL.match(s)
        if m:
            links.append((s, href(m["key"])))
    what = "person" if exc.kind == "person" else "state"
    heading = f"Which {what}?" if exc.ambiguous else f"No such {what}"
    return PageError(404, heading, str(exc), links)


def render(
    request: Request, name: str, ctx: dict[str, Any], status: int = 200, **headers: str
) -> HTMLResponse:
    settings = request.app.state.settings
    context = {
        "request": request,
        "user": getattr(request.state, "user", None),
        "csrf": csrf_token(request),
        "today": dt.date.today(),
        **ctx,
    }
    resp = request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status, headers=headers or None
    )
    attach_csrf_cookie(request, resp, cookie_secure(request, settings.web_cookie_secure))
    return resp


def _day(on: dt.date | None) -> dt.date:
    return on or dt.date.today()


def status_map(kb: KB, on: dt.date) -> dict[str, Any]:
    world = kb.world
    classes = facts.status_classes(world, on)
    counts = {k: sum(1 for v in classes.values() if v == k) for k in facts.STATUS_CLASSES}
    counts["party"] += counts["withdrawing"]
    svg = worldmap.render(
        facts.status_paint(world, on),
        f"World map of Rome Statute status on {on.isoformat()}",
        facts.STATUS_CLASSES,
    )
    return {
        "svg": svg,
        "on": on,
        "counts": counts,
        "legend_items": facts.STATUS_CLASSES,
        "parties_note": counts_words.parties_legend(world, on),
    }


def owed_map(kb: KB, person: Any, on: dt.date) -> dict[str, Any]:
    from warrantwatch.law.where import where

    owed = facts.owed_states(kb.world, person, on)
    groups = {b: [d.state.name for d in v] for b, v in where(kb.world, person, on).groups().items()}
    svg = worldmap.render(
        facts.owed_paint(kb.world, person, on),
        f"States that must arrest {person.name} on {on.isoformat()}",
        facts.OWED_CLASSES,
    )
    return {
        "svg": svg,
        "on": on,
        "owed": owed,
        "person": person,
        "legend_items": facts.OWED_CLASSES,
        "owed_note": counts_words.where_legend(groups, on),
    }


def choices(kb: KB) -> dict[str, Any]:
    world = kb.world
    return {
        "person_choices": sorted(world.persons.values(), key=lambda p: p.name),
        "state_choices": sorted(world.states.values(), key=lambda s: s.name),
    }


@router.get("/", response_class=HTMLResponse)
def home(request: Request, kb: KB, db: DbSession, _user: Reader, on: OnQuery = None) -> Response:
    today = dt.date.today()
    day = _day(on)
    world = kb.world
    at_large = facts.at_large(world, today)
    upcoming, recent = facts.trips_to_bound_states(world, today)
    events, _ = review_port.events(db, limit=8)
    for e in events:
        e["person"] = (
            world.persons[e["person_id"]].name
            if e["person_id"] in world.persons
            else e["person_id"]
        )
        e["state"] = world.state_name(e["destination"])
    alerts, _ = review_port.alerts(db, limit=5)
    srcs = facts.dedupe_sources(
        [
            *(w.fact.sources for p in at_large for w in world.persons[p["id"]].warrants),
            *(t["sources"] for t in upcoming + recent),
        ]
    )
    return render(
        request,
        "home.html",
        {
            "on": day,
            "at_large": at_large,
            "at_large_note": counts_words.at_large_legend(world, today),
            "upcoming": upcoming,
            "recent": recent,
            "events": events,
            "alerts": alerts,
            "page_sources": srcs,
            "currency": currency(kb, today),
            **status_map(kb, day),
            **choices(kb),
        },
    )


def currency(kb: KB, today: dt.date) -> dict[str, Any]:
    """How current the record is: its newest dated fact, and each watched source's last check."""
    from warrantwatch.law.summaries import latest_fact
    from warrantwatch.monitor.record_watch import last_checks

    try:
        checks = last_checks(kb.engine, kb.settings.data_dir)
    except Exception:  # a watchers file that does not read: the page still shows the record
        checks = []
    return {"latest_fact": latest_fact(kb.world, today), "checks": checks}


@router.get("/fragments/status-map", response_class=HTMLResponse)
def status_map_fragment(request: Request, kb: KB, _user: Reader, on: OnQuery = None) -> Response:
    day = _day(on)
    return render(
        request, "partials/status_map.html", status_map(kb, day), **{"HX-Push-Url": f"/?on={day}"}
    )


@router.get("/fragments/owed-map/{person_id}", response_class=HTMLResponse)
def owed_map_fragment(
    request: Request, kb: KB, _user: Reader, person_id: str, on: OnQuery = None
) -> Response:
    person = find_person(kb, person_id)
    day = _day(on)
    return render(
        request,
        "partials/owed_map.html",
        owed_map(kb, person, day),
        **{"HX-Push-Url": f"/persons/{person.id}?on={day}"},
    )


def find_person(kb: KB, query: str):  # type: ignore[no-untyped-def]
    """The person ``query`` names, or a 404 page linking to the closest matches."""
    try:
        return kb.resolver.person(query)
    except LookupFailed as exc:
        raise lookup_error(exc, lambda k: f"/persons/{urlquote(k)}") from exc


def find_state(kb: KB, query: str):  # type: ignore[no-untyped-def]
    """The state ``query`` names, or a 404 page linking to the closest matches."""
    try:
        return kb.resolver.state(query)
    except LookupFailed as exc:
        raise lookup_error(exc, lambda k: f"/states/{urlquote(k)}") from exc


def parse_day(day: str) -> dt.date:
    """A date in an address, or a 400 page saying how to write it."""
    try:
        return dt.date.fromisoformat(day)
    except ValueError:
        raise PageError(
            400, "Not a date", f"not a date: {day!r}; use YYYY-MM-DD, for example 2025-10-09"
        ) from None


@router.get("/persons", response_class=HTMLResponse)
def persons_page(
    request: Request, kb: KB, _user: Reader, on: OnQuery = None, status: str | None = None
) -> Response:
    day = _day(on)
    if status and status not in STATUS_FILTERS:
        raise PageError(400, "Unknown status", f"unknown custody status {status!r}")
    rows = list_persons(kb.world, day, status or None)
    ctx = {
        "rows": rows,
        "on": day,
        "status": status,
        "statuses": list(STATUS_FILTERS),
        "count_note": counts_words.persons_legend(len(rows), status or None, day),
        "nav": "persons",
    }
    return render(request, "persons.html", ctx)


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person_page(
    request: Request,
    kb: KB,
    _user: Reader,
    person_id: str,
    on: OnQuery = None,
    notice: Annotated[str | None, Query(max_length=300)] = None,
) -> Response:
    person = find_person(kb, person_id)
    day = _day(on)
    world = kb.world
    summary = person_summary(world, person, day)
    trips = [facts.trip_row(world, t) for t in world.trips_of(person.id)]
    from warrantwatch.reports.contacts import policy_json, since_warrant

    contact_recs = since_warrant(world, world.contacts_of(person.id), day)

    def quote_of(ref: str):  # type: ignore[no-untyped-def]
        try:
            return quote(world.articles, ref)
        except UnknownArticle:
            return None

    srcs = facts.dedupe_sources(
        [
            person.identity.sources,
            *(w.fact.sources for w in person.warrants),
            *(c.fact.sources for c in person.custody),
            *(x.fact.sources for x in person.positions),
            *(t["sources"] for t in trips),
            *(x.fact.sources for x in contact_recs),
        ]
    )
    ctx = {
        "contacts": facts.contact_rows(world, contact_recs),
        "contact_policy": policy_json(world),
        "person": person,
        "summary": summary,
        "on": day,
        "trips": trips,
        "timeline": timeline_svg(person, trips, day),
        "timeline_legend": timeline_legend(trips),
        "situations": {k: v.name for k, v in world.situations.items()},
        "other_names": sorted({n.name for n in person.names if n.name != person.name}),
        "quote": quote_of,
        "page_sources": srcs,
        "canonical": f"/persons/{person.id}",
        "nav": "persons",
        "briefings": briefing_links(f"/persons/{person.id}", {"on": day.isoformat()}),
        "notice": notice,
        **owed_map(kb, person, day),
    }
    return render(request, "person.html", ctx)


@router.get("/states", response_class=HTMLResponse)
def states_page(request: Request, kb: KB, _user: Reader, on: OnQuery = None) -> Response:
    day = _day(on)
    classes = facts.status_classes(kb.world, day)
    from warrantwatch.law.treaty_status import status_on

    rows = []
    for s in sorted(kb.world.states.values(), key=lambda s: s.name):
        ts = status_on(s, day)
        css = classes[s.iso2]
        rows.append(
            {
                "iso2": s.iso2,
                "name": s.name,
                "css": css,
                "label": facts.STATUS_CLASSES[css],
                "party_since": ts.party_since.isoformat() if ts.party_since else None,
            }
        )
    parties = sum(1 for r in rows if r["css"] in ("party", "withdrawing"))
    ctx = {
        "rows": rows,
        "on": day,
        "parties": parties,
        "parties_note": counts_words.parties_legend(kb.world, day),
        "nav": "states",
    }
    return render(request, "states.html", ctx)


@router.get("/states/{iso2}", response_class=HTMLResponse)
def state_page(request: Request, kb: KB, _user: Reader, iso2: str, on: OnQuery = None) -> Response:
    state = find_state(kb, iso2)
    day = _day(on)
    world = kb.world
    rec = facts.state_record(world, state, day)
    ctx = {
        "state": state,
        "on": day,
        "rec": rec,
        "owes_note": counts_words.owes_legend(world, [p["name"] for p in rec["owes"]], day),
        "situations": {k: v.name for k, v in world.situations.items()},
        "actions": state_actions(state),
        "person_name": lambda pid: world.persons[pid].name if pid in world.persons else pid,
        "canonical": f"/states/{state.iso2}",
        "nav": "states",
        "briefings": briefing_links(f"/states/{state.iso2}", {"on": day.isoformat()}),
    }
    return render(request, "state.html", ctx)


def submitted(
    request: Request, template: str, ctx: dict[str, Any], on: str | None, target: Any
) -> Response:
    """A question form sent: a redirect to the answer's own address (``target(day)``), or
    the form again with one line saying what was wrong (400 bad date, 404 unknown name)."""
    day = (on or "").strip() or dt.date.today().isoformat()
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        ctx["error"] = f"not a date: {day!r}; use YYYY-MM-DD"
        return render(request, template, ctx, status=400)
    try:
        return RedirectResponse(target(day), status_code=303)
    except LookupFailed as exc:
        ctx["error"] = str(exc)
        return render(request, template, ctx, status=404)


@router.get("/assess", response_class=HTMLResponse)
def ask_page(
    request: Request,
    kb: KB,
    _user: Reader,
    person: str | None = None,
    state: str | None = None,
    on: str | None = None,
) -> Response:
    """The form; submitted, it redirects to the answer's own address."""
    ctx: dict[str, Any] = {"nav": "assess", "ask_person": person, "ask_state": state, **choices(kb)}
    if person and state:
        p = (person or "").strip()
        s = (state or "").strip()

        def target(day: str) -> str:
            pid = kb.resolver.person(p).id
            sid = kb.resolver.state(s).iso2
            return f"/assess/{urlquote(pid)}/{urlquote(sid)}/{day}"

        return submitted(request, "ask.html", ctx, on, target)
    return render(request, "ask.html", ctx)


@router.get("/assess/{person_q}/{state_q}/{day}", response_class=HTMLResponse)
def assess_page(
    request: Request, kb: KB, _user: Reader, person_q: str, state_q: str, day: str
) -> Response:
    on = parse_day(day)
    person = find_person(kb, person_q)
    state = find_state(kb, state_q)
    a = assess(kb.world, person, state, on)
    canonical = f"/assess/{person.id}/{state.iso2}/{on.isoformat()}"
    ctx = {
        "a": a,
        "canonical": canonical,
        "briefings": briefing_links(canonical),
        "ask_person": person.id,
        "ask_state": state.iso2,
        "ask_on": on,
        "nav": "assess",
        **choices(kb),
    }
    return render(request, "assess.html", ctx)


@router.get("/where", response_class=HTMLResponse)
def where_form(
    request: Request, kb: KB, _user: Reader, person: str | None = None, on: str | None = None
) -> Response:
    """The form of ``warrantwatch where``; submitted, it redirects to the answer's address."""
    ctx: dict[str, Any] = {"nav": "where", "ask_person": person, **choices(kb)}
    if person:

        def target(day: str) -> str:
            return f"/where/{urlquote(kb.resolver.person(person.strip()).id)}?on={day}"

        return submitted(request, "where_form.html", ctx, on, target)
    return render(request, "where_form.html", ctx)


@router.get("/where/{person_q}", response_class=HTMLResponse)
def where_page(
    request: Request, kb: KB, _user: Reader, person_q: str, on: OnQuery = None
) -> Response:
    """Every state, split by whether it must arrest the person on the date and on what
    basis: the page of ``warrantwatch where``, with the map and the same lists."""
    from warrantwatch.law.where import where

    person = find_person(kb, person_q)
    day = _day(on)
    answer = where(kb.world, person, day)
    ctx = {
        "w": answer,
        "heading": answer.headline(),
        "groups": [(b, answer.label(b), v) for b, v in answer.groups().items() if v],
        "canonical": f"/where/{person.id}?on={day.isoformat()}",
        "nav": "where",
        "on_where": True,
        "ask_person": person.id,
        **owed_map(kb, person, day),
        **choices(kb),
    }
    return render(request, "where.html", ctx)


def briefing_links(base: str, query: dict[str, str] | None = None) -> list[dict[str, Any]]:
    from warrantwatch.web.downloads import briefing_links as links

    return links(base, query)


# --- signing in -------------------------------------------------------------------------


def _safe_next(value: str | None) -> str:
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": _safe_next(next)})


@router.post("/login", response_class=HTMLResponse, dependencies=[CsrfChecked])
def login(
    request: Request,
    db: DbSession,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    """Sign in; wrong passwords are counted and slowed down (:mod:`.throttle`)."""
    settings = request.app.state.settings
    throttle = LoginThrottle.from_settings(settings)
    name = username.strip()
    keys = throttle.keys(name, request.client.host if request.client else None)
    ctx: dict[str, Any] = {"next": _safe_next(next), "username": username}
    wait = throttle.wait_seconds(db, keys)
    if wait:
        ctx["error"] = (
            f"Too many wrong passwords for this account or from this address. "
            f"Wait {wait} seconds and try again."
        )
        return render(request, "login.html", ctx, status=429, **{"Retry-After": str(wait)})
    user = authenticate(db, name, password)
    if user is None:
        db.rollback()
        with contextlib.suppress(IntegrityError):  # another worker counted the same key first
            throttle.failed(db, keys)
            db.commit()
        db.rollback()
        ctx["error"] = "Wrong user name or password."
        return render(request, "login.html", ctx, status=401)
    throttle.succeeded(db, name)
    sid = open_session(db, user.id, settings.web_session_hours)
    db.commit()
    return start_session(request, RedirectResponse(_safe_next(next), status_code=303), user, sid)


def start_session(request: Request, resp: Response, user: User, sid: str) -> Response:
    """Set the signed session cookie on ``resp`` (sign-in, and after a password change)."""
    settings = request.app.state.settings
    resp.set_cookie(
        SESSION_COOKIE,
        request.app.state.signer.session_value(user.id, user.session_version, sid),
        max_age=settings.web_session_hours * 3600,
        httponly=True,
        samesite="lax",
        secure=cookie_secure(request, settings.web_cookie_secure),
        path="/",
    )
    return resp


@router.post("/logout", dependencies=[CsrfChecked])
def logout(request: Request, db: DbSession) -> Response:
    """Sign out: the server-side session ends, so a copy of the cookie is worthless."""
    found = request.app.state.signer.read_session(request.cookies.get(SESSION_COOKIE))
    if found is not None:
        close_session(db, found[2])
        db.commit()
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


# --- review -----------------------------------------------------------------------------


@router.get("/review", response_class=HTMLResponse)
def review_page(
    request: Request,
    kb: KB,
    db: DbSession,
    user: Editor,
    status: str = "pending",
    notice: str | None = None,
) -> Response:
    world = kb.world
    if status not in review_port.QUEUES:
        status = "pending"
    ctx = {
        "trips": review_port.queue(db, status),
        "status": status,
        "tabs": list(review_port.QUEUES),
        "notice": notice,
        "outcomes": review_port.OUTCOMES,
        "review_available": review_port.review_module() is not None,
        "proposals": proposal_rows(kb.engine),
        **review_names(world),
    }
    return render(request, "review.html", ctx)


def review_names(world: Any) -> dict[str, Any]:
    """What every review page needs to name what the monitor found: persons and states by
    name (an id the knowledge base no longer knows is shown as it is), under the Review tab."""
    return {
        "person_name": lambda pid: world.persons[pid].name if pid in world.persons else pid,
        "state_name": world.state_name,
        "nav": "review",
    }


@router.post("/review/{trip_id}/{action}", dependencies=[CsrfChecked])
async def review_action(
    request: Request, kb: KB, user: Editor, trip_id: RowId, action: str
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    if action not in review_port.ACTIONS:
        raise PageError(404, "No such action", f"unknown review action {action!r}")
    try:
        changes = review_port.parse_changes(form) if action == "correct" else None
        review_port.apply(
            kb.engine,
            action,
            trip_id,
            user.username,
            reason=form.get("reason") or None,
            changes=changes,
        )
    except (review_port.ReviewRefused, review_port.ReviewUnavailable) as exc:
        raise PageError(409, "Not changed", str(exc)) from exc
    request.app.state.kb_watch.changed()
    done = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}[action]
    return RedirectResponse(f"/review?notice=Trip+{trip_id}+{done}.", status_code=303)


@router.get("/audit", response_class=HTMLResponse)
def audit_page(request: Request, kb: KB, db: DbSession, user: Editor) -> Response:
    from warrantwatch.web.accounts import audit_rows

    rows = review_port.audit_trail(db, 200) + audit_rows(db, 200) + edit_rows(kb.engine, 200)
    rows.sort(key=lambda r: naive_utc(r["at"]), reverse=True)
    return render(request, "audit.html", {"rows": rows[:300], "nav": "audit"})


def proposal_rows(engine: Any) -> list[dict[str, Any]]:
    """Changes the record watchers propose, with the fields an editor completes to accept."""
    from warrantwatch.kb.edits import KINDS, fields_of
    from warrantwatch.monitor.record_watch import pending

    return [
        {
            "id": p.id,
            "watcher": p.watcher,
            "kind": p.kind,
            "summary": p.summary,
            "values": p.values,
            "source": p.source,
            "note": p.note,
            "fields": [f for f in fields_of(KINDS[p.kind]) if f not in ("note",)],
        }
        for p in pending(engine)
    ]


def edit_rows(engine: Any, limit: int) -> list[dict[str, Any]]:
    """Editors' changes to the record, in the audit log's shape (with their source)."""
    from warrantwatch.kb.edits import history

    return [
        {
            "at": r["at"],
            "actor": r["editor"],
            "action": f"{r['action']} {r['kind'].replace('_', ' ')}",
            "target": r["target"],
            "trip_id": None,
            "event_id": None,
            "before": r["before"],
            "after": r["after"],
            "note": f"{r['reason']} (source: {r['source']['publisher']}, "
            f"\u201c{r['source']['title']}\u201d, {r['source']['url']})",
        }
        for r in history(engine, limit)
    ]


def naive_utc(t: dt.datetime) -> dt.datetime:
    return t.astimezone(dt.UTC).replace(tzinfo=None) if t.tzinfo else t


def page_error(request: Request, exc: PageError) -> HTMLResponse:
    ctx = {"heading": exc.heading, "message": exc.message, "suggestions": exc.suggestions}
    return render(request, "error.html", ctx, status=exc.status)


__all__ = ["PageError", "page_error", "router"]


@router.get("/sources", response_class=HTMLResponse)
def sources_page(request: Request, kb: KB, user: Reader) -> Response:
    """Every source the monitor watches, with its state (last success, failures, next poll)."""
    from warrantwatch.monitor.sources import SourceBook

    settings = request.app.state.settings
    book = getattr(request.app.state, "source_book", None)
    if book is None:
        book = SourceBook(settings, kb.engine)
        request.app.state.source_book = book
    rows = book.rows(kb.world, dt.date.today())
    failing = [r for r in rows if r["enabled"] and r["last_error"]]
    ctx = {
        "rows": rows,
        "failing": failing,
        "monitor_state": request.app.state.monitor.state,
        "catalogue_error": book.catalogue_error,
        "nav": "sources",
    }
    return render(request, "sources.html", ctx)
