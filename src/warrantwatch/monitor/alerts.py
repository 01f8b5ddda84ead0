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

from warrantwatch import rounding
from warrantwatch.config import AlertTarget
from warrantwatch.law.obligations import assess
from warrantwatch.law.world import World
from warrantwatch.monitor.grouping import trip_events
from warrantwatch.monitor.known_trips import WINDOW, known_trip_id
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


def known_trip(world: World, trip: TripRecord, window: int = WINDOW) -> str | None:
    """The id of a knowledge-base trip that already records this one (see
    :mod:`warrantwatch.monitor.known_trips`), or None. The trip's own confirmed row does
    not count: its changes are news."""
    return known_trip_id(
        world,
        trip.person_id,
        trip.destination,
        trip.status,
        trip.start_date,
        trip.last_reported,
        window=window,
        exclude=trip.kb_trip_id,
    )


def is_past(trip: TripRecord, today: dt.date, max_age_days: int) -> bool:
    """The trip's date is more than ``max_age_days`` before its latest report (or today):
    a recall of an old trip, nothing to act on."""
    if trip.start_date is None:
        return False
    ref = min(today, trip.last_reported) if trip.last_reported else today
    return trip.start_date < ref - dt.timedelta(days=max_age_days)


def consider(
    session: Session,
    world: World,
    trip: TripRecord,
    *,
    min_confidence: float = 0.0,
    suppress: bool = False,
    today: dt.date | None = None,
    max_age_days: int | None = None,
    window: int = 10,
) -> OutboxAlert | None:
    """Refresh the trip's verdict and queue an alert if it calls for one.

    An alert is due when the host is bound, the trip is not rejected, its best report is
    at least ``min_confidence``, it is news (not a trip the knowledge base already
    records, not a date more than ``max_age_days`` before its latest report), and it was
    never alerted or its status or date changed since. With ``suppress`` (archive
    backfill) the trip is marked as alerted without a message, so old news does not page
    anyone.
    """
    today = today or utcnow().date()
    verdict = assessment_for(world, trip, today)
    trip.assessment = verdict
    trip.bound = None if verdict is None else verdict["duty"] == "binding"
    if not trip.bound or trip.review_status == "rejected" or trip.confidence < min_confidence:
        return None
    if trip.alerted_status == trip.status and trip.alerted_start == trip.start_date:
        return None
    if suppress:
        pass  # archive backfill: marked as alerted below, whatever it is
    elif max_age_days is not None and is_past(trip, today, max_age_days):
        log.info("trip #%s: date %s is past; no alert", trip.id, trip.start_date)
        return None
    elif known_trip(world, trip, window) is not None:
        log.info("trip #%s is already in the knowledge base; no alert", trip.id)
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
    return queue_alert(
        session, f"trip-{trip.id}-v{trip.version}", reason, title, body, payload, trip_id=trip.id
    )


def queue_alert(
    session: Session,
    dedup_key: str,
    reason: str,
    title: str,
    body: str,
    payload: dict[str, Any],
    **ids: Any,
) -> OutboxAlert:
    """Write one alert to the outbox in the caller's transaction, with its key
    (``ww-alert-N``) in the payload and the body; ``ids``: ``trip_id``, or ``channel`` and
    ``contact_id`` for a contact alert."""
    alert = OutboxAlert(
        dedup_key=dedup_key,
        reason=reason,
        title=title,
        body=body,
        payload=payload,
        created_at=utcnow(),
        attempts=0,
        **ids,
    )
    session.add(alert)
    session.flush()
    alert.payload = {**payload, "alert_id": f"ww-alert-{alert.id}"}
    alert.body = body + f"\n\nAlert key: ww-alert-{alert.id}"
    return alert


@dataclass
class Corroboration:
    """How many independent publishers report the trip, and whether an official one does."""

    publishers: list[str]
    official: bool
    confidence: float  # 1 - product of (1 - best confidence per publisher); official counts

    @property
    def count(self) -> int:
        return len(self.publishers)

    def phrase(self, lang: str = "en") -> str:
        n, off = self.count, self.official
        if lang == "fr":
            if n <= 1:
                return "une source officielle" if off else "une seule source, non officielle"
            return f"{n} sources indépendantes" + (
                ", dont une officielle" if off else ", aucune officielle"
            )
        if n <= 1:
            return "one official source" if off else "one unofficial source"
        return f"{n} independent sources" + (", one of them official" if off else ", none official")


