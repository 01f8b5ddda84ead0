"""``assess``: every basis of a duty, immunity, precedents and citations, on fixture data."""

from __future__ import annotations

import datetime as dt

import pytest

from warrantwatch.law.obligations import assess
from warrantwatch.law.world import World

D = dt.date


def run(world: World, person: str, state: str, on: dt.date):  # type: ignore[no-untyped-def]
    return assess(world, world.persons[person], world.states[state], on)


def test_model_case_tajikistan_must_arrest(world: World) -> None:
    a = run(world, "vladimir-putin", "TJ", D(2025, 10, 9))
    d = a.as_dict()
    assert d["duty"] == "binding"
    assert d["basis"] == ["state_party"]
    assert d["state_status"] == "party" and d["party_since"] == "2002-07-01"
    [w] = d["outstanding_warrants"]
    assert w["issued"] == "2023-03-17"
    assert [c["article"] for c in w["charges"]] == ["8(2)(a)(vii)", "8(2)(b)(viii)"]
    refs = [c["ref"] for c in d["citations"] if c["type"] == "article"]
    assert {"86", "89(1)", "59(1)", "27", "98(1)"} <= set(refs)
    q89 = next(c for c in d["citations"] if c.get("ref") == "89(1)")
    assert q89["text"].startswith(
        "1. The Court may transmit a request for the arrest and surrender"
    )
    assert "States Parties shall" in q89["text"] and "2." not in q89["text"][:3]
    mongolia = [p for p in d["precedents"] if p["state"]["iso2"] == "MN"]
    assert mongolia and mongolia[0]["finding"]["decision_date"] == "2024-10-24"
    # the visit itself (8-10 Oct in the fixture) has happened by the 9th: it is listed
    # once, marked as the visit on this date (issue 12)
    tj = [p for p in d["precedents"] if p["state"]["iso2"] == "TJ"]
    assert len(tj) == 1 and tj[0]["this_visit"] is True
    assert "Mongolia" in d["explanation"] and "1 July 2002" in d["explanation"]
    assert d["immunity"]["question"] and d["immunity"]["contested"]
    assert d["contested"][0]["topic"] == "personal_immunity"
    assert any(e["conduct"] == "avoid_non_essential_contact" for e in d["expected_conduct"])
    assert any(s["url"].endswith("/putin") for s in d["sources"])


def test_non_party_owes_nothing(world: World) -> None:
    a = run(world, "vladimir-putin", "RU", D(2025, 10, 9))
    assert a.duty == "none" and a.basis == []
    assert a.treaty.status == "non_party" and a.treaty.signature_withdrawn == D(2016, 11, 30)
    assert "87(5)" in [c.get("ref") for c in a.citations]
    assert not a.immunity.get("contested")  # his own state: the question does not arise


def test_art_12_3_declaration_binds_only_its_own_situation(world: World) -> None:
    a = run(world, "vladimir-putin", "UA", D(2024, 6, 1))
    assert a.treaty.status == "non_party"
    assert a.basis == ["art_12_3_declaration"]
    b = run(world, "omar-al-bashir", "UA", D(2016, 1, 1))  # Darfur warrant: not covered
    assert b.duty == "none"


def test_ukraine_becomes_party_on_1_january_2025(world: World) -> None:
    assert run(world, "vladimir-putin", "UA", D(2024, 12, 31)).treaty.status == "not_yet_party"
    a = run(world, "vladimir-putin", "UA", D(2025, 1, 1))
    assert a.basis == ["state_party"]


def test_unsc_referral_binds_sudan(world: World) -> None:
    a = run(world, "omar-al-bashir", "SD", D(2020, 1, 1))
    assert a.duty == "binding" and a.basis == ["unsc_referral"]
    assert a.custody_status == "in_national_custody"
    assert "1593" in a.explanation
    assert "13(b)" in [c.get("ref") for c in a.citations]
    assert not a.immunity["question"]  # no longer head of state in 2020


def test_sitting_head_of_state_raises_contested_immunity(world: World) -> None:
    a = run(world, "omar-al-bashir", "ZA", D(2015, 6, 14))
    assert a.duty == "binding"
    assert a.immunity["question"] and a.immunity["contested"]
    assert [r["id"] for r in a.immunity["court_rulings"]] == []  # ruling of 2019 is later
    later = run(world, "vladimir-putin", "MN", D(2024, 9, 3))
    assert [r["id"] for r in later.immunity["court_rulings"]] == ["jordan-appeal-2019"]
    assert [r["id"] for r in later.immunity["state_positions"]] == ["au-position"]


