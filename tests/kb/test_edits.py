"""Editors' changes: sourced, audited, kept across rebuilds, exported as data files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from sqlalchemy.orm import Session

from warrantwatch.kb.edits import EditError, history, record
from warrantwatch.kb.export import export_data_dir
from warrantwatch.kb.repository import load_world
from warrantwatch.kb.service import KnowledgeBase, build

SOURCE = {
    "url": "https://www.icc-cpi.int/news/fixture-arrest",
    "publisher": "International Criminal Court",
    "title": "Fixture press release on an arrest",
    "date": "2026-11-30",
}


def world_of(kb: KnowledgeBase):  # type: ignore[no-untyped-def]
    with Session(kb.engine) as s:
        return load_world(s)


def add_arrest(kb: KnowledgeBase, **extra: str) -> None:
    record(
        kb.engine,
        "edna",
        "add",
        "custody",
        values={
            "person": "vladimir-putin",
            "date": "2026-11-30",
            "status": "arrested",
            "place": "Fixture City",
            **extra,
        },
        source=SOURCE,
        reason="the Court announced the arrest",
    )


def test_add_is_applied_audited_and_survives_a_rebuild(fixture_kb: KnowledgeBase) -> None:
    add_arrest(fixture_kb)
    putin = world_of(fixture_kb).persons["vladimir-putin"]
    event = putin.custody[-1]
    assert (event.date, event.status, event.place) == (
        dt.date(2026, 11, 30),
        "arrested",
        "Fixture City",
    )
    assert event.fact.sources[0].url == SOURCE["url"] and event.fact.sources[0].tier == 1
    (h,) = history(fixture_kb.engine)
    assert h["editor"] == "edna" and h["action"] == "add" and h["before"] is None
    assert h["after"]["status"] == "arrested" and h["reason"] == "the Court announced the arrest"
    assert h["source"]["url"] == SOURCE["url"] and h["at"] is not None

    build(fixture_kb.engine, fixture_kb.data_dir)  # the data files do not have it
    again = world_of(fixture_kb).persons["vladimir-putin"].custody
    assert next(c for c in again if c.status == "arrested").fact.sources[0].url == SOURCE["url"]
    assert len([c for c in again if c.date == dt.date(2026, 11, 30)]) == 1


def test_export_writes_it_and_reloading_the_export_adds_nothing_twice(
    fixture_kb: KnowledgeBase, tmp_path: Path
) -> None:
    add_arrest(fixture_kb)
    first = tmp_path / "first"
    export_data_dir(fixture_kb.engine, first)
    doc = yaml.safe_load((first / "persons" / "vladimir-putin.yaml").read_text(encoding="utf-8"))
    (added,) = [c for c in doc["custody"] if c["status"] == "arrested"]
    key = added["sources"][0]
    assert doc["sources"][key]["url"] == SOURCE["url"]
    # the export becomes the data: the overlay finds the fact there and adds no copy
    build(fixture_kb.engine, first)
    custody = world_of(fixture_kb).persons["vladimir-putin"].custody
    assert len([c for c in custody if c.status == "arrested"]) == 1
    # an export of the same knowledge base is the same files: a diff shows only changes
    second = tmp_path / "second"
    export_data_dir(fixture_kb.engine, second)
    for path in first.rglob("*.yaml"):
        assert path.read_text() == (second / path.relative_to(first)).read_text(), path


def test_correct_an_unsealing_and_retract(fixture_kb: KnowledgeBase) -> None:
    record(
        fixture_kb.engine,
        "edna",
        "correct",
        "warrant",
        match={"id": "jane-roe-1"},
        values={"made_public": "2021-07-01"},
        source=SOURCE,
        reason="unsealed later than recorded",
    )
    roe = world_of(fixture_kb).persons["jane-roe"]
    assert roe.warrants[0].made_public == dt.date(2021, 7, 1)
    h = history(fixture_kb.engine)[0]
    assert h["before"]["made_public"] == "2021-06-01" and h["after"]["made_public"] == "2021-07-01"
    build(fixture_kb.engine, fixture_kb.data_dir)
    assert world_of(fixture_kb).persons["jane-roe"].warrants[0].made_public == dt.date(2021, 7, 1)

    record(
        fixture_kb.engine,
        "edna",
        "retract",
        "custody",
        match={"person": "jane-roe", "status": "surrendered"},
        source=SOURCE,
        reason="entered in error",
    )
    assert [c.status for c in world_of(fixture_kb).persons["jane-roe"].custody] == ["at_large"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"source": {**SOURCE, "url": "https://example.org/a b"}}, "space"),
        ({"source": {k: v for k, v in SOURCE.items() if k != "title"}}, "title"),
        ({"source": {**SOURCE, "title": "[title not shown]"}}, "real title"),
        ({"reason": " "}, "reason"),
        ({"values": {"person": "nobody", "date": "2026-11-30", "status": "arrested"}}, "no person"),
        (
            {"values": {"person": "vladimir-putin", "date": "2026-11-30", "status": "held"}},
            "status",
        ),
        (
            {"values": {"person": "vladimir-putin", "date": "30/11/2026", "status": "arrested"}},
            "date",
        ),
        ({"values": {"person": "vladimir-putin", "colour": "red"}}, "no field colour"),
    ],
)
def test_refused_changes_write_nothing(
    fixture_kb: KnowledgeBase, kwargs: dict, message: str
) -> None:  # type: ignore[type-arg]
    args = {
        "values": {"person": "vladimir-putin", "date": "2026-11-30", "status": "arrested"},
        "source": SOURCE,
        "reason": "because",
        **kwargs,
    }
    with pytest.raises(EditError, match=message):
        record(fixture_kb.engine, "edna", "add", "custody", **args)
    assert history(fixture_kb.engine) == []


def test_adding_what_is_there_is_refused(fixture_kb: KnowledgeBase) -> None:
    add_arrest(fixture_kb)
    with pytest.raises(EditError, match="already on record"):
        add_arrest(fixture_kb)
    with pytest.raises(EditError, match="no custody matches"):
        record(
            fixture_kb.engine,
            "edna",
            "correct",
            "custody",
            match={"person": "jane-roe", "status": "deceased"},
            values={"place": "x"},
            source=SOURCE,
            reason="r",
        )


def test_treaty_action_and_trip(fixture_kb: KnowledgeBase) -> None:
    record(
        fixture_kb.engine,
        "edna",
        "add",
        "treaty_action",
        values={"state": "MN", "type": "withdrawal_notified", "date": "2026-11-01"},
        source={
            **SOURCE,
            "url": "https://treaties.un.org/fixture-cn",
            "symbol": "C.N.1.2026.TREATIES-XVIII.10",
        },
        reason="depositary notification",
    )
    mn = world_of(fixture_kb).states["MN"]
    assert mn.actions[-1].type == "withdrawal_notified" and mn.actions[-1].fact.sources[0].tier == 2
    record(
        fixture_kb.engine,
        "edna",
        "add",
        "trip",
        values={
            "id": "vladimir-putin-2026-11-mn",
            "person": "vladimir-putin",
            "destination": "MN",
            "start": "2026-11-20",
            "outcome": "not_arrested",
        },
        source=SOURCE,
        reason="visit reported",
    )
    build(fixture_kb.engine, fixture_kb.data_dir)
    w = world_of(fixture_kb)
    assert w.trip("vladimir-putin-2026-11-mn") is not None
    assert w.states["MN"].actions[-1].type == "withdrawal_notified"