def corroboration(session: Session, trip: TripRecord) -> Corroboration:
    """Distinct publishers (hosts, or the publisher an aggregator names) among the trip's
    reports; the confidence grows with each independent one, an official one weighs most."""
    from warrantwatch.monitor.sourcekinds import publisher_of

    events = [e for e in trip_events(session, trip.id) if not e.rejected]
    arts = {
        a.id: a
        for a in session.scalars(
            select(ArticleEntry).where(ArticleEntry.id.in_({e.article_id for e in events}))
        )
    }
    best: dict[str, float] = {}
    official = False
    for e in events:
        a = arts[e.article_id]
        pub = a.publisher or publisher_of(a.url)
        best[pub] = max(best.get(pub, 0.0), e.confidence)
        official = official or a.source_tier == "official"
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 0.99)
    conf = 1.0 - miss
    if official:
        conf = max(conf, 0.9)
    elif len(best) <= 1:
        conf = min(conf, 0.75)  # a single unofficial report is never more than likely
    return Corroboration(sorted(best), official, round(conf, 3))


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
    sources, evidence = _sources(session, trip)
    corr = corroboration(session, trip)
    title = (
        f"{lead}: {person} to {state} ({when}), {status}; {state} would be bound to arrest "
        f"[{corr.phrase()}]"
    )
    lines = [
        f"**{person}** → **{state}**" + (f" ({trip.place})" if trip.place else ""),
        f"Date: {when}. Status: {status}. Reported by {corr.phrase()}"
        f" ({', '.join(corr.publishers)}). Confidence: {corr.confidence:.2f}.",
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
            "confidence": rounding.confidence(trip.confidence),
            "review_status": trip.review_status,
        },
        "reason": reason,
        "evidence": evidence,
        "sources": sources,
        "corroboration": {
            "independent_sources": corr.count,
            "publishers": corr.publishers,
            "official": corr.official,
            "confidence": corr.confidence,
            "summary": corr.phrase(),
        },
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
    payload["text"] = {
        "en": {"title": title, "body": "\n".join(lines)},
        "fr": render_fr(trip, reason, a, person, corr, evidence, sources),
    }
    return title, "\n".join(lines), payload


STATUS_WORDS_FR = {
    "planned": "prévu",
    "occurred": "a eu lieu",
    "cancelled": "annulé",
    "arrest": "arrestation signalée",
}


def _state_fr(iso2: str, fallback: str) -> str:
    from babel import Locale

    return Locale("fr").territories.get(iso2.upper(), fallback)


def render_fr(
    trip: TripRecord,
    reason: str,
    a: dict[str, Any],
    person: str,
    corr: Corroboration,
    evidence: list[str],
    sources: list[dict[str, Any]],
) -> dict[str, str]:
    """The alert in French (the engine's explanation stays in English, and says so)."""
    state = _state_fr(trip.destination, (a.get("state") or {}).get("name", trip.destination))
    when = trip.start_date.isoformat() if trip.start_date else "date non indiquée"
    status = STATUS_WORDS_FR.get(trip.status, trip.status)
    lead = {
        "new": "Voyage signalé",
        "status": "Voyage : nouvel état",
        "date": "Voyage : date changée",
    }[reason]
    title = (
        f"{lead} : {person}, {state} ({when}), {status} ; l'État serait tenu de l'arrêter "
        f"[{corr.phrase('fr')}]"
    )
    lines = [
        f"**{person}** → **{state}**" + (f" ({trip.place})" if trip.place else ""),
        f"Date : {when}. État : {status}. Signalé par {corr.phrase('fr')}"
        f" ({', '.join(corr.publishers)}). Confiance : {corr.confidence:.2f}.",
        "",
        f"**Obligation : {a.get('duty', '?')}** (fondement : "
        f"{', '.join(a.get('basis') or []) or 'aucun'}).",
    ]
    explanation = (a.get("explanation") or "").split("\n\n")
    if explanation and explanation[0]:
        lines += ["", "Explication du moteur (en anglais) :", explanation[0]]
    lines += ["", "Extraits :"] + [f"> {q}" for q in evidence[:5]]
    lines += ["", "Sources :"] + [f"- {s['title'] or s['url']} : {s['url']}" for s in sources]
    lines += ["", f"Voyage n° {trip.id} du moniteur ; `warrantwatch review show {trip.id}`."]
    return {"title": title, "body": "\n".join(lines)}


# ---------------------------------------------------------------- delivery


