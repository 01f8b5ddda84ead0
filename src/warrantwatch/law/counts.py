"""What each number shown to a reader counts, said beside it.

Readers compared the home page's "25 persons at large" with the 28 persons Tajikistan
must arrest, and the map's "124 States Parties" with the 125 states bound to arrest
Vladimir Putin, and took them for errors. Both pairs are right and count different
things: persons held in national custody are not at large but must still be
surrendered; a state that withdrew is no longer a State Party but stays bound under
art. 127(2). This module says, in one sentence per number, what the number counts and
why a neighbouring number differs, so the page, the terminal and the briefing give the
same explanation. Pure: it reads the typed records and returns words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from warrantwatch.law import warrants as wr
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.wording import join_words, long_date
from warrantwatch.law.world import World


@dataclass(frozen=True)
class Tally:
    """Persons subject to an outstanding warrant on a date, split by custody."""

    at_large: tuple[str, ...]
    national_custody: tuple[str, ...]

    @property
    def outstanding(self) -> int:
        return len(self.at_large) + len(self.national_custody)


def tally(world: World, on: dt.date) -> Tally:
    """Names of the persons at large and of those in national custody, each subject to at
    least one outstanding warrant on ``on`` (the two groups a State Party must arrest)."""
    free: list[str] = []
    held: list[str] = []
    for p in sorted(world.persons.values(), key=lambda p: p.name):
        if not wr.outstanding(p, on):
            continue
        status = wr.custody_status(p, on)
        if status == "at_large":
            free.append(p.name)
        elif status == "in_national_custody":
            held.append(p.name)
    return Tally(tuple(free), tuple(held))


def _persons(n: int) -> str:
    return f"{n} person{'' if n == 1 else 's'}"


def at_large_legend(world: World, on: dt.date) -> str:
    """Beside the count of persons at large: what it counts and what it leaves out."""
    t = tally(world, on)
    out = (
        f"Counts the persons subject to at least one outstanding ICC arrest warrant or "
        f"summons on {long_date(on)} who are in no one's custody."
    )
    if t.national_custody:
        out += (
            f" Not counted: {_persons(len(t.national_custody))} held in national custody "
            f"({join_words(list(t.national_custody))}), whose warrants are still outstanding; "
            f"a State Party must arrest and surrender them too, so a State Party's list "
            f"counts {t.outstanding}."
        )
    return out


def withdrawn_on(world: World, on: dt.date) -> list[str]:
    """Names of the states whose withdrawal had taken effect by ``on``."""
    return sorted(s.name for s in world.states.values() if status_on(s, on).status == "withdrawn")


def parties_legend(world: World, on: dt.date) -> str:
    """Beside a count of States Parties: what it counts and why the states bound to arrest
    a given person can be more."""
    states = [status_on(s, on) for s in world.states.values()]
    n = sum(1 for ts in states if ts.status == "party")
    pending = sum(1 for ts in states if ts.status == "party" and ts.pending_withdrawal)
    out = (
        f"Counts the {n} states for which the Rome Statute is in force on {long_date(on)}"
        + (f", {pending} of them with a notified withdrawal not yet in effect" if pending else "")
        + "."
    )
    gone = withdrawn_on(world, on)
    if gone:
        out += (
            f" Not counted: states whose withdrawal has taken effect ({join_words(gone)}); "
            "each stays bound under art. 127(2) for investigations and proceedings begun "
            "while it was a party, so the states bound to arrest a given person can be more "
            "than the States Parties."
        )
    return out


def where_legend(groups: dict[str, list[str]], on: dt.date) -> str:
    """Beside the count of states that must arrest one person: its parts, by basis.

    ``groups`` maps each basis of :data:`warrantwatch.law.where.BASIS_ORDER` to the names
    of the states listed under it (each state is counted once, under its strongest basis);
    a part of a few states names them, so "125" reads as "124 States Parties + Hungary"."""
    labels = {
        "state_party": ("State Party (arts. 86, 89(1))", "States Parties (arts. 86, 89(1))"),
        "art_12_3_declaration": (
            "state bound by an art. 12(3) declaration",
            "states bound by an art. 12(3) declaration",
        ),
        "unsc_referral": (
            "state bound by a Security Council referral",
            "states bound by a Security Council referral",
        ),
        "art_127_2_continuing": (
            "former State Party bound under art. 127(2)",
            "former States Parties bound under art. 127(2)",
        ),
    }
    parts = []
    for basis, (one, many) in labels.items():
        names = groups.get(basis) or []
        if not names:
            continue
        part = f"{len(names)} {one if len(names) == 1 else many}"
        if basis != "state_party" and len(names) <= 5:
            part += f" ({join_words(list(names))})"
        parts.append(part)
    total = sum(len(groups.get(b) or []) for b in labels)
    if not total:
        return f"No state is bound to arrest on {long_date(on)}."
    return (
        f"Counts every state bound on {long_date(on)} on at least one basis, each once, "
        f"under its strongest: {' + '.join(parts)}" + (f" = {total}." if len(parts) > 1 else ".")
    )


def owes_legend(world: World, names: list[str], on: dt.date) -> str:
    """Beside a state's list of persons to arrest: who is in it and who is not."""
    t = tally(world, on)
    free = [n for n in names if n in t.at_large]
    held = [n for n in names if n in t.national_custody]
    out = (
        f"Counts {_persons(len(names))} subject to an outstanding ICC warrant on "
        f"{long_date(on)} whom this state must arrest and surrender: {len(free)} at large"
    )
    if held:
        out += f" and {len(held)} held in national custody ({join_words(held)})"
    out += "."
    if held:
        out += (
            f" The count of persons at large on that date ({len(t.at_large)}, as on the "
            "home page) leaves out the latter."
        )
    return out


def persons_legend(n: int, status: str | None, on: dt.date) -> str:
    """Beside the persons list: what the number counts."""
    which = (
        f"whose custody status is {status.replace('-', ' ')}"
        if status
        else "whatever their custody status"
    )
    return (
        f"{_persons(n)} with a public ICC arrest warrant or summons, {which}, on {long_date(on)}."
    )