def test_pending_withdrawal_still_binds(world: World) -> None:
    a = run(world, "vladimir-putin", "HU", D(2025, 7, 1))
    assert a.basis == ["state_party"] and a.treaty.pending_withdrawal
    assert a.treaty.withdrawal_effective == D(2026, 6, 2)
    assert "remains bound" in a.explanation


def test_art_127_2_continuing_duty_after_withdrawal(world: World) -> None:
    hu = run(world, "vladimir-putin", "HU", D(2026, 7, 1))
    assert hu.treaty.status == "withdrawn"
    assert hu.basis == ["art_127_2_continuing"]  # Ukraine investigation opened 2022
    roe = run(world, "jane-roe", "BI", D(2022, 1, 1))
    assert roe.basis == ["art_127_2_continuing"]  # opened 25 Oct 2017, effective 27 Oct 2017
    assert "127(2)" in [c.get("ref") for c in roe.citations]


def test_no_duty_for_situation_opened_after_withdrawal(world: World) -> None:
    # Bashir's Darfur investigation (2005) predates Burundi's withdrawal too: binding
    assert run(world, "omar-al-bashir", "BI", D(2018, 1, 1)).basis == ["art_127_2_continuing"]


def test_sealed_warrant_is_flagged(world: World) -> None:
    a = run(world, "jane-roe", "TJ", D(2021, 1, 1))
    assert a.duty == "binding"
    assert a.as_dict()["outstanding_warrants"][0]["sealed_on_date"] is True
    assert any("under seal" in c for c in a.caveats)


def test_executed_warrant_is_not_outstanding(world: World) -> None:
    a = run(world, "jane-roe", "TJ", D(2025, 1, 1))
    assert a.duty == "none" and a.warrant_duties == []
    assert a.custody_status == "surrendered"
    assert "no outstanding ICC warrant" in a.explanation


def test_before_the_warrant_there_is_nothing_to_execute(world: World) -> None:
    assert run(world, "vladimir-putin", "TJ", D(2023, 3, 16)).duty == "none"
    assert run(world, "vladimir-putin", "TJ", D(2023, 3, 17)).duty == "binding"


def test_malaysia_accession_withdrawn_never_binds(world: World) -> None:
    a = run(world, "vladimir-putin", "MY", D(2019, 4, 15))
    assert a.treaty.status == "not_yet_party"
    assert run(world, "vladimir-putin", "MY", D(2024, 1, 1)).treaty.status == "non_party"


def test_announced_withdrawal_is_a_caveat_not_a_change(world: World) -> None:
    a = run(world, "vladimir-putin", "BF", D(2026, 1, 15))
    assert a.basis == ["state_party"]
    assert any("announced" in c for c in a.caveats)


def test_asp_call_only_for_parties_and_only_after_it_was_made(world: World) -> None:
    before = run(world, "vladimir-putin", "TJ", D(2024, 10, 1))
    assert not [e for e in before.expected_conduct if e["conduct"] == "avoid_non_essential_contact"]
    nonparty = run(world, "vladimir-putin", "IL", D(2025, 10, 1))
    assert not [
        e for e in nonparty.expected_conduct if e["conduct"] == "avoid_non_essential_contact"
    ]


def test_unverified_action_is_a_caveat(world: World) -> None:
    a = run(world, "omar-al-bashir", "SD", D(2020, 1, 1))
    assert any("unverified" in c for c in a.caveats)


@pytest.mark.parametrize(
    "iso2", ["TJ", "MN", "RU", "UA", "HU", "BI", "MY", "ZA", "SD", "BF", "IL", "XK"]
)
@pytest.mark.parametrize("year", [1998, 2002, 2010, 2019, 2025])
def test_every_state_and_year_gives_an_answer(world: World, iso2: str, year: int) -> None:
    for pid in world.persons:
        d = run(world, pid, iso2, D(year, 7, 1)).as_dict()
        assert d["duty"] in ("binding", "none")
        assert (d["duty"] == "binding") == bool(d["basis"])
        assert d["explanation"]