#: Apprise schemes that POST to a web address and take custom headers (``?+Name=value``)
WEBHOOK_SCHEMES = frozenset({"json", "jsons", "xml", "xmls", "form", "forms"})
IDEMPOTENCY_PARAM = "+Idempotency-Key"
REPEAT_NOTE = (
    "\n\n(Possible repeat: a crash hid whether an earlier send of this alert arrived. "
    "Alert key: ww-alert-{id}.)"
)


def idempotency_key(alert_id: int, target: str) -> str:
    """The same for every send of one alert to one target, so a receiver can drop repeats."""
    return f"ww-alert-{alert_id}-{target[:12]}"


def delivery_url(url: str, alert_id: int, target: str) -> tuple[str, bool]:
    """``url`` with an ``Idempotency-Key`` header for webhook targets; and whether it has one.

    Other targets (e-mail, chat) have no such thing: for them a repeat after a crash is
    marked in the text instead (:data:`REPEAT_NOTE`).
    """
    from urllib.parse import quote, urlsplit

    if urlsplit(url).scheme.lower() not in WEBHOOK_SCHEMES:
        return url, False
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}{quote(IDEMPOTENCY_PARAM)}={idempotency_key(alert_id, target)}", True


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
            if IDEMPOTENCY_PARAM not in url:  # one per alert: not worth keeping
                cache[url] = ap
        return bool(ap.notify(body=body, title=title, body_format=apprise.NotifyFormat.MARKDOWN))

    return send


@dataclass
class DeliveryReport:
    sent: int = 0  # alerts now delivered to every target
    failed: int = 0  # alerts with at least one target still to try
    waiting: int = 0  # alerts not due yet, or with no target configured
    errors: list[str] = field(default_factory=list)


def as_targets(targets: Sequence[str | AlertTarget]) -> list[AlertTarget]:
    return [t if isinstance(t, AlertTarget) else AlertTarget(url=t) for t in targets]


def settings_targets(settings: Any, channel: str = "trips") -> list[AlertTarget]:
    """The targets of ``channel``, one per URL: for trips ``alert_urls`` (English,
    immediate) and ``alert_targets``; for contacts ``contact_alert_urls`` and
    ``contact_alert_targets``, never the trip targets."""
    if channel == "contacts":
        listed = [*settings.contact_alert_targets, *settings.contact_alert_urls]
    else:
        listed = [*settings.alert_targets, *settings.alert_urls]
    out: dict[str, AlertTarget] = {}
    for t in as_targets(listed):
        out.setdefault(t.url, t)
    return list(out.values())


def text_for(alert: OutboxAlert, language: str) -> tuple[str, str]:
    """Title and body of ``alert`` in ``language`` (English when that text is missing)."""
    if language != "en":
        t = ((alert.payload or {}).get("text") or {}).get(language)
        if t:
            return t["title"], t["body"] + f"\n\nAlert key: ww-alert-{alert.id}"
    return alert.title, alert.body


