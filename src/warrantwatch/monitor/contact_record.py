"""The monitor's record of contacts: store each report, group reports into contacts, queue
an alert on a planned one, and let a person confirm or reject them.

Grouping: two reports are about the same contact when they name the same person and the
same official's state and their days are at most :data:`WINDOW` days apart (a report
without a day uses its publication date). A contact's status, date, place and official
follow its latest report; "occurred" is never turned back into "planned".

Alerts go on their own channel (``channel="contacts"`` in the outbox; delivered to
``contact_alert_urls``, never to the trip targets): a **planned** contact (an announced
meeting or call) of a **State Party**'s official, not rejected, at least the monitor's
alert confidence, and not alerted before in that status and date. The alert reports the
contact and quotes the policy where the knowledge base has it; it does not say whether
the contact is essential.

Review mirrors trips (:mod:`warrantwatch.monitor.review`): a confirmed contact joins the
knowledge base's ``contacts`` table (``origin="review"``) with its articles as sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from warrantwatch.kb.tables import ContactRow, FactSource
from warrantwatch.law.world import World
from warrantwatch.monitor.model import ContactEvent
from warrantwatch.monitor.tables import (
    ArticleEntry,
    AuditEntry,
    ContactEventRecord,
    ContactRecord,
    OutboxAlert,
    utcnow,
)

WINDOW = 3
CHANNEL = "contacts"
#: The knowledge-base topic under which the Assembly's call and the UN guidance on contacts
#: are recorded (records/authorities.yaml); shown where present.
POLICY_TOPIC = "contacts"
NOT_JUDGED = "Warrant Watch reports contacts; it does not decide whether a contact was essential."


class ContactReviewError(ValueError):
    """The review action cannot be done; the message says why."""


def record_contacts(
    session: Session, entry: ArticleEntry, events: Sequence[ContactEvent]
) -> list[ContactEventRecord]:
    """Store the contact events found in ``entry`` (its text is stored by the trip path)."""
    rows = [
        ContactEventRecord(
            article_id=entry.id,
            person_id=ev.person,
            state=ev.state,
            office=ev.office,
            official_id=ev.official,
            official_name=ev.official_name,
            kind=ev.kind,
            status=ev.status,
            place=ev.place,
            place_state=ev.place_iso2,
            date=ev.date,
            evidence=ev.evidence,
            confidence=float(ev.confidence),
            language=ev.language or entry.language,
            published=ev.published or entry.published,
            state_status=ev.state_status,
            rejected=False,
            created_at=utcnow(),
        )
        for ev in events
    ]
    session.add_all(rows)
    session.flush()
    return rows


def _day(ev: ContactEventRecord) -> dt.date:
    return ev.date or ev.published or ev.created_at.date()


def find_contact(
    session: Session, ev: ContactEventRecord, window: int = WINDOW
) -> ContactRecord | None:
    """The contact ``ev`` reports, or None for a new one."""
    best: tuple[int, ContactRecord] | None = None
    q = select(ContactRecord).where(
        ContactRecord.person_id == ev.person_id, ContactRecord.state == ev.state
    )
    for c in session.scalars(q):
        theirs = c.date or c.last_reported or c.first_seen_at.date()
        gap = abs((theirs - _day(ev)).days)
        if gap <= window and (best is None or gap < best[0]):
            best = (gap, c)
    return best[1] if best else None


def contact_events(session: Session, contact_id: int) -> list[ContactEventRecord]:
    return list(
        session.scalars(
            select(ContactEventRecord)
            .where(ContactEventRecord.contact_id == contact_id)
            .order_by(ContactEventRecord.id)
        )
    )


def recompute(contact: ContactRecord, events: list[ContactEventRecord]) -> set[str]:
    """The contact's fields from its live reports, latest last; the names that changed."""
    live = sorted(
        (e for e in events if not e.rejected), key=lambda e: (e.published or _day(e), e.id)
    )
    if not live:
        return set()
    keys = ("status", "date", "place", "kind", "official_id", "confidence")
    before = {k: getattr(contact, k) for k in keys}
    contact.status = "occurred" if any(e.status == "occurred" for e in live) else "planned"
    for attr in ("date", "place", "place_state", "official_id", "official_name"):
        vals = [getattr(e, attr) for e in live if getattr(e, attr) is not None]
        if vals:
            setattr(contact, attr, vals[-1])
    contact.kind = live[-1].kind
    contact.confidence = max(e.confidence for e in live)
    published = [e.published for e in live if e.published]
    contact.last_reported = max(published) if published else contact.last_reported
    return {k for k in keys if before[k] != getattr(contact, k)}


