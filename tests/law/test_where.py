"""`where`: every state split by its duty on a date, on the engine's own basis test."""

from __future__ import annotations

import datetime as dt

from warrantwatch.law.obligations import assess
from warrantwatch.law.where import BASIS_ORDER, name_key, where
from warrantwatch.law.world import World


def _group(answer, iso2: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.group for s in answer.states if s.state.iso2 == iso2)


def test_every_basis_has_its_group(world: World) -> None:
    putin = world.persons["vladimir-putin"]
    before = where(world, putin, dt.date(2024, 6, 1))  # Ukraine not yet a party
    assert _group(before, "TJ") == "state_party"
    assert _group(before, "UA") == "art_12_3_declaration"
    assert _group(before, "RU") == "none"
    bashir = where(world, world.persons["omar-al-bashir"], dt.date(2015, 6, 14))
    assert _group(bashir, "SD") == "unsc_referral"
    assert _group(bashir, "ZA") == "state_party"
    roe = where(world, world.persons["jane-roe"], dt.date(2022, 1, 1))
    assert _group(roe, "BI") == "art_127_2_continuing"  # withdrew after the investigation opened


def test_the_model_case_and_agreement_with_assess(world: World) -> None:
    putin = world.persons["vladimir-putin"]
    day = dt.date(2025, 10, 9)
    answer = where(world, putin, day)
    assert "TJ" in {s.state.iso2 for s in answer.bound}
    assert len(answer.states) == len(world.states)  # every state, once
    for s in answer.states:  # the split is the assessment's, state by state
        a = assess(world, putin, s.state, day)
        assert (a.duty == "binding") == bool(s.bases)
        assert set(a.basis) == set(s.bases)
    d = answer.as_dict()
    assert d["counts"]["must_arrest"] + d["counts"]["no_duty"] == len(world.states)
    assert list(answer.groups()) == list(BASIS_ORDER)
    assert "must arrest and surrender Vladimir Putin" in answer.headline()


def test_no_outstanding_warrant_means_no_duty_anywhere(world: World) -> None:
    roe = where(world, world.persons["jane-roe"], dt.date(2025, 1, 1))  # surrendered in 2024
    assert roe.outstanding == [] and roe.bound == []
    assert "no outstanding ICC warrant" in roe.headline()


def test_names_sort_as_a_reader_expects() -> None:
    names = ["Czechia", "Côte d'Ivoire", "Croatia", "Costa Rica"]
    assert sorted(names, key=name_key) == ["Costa Rica", "Côte d'Ivoire", "Croatia", "Czechia"]


def test_a_sealed_warrant_and_no_warrant_are_said(world: World) -> None:
    import dataclasses

    putin = world.persons["vladimir-putin"]
    w = putin.warrants[0]
    sealed = dataclasses.replace(
        putin, warrants=(dataclasses.replace(w, made_public=dt.date(2030, 1, 1)),)
    )
    answer = where(world, sealed, dt.date(2025, 10, 9))
    assert answer.sealed == [w.id] and "Under seal" in answer.headline()
    assert answer.as_dict()["sealed_warrants"] == [w.id]
    roe = where(world, world.persons["jane-roe"], dt.date(2025, 1, 1))
    assert roe.label("none").endswith("no outstanding ICC warrant on this date")
    assert "art. 87(5)" in where(world, putin, dt.date(2025, 10, 9)).label("none")


def test_where_carries_the_caveats_assess_gives(world: World) -> None:
    """Issue 12: a future date gets a caveat, on `where` as on `assess`."""
    putin = world.persons["vladimir-putin"]
    later = where(world, putin, dt.date(2030, 1, 1), today=dt.date(2026, 1, 1))
    assert later.caveats and "is in the future" in later.caveats[0]
    assert later.as_dict()["caveats"] == later.caveats
    now = where(world, putin, dt.date(2025, 10, 9), today=dt.date(2026, 1, 1))
    assert not any("future" in c for c in now.caveats)
    # Burkina Faso (fixture) announced a withdrawal and notified none
    assert any(c.startswith("Burkina Faso's withdrawal was announced") for c in now.caveats)
