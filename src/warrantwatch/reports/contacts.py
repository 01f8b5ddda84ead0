"""Contacts in the briefings and pages: who met, called or appeared with a person subject to
a warrant, when, where, and whether the official's state was a State Party that day.

The policy is quoted from the knowledge base, never typed here: the authorities recorded
under the topic ``contacts`` (the Assembly of States Parties' call, the UN Secretary-
General's guidance on contacts with persons subject to the Court's warrants) are shown by
body, date and title with their sources when they are present. Warrant Watch reports
contacts; it does not decide whether one was essential, and every section says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law.records import ContactRec, best_first
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.world import World
from warrantwatch.reports import phrases as ph
from warrantwatch.reports.document import Block, Citations, Line, Section, Table
from warrantwatch.reports.i18n import N_, Lang, document_title

#: The knowledge-base topic of the authorities on contacts (records/authorities.yaml).
POLICY_TOPIC = "contacts"

KIND_WORDS = {
    "meeting": N_("meeting"),
    "call": N_("call"),
    "joint_appearance": N_("joint appearance"),
    "letter": N_("letter or invitation"),
}
OFFICE_WORDS = {
    "head_of_state": N_("head of state"),
    "head_of_government": N_("head of government"),
    "head_of_state_and_government": N_("head of state and government"),
    "foreign_minister": N_("foreign minister"),
}
STATUS_WORDS = {
    "occurred": N_("took place"),
    "planned": N_("planned"),
    "cancelled": N_("cancelled"),
}
NOT_JUDGED = N_(
    "Warrant Watch reports contacts; it does not decide whether a contact was essential."
)


def party_then(world: World, c: ContactRec) -> str:
    """The official's state's treaty status on the contact's day."""
    st = world.states.get(c.state)
    return status_on(st, c.date).status if st is not None else "unknown"


def contact_date(L: Lang, c: ContactRec) -> str:
    return L.trip_date(c.date, None, c.precision)


def office_key(world: World, office: str, official: str | None) -> str:
    """The key of a contact's office words: ``head_of_state_and_government`` when the
    recorded official (an id of ``world.officials``) is a head of state who also heads the
    government, else ``office``."""
    o = world.official(official)
    return o.office_key if o is not None and o.holds(office) else office


def official_words(L: Lang, world: World, c: ContactRec) -> str:
    key = office_key(world, c.office, c.official)
    office = L._(OFFICE_WORDS.get(key, key))
    return office + (f" ({c.official_name})" if c.official_name else "")


def contact_table(
    world: World, contacts: list[ContactRec], L: Lang, c: Citations, *, by_state: bool
) -> Table:
    """One row per contact: date, the state's official (or the person), kind, place, and the
    state's status that day; each row cited."""
    rows, cites, flags = [], [], []
    for x in contacts:
        who = world.persons.get(x.person)
        cells = [contact_date(L, x)]
        if by_state:
            cells.append(official_words(L, world, x))
            cells.append(who.name if who else x.person)
        else:
            cells.append(L.country(x.state, world.state_name(x.state)).name)
            cells.append(official_words(L, world, x))
        where = x.place or (world.state_name(x.place_state) if x.place_state else "")
        cells += [
            L._(KIND_WORDS.get(x.kind, x.kind))
            + ("" if x.status == "occurred" else f" ({L._(STATUS_WORDS[x.status])})"),
            ", ".join(v for v in (where, x.occasion) if v) or "—",
            ph.status_word(L, party_then(world, x)),
        ]
        rows.append(cells)
        cites.append(c.cite(x.fact.sources))
        flags.append(None if x.fact.verified else "unverified")
    headers = [
        L._("Date"),
        L._("Official") if by_state else L._("State"),
        L._("Person subject to a warrant") if by_state else L._("Official"),
        L._("Contact"),
        L._("Place, occasion"),
        L._("State then"),
    ]
    return Table(headers, rows, cites, flags)


