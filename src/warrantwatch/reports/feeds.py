"""Feeds for feed readers and calendars: an Atom feed of alerts, an iCalendar of trips.

``atom_feed`` lists the monitor's alerts (``monitor_outbox``: one per new or changed
trip to a state that would be bound to arrest) and, from the knowledge base,
announced trips and recent trips with the legal answer for each. ``ics_feed`` puts
expected trips to bound states in a calendar: announced trips in the knowledge base
and trips the monitor detected that have not been rejected in review.

Both return bytes, for the CLI (``warrantwatch feed atom|ics``) and for the web
layer to serve as ``application/atom+xml`` and ``text/calendar``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from warrantwatch.law.obligations import Assessment, assess
from warrantwatch.law.records import TripRec
from warrantwatch.law.wording import long_date
from warrantwatch.law.world import World

FEED_ID = "urn:warrantwatch:feed:alerts"
CAL_ID = "-//Warrant Watch//Expected trips//EN"
#: Trips that started this many days ago or less still count as "recent" in the feed.
RECENT_DAYS = 90


@dataclass
class Item:
    """One feed entry or calendar event, whatever it came from."""

    uid: str
    title: str
    text: str
    updated: dt.datetime
    links: list[str] = field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    country: str | None = None
    tentative: bool = True
    categories: list[str] = field(default_factory=list)
    #: who travels and where (person id, ISO code): what makes two items one visit
    person: str | None = None
    destination: str | None = None


def _utc(d: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(d, dt.datetime):
        return d if d.tzinfo else d.replace(tzinfo=dt.UTC)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)


def _dates(t: TripRec) -> str:
    if t.precision == "month":
        return t.start.strftime("%B %Y")
    if t.end and t.end != t.start:
        return f"{long_date(t.start)} to {long_date(t.end)}"
    return long_date(t.start)


def _verdict(a: Assessment) -> str:
    if a.duty == "binding":
        return f"{a.state.name} would be bound to arrest and surrender {a.person.name}"
    return f"{a.state.name} has no treaty duty to arrest {a.person.name}"


def _trip_item(world: World, t: TripRec) -> Item | None:
    person, state = world.persons.get(t.person), world.states.get(t.destination)
    if person is None or state is None:
        return None
    a = assess(world, person, state, t.start)
    lead = "Trip announced" if t.outcome == "planned" else "Trip on record"
    title = f"{lead}: {person.name} to {state.name} ({_dates(t)}); {_verdict(a)}"
    paras = a.explanation.split("\n\n")
    text = "\n\n".join(
        [
            f"{person.name} in {state.name}"
            + (f" ({t.place})" if t.place else "")
            + (f", {t.occasion}" if t.occasion else "")
            + f": {_dates(t)}. Outcome on record: {t.outcome.replace('_', ' ')}.",
            *paras[:3],
            "Sources: " + "; ".join(f"{s.publisher}, {s.title} <{s.url}>" for s in t.fact.sources),
        ]
    )
    stamps = [s.date or s.accessed for s in t.fact.sources if s.date or s.accessed]
    updated = _utc(max(stamps)) if stamps else _utc(t.start)
    return Item(
        uid=f"urn:warrantwatch:trip:{t.id}",
        title=title,
        text=text,
        updated=updated,
        links=[s.url for s in t.fact.sources],
        start=t.start,
        end=t.end,
        place=t.place,
        country=state.name,
        tentative=t.outcome == "planned",
        categories=["binding" if a.duty == "binding" else "no duty"],
        person=t.person,
        destination=t.destination,
    )


def _has_table(engine: Engine, name: str) -> bool:
    try:
        return inspect(engine).has_table(name)
    except Exception:
        return False


def monitor_alerts(engine: Engine | None, limit: int = 100) -> list[Item]:
    """The monitor's alerts, newest first (none where the monitor's tables are absent)."""
    if engine is None or not _has_table(engine, "monitor_outbox"):
        return []
    from warrantwatch.monitor.tables import OutboxAlert

    out = []
    with Session(engine) as s:
        q = select(OutboxAlert).order_by(OutboxAlert.created_at.desc(), OutboxAlert.id.desc())
        for row in s.scalars(q.limit(limit)):
            payload: dict[str, Any] = row.payload or {}
            out.append(
                Item(
                    uid=f"urn:warrantwatch:alert:{row.id}",
                    title=row.title,
                    text=row.body,
                    updated=_utc(row.created_at),
                    links=[x["url"] for x in payload.get("sources", []) if x.get("url")],
                    categories=["alert", str(row.reason)],
                )
            )
    return out


def monitor_trips(engine: Engine | None, today: dt.date, horizon_days: int) -> list[Item]:
    """Detected trips to bound states, not rejected in review, not yet over."""
    if engine is None or not _has_table(engine, "monitor_trips"):
        return []
    from warrantwatch.monitor.tables import TripRecord

    out = []
    since = today - dt.timedelta(days=horizon_days)
    with Session(engine) as s:
        q = select(TripRecord).where(
            TripRecord.bound.is_(True),
            TripRecord.start_date.is_not(None),
            TripRecord.start_date >= since,
            TripRecord.review_status != "rejected",
            TripRecord.kb_trip_id.is_(None),
        )
        for t in s.scalars(q.order_by(TripRecord.start_date)):
            if t.status in ("cancelled",) or t.outcome in ("cancelled", "did_not_attend"):
                continue
            a = t.assessment or {}
            person = (a.get("person") or {}).get("name", t.person_id)
            state = (a.get("state") or {}).get("name", t.destination)
            out.append(
                Item(
                    uid=f"urn:warrantwatch:monitor-trip:{t.id}",
                    title=f"{person} expected in {state}; {state} would be bound to arrest",
                    text=(a.get("explanation") or "").split("\n\n")[0]
                    + f"\n\nDetected by the monitor (confidence {t.confidence:.2f}, "
                    f"review: {t.review_status}).",
                    updated=_utc(t.updated_at),
                    start=t.start_date,
                    end=t.end_date,
                    place=t.place,
                    country=state,
                    tentative=t.review_status != "confirmed",
                    categories=["detected", "binding"],
                    person=t.person_id,
                    destination=t.destination,
                )
            )
    return out


def feed_items(world: World, today: dt.date, recent_days: int = RECENT_DAYS) -> list[Item]:
    """Announced trips and trips of the last ``recent_days`` days, from the knowledge base."""
    since = today - dt.timedelta(days=recent_days)
    out = []
    for t in world.trips:
        if t.outcome == "planned" or since <= (t.end or t.start) <= today + dt.timedelta(days=366):
            item = _trip_item(world, t)
            if item is not None:
                out.append(item)
    return out


def atom_feed(
    world: World,
    *,
    engine: Engine | None = None,
    base_url: str | None = None,
    now: dt.datetime | None = None,
    limit: int = 100,
) -> bytes:
    """The Atom feed: the monitor's alerts, then announced and recent trips, newest first."""
    from feedgen.feed import FeedGenerator

    now = _utc(now or dt.datetime.now(dt.UTC))
    items = monitor_alerts(engine, limit) + feed_items(world, now.date())
    for it in items:  # a source read after "now" must not date an entry in the future
        it.updated = min(it.updated, now)
    items.sort(key=lambda i: i.updated, reverse=True)
    items = items[:limit]
    fg = FeedGenerator()
    fg.id(FEED_ID)
    fg.title("Warrant Watch: trips of persons subject to ICC arrest warrants")
    fg.subtitle(
        "Alerts and reported trips, each with whether the host state would be bound to arrest."
    )
    fg.author({"name": "Warrant Watch"})
    fg.language("en")
    fg.generator("Warrant Watch")
    if base_url:
        root = base_url.rstrip("/")
        fg.link(href=f"{root}/feeds/alerts.atom", rel="self", type="application/atom+xml")
        fg.link(href=root + "/", rel="alternate", type="text/html")
    fg.updated(max((i.updated for i in items), default=now))
    for it in reversed(items):  # feedgen prepends entries: add the oldest first
        fe = fg.add_entry()
        fe.id(it.uid)
        fe.title(it.title)
        fe.updated(it.updated)
        fe.content(it.text, type="text")
        for url in dict.fromkeys(it.links):
            fe.link(href=url, rel="related")
        for c in it.categories:
            fe.category(term=c)
    data: bytes = fg.atom_str(pretty=True)
    return data


