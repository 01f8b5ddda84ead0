"""Deciding, writing and delivering alerts, through an outbox so none is lost or repeated.

When a trip changes, :func:`consider` asks the legal engine whether the host would be
bound to arrest; if so, and the trip has not been alerted in its present status and
date, it writes an :class:`OutboxAlert` *in the caller's transaction*, together with
the trip change itself. :func:`deliver_pending` runs after the commit: it sends each
waiting alert to each Apprise target and records every successful (alert, target)
pair at once, in its own transaction. So after a crash or restart an undelivered
alert is found and sent, and a delivered one is not sent again; a target that fails
is retried with backoff without repeating the alert on the targets that took it.
The only window left is a crash between a target accepting a message and the commit
of that fact, milliseconds wide; each message carries its alert key (``ww-alert-N``)
so a receiver can drop the rare repeat.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from warrantwatch.law.obligations import assess
from warrantwatch.law.world import World
from warrantwatch.monitor.grouping import trip_events
from warrantwatch.monitor.tables import (
    AlertDelivery,
    ArticleEntry,
    OutboxAlert,
    TripRecord,
    utcnow,
)

log = logging.getLogger("warrantwatch.monitor.alerts")

#: Sends one message to one Apprise URL; True when the target accepted it.
Notifier = Callable[[str, str, str], bool]

STATUS_WORDS = {
    "planned": "planned",
    "occurred": "took place",
    "cancelled": "cancelled",
    "arrest": "arrest reported",
}
MAX_BACKOFF = dt.timedelta(hours=1)
LEASE = dt.timedelta(seconds=60)


def target_key(url: str) -> str:
    """How a target is remembered in the database: a hash, so secrets in URLs stay out."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def assessment_for(world: World, trip: TripRecord, today: dt.date) -> dict[str, Any] | None:
    """The engine's verdict for the trip's host on the trip's date (or the latest report's,
    or today); None when the person or the state is unknown to the knowledge base."""
    person = world.persons.get(trip.person_id)
    state = world.states.get(trip.destination)
    if person is None or state is None:
        return None
    on = trip.start_date or trip.last_reported or today
    return assess(world, person, state, on).as_dict()


def consider(
    session: Session,
    world: World,
    trip: TripRecord,
    *,
    min_confidence: float = 0.0,
    suppress: bool = False,
    today: dt.date | None = None,
) -> OutboxAlert | None:
    """Refresh the trip's verdict and queue an alert if it calls for one.

    An alert is due when the host is bound, the trip is not rejected, its best report is
    at least ``min_confidence``, and it was never alerted or its status or date changed
    since. With ``suppress`` (archive backfill) the trip is marked as alerted without a
    message, so old news does not page anyone.
    """
    verdict = assessment_for(world, trip, today or utcnow().date())
    trip.assessment = verdict
    trip.bound = None if verdict is None else verdict["duty"] == "binding"
    if not trip.bound or trip.review_status == "rejected" or trip.confidence < min_confidence:
        return None
    if trip.alerted_status == trip.status and trip.alerted_start == trip.start_date:
        return None
    if trip.alerted_status is None:
        reason = "new"
    elif trip.alerted_status != trip.status:
        reason = "status"
    else:
        reason = "date"
    trip.version += 1
    trip.alerted_status = trip.status
    trip.alerted_start = trip.start_date
    trip.alerted_at = utcnow()
    if suppress:
        return None
    title, body, payload = render(session, trip, reason)
    alert = OutboxAlert(
        dedup_key=f"trip-{trip.id}-v{trip.version}",
        trip_id=trip.id,
        reason=reason,
        title=title,
        body=body,
        payload=payload,
        created_at=utcnow(),
        attempts=0,
    )
    session.add(alert)
    session.flush()
    alert.payload = {**payload, "alert_id": f"ww-alert-{alert.id}"}
    alert.body = body + f"\n\nAlert key: ww-alert-{alert.id}"
    return alert


def _sources(session: Session, trip: TripRecord) -> tuple[list[dict[str, Any]], list[str]]:
    events = [e for e in trip_events(session, trip.id) if not e.rejected]
    arts = {
        a.id: a
        for a in session.scalars(
            select(ArticleEntry).where(ArticleEntry.id.in_({e.article_id for e in events}))
        )
    }
    sources: dict[str, dict[str, Any]] = {}
    evidence: list[str] = []
    for e in sorted(events, key=lambda e: e.id):
        a = arts[e.article_id]
        sources.setdefault(
            a.url,
            {
                "url": a.url,
                "title": a.title,
                "published": a.published.isoformat() if a.published else None,
                "language": a.language,
            },
        )
        if e.evidence and e.evidence not in evidence:
            evidence.append(e.evidence)
    return list(sources.values()), evidence


