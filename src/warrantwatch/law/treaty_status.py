"""A state's standing under the Rome Statute on a given day.

Entry into force (art. 126) and the day a withdrawal takes effect (art. 127(1)) are
derived from the dates the depositary received each instrument, never typed by
hand: the data records what states did, this module says what follows from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from warrantwatch.law.records import StateRec, TreatyActionRec

#: The day the 60th instrument was deposited (ten states deposited together).
SIXTIETH_DEPOSIT = dt.date(2002, 4, 11)
#: Art. 126(1): first day of the month after the 60th day following that deposit.
STATUTE_IN_FORCE = dt.date(2002, 7, 1)

DEPOSITS = frozenset({"ratification", "acceptance", "approval", "accession", "succession"})

Status = Literal["non_party", "not_yet_party", "party", "withdrawn"]


def _first_of_next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def entry_into_force(deposit: dt.date) -> dt.date:
    """Art. 126: when the Statute enters into force for a state depositing on ``deposit``.

    Instruments deposited up to and including the 60th (11 April 2002) took effect
    with the Statute itself on 1 July 2002 (art. 126(1)); later ones on the first day
    of the month after the 60th day following their deposit (art. 126(2)).
    """
    if deposit <= SIXTIETH_DEPOSIT:
        return STATUTE_IN_FORCE
    return _first_of_next_month(deposit + dt.timedelta(days=60))


def in_force_from(deposit: TreatyActionRec) -> dt.date:
    """When a deposit binds: art. 126, or for a succession the date the successor names."""
    if deposit.type == "succession" and deposit.effective_from is not None:
        return deposit.effective_from
    return entry_into_force(deposit.date)


def withdrawal_effective(notified: dt.date, later_date: dt.date | None = None) -> dt.date:
    """Art. 127(1): one year after the notification is received, or a later date it names.

    A notification received on 29 February takes effect on 1 March of the next year,
    the first day by which a full year has run.
    """
    try:
        anniversary = notified.replace(year=notified.year + 1)
    except ValueError:
        anniversary = dt.date(notified.year + 1, 3, 1)
    if later_date is not None and later_date > anniversary:
        return later_date
    return anniversary


@dataclass(frozen=True, slots=True)
class Membership:
    """One stretch of being bound by the Statute, from deposit to (possibly) withdrawal."""

    deposit: TreatyActionRec
    in_force: dt.date
    withdrawal: TreatyActionRec | None = None
    effective_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class TreatyStatus:
    """What a state's record means on one day."""

    iso2: str
    on: dt.date
    status: Status
    signed: dt.date | None
    signature_withdrawn: dt.date | None
    deposited: dt.date | None
    deposit_type: str | None
    party_since: dt.date | None
    withdrawal_notified: dt.date | None
    withdrawal_effective: dt.date | None
    withdrawal_announced: dt.date | None
    pending_withdrawal: bool
    actions: tuple[TreatyActionRec, ...]

    def as_dict(self) -> dict[str, object]:
        def iso(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "iso2": self.iso2,
            "on": self.on.isoformat(),
            "state_status": self.status,
            "signed": iso(self.signed),
            "signature_withdrawn": iso(self.signature_withdrawn),
            "deposited": iso(self.deposited),
            "deposit_type": self.deposit_type,
            "party_since": iso(self.party_since),
            "withdrawal_notified": iso(self.withdrawal_notified),
            "withdrawal_effective": iso(self.withdrawal_effective),
            "withdrawal_announced": iso(self.withdrawal_announced),
            "pending_withdrawal": self.pending_withdrawal,
        }


def memberships(actions: tuple[TreatyActionRec, ...] | list[TreatyActionRec]) -> list[Membership]:
    """Every period in which the Statute was (or is to be) in force for the state.

    A deposit withdrawn before it took effect (Malaysia, 2019) opens no period; a
    notified withdrawal later revoked before taking effect (South Africa, The Gambia)
    closes none.
    """
    ordered = sorted(actions, key=lambda a: a.date)
    out: list[Membership] = []
    for i, act in enumerate(ordered):
        if act.type not in DEPOSITS:
            continue
        in_force = in_force_from(act)
        later = ordered[i + 1 :]
        if any(a.type == "instrument_withdrawn" and a.date < in_force for a in later):
            continue
        end_action: TreatyActionRec | None = None
        end: dt.date | None = None
        for a in later:
            if a.type in DEPOSITS:
                break
            if a.type != "withdrawal_notified":
                continue
            eff = withdrawal_effective(a.date, a.later_date)
            revoked = any(r.type == "withdrawal_revoked" and a.date <= r.date < eff for r in later)
            if not revoked:
                end_action, end = a, eff
                break
        out.append(Membership(act, in_force, end_action, end))
    return out


def status_on(state: StateRec, on: dt.date) -> TreatyStatus:
    """The state's Rome Statute status on ``on``, judged only from what had happened by then.

    A withdrawal counts as pending on ``on`` when it was notified by then and has not
    yet taken effect; a revocation after ``on`` does not change the answer for ``on``.
    """
    past = tuple(a for a in sorted(state.actions, key=lambda a: a.date) if a.date <= on)

    def last(kind: str) -> TreatyActionRec | None:
        found = [a for a in past if a.type == kind]
        return found[-1] if found else None

    signed = last("signature")
    sig_withdrawn = last("signature_withdrawn")
    announced = last("withdrawal_announced")

    status: Status = "non_party"
    current: Membership | None = None
    for m in memberships(state.actions):
        # a succession can bind retroactively from the successor's independence
        if min(m.deposit.date, m.in_force) > on:
            break
        current = m
        if on < m.in_force:
            status = "not_yet_party"
        elif m.effective_end is None or on < m.effective_end:
            status = "party"
        else:
            status = "withdrawn"

    # a deposit later withdrawn before entry into force: not_yet_party until the withdrawal
    if current is None:
        deposits = [a for a in past if a.type in DEPOSITS]
        if deposits:
            dep = deposits[-1]
            withdrawn = any(a.type == "instrument_withdrawn" and a.date >= dep.date for a in past)
            if not withdrawn and on < in_force_from(dep):
                status = "not_yet_party"
            current_dep: TreatyActionRec | None = dep
        else:
            current_dep = None
    else:
        current_dep = current.deposit

    notified: dt.date | None = None
    effective: dt.date | None = None
    pending = False
    if current is not None and current.withdrawal is not None and current.withdrawal.date <= on:
        notified = current.withdrawal.date
        effective = current.effective_end
        pending = status == "party"
    elif current is not None:
        # a notification that a later revocation cancelled still shows as pending until revoked
        for a in past:
            if a.type == "withdrawal_notified" and a.date >= current.deposit.date:
                eff = withdrawal_effective(a.date, a.later_date)
                revoked_by_now = any(
                    r.type == "withdrawal_revoked" and a.date <= r.date <= on for r in past
                )
                if not revoked_by_now and on < eff:
                    notified, effective, pending = a.date, eff, status == "party"

    return TreatyStatus(
        iso2=state.iso2,
        on=on,
        status=status,
        signed=signed.date if signed else None,
        signature_withdrawn=sig_withdrawn.date if sig_withdrawn else None,
        deposited=current_dep.date if current_dep else None,
        deposit_type=current_dep.type if current_dep else None,
        party_since=current.in_force
        if current is not None and status in ("party", "withdrawn")
        else None,
        withdrawal_notified=notified,
        withdrawal_effective=effective,
        withdrawal_announced=announced.date if announced else None,
        pending_withdrawal=pending,
        actions=past,
    )
