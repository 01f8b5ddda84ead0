"""Where must a person be arrested? Every state, split by its duty on one date.

``where`` runs the engine's own per-warrant basis test (:func:`obligations._duty_for`,
the one ``assess`` uses) for every state in the world and every warrant outstanding
on the date, so the split always agrees with the assessment of any single state. A
state bound on several bases (a Security Council referral and a declaration, say) is
listed under the first of :data:`BASIS_ORDER` and carries all of them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from warrantwatch.law import warrants as wr
from warrantwatch.law.obligations import Basis, _duty_for, announced_caveat, future_caveat
from warrantwatch.law.records import PersonRec, StateRec, WarrantRec
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.wording import WHERE_GROUP_WORDS, long_date
from warrantwatch.law.world import World

#: The groups of the answer, strongest basis first; ``none`` = no duty to arrest.
BASIS_ORDER: tuple[str, ...] = (
    "state_party",
    "art_12_3_declaration",
    "unsc_referral",
    "art_127_2_continuing",
    "none",
)


@dataclass(frozen=True)
class StateDuty:
    """One state's duty toward the person on the date."""

    state: StateRec
    status: str
    bases: tuple[Basis, ...]
    warrants: tuple[str, ...]

    @property
    def group(self) -> str:
        return self.bases[0] if self.bases else "none"

    def as_dict(self) -> dict[str, Any]:
        return {
            "iso2": self.state.iso2,
            "name": self.state.name,
            "state_status": self.status,
            "must_arrest": bool(self.bases),
            "basis": self.group,
            "bases": list(self.bases),
            "warrants": list(self.warrants),
        }


@dataclass
class WhereAnswer:
    person: PersonRec
    on: dt.date
    custody_status: str
    outstanding: list[WarrantRec]
    states: list[StateDuty] = field(default_factory=list)
    #: outstanding warrants still under seal on the date (states may not have known)
    sealed: list[str] = field(default_factory=list)
    #: what the reader must know to rely on the split (a future date, an announced but
    #: unnotified withdrawal), in the words ``assess`` uses
    caveats: list[str] = field(default_factory=list)

    @property
    def bound(self) -> list[StateDuty]:
        return [s for s in self.states if s.bases]

    def groups(self) -> dict[str, list[StateDuty]]:
        """Every group of :data:`BASIS_ORDER`, in that order (empty ones included)."""
        out: dict[str, list[StateDuty]] = {b: [] for b in BASIS_ORDER}
        for s in self.states:
            out[s.group].append(s)
        return out

    def headline(self) -> str:
        """One sentence on the whole answer, the same on the page and in the terminal."""
        day = long_date(self.on)
        name = self.person.name
        if not self.outstanding:
            return (
                f"{name} is subject to no outstanding ICC warrant on {day}: no state has a "
                "duty to arrest on an ICC warrant."
            )
        n, k = len(self.bound), len(self.outstanding)
        seal = (
            f" Under seal on that date: {', '.join(self.sealed)}; states may not have known of it."
            if self.sealed
            else ""
        )
        return (
            f"On {day}, {n} state{'' if n == 1 else 's'} must arrest and surrender {name} "
            f"if found on {'its' if n == 1 else 'their'} territory "
            f"({k} outstanding warrant{'' if k == 1 else 's'}; custody status: "
            f"{self.custody_status.replace('_', ' ')})." + seal
        )

    def label(self, group: str) -> str:
        """The heading of a group; with no outstanding warrant, "none" says why."""
        if group == "none" and not self.outstanding:
            return WHERE_GROUP_WORDS["no_warrant"]
        return WHERE_GROUP_WORDS[group]

    def as_dict(self) -> dict[str, Any]:
        """The JSON of ``warrantwatch where --format json``."""
        groups = self.groups()
        return {
            "person": {"id": self.person.id, "name": self.person.name},
            "on": self.on.isoformat(),
            "custody_status": self.custody_status,
            "outstanding_warrants": [w.id for w in self.outstanding],
            "sealed_warrants": list(self.sealed),
            "caveats": list(self.caveats),
            "counts": {
                "must_arrest": len(self.bound),
                "no_duty": len(groups["none"]),
                **{b: len(v) for b, v in groups.items()},
            },
            "states": [s.as_dict() for s in self.states],
        }


def name_key(name: str) -> str:
    """Sort names as a reader expects: accents and case do not move a name (Côte
    d'Ivoire between Costa Rica and Croatia, not after Czechia)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()


def _ordered(bases: set[str]) -> tuple[Basis, ...]:
    return tuple(b for b in BASIS_ORDER if b in bases)  # type: ignore[misc]


def where(
    world: World, person: PersonRec, on: dt.date, today: dt.date | None = None
) -> WhereAnswer:
    """Every state in ``world``, by name, with the bases on which it must arrest ``person``
    if found on its territory on ``on`` (none when no warrant is outstanding). ``today``
    (default: the system date) only decides whether ``on`` is in the future."""
    outstanding = list(wr.outstanding(person, on))
    answer = WhereAnswer(
        person,
        on,
        wr.custody_status(person, on),
        outstanding,
        sealed=[w.id for w in outstanding if wr.is_sealed(w, on)],
    )
    for state in sorted(world.states.values(), key=lambda s: name_key(s.name)):
        ts = status_on(state, on)
        duties = [_duty_for(world, state, ts, w, on) for w in outstanding]
        bases = {b for d in duties for b in d.bases}
        answer.states.append(
            StateDuty(
                state=state,
                status=ts.status,
                bases=_ordered(bases),
                warrants=tuple(d.warrant.id for d in duties if d.bases),
            )
        )
        if ts.withdrawal_announced and not ts.withdrawal_notified:
            answer.caveats.append(
                announced_caveat(ts.withdrawal_announced, f"{state.name}'s withdrawal")
            )
    today = today or dt.date.today()
    if on > today:
        answer.caveats.insert(0, future_caveat(on, today))
    return answer
