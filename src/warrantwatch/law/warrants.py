"""Which of a person's warrants are outstanding on a day, and where the person stands.

A warrant is outstanding from the day it is issued until it is executed (arrest for
the Court, surrender, appearance on a summons) or lapses (death, withdrawal,
termination). Custody events name the warrant they concern, or concern them all.
Being held by a state on its own account (``in_national_custody``) does not execute
an ICC warrant: the duty to surrender remains.
"""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.records import CustodyRec, PersonRec, WarrantRec

#: After these a warrant no longer calls for an arrest.
CLOSED = frozenset(
    {
        "arrested",
        "surrendered",
        "appeared",
        "released",
        "convicted",
        "acquitted",
        "deceased",
        "warrant_withdrawn",
        "proceedings_terminated",
    }
)

IN_COURT_CUSTODY = frozenset({"surrendered", "arrested"})


def events_for(person: PersonRec, warrant: WarrantRec, on: dt.date) -> list[CustodyRec]:
    """Custody events on or before ``on`` that concern ``warrant``, oldest first."""
    evs = [
        c for c in person.custody if c.date <= on and (c.warrant is None or c.warrant == warrant.id)
    ]
    return sorted(evs, key=lambda c: c.date)


def is_outstanding(person: PersonRec, warrant: WarrantRec, on: dt.date) -> bool:
    if warrant.issued > on:
        return False
    evs = [e for e in events_for(person, warrant, on) if e.date >= warrant.issued]
    return not evs or evs[-1].status not in CLOSED


def outstanding(person: PersonRec, on: dt.date) -> list[WarrantRec]:
    """The person's warrants that call for arrest or appearance on ``on``."""
    return [
        w for w in sorted(person.warrants, key=lambda w: w.issued) if is_outstanding(person, w, on)
    ]


def custody_status(person: PersonRec, on: dt.date) -> str:
    """The latest custody status on ``on``; ``at_large`` once a warrant is out and nothing since."""
    evs = sorted((c for c in person.custody if c.date <= on), key=lambda c: c.date)
    if evs:
        return evs[-1].status
    if any(w.issued <= on for w in person.warrants):
        return "at_large"
    return "no_warrant_yet"


def is_sealed(warrant: WarrantRec, on: dt.date) -> bool:
    """Issued under seal and not yet public on ``on``: states could not know of it."""
    return warrant.made_public is not None and warrant.made_public > on