def attach(session: Session, events: list[ContactEventRecord]) -> list[ContactRecord]:
    """Put each report into its contact (creating contacts as needed); the contacts changed."""
    changed: dict[int, ContactRecord] = {}
    for ev in events:
        contact = find_contact(session, ev)
        created = contact is None
        if contact is None:
            now = utcnow()
            contact = ContactRecord(
                person_id=ev.person_id,
                state=ev.state,
                office=ev.office,
                kind=ev.kind,
                status=ev.status,
                confidence=ev.confidence,
                state_party=ev.state_status == "party",
                first_seen_at=now,
                updated_at=now,
                last_reported=ev.published,
                review_status="pending",
                version=0,
            )
            session.add(contact)
            session.flush()
        ev.contact_id = contact.id
        session.flush()
        if recompute(contact, contact_events(session, contact.id)) or created:
            contact.updated_at = utcnow()
            changed[contact.id] = contact
    return list(changed.values())


def policy(world: World) -> list[dict[str, Any]]:
    """The authorities on contacts the knowledge base records (the Assembly's call, the UN
    guidance), by id, with their sources; empty when none is recorded yet."""
    return [
        {
            "id": a.id,
            "body": a.body,
            "date": a.date.isoformat(),
            "title": a.title,
            "summary": a.summary,
            "sources": [s.as_dict() for s in a.fact.sources],
        }
        for a in world.authorities_on(POLICY_TOPIC)
    ]


def consider(
    session: Session,
    world: World,
    contact: ContactRecord,
    *,
    min_confidence: float = 0.0,
    suppress: bool = False,
) -> OutboxAlert | None:
    """Queue an alert on the contacts channel if the contact calls for one (see above)."""
    if (
        contact.status != "planned"
        or not contact.state_party
        or contact.review_status == "rejected"
        or contact.confidence < min_confidence
    ):
        return None
    if contact.alerted_status == contact.status and contact.alerted_date == contact.date:
        return None
    reason = "new" if contact.alerted_status is None else "date"
    contact.version += 1
    contact.alerted_status = contact.status
    contact.alerted_date = contact.date
    if suppress:
        return None
    from warrantwatch.monitor.alerts import queue_alert

    title, body, payload = render(session, world, contact)
    return queue_alert(
        session,
        f"contact-{contact.id}-v{contact.version}",
        reason,
        title,
        body,
        payload,
        channel=CHANNEL,
        contact_id=contact.id,
    )


def render(session: Session, world: World, c: ContactRecord) -> tuple[str, str, dict[str, Any]]:
    """Title, Markdown body and JSON payload of the alert on a planned contact."""
    person = world.persons[c.person_id].name if c.person_id in world.persons else c.person_id
    state = world.state_name(c.state)
    from warrantwatch.reports.contacts import office_key

    office = office_key(world, c.office, c.official_id).replace("_", " ")
    who = f"{state}'s {office}" + (f" ({c.official_name})" if c.official_name else "")
    when = c.date.isoformat() if c.date else "date not reported"
    kind = c.kind.replace("_", " ")
    title = f"Planned contact: {who} and {person}, {kind}, {when}; {state} is a State Party"
    evs = [e for e in contact_events(session, c.id) if not e.rejected]
    arts = {
        a.id: a
        for a in session.scalars(
            select(ArticleEntry).where(ArticleEntry.id.in_({e.article_id for e in evs}))
        )
    }
    sources = [
        {
            "url": a.url,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
        }
        for a in arts.values()
    ]
    pol = policy(world)
    lines = _body(
        f"**{who}** and **{person}** (subject to an ICC arrest warrant): {kind} planned"
        + (f" in {c.place}" if c.place else "")
        + f", {when}.",
        [e.evidence for e in evs[:5]],
        sources,
        [f"{p['body']}, {p['date']}: {p['title']}" for p in pol],
        NOT_JUDGED,
        f"Monitor contact #{c.id}; review with `warrantwatch review contact {c.id}`.",
        ("Evidence:", "Sources:", "Policy on contacts:", ": "),
    )
    payload = {
        "contact": contact_dict(c),
        "evidence": [e.evidence for e in evs[:5]],
        "sources": sources,
        "policy": pol,
        "note": NOT_JUDGED,
    }
    payload["text"] = {
        "en": {"title": title, "body": "\n".join(lines)},
        "fr": render_fr(world, c, person, [e.evidence for e in evs[:5]], sources, pol),
    }
    return title, "\n".join(lines), payload


