"""Art. 126 and art. 127 arithmetic, and a state's status over time."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from warrantwatch.law.records import StateRec, TreatyActionRec
from warrantwatch.law.treaty_status import (
    STATUTE_IN_FORCE,
    entry_into_force,
    status_on,
    withdrawal_effective,
)

D = dt.date


def state(*actions: tuple[str, dt.date]) -> StateRec:
    return StateRec(
        "XX", "XXX", "Testland", "member", actions=tuple(TreatyActionRec(t, d) for t, d in actions)
    )


def test_early_deposits_enter_into_force_with_the_statute() -> None:
    assert entry_into_force(D(2000, 5, 5)) == D(2002, 7, 1)  # Tajikistan
    assert entry_into_force(D(2002, 4, 11)) == D(2002, 7, 1)  # the sixtieth instrument


def test_later_deposits_first_day_of_month_after_sixtieth_day() -> None:
    assert entry_into_force(D(2024, 10, 25)) == D(2025, 1, 1)  # Ukraine: 60th day is 24 Dec
    assert entry_into_force(D(2023, 11, 14)) == D(2024, 2, 1)  # Armenia: 60th day is 13 Jan
    assert entry_into_force(D(2002, 4, 12)) == D(2002, 7, 1)  # 60th day 11 June -> 1 July
    # 60th day falling on the 1st of a month still moves to the next month
    deposit = D(2021, 12, 1) - dt.timedelta(days=60)
    assert entry_into_force(deposit) == D(2022, 1, 1)


def test_withdrawal_takes_effect_one_year_after_notification() -> None:
    assert withdrawal_effective(D(2016, 10, 27)) == D(2017, 10, 27)  # Burundi
    assert withdrawal_effective(D(2018, 3, 17)) == D(2019, 3, 17)  # Philippines
    assert withdrawal_effective(D(2024, 2, 29)) == D(2025, 3, 1)
    assert withdrawal_effective(D(2020, 1, 1), later_date=D(2022, 1, 1)) == D(2022, 1, 1)
    # a "later date" that is earlier than the year cannot shorten art. 127(1)
    assert withdrawal_effective(D(2020, 1, 1), later_date=D(2020, 6, 1)) == D(2021, 1, 1)


@given(st.dates(min_value=D(2002, 4, 12), max_value=D(2100, 1, 1)))
def test_entry_into_force_is_first_of_month_between_61_and_92_days_later(deposit: dt.date) -> None:
    eif = entry_into_force(deposit)
    assert eif.day == 1
    assert 61 <= (eif - deposit).days <= 92
    assert eif > deposit + dt.timedelta(days=60)


@given(st.dates(min_value=D(1998, 7, 17), max_value=D(2002, 4, 11)))
def test_every_early_deposit_in_force_on_1_july_2002(deposit: dt.date) -> None:
    assert entry_into_force(deposit) == STATUTE_IN_FORCE


@given(st.dates(min_value=D(2002, 7, 1), max_value=D(2100, 1, 1)))
def test_withdrawal_effective_is_one_year_later(notified: dt.date) -> None:
    eff = withdrawal_effective(notified)
    assert 365 <= (eff - notified).days <= 366
    assert eff > notified


@given(
    dep=st.dates(min_value=D(1999, 1, 1), max_value=D(2030, 1, 1)),
    gap=st.integers(min_value=0, max_value=8000),
    probe=st.integers(min_value=-500, max_value=12000),
)
def test_status_follows_the_derived_dates(dep: dt.date, gap: int, probe: int) -> None:
    """Whatever the dates: not yet party before entry into force, party until the
    withdrawal takes effect, withdrawn after; never 'withdrawn' before notification."""
    eif = entry_into_force(dep)
    notified = eif + dt.timedelta(days=gap)
    s = state(("ratification", dep), ("withdrawal_notified", notified))
    on = dep + dt.timedelta(days=probe)
    got = status_on(s, on)
    eff = withdrawal_effective(notified)
    if on < dep:
        assert got.status == "non_party"
    elif on < eif:
        assert got.status == "not_yet_party"
    elif on < eff:
        assert got.status == "party"
        assert got.pending_withdrawal == (on >= notified)
    else:
        assert got.status == "withdrawn"
        assert got.withdrawal_effective == eff
    if got.status == "party":
        assert got.party_since == eif


def test_tajikistan_party_since_2002() -> None:
    s = state(("signature", D(1998, 11, 30)), ("ratification", D(2000, 5, 5)))
    got = status_on(s, D(2025, 10, 9))
    assert (got.status, got.party_since, got.signed) == ("party", D(2002, 7, 1), D(1998, 11, 30))
    assert status_on(s, D(2002, 6, 30)).status == "not_yet_party"
    assert status_on(s, D(1999, 1, 1)).status == "non_party"


def test_revoked_withdrawal_never_takes_effect() -> None:
    s = state(
        ("ratification", D(2000, 11, 27)),
        ("withdrawal_notified", D(2016, 10, 19)),
        ("withdrawal_revoked", D(2017, 3, 7)),
    )
    pending = status_on(s, D(2017, 1, 1))
    assert pending.status == "party" and pending.pending_withdrawal
    assert pending.withdrawal_effective == D(2017, 10, 19)
    after = status_on(s, D(2018, 1, 1))
    assert after.status == "party" and not after.pending_withdrawal
    assert after.withdrawal_notified is None


def test_accession_withdrawn_before_entry_into_force() -> None:
    s = state(("accession", D(2019, 3, 4)), ("instrument_withdrawn", D(2019, 4, 29)))
    assert status_on(s, D(2019, 4, 1)).status == "not_yet_party"
    assert status_on(s, D(2019, 5, 1)).status == "non_party"
    assert status_on(s, D(2019, 7, 1)).status == "non_party"


def test_signature_withdrawn_is_non_party() -> None:
    s = state(("signature", D(2000, 9, 13)), ("signature_withdrawn", D(2016, 11, 30)))
    got = status_on(s, D(2025, 1, 1))
    assert got.status == "non_party"
    assert got.signature_withdrawn == D(2016, 11, 30)


def test_announced_withdrawal_changes_nothing() -> None:
    s = state(("ratification", D(2004, 4, 16)), ("withdrawal_announced", D(2025, 9, 22)))
    got = status_on(s, D(2026, 11, 1))
    assert got.status == "party" and not got.pending_withdrawal
    assert got.withdrawal_announced == D(2025, 9, 22)


def test_rejoining_after_withdrawal_opens_a_new_membership() -> None:
    s = state(
        ("ratification", D(2003, 1, 1)),
        ("withdrawal_notified", D(2010, 1, 1)),
        ("accession", D(2015, 1, 10)),
    )
    assert status_on(s, D(2012, 1, 1)).status == "withdrawn"
    got = status_on(s, D(2016, 1, 1))
    assert got.status == "party" and got.party_since == D(2015, 4, 1)


def test_succession_binds_from_the_date_the_successor_names() -> None:
    s = StateRec(
        "ME",
        "MNE",
        "Montenegro",
        "member",
        actions=(TreatyActionRec("succession", D(2006, 10, 23), effective_from=D(2006, 6, 3)),),
    )
    got = status_on(s, D(2006, 9, 1))
    assert got.status == "party" and got.party_since == D(2006, 6, 3)
