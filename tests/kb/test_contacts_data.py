"""Officials and contacts in the knowledge base: schema, checks, loading, export, display."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from tests.conftest import FIXTURE_DATA

from warrantwatch.config import Settings
from warrantwatch.kb.checks import check
from warrantwatch.kb.export import export_data_dir
from warrantwatch.kb.files import read_data_dir
from warrantwatch.kb.service import open_kb
from warrantwatch.law.world import World

SRC = {
    "ex": {
        "url": "https://example.org/report",
        "publisher": "Example News",
        "title": "A report written for the tests",
        "date": "2025-10-09",
    }
}
OFFICIAL = {
    "id": "tj-president-example",
    "state": "TJ",
    "office": "head_of_state",
    "name": "Ivan Example",
    "names": ["Example"],
    "start": "2020-01-01",
    "sources": ["ex"],
}
CONTACT = {
    "id": "tj-example-putin-2025-10-09",
    "person": "vladimir-putin",
    "state": "TJ",
    "office": "head_of_state",
    "official": "tj-president-example",
    "kind": "meeting",
    "date": "2025-10-09",
    "place": "Dushanbe",
    "place_state": "TJ",
    "sources": ["ex"],
}


def data_with(tmp_path: Path, officials: list[dict], contacts: list[dict]) -> Path:  # type: ignore[type-arg]
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    body = {"sources": SRC, "officials": officials, "contacts": contacts}
    (data / "records" / "contacts.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    return data


def errors(data: Path) -> list[str]:
    return [str(e) for e in check(read_data_dir(data)).errors]


def test_a_sound_record_checks_and_counts(tmp_path: Path) -> None:
    data = data_with(tmp_path, [OFFICIAL], [CONTACT])
    report = check(read_data_dir(data))
    assert report.ok, report.errors
    assert report.counts["officials"] == 1 and report.counts["contacts"] == 1
    # Tajikistan has a current head of state now; the other fixture parties do not
    lacking = report.counts["States Parties without a current head of state"]
    without = check(read_data_dir(data_with(tmp_path / "b", [], []))).counts
    assert lacking == without["States Parties without a current head of state"] - 1


@pytest.mark.parametrize(
    ("official", "contact", "message"),
    [
        (OFFICIAL, {**CONTACT, "official": "nobody"}, "unknown official 'nobody'"),
        (OFFICIAL, {**CONTACT, "office": "foreign_minister"}, "is not TJ's foreign_minister"),
        ({**OFFICIAL, "end": "2024-12-31"}, CONTACT, "was not in office on 2025-10-09"),
        (OFFICIAL, {**CONTACT, "date": "2022-01-05"}, "before the person's first warrant"),
        (OFFICIAL, {**CONTACT, "state": "XX"}, "unknown state XX"),
        (OFFICIAL, {**CONTACT, "sources": ["nope"]}, "cites unknown source 'nope'"),
    ],
)
def test_bad_records_fail_the_check(tmp_path: Path, official, contact, message: str) -> None:  # type: ignore[no-untyped-def]
    found = errors(data_with(tmp_path, [official], [contact]))
    assert any(message in e for e in found), found


def test_schema_refuses_a_contact_without_official_and_a_bad_kind(tmp_path: Path) -> None:
    c = {k: v for k, v in CONTACT.items() if k != "official"}
    assert any("names its official" in e for e in errors(data_with(tmp_path, [OFFICIAL], [c])))
    bad = {**CONTACT, "kind": "dinner"}
    assert any("kind" in e for e in errors(data_with(tmp_path / "k", [OFFICIAL], [bad])))


def test_loaded_exported_and_loaded_again(tmp_path: Path) -> None:
    data = data_with(tmp_path, [OFFICIAL], [CONTACT])
    kb = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}", data_dir=data))
    world = kb.world
    (c,) = world.contacts_of("vladimir-putin")
    assert (c.state, c.official_name, c.date) == ("TJ", "Ivan Example", dt.date(2025, 10, 9))
    assert [s.url for s in c.fact.sources] == ["https://example.org/report"]
    assert [o.id for o in world.officials_of("TJ", dt.date(2025, 1, 1))] == [OFFICIAL["id"]]
    out = tmp_path / "export"
    counts = export_data_dir(kb.engine, out)
    assert (counts["officials"], counts["contacts"]) == (1, 1)
    again = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}", data_dir=out))
    assert again.world.contacts == world.contacts
    assert again.world.officials == world.officials


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("bundled") / "ww.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{path}")).world


def test_tajikistan_contacts_with_putin_since_the_warrant_are_sourced(bundled: World) -> None:
    tj = [c for c in bundled.contacts_by("TJ") if c.person == "vladimir-putin"]
    assert len(tj) >= 5
    for c in tj:
        assert c.date >= dt.date(2023, 3, 17)
        assert c.fact.sources and all(
            s.url.startswith("https://") or s.url.startswith("http://") for s in c.fact.sources
        )
    visit = next(c for c in tj if c.date == dt.date(2025, 10, 9))
    assert (visit.kind, visit.place, visit.official_name) == (
        "meeting",
        "Dushanbe",
        "Emomali Rahmon",
    )


def test_state_and_visit_briefings_show_contacts(bundled: World) -> None:
    from warrantwatch.reports.record import state_briefing
    from warrantwatch.reports.render import render_markdown as to_markdown
    from warrantwatch.reports.visit import visit_briefing

    md = to_markdown(state_briefing(bundled, bundled.states["TJ"], dt.date(2025, 12, 1)))
    section = md.split("Contacts of Tajikistan's officials", 1)[1].split("\n## ", 1)[0]
    assert "Emomali Rahmon" in section and "9 October 2025" in section and "Dushanbe" in section
    assert "does not decide whether a contact was essential" in section
    visit = to_markdown(
        visit_briefing(
            bundled, bundled.persons["vladimir-putin"], bundled.states["TJ"], dt.date(2025, 10, 9)
        )
    )
    contacts = visit.split("States Parties whose officials met", 1)[1].split("\n## ", 1)[0]
    assert "Tajikistan" in contacts and "Mongolia" in contacts and "South Africa" in contacts
    # a contact on a day the state was no party is not a State Party's
    assert "Armenia" not in contacts.split("May 2024")[0] or "State Party" in contacts
    fr = to_markdown(state_briefing(bundled, bundled.states["TJ"], dt.date(2025, 12, 1), "fr"))
    assert "ne décide pas si un contact était essentiel" in fr


def test_ftm_events_involve_the_person_and_the_official(bundled: World) -> None:
    from warrantwatch.reports.ftm import entities

    ents = {e.id: e for e in entities(bundled, dt.date(2025, 12, 1))}
    ev = ents["ww-contact-tj-rahmon-putin-2025-10-09"]
    assert ev.schema.name == "Event"
    assert set(ev.get("involved")) == {
        "ww-person-vladimir-putin",
        "ww-official-tj-president-rahmon",
    }
    assert ev.get("sourceUrl") and ev.get("date") == ["2025-10-09"]
    official = ents["ww-official-tj-president-rahmon"]
    assert official.schema.name == "Person" and official.get("country") == ["tj"]


@pytest.mark.parametrize(
    ("iso2", "office", "on", "name"),
    [
        ("JO", "head_of_state", dt.date(2017, 3, 29), "Abdullah II"),
        ("JO", "foreign_minister", dt.date(2017, 3, 29), "Ayman Safadi"),
        ("DJ", "head_of_state", dt.date(2016, 5, 8), "Ismaïl Omar Guelleh"),
        ("UG", "head_of_state", dt.date(2016, 5, 12), "Yoweri Museveni"),
        ("MW", "head_of_state", dt.date(2011, 10, 14), "Bingu wa Mutharika"),
        ("BI", "head_of_state", dt.date(2016, 1, 1), "Pierre Nkurunziza"),
        ("PH", "head_of_state", dt.date(2018, 1, 1), "Rodrigo Duterte"),
        ("TD", "head_of_state", dt.date(2024, 6, 1), "Mahamat Idriss Déby"),
        ("TJ", "foreign_minister", dt.date(2025, 10, 9), "Sirojiddin Muhriddin"),
        ("KE", "head_of_state", dt.date(2024, 1, 1), "William Ruto"),
    ],
)
def test_officials_of_the_states_fugitives_visited_hold_office_on_the_day(
    bundled: World, iso2: str, office: str, on: dt.date, name: str
) -> None:
    holders = [o for o in bundled.officials_of(iso2, on) if o.office == office]
    assert [o.name for o in holders] == [name]
    (o,) = holders
    assert o.fact.sources and all(s.url and s.publisher for s in o.fact.sources)


def test_ended_terms_end(bundled: World) -> None:
    """Terms with an end: nobody holds them after it (Malawi 2012, Burundi 2020, the
    Philippines 2022), and the gaps are still counted by the check."""
    from warrantwatch.kb.paths import bundled_data_dir

    assert not [o for o in bundled.officials_of("MW", dt.date(2012, 4, 6)) if "Bingu" in o.name]
    assert not bundled.officials_of("BI", dt.date(2020, 6, 9))
    assert not [o for o in bundled.officials_of("PH", dt.date(2022, 7, 1)) if "Duterte" in o.name]
    counts = check(read_data_dir(bundled_data_dir())).counts
    assert counts["officials"] >= 58
    # Gaps remain (coverage is partial) and are counted; the figure falls as officials are
    # added, so the test checks that it is counted, not a coverage target.
    for office in ("head of state", "head of government", "foreign minister"):
        assert counts[f"States Parties without a current {office}"] > 0


# --- a head of state who also heads the government ---------------------------------------

HOG = "States Parties without a current head of government"


def test_heads_government_counts_the_state_as_having_a_head_of_government(
    tmp_path: Path,
) -> None:
    plain = check(read_data_dir(data_with(tmp_path / "a", [OFFICIAL], []))).counts
    both = {**OFFICIAL, "heads_government": True}
    flagged = check(read_data_dir(data_with(tmp_path / "b", [both], []))).counts
    assert flagged[HOG] == plain[HOG] - 1
    assert (
        flagged["States Parties without a current head of state"]
        == plain["States Parties without a current head of state"]
    )
    # an ended term does not count
    ended = {**both, "end": "2024-12-31"}
    assert check(read_data_dir(data_with(tmp_path / "c", [ended], []))).counts[HOG] == plain[HOG]


def test_the_lacking_states_are_listed_in_a_warning(tmp_path: Path) -> None:
    report = check(read_data_dir(data_with(tmp_path, [OFFICIAL], [])))
    (w,) = [w for w in report.warnings if w.where == HOG]
    assert "TJ" in str(w)
    both = {**OFFICIAL, "heads_government": True}
    report = check(read_data_dir(data_with(tmp_path / "b", [both], [])))
    assert not any("TJ" in str(w) for w in report.warnings if w.where == HOG)


@pytest.mark.parametrize("office", ["foreign_minister", "head_of_government"])
def test_heads_government_only_on_a_head_of_state_row(tmp_path: Path, office: str) -> None:
    bad = {**OFFICIAL, "office": office, "heads_government": True}
    found = errors(data_with(tmp_path, [bad], []))
    assert any("heads_government is only for a head_of_state row" in e for e in found), found


def test_a_contact_as_head_of_government_may_name_a_head_of_state_who_heads_it(
    tmp_path: Path,
) -> None:
    contact = {**CONTACT, "office": "head_of_government"}
    assert any(
        "is not TJ's head_of_government" in e
        for e in errors(data_with(tmp_path / "a", [OFFICIAL], [contact]))
    )
    both = {**OFFICIAL, "heads_government": True}
    assert errors(data_with(tmp_path / "b", [both], [contact])) == []


def test_heads_government_is_loaded_exported_and_shown(tmp_path: Path) -> None:
    from warrantwatch.reports.contacts import office_key, official_words
    from warrantwatch.reports.ftm import contact_entities
    from warrantwatch.reports.i18n import Lang

    both = {**OFFICIAL, "heads_government": True}
    data = data_with(tmp_path, [both], [CONTACT])
    kb = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}", data_dir=data))
    world = kb.world
    (o,) = world.officials_of("TJ", dt.date(2025, 1, 1))
    assert o.heads_government and o.holds("head_of_government") and o.holds("head_of_state")
    assert not o.holds("foreign_minister")
    (c,) = world.contacts_of("vladimir-putin")
    assert office_key(world, c.office, c.official) == "head_of_state_and_government"
    assert official_words(Lang("en"), world, c) == "head of state and government (Ivan Example)"
    assert official_words(Lang("fr"), world, c).startswith("chef de l'État et du gouvernement")
    person = next(e for e in contact_entities(world) if e.schema.name == "Person")
    assert person.get("position")[0].startswith("head of state and government, ")
    out = tmp_path / "export"
    export_data_dir(kb.engine, out)
    assert "heads_government: true" in (out / "records" / "officials.yaml").read_text("utf-8")
    again = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'b.sqlite3'}", data_dir=out))
    assert again.world.officials == world.officials
    # without the flag the words stay those of the office
    plain = data_with(tmp_path / "p", [OFFICIAL], [CONTACT])
    pw = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'c.sqlite3'}", data_dir=plain)).world
    (pc,) = pw.contacts_of("vladimir-putin")
    assert official_words(Lang("en"), pw, pc) == "head of state (Ivan Example)"