def render(session: Session, trip: TripRecord, reason: str) -> tuple[str, str, dict[str, Any]]:
    """Title, Markdown body and JSON payload of the alert for ``trip``."""
    a = trip.assessment or {}
    person = (a.get("person") or {}).get("name", trip.person_id)
    state = (a.get("state") or {}).get("name", trip.destination)
    when = trip.start_date.isoformat() if trip.start_date else "date not reported"
    status = STATUS_WORDS.get(trip.status, trip.status)
    lead = {"new": "Reported trip", "status": "Trip update", "date": "Trip date changed"}[reason]
    title = f"{lead}: {person} to {state} ({when}), {status}; {state} would be bound to arrest"
    sources, evidence = _sources(session, trip)
    lines = [
        f"**{person}** → **{state}**" + (f" ({trip.place})" if trip.place else ""),
        f"Date: {when}. Status: {status}. Confidence: {trip.confidence:.2f}.",
        "",
        f"**Duty: {a.get('duty', '?')}** (basis: {', '.join(a.get('basis') or []) or 'none'}; "
        f"{state}: {a.get('state_status', '?')}).",
    ]
    explanation = (a.get("explanation") or "").split("\n\n")
    if explanation and explanation[0]:
        lines += ["", *explanation[:2]]
    if a.get("contested"):
        lines += ["", "Contested: " + "; ".join(c["question"] for c in a["contested"])]
    precs = [p for p in a.get("precedents") or [] if p.get("trip_id")]
    if precs:
        lines += ["", "Earlier visits:"]
        lines += [
            f"- {p['person']['name']} in {p['state']['name']} on {p['start']}: {p['outcome']}"
            for p in precs[:5]
        ]
    lines += ["", "Evidence:"] + [f"> {q}" for q in evidence[:5]]
    lines += ["", "Sources:"] + [f"- {s['title'] or s['url']}: {s['url']}" for s in sources]
    lines += ["", f"Monitor trip #{trip.id}; review with `warrantwatch review show {trip.id}`."]
    payload = {
        "trip": {
            "id": trip.id,
            "person": trip.person_id,
            "destination": trip.destination,
            "place": trip.place,
            "start_date": trip.start_date.isoformat() if trip.start_date else None,
            "status": trip.status,
            "confidence": round(trip.confidence, 3),
            "review_status": trip.review_status,
        },
        "reason": reason,
        "evidence": evidence,
        "sources": sources,
        "assessment": {
            k: a.get(k)
            for k in (
                "person",
                "state",
                "on",
                "duty",
                "basis",
                "state_status",
                "party_since",
                "custody_status",
                "explanation",
                "contested",
                "caveats",
            )
        },
    }
    return title, "\n".join(lines), payload


# ---------------------------------------------------------------- delivery


def apprise_notifier() -> Notifier:
    """Sends through Apprise, one Apprise object per target URL (kept for reuse)."""
    import apprise

    cache: dict[str, Any] = {}

    def send(url: str, title: str, body: str) -> bool:
        ap = cache.get(url)
        if ap is None:
            ap = apprise.Apprise()
            if not ap.add(url):
                log.error("not a usable Apprise URL (target %s)", target_key(url)[:12])
                return False
            cache[url] = ap
        return bool(ap.notify(body=body, title=title, body_format=apprise.NotifyFormat.MARKDOWN))

    return send


@dataclass
class DeliveryReport:
    sent: int = 0  # alerts now delivered to every target
    failed: int = 0  # alerts with at least one target still to try
    waiting: int = 0  # alerts not due yet, or with no target configured
    errors: list[str] = field(default_factory=list)


def deliver_pending(
    engine: Engine,
    targets: Sequence[str],
    *,
    notifier: Notifier | None = None,
    now: Callable[[], dt.datetime] = utcnow,
    limit: int = 100,
) -> DeliveryReport:
    """Send every alert that is due to every target that has not had it yet."""
    report = DeliveryReport()
    with Session(engine, expire_on_commit=False) as s:
        pending = list(
            s.scalars(
                select(OutboxAlert)
                .where(OutboxAlert.delivered_at.is_(None))
                .order_by(OutboxAlert.id)
                .limit(limit)
            )
        )
    if not pending:
        return report
    if not targets:
        report.waiting = len(pending)
        return report
    send = notifier or apprise_notifier()
    keys = {url: target_key(url) for url in targets}
    for alert in pending:
        t = now()
        if alert.next_attempt_at is not None and alert.next_attempt_at > t:
            report.waiting += 1
            continue
        if not _claim(engine, alert.id, t):
            continue  # another monitor is on it
        with Session(engine) as s:
            done = set(
                s.scalars(select(AlertDelivery.target).where(AlertDelivery.outbox_id == alert.id))
            )
        failures: list[str] = []
        for url, key in keys.items():
            if key in done:
                continue
            try:
                ok, why = send(url, alert.title, alert.body), "refused the message"
            except Exception as exc:  # a plugin failure must not stop the other targets
                ok, why = False, f"{type(exc).__name__}: {exc}"
            if ok:
                with Session(engine) as s, s.begin():
                    s.add(AlertDelivery(outbox_id=alert.id, target=key, delivered_at=now()))
            else:
                failures.append(f"target {key[:12]} {why}")
        with Session(engine) as s, s.begin():
            row = s.get(OutboxAlert, alert.id)
            assert row is not None
            row.attempts += 1
            if failures:
                row.last_error = "; ".join(failures)[:2000]
                delay = min(dt.timedelta(seconds=30 * 2 ** min(row.attempts - 1, 10)), MAX_BACKOFF)
                row.next_attempt_at = now() + delay
                report.failed += 1
                report.errors.append(f"alert {alert.id}: {row.last_error}")
            else:
                row.delivered_at = now()
                row.next_attempt_at = None
                row.last_error = None
                report.sent += 1
    return report


def _claim(engine: Engine, alert_id: int, t: dt.datetime) -> bool:
    """Take a lease on the alert: one conditional UPDATE, so two monitors never send it at
    once. If this process dies while sending, the lease runs out and the next run resumes."""
    with engine.begin() as conn:
        res = conn.execute(
            update(OutboxAlert)
            .where(
                OutboxAlert.id == alert_id,
                OutboxAlert.delivered_at.is_(None),
                or_(OutboxAlert.next_attempt_at.is_(None), OutboxAlert.next_attempt_at <= t),
            )
            .values(next_attempt_at=t + LEASE)
        )
        return res.rowcount == 1