def render_fr(
    world: World,
    c: ContactRecord,
    person: str,
    evidence: list[str],
    sources: list[dict[str, Any]],
    pol: list[dict[str, Any]],
) -> dict[str, str]:
    """The alert in French, for targets whose language is ``fr`` (as the trip alerts have).

    The words for kinds, offices and the disclaimer come from the briefings' French
    catalogue (:mod:`warrantwatch.reports.contacts`), so an alert and a briefing never name
    a contact differently; the policy's titles stay as the knowledge base records them.
    """
    from warrantwatch.reports.contacts import KIND_WORDS, OFFICE_WORDS, office_key
    from warrantwatch.reports.contacts import NOT_JUDGED as NOT_JUDGED_MSG
    from warrantwatch.reports.i18n import Lang

    fr = Lang("fr")
    country = fr.country(c.state, world.state_name(c.state))
    key = office_key(world, c.office, c.official_id)
    office = fr._(OFFICE_WORDS.get(key, key))
    who = f"{office} {country.of}" + (f" ({c.official_name})" if c.official_name else "")
    when = fr.date(c.date) if c.date else "date non indiquée"
    kind = fr._(KIND_WORDS.get(c.kind, c.kind))
    title = (
        f"Contact prévu : {who} et {person}, {kind}, {when} ; {country.subject} est un État partie"
    )
    lines = _body(
        f"**{who}** et **{person}** (sous le coup d'un mandat d'arrêt de la CPI) : "
        f"contact prévu ({kind})" + (f" à {c.place}" if c.place else "") + f", {when}.",
        evidence,
        sources,
        [f"{fr.body(p['body'])}, {p['date']} : {p['title']}" for p in pol],
        fr._(NOT_JUDGED_MSG),
        f"Contact n° {c.id} du moniteur ; `warrantwatch review contact {c.id}`.",
        ("Extraits :", "Sources :", "Politique en matière de contacts :", " : "),
    )
    return {"title": title, "body": "\n".join(lines)}


def _body(
    lead: str,
    evidence: list[str],
    sources: list[dict[str, Any]],
    policy: list[str],
    note: str,
    footer: str,
    labels: tuple[str, str, str, str],
) -> list[str]:
    """The lines of a contact alert's body, in the order every language writes them; the
    ``labels`` are the language's headings and the separator before an address."""
    evidence_h, sources_h, policy_h, sep = labels
    lines = [lead, "", evidence_h, *[f"> {q}" for q in evidence], "", sources_h]
    lines += [f"- {s['title'] or s['url']}{sep}{s['url']}" for s in sources]
    if policy:
        lines += ["", policy_h, *[f"- {p}" for p in policy]]
    return [*lines, "", note, "", footer]


def contact_dict(c: ContactRecord) -> dict[str, Any]:
    return {
        "id": c.id,
        "person": c.person_id,
        "state": c.state,
        "office": c.office,
        "official": c.official_id,
        "official_name": c.official_name,
        "kind": c.kind,
        "status": c.status,
        "date": c.date.isoformat() if c.date else None,
        "place": c.place,
        "place_state": c.place_state,
        "confidence": round(c.confidence, 3),
        "state_party": c.state_party,
        "review_status": c.review_status,
        "kb_contact_id": c.kb_contact_id,
    }


# ---------------------------------------------------------------- review


@dataclass
class ContactView:
    contact: dict[str, Any]
    events: list[dict[str, Any]]


def list_contacts(
    engine: Engine, *, review_status: tuple[str, ...] = ("pending",), limit: int = 100
) -> list[dict[str, Any]]:
    with Session(engine) as s:
        q = (
            select(ContactRecord)
            .where(ContactRecord.review_status.in_(review_status))
            .order_by(ContactRecord.id.desc())
            .limit(limit)
        )
        return [contact_dict(c) for c in s.scalars(q)]