def policy_lines(world: World, L: Lang, c: Citations) -> list[Line]:
    """The authorities on contacts by body, date and title, with their sources.

    A reader weighing a contact needs what the policy says, not only its name, so an English
    text adds the recorded summary (the data's own paraphrase, never the document's wording).
    The summaries are English prose, so other languages show the title alone, marked as the
    original English title, as the briefing does for rulings.
    """
    out = []
    for a in world.authorities_on(POLICY_TOPIC):
        title = document_title(L.code, a.id, a.title)
        text = L._(
            "%(body)s, %(date)s: %(title)s",
            body=L.body(a.body),
            date=L.date(a.date),
            title=L.quote(title.text),
        )
        if L.code == "en":
            text += f". {a.summary.strip()}" if a.summary.strip() else "."
        elif title.translated:
            text += "."
        else:
            text += " " + L._("(original title, in English)") + "."
        out.append(
            Line(
                text,
                c.cite(a.fact.sources, title.sources),
                None if a.fact.verified else "unverified",
            )
        )
    return out


def contacts_section(
    world: World,
    contacts: list[ContactRec],
    L: Lang,
    c: Citations,
    title: str,
    *,
    by_state: bool,
    anchor: str = "contacts",
) -> Section:
    """A section listing ``contacts``, the policy where recorded, and the disclaimer."""
    sec = Section(anchor, title)
    if contacts:
        sec.blocks.append(
            Block("table", table=contact_table(world, contacts, L, c, by_state=by_state))
        )
    else:
        sec.para(Line(L._("No contact is on record.")))
    policy = policy_lines(world, L, c)
    if policy:
        sec.bullets(policy, heading=L._("The policy on contacts with persons subject to warrants"))
    sec.para(Line(L._(NOT_JUDGED)))
    return sec


def since_warrant(world: World, contacts: list[ContactRec], on: dt.date) -> list[ContactRec]:
    """The contacts up to ``on`` (planned ones too) made after the person's first warrant."""
    out = []
    for x in contacts:
        p = world.persons.get(x.person)
        first = min((w.issued for w in p.warrants), default=None) if p else None
        if (x.date <= on or x.status == "planned") and (first is None or x.date >= first):
            out.append(x)
    return out


def party_contacts(world: World, person_id: str, on: dt.date) -> list[ContactRec]:
    """The person's contacts with officials of states that were States Parties that day."""
    return [
        x
        for x in since_warrant(world, world.contacts_of(person_id), on)
        if party_then(world, x) == "party"
    ]


def contact_json(world: World, x: ContactRec) -> dict[str, Any]:
    """A contact as the API and the JSON export give it."""
    return {
        "id": x.id,
        "person": x.person,
        "state": x.state,
        "state_name": world.state_name(x.state),
        "office": x.office,
        "office_words": office_key(world, x.office, x.official).replace("_", " "),
        "official": x.official,
        "official_name": x.official_name,
        "kind": x.kind,
        "status": x.status,
        "date": x.date.isoformat(),
        "precision": x.precision,
        "place": x.place,
        "place_state": x.place_state,
        "occasion": x.occasion,
        "state_status": party_then(world, x),
        "confidence": x.fact.confidence,
        "verified": x.fact.verified,
        "note": x.fact.note,
        "sources": [s.as_dict() for s in x.fact.sources],
    }


def policy_json(world: World) -> dict[str, Any]:
    """The policy block of the API: the authorities on contacts (by id) and the disclaimer."""
    return {
        "authorities": [
            {
                "id": a.id,
                "body": a.body,
                "date": a.date.isoformat(),
                "title": a.title,
                "summary": a.summary.strip(),
                "verified": a.fact.verified,
                "sources": [s.as_dict() for s in best_first(a.fact.sources)],
            }
            for a in world.authorities_on(POLICY_TOPIC)
        ],
        "note": NOT_JUDGED,
    }