def _one_visit(items: list[Item]) -> list[Item]:
    """Items that describe the same visit (same person, same state, days overlapping or
    touching) made into one item spanning all their days.

    A stay of several days is often on record once in the knowledge base and reported
    again, day by day, by the monitor; a calendar should show one event of several days.
    The knowledge base's item leads (it is the reviewed record), the others add their
    days and their sources.
    """
    out: list[Item] = []

    def key(i: Item) -> tuple[str, str, dt.date]:
        return (i.person or "", i.destination or "", i.start or dt.date.min)

    for it in sorted(items, key=key):
        prev = out[-1] if out else None
        if (
            prev is not None
            and it.person is not None
            and (it.person, it.destination) == (prev.person, prev.destination)
            and prev.start is not None
            and it.start is not None
            and it.start <= (prev.end or prev.start) + dt.timedelta(days=1)
        ):
            lead, other = (it, prev) if prev.tentative and not it.tentative else (prev, it)
            out[-1] = replace(
                lead,
                links=list(dict.fromkeys(lead.links + other.links)),
                start=min(prev.start, it.start),
                end=max(prev.end or prev.start, it.end or it.start),
                updated=max(prev.updated, it.updated),
            )
        else:
            out.append(it)
    return out


def ics_feed(
    world: World,
    *,
    engine: Engine | None = None,
    now: dt.datetime | None = None,
    horizon_days: int = 7,
) -> bytes:
    """An iCalendar of expected trips to states bound to arrest the traveller.

    Announced trips (``planned``) in the knowledge base and the monitor's detected
    trips, from ``horizon_days`` ago onwards; each event says why the host is bound.
    """
    from icalendar import Calendar, Event

    now = _utc(now or dt.datetime.now(dt.UTC))
    today = now.date()
    since = today - dt.timedelta(days=horizon_days)
    items = []
    for t in world.trips:
        if (t.outcome == "planned" or t.start >= today) and (t.end or t.start) >= since:
            item = _trip_item(world, t)
            if item is not None and "binding" in item.categories:
                items.append(item)
    items = _one_visit(items + monitor_trips(engine, today, horizon_days))
    cal = Calendar()
    cal.add("prodid", CAL_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Warrant Watch: expected trips to bound states")
    for it in sorted(items, key=lambda i: (i.start or today, i.uid)):
        ev = Event()
        ev.add("uid", it.uid.removeprefix("urn:") + "@warrantwatch")
        ev.add("dtstamp", now)
        ev.add("summary", it.title)
        ev.add("description", it.text)
        start = it.start or today
        ev.add("dtstart", start)
        ev.add("dtend", (it.end or start) + dt.timedelta(days=1))  # all-day: end is exclusive
        where = ", ".join(x for x in (it.place, it.country) if x)
        if where:
            ev.add("location", where)
        if it.links:
            ev.add("url", it.links[0])
        ev.add("status", "TENTATIVE" if it.tentative else "CONFIRMED")
        ev.add("categories", it.categories)
        ev.add("last-modified", it.updated)
        cal.add_component(ev)
    data: bytes = cal.to_ical()
    return data
