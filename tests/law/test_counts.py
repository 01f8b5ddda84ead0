"""Every number says what it counts: the legends of law/counts.py on the fixture data."""

from __future__ import annotations

import dataclasses
import datetime as dt

from warrantwatch.law import counts
from warrantwatch.law.records import WarrantRec
from warrantwatch.law.summaries import persons
from warrantwatch.law.where import where
from warrantwatch.law.world import World


def test_at_large_leaves_out_national_custody_and_says_so(world: World) -> None:
    day = dt.date(2020, 1, 1)  # al-Bashir in national custody since 2019-04-11
    t = counts.tally(world, day)
    assert "Omar al-Bashir" in t.national_custody
    assert "Omar al-Bashir" not in t.at_large
    note = counts.at_large_legend(world, day)
    assert "held in national custody (Omar al-Bashir)" in note
    assert f"counts {t.outstanding}" in note


def test_parties_legend_names_the_withdrawn(world: World) -> None:
    note = counts.parties_legend(world, dt.date(2022, 1, 1))
    assert "Burundi" in note and "art. 127(2)" in note
    before = counts.parties_legend(world, dt.date(2016, 1, 1))  # before Burundi's withdrawal
    assert "Burundi" not in before and "Not counted" not in before


def test_where_legend_adds_up_to_the_headline(world: World) -> None:
    roe = world.persons["jane-roe"]
    answer = where(world, roe, dt.date(2022, 1, 1))
    groups = {b: [d.state.name for d in v] for b, v in answer.groups().items()}
    note = counts.where_legend(groups, answer.on)
    assert f"= {len(answer.bound)}." in note
    assert "1 former State Party bound under art. 127(2) (Burundi)" in note


def test_owes_legend_splits_the_list(world: World) -> None:
    note = counts.owes_legend(world, ["Omar al-Bashir", "Vladimir Putin"], dt.date(2024, 1, 1))
    assert note.startswith("Counts 2 persons")
    assert "1 at large and 1 held in national custody (Omar al-Bashir)" in note


def test_first_warrant_is_a_warrant_not_a_summons(world: World) -> None:
    putin = world.persons["vladimir-putin"]
    first = putin.warrants[0]
    summons = WarrantRec(
        id="x-summons", kind="summons", situation=first.situation, issued=dt.date(2020, 2, 3)
    )
    changed = dataclasses.replace(putin, warrants=(*putin.warrants, summons))
    other = dataclasses.replace(world, persons={**world.persons, putin.id: changed})
    row = next(r for r in persons(other, dt.date(2024, 1, 1)) if r["id"] == putin.id)
    assert row["first_warrant"] == min(w.issued for w in putin.warrants).isoformat()
    assert row["first_summons"] == "2020-02-03"