def deliver_pending(
    engine: Engine,
    targets: Sequence[str | AlertTarget],
    *,
    notifier: Notifier | None = None,
    now: Callable[[], dt.datetime] = utcnow,
    limit: int = 100,
    channel: str = "trips",
) -> DeliveryReport:
    """Send every alert of ``channel`` that is due to every target that has not had it yet
    (trip alerts and contact alerts go to their own targets)."""
    report = DeliveryReport()
    with Session(engine, expire_on_commit=False) as s:
        pending = list(
            s.scalars(
                select(OutboxAlert)
                .where(OutboxAlert.delivered_at.is_(None), OutboxAlert.channel == channel)
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
    chosen = [t for t in as_targets(targets) if t.immediate]
    if not chosen:  # digest-only targets: the alerts go out in the digests
        with Session(engine) as s, s.begin():
            for alert in pending:
                row = s.get(OutboxAlert, alert.id)
                if row is not None and row.delivered_at is None:
                    row.delivered_at = now()
        return report
    keys = {t.url: target_key(t.url) for t in chosen}
    langs = {t.url: t.language for t in chosen}
    for alert in pending:
        t = now()
        if alert.next_attempt_at is not None and alert.next_attempt_at > t:
            report.waiting += 1
            continue
        if not _claim(engine, alert.id, t):
            continue  # another monitor is on it
        with Session(engine) as s:
            rows = list(s.scalars(select(AlertDelivery).where(AlertDelivery.outbox_id == alert.id)))
            done = {r.target for r in rows if r.delivered_at is not None}
            in_doubt = {r.target for r in rows if r.delivered_at is None and r.attempted_at}
        failures: list[str] = []
        for url, key in keys.items():
            if key in done:
                continue
            try:
                title, body = text_for(alert, langs[url])
                address, keyed = delivery_url(url, alert.id, key)
                if key in in_doubt and not keyed:
                    body += REPEAT_NOTE.format(id=alert.id)
                _attempt(engine, alert.id, key, now())  # written down before sending
                ok, why = send(address, title, body), "refused the message"
            except Exception as exc:  # a plugin failure must not stop the other targets
                ok, why = False, f"{type(exc).__name__}: {exc}"
            _outcome(engine, alert.id, key, now() if ok else None)
            if not ok:
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


def _attempt(engine: Engine, alert_id: int, target: str, t: dt.datetime) -> None:
    """Record that a send to ``target`` begins: if the process dies before
    :func:`_outcome`, the next run knows the send may have arrived (and says so)."""
    with Session(engine) as s, s.begin():
        row = s.get(AlertDelivery, (alert_id, target))
        if row is None:
            s.add(
                AlertDelivery(outbox_id=alert_id, target=target, delivered_at=None, attempted_at=t)
            )
        else:
            row.attempted_at = t


def _outcome(engine: Engine, alert_id: int, target: str, delivered: dt.datetime | None) -> None:
    """After the send: delivered, or (refused, failed) no attempt in doubt any more."""
    with Session(engine) as s, s.begin():
        row = s.get(AlertDelivery, (alert_id, target))
        if row is None:
            return
        if delivered is not None:
            row.delivered_at = delivered
        else:
            s.delete(row)  # a known failure: the retry is no repeat


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


# ---------------------------------------------------------------- digests

PERIODS = {"hourly": dt.timedelta(hours=1), "daily": dt.timedelta(days=1)}


def digest_text(
    alerts: Sequence[OutboxAlert], period: str, language: str, channel: str = "trips"
) -> tuple[str, str]:
    """One message listing the period's alerts, newest last; a contacts digest says so."""
    fr = language == "fr"
    n = len(alerts)
    if fr:
        what = "de l'heure" if period == "hourly" else "du jour"
        on = " des contacts" if channel == "contacts" else ""
        title = f"Warrant Watch : résumé{on} {what}, {n} alerte" + ("s" if n > 1 else "")
    else:
        what = "hourly" if period == "hourly" else "daily"
        on = " contacts" if channel == "contacts" else ""
        title = f"Warrant Watch {what}{on} digest: {n} alert" + ("s" if n > 1 else "")
    lines = []
    for a in alerts:
        t, _ = text_for(a, language)
        lines.append(f"- {t} (ww-alert-{a.id})")
    return title, "\n".join(lines)


def deliver_digests(
    engine: Engine,
    targets: Sequence[AlertTarget],
    *,
    notifier: Notifier | None = None,
    now: Callable[[], dt.datetime] = utcnow,
    channel: str = "trips",
) -> int:
    """Send each digest target the alerts of ``channel`` decided since its last digest, once
    its period has passed; returns how many digests went out. The first call starts the
    clock. A URL that takes both trip and contact digests keeps one clock per channel."""
    from sqlalchemy import func

    from warrantwatch.monitor.tables import DigestState

    sent = 0
    for t in targets:
        if t.digest is None:
            continue
        # the trips' key is the URL's hash alone (as before contacts had digests)
        key = target_key(t.url if channel == "trips" else f"{channel}\n{t.url}")
        t0 = now()
        with Session(engine, expire_on_commit=False) as s, s.begin():
            st = s.get(DigestState, (key, t.digest))
            if st is None:
                s.add(DigestState(target=key, period=t.digest, last_sent_at=t0, last_alert_id=0))
                continue
            if st.last_sent_at is not None and t0 - st.last_sent_at < PERIODS[t.digest]:
                continue
            alerts = list(
                s.scalars(
                    select(OutboxAlert)
                    .where(OutboxAlert.id > st.last_alert_id, OutboxAlert.channel == channel)
                    .order_by(OutboxAlert.id)
                    .limit(200)
                )
            )
            last_id = alerts[-1].id if alerts else (s.scalar(select(func.max(OutboxAlert.id))) or 0)
            if alerts:
                title, body = digest_text(alerts, t.digest, t.language, channel)
                send = notifier or apprise_notifier()
                try:
                    ok = send(t.url, title, body)
                except Exception as exc:  # retried next round
                    log.error("digest to target %s failed: %s", key[:12], exc)
                    ok = False
                if not ok:
                    continue
                sent += 1
            st.last_sent_at = t0
            st.last_alert_id = last_id
    return sent
