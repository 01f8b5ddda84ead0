"""``data check`` catches what a reviewer would miss, naming file and record."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import FIXTURE_DATA

from warrantwatch.kb.checks import check
from warrantwatch.kb.files import read_data_dir


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, dest)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def errors(root: Path) -> list[str]:
    return [str(p) for p in check(read_data_dir(root)).errors]


def test_fixture_data_passes(data: Path) -> None:
    report = check(read_data_dir(data))
    assert report.ok, report.errors
    assert report.counts["persons"] == 3 and report.counts["unverified"] == 1


def test_unknown_source_key(data: Path) -> None:
    edit(
        data / "persons" / "jane-roe.yaml",
        "status: surrendered, place: The Hague, sources: [fx]",
        "status: surrendered, place: The Hague, sources: [nope]",
    )
    assert any("jane-roe.yaml" in e and "unknown source 'nope'" in e for e in errors(data))


def test_record_without_source_fails_schema(data: Path) -> None:
    edit(
        data / "situations.yaml",
        "    investigation_opened: 2017-10-25\n    sources: [fx]",
        "    investigation_opened: 2017-10-25\n    sources: []",
    )
    assert any("situations.yaml" in e and "burundi" in e for e in errors(data))


def test_warrant_executed_before_issue(data: Path) -> None:
    edit(
        data / "persons" / "jane-roe.yaml",
        "date: 2024-05-02, status: surrendered",
        "date: 2019-05-02, status: surrendered",
    )
    assert any("executed before it was issued" in e for e in errors(data))


def test_revocation_after_withdrawal_took_effect(data: Path) -> None:
    edit(
        data / "states.yaml",
        "{type: withdrawal_revoked, date: 2017-03-07",
        "{type: withdrawal_revoked, date: 2018-03-07",
    )
    assert any("ZA" in e and "after the withdrawal had taken effect" in e for e in errors(data))


def test_withdrawal_without_deposit(data: Path) -> None:
    edit(
        data / "states.yaml",
        "{type: ratification, date: 2004-09-21, sources: [fx]}",
        "{type: signature, date: 2004-09-21, sources: [fx]}",
    )
    assert any("BI" in e and "no earlier deposit" in e for e in errors(data))


def test_unknown_situation_and_state(data: Path) -> None:
    edit(data / "persons" / "jane-roe.yaml", "situation: burundi", "situation: atlantis")
    edit(data / "records" / "records.yaml", "destination: MN,", "destination: QQ,")
    errs = errors(data)
    assert any("unknown situation 'atlantis'" in e for e in errs)
    assert any("unknown state QQ" in e for e in errs)


def test_finding_points_at_missing_trip(data: Path) -> None:
    edit(
        data / "records" / "records.yaml", "trip: vladimir-putin-2024-09-mn,", "trip: no-such-trip,"
    )
    assert any("unknown trip 'no-such-trip'" in e for e in errors(data))


def test_typo_in_key_is_an_error(data: Path) -> None:
    edit(data / "persons" / "vladimir-putin.yaml", "wikidata: Q7747", "wikidta: Q7747")
    assert any("vladimir-putin.yaml" in e and "wikidta" in e for e in errors(data))


def test_bad_article_reference(data: Path) -> None:
    edit(data / "persons" / "vladimir-putin.yaml", "article: 8(2)(a)(vii)", "article: eight")
    assert any("article reference" in e for e in errors(data))


def test_duplicate_yaml_key(data: Path) -> None:
    path = data / "persons" / "jane-roe.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "name: Jane Doe\n", encoding="utf-8")
    assert any("duplicate key 'name'" in e for e in errors(data))


def test_minimum_counts(data: Path) -> None:
    (data / "assertions.yaml").write_text("min_persons: 70\nmin_un_members: 193\n")
    errs = errors(data)
    assert any("3 persons, expected at least 70" in e for e in errs)
    assert any("UN members, expected 193" in e for e in errs)


def test_file_name_must_match_id(data: Path) -> None:
    (data / "persons" / "jane-roe.yaml").rename(data / "persons" / "someone.yaml")
    assert any("file name must be jane-roe.yaml" in e for e in errors(data))


def test_bundled_data_passes() -> None:
    """The knowledge base shipped with the package: complete, sourced, consistent."""
    report = check(read_data_dir())
    assert report.ok, "\n".join(str(e) for e in report.errors[:20])