def show(engine: Engine, contact_id: int) -> ContactView:
    with Session(engine) as s:
        c = s.get(ContactRecord, contact_id)
        if c is None:
            raise ContactReviewError(f"no contact #{contact_id} in the monitor")
        events = []
        for e in contact_events(s, c.id):
            a = s.get(ArticleEntry, e.article_id)
            events.append(
                {
                    "id": e.id,
                    "evidence": e.evidence,
                    "date": e.date.isoformat() if e.date else None,
                    "status": e.status,
                    "kind": e.kind,
                    "rejected": e.rejected,
                    "url": a.url if a else None,
                    "published": e.published.isoformat() if e.published else None,
                }
            )
        return ContactView(contact_dict(c), events)


def _editor(editor: str) -> str:
    if not editor or not editor.strip():
        raise ContactReviewError("say who you are: an editor name is required")
    return editor.strip()


def _audit(
    s: Session,
    editor: str,
    action: str,
    c: ContactRecord,
    before: dict[str, Any],
    reason: str | None,
) -> None:
    s.add(
        AuditEntry(
            at=utcnow(),
            editor=editor,
            action=action,
            contact_id=c.id,
            before=before,
            after=contact_dict(c),
            reason=reason,
        )
    )


def kb_contact_id(c: ContactRecord) -> str:
    """Knowledge-base id of a reviewed contact (``-m<N>``: apart from curated ids)."""
    return f"{c.person_id}-{c.state.lower()}-contact-m{c.id}"


def confirm(
    engine: Engine, contact_id: int, editor: str, *, note: str | None = None
) -> ContactView:
    """Confirm the contact: it joins the knowledge base with its articles as sources."""
    from warrantwatch.monitor.review import _publisher, bump_kb_generation, link_articles

    who = _editor(editor)
    with Session(engine) as s, s.begin():
        c = s.get(ContactRecord, contact_id)
        if c is None:
            raise ContactReviewError(f"no contact #{contact_id} in the monitor")
        if c.date is None:
            raise ContactReviewError(f"contact #{contact_id} has no date; it cannot be recorded")
        before = contact_dict(c)
        cid = kb_contact_id(c)
        evs = [e for e in contact_events(s, c.id) if not e.rejected]
        arts = list(
            s.scalars(select(ArticleEntry).where(ArticleEntry.id.in_({e.article_id for e in evs})))
        )
        publishers = {_publisher(a.url) for a in arts}
        bump_kb_generation(s)
        s.merge(
            ContactRow(
                id=cid,
                person_id=c.person_id,
                state=c.state,
                office=c.office,
                official_id=c.official_id,
                official_name=c.official_name,
                kind=c.kind,
                date=c.date,
                precision="day",
                status=c.status,
                place=c.place,
                place_state=c.place_state,
                confidence="high" if len(publishers) >= 2 else "medium",
                note=f"Found by the news monitor (contact #{c.id}); confirmed in review by "
                f"{who} on {utcnow().date().isoformat()}." + (f" {note}" if note else ""),
                origin="review",
            )
        )
        s.execute(
            delete(FactSource).where(
                FactSource.fact_table == "contacts", FactSource.fact_key == cid
            )
        )
        s.flush()
        link_articles(s, "contacts", cid, arts)
        c.review_status = "confirmed"
        c.reviewed_by = who
        c.reviewed_at = utcnow()
        c.kb_contact_id = cid
        _audit(s, who, "confirm", c, before, note)
    return show(engine, contact_id)


def reject(engine: Engine, contact_id: int, editor: str, reason: str) -> ContactView:
    """Reject the contact (a misread report): no alert; out of the knowledge base."""
    from warrantwatch.monitor.review import bump_kb_generation

    who = _editor(editor)
    if not reason or not reason.strip():
        raise ContactReviewError("give a reason for the rejection")
    with Session(engine) as s, s.begin():
        c = s.get(ContactRecord, contact_id)
        if c is None:
            raise ContactReviewError(f"no contact #{contact_id} in the monitor")
        before = contact_dict(c)
        if c.kb_contact_id:
            bump_kb_generation(s)
            s.execute(
                delete(FactSource).where(
                    FactSource.fact_table == "contacts", FactSource.fact_key == c.kb_contact_id
                )
            )
            s.execute(
                delete(ContactRow).where(
                    ContactRow.id == c.kb_contact_id, ContactRow.origin == "review"
                )
            )
            c.kb_contact_id = None
        c.review_status = "rejected"
        c.reviewed_by = who
        c.reviewed_at = utcnow()
        _audit(s, who, "reject", c, before, reason)
    return show(engine, contact_id)
