"""Source tiers come from the reviewed rule file, addresses are parsed, and ``data check``
counts what a legal adviser would doubt (tier 6 only, placeholder titles, bad addresses)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import FIXTURE_DATA

from warrantwatch.kb.checks import check
from warrantwatch.kb.files import read_data_dir
from warrantwatch.kb.tiers import RULES_FILE, TierRulesError, read_rules, rules_for
from warrantwatch.kb.urls import address_problem
from warrantwatch.law.records import SourceRef, best_first, only_tier6


@pytest.mark.parametrize(
    ("url", "publisher", "tier"),
    [
        ("https://www.icc-cpi.int/news/x", "International Criminal Court", 1),
        ("https://asp.icc-cpi.int/resolutions", "Assembly of States Parties", 1),
        ("https://treaties.un.org/Pages/View.aspx", "United Nations Treaty Collection", 2),
        ("https://news.un.org/en/story/1", "UN News", 2),
        ("https://mfa.gov.lv/en/article/x", "Ministry of Foreign Affairs of Latvia", 3),
        ("https://www.diplomatie.gouv.fr/fr/x", "Ministère", 3),
        ("https://www.reuters.com/world/x", "Reuters", 4),
        ("https://in.reuters.com/article/x", "Reuters", 4),
        ("https://www.hrw.org/news/x", "Human Rights Watch", 5),
        ("https://cjad.nottingham.ac.uk/en/x", "Cooperation database", 5),
        # mirrors and copies are 6 whatever they claim to be
        ("https://www.scribd.com/document/1", "International Criminal Court", 6),
        ("https://docslib.org/doc/1", "International Criminal Court (via docslib)", 6),
        ("https://reliefweb.int/report/x", "ReliefWeb (ICC press release)", 6),
        ("https://homsy-staging.cambridgecore.org/x", "Cambridge University Press", 6),
        # a publisher can lower a tier, never raise it
        ("https://www.reuters.com/x", "Somebody (reproducing Reuters)", 6),
        ("https://unknown-site.example/x", "International Criminal Court", 6),
    ],
)
def test_bundled_rule(url: str, publisher: str, tier: int) -> None:
    assert rules_for().tier(url, publisher) == tier


def test_most_specific_pattern_wins(tmp_path: Path) -> None:
    path = tmp_path / "tiers.yaml"
    path.write_text(
        "tiers: {1: a, 2: b, 3: c, 4: d, 5: e, 6: f}\n"
        "hosts: {int: 3, example.int: 1, bad.example.int: 6, 'gov.*': 3}\n",
        encoding="utf-8",
    )
    rules = read_rules(path)
    assert rules.tier("https://x.example.int/a") == 1
    assert rules.tier("https://bad.example.int/a") == 6
    assert rules.tier("https://other.int/a") == 3
    assert rules.tier("https://a.gov.xy/") == 3
    assert rules.tier("https://gov.example.com/") == 6  # "*" is one label, at the right place


def test_malformed_rule_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "tiers.yaml"
    path.write_text("tiers: {1: a, 2: b}\nhosts: {x.org: 9}\n", encoding="utf-8")
    with pytest.raises(TierRulesError, match=r"tiers\.yaml"):
        read_rules(path)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://www.icc-cpi.int/news/a b", "space"),
        ("https://example.org./x", "dot"),
        ("https://exa mple.org/x", "space"),
        ("https://example.org:99999/x", "parse"),
        ("ftp://example.org/x", "scheme"),
        ("https:///x", "no host"),
        ("https://under_score.org/", "not a host name"),
    ],
)
def test_invalid_addresses(url: str, problem: str) -> None:
    found = address_problem(url)
    assert found is not None and problem in found


def test_valid_addresses() -> None:
    for url in (
        "https://www.icc-cpi.int/court-record/icc-02/05-01/09-1",
        "http://127.0.0.1:8123/feed.xml",
        "https://пример.рф/страница",
        "https://example.org/search?q=a%20b#x",
    ):
        assert address_problem(url) is None, url


def test_best_first_and_tier6_only() -> None:
    a, b, c = (SourceRef(f"https://x/{n}", "p", "t", tier=n) for n in (6, 1, 4))
    assert [s.tier for s in best_first([a, b, c])] == [1, 4, 6]
    assert only_tier6([a]) and not only_tier6([a, c]) and not only_tier6([])


#: a decision known only from the fixture page ``fx`` (cited through it)
COURT_VIA = (
    "  court:\n"
    "    url: https://www.icc-cpi.int/court-record/fixture-roe\n"
    "    publisher: International Criminal Court\n"
    "    title: Fixture decision\n"
    "    symbol: ICC-00/00-00/00-1\n"
    "    date: 2020-01-10\n"
    "    via: fx\n"
)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    dest = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, dest)
    return dest


def test_check_reports_quality(data: Path) -> None:
    person = data / "persons" / "jane-roe.yaml"
    text = person.read_text(encoding="utf-8")
    text = text.replace(
        "    accessed: 2026-11-27\nid: jane-roe",
        "    accessed: 2026-11-27\n" + COURT_VIA + "  blank:\n"
        "    url: https://example.org/a b\n"
        "    publisher: Nobody\n"
        '    title: "[title not shown in the copy read]"\n'
        "    accessed: 2026-11-27\n"
        "id: jane-roe",
    )
    text = text.replace(
        "made_public: 2021-06-01, sources: [fx]", "made_public: 2021-06-01, sources: [court]"
    )
    text = text.replace("status: at_large, sources: [fx]", "status: at_large, sources: [blank]")
    person.write_text(text, encoding="utf-8")
    report = check(read_data_dir(data))
    assert report.ok, report.errors
    q = report.quality
    warnings = [str(w) for w in report.warnings]
    assert q.strong["warrants"][0] == 1 and q.cited_through["warrants"] == 1
    assert q.invalid_urls == 1 and any("invalid address (contains a space" in w for w in warnings)
    assert q.placeholder_titles == 1 and any("no real title" in w for w in warnings)
    assert any("custody[0]" in w and "only on tier 6" in w for w in warnings)
    assert q.tier6_only >= 1
    assert q.latest_fact is not None
    assert any("tier 1-3 source" in line for line in q.lines())
    # the cited-through page counts as used
    assert not any("sources.fx" in w and "never cited" in w for w in warnings if "jane-roe" in w)


def test_via_must_name_a_source_of_the_same_file(data: Path) -> None:
    person = data / "persons" / "jane-roe.yaml"
    text = person.read_text(encoding="utf-8").replace(
        "    accessed: 2026-11-27\nid: jane-roe",
        "    accessed: 2026-11-27\n    via: nowhere\nid: jane-roe",
    )
    person.write_text(text, encoding="utf-8")
    errors = [str(e) for e in check(read_data_dir(data)).errors]
    assert any("cited through unknown source 'nowhere'" in e for e in errors)


def test_a_data_dir_may_bring_its_own_rule(data: Path) -> None:
    (data / RULES_FILE).parent.mkdir(parents=True, exist_ok=True)
    (data / RULES_FILE).write_text(
        "tiers: {1: a, 2: b, 3: c, 4: d, 5: e, 6: f}\nhosts: {example.org: 2}\n", encoding="utf-8"
    )
    assert rules_for(data).tier("https://example.org/fixture/roe") == 2
    report = check(read_data_dir(data))
    assert report.quality.tier6_only == 0


def test_tiers_and_cited_through_reach_the_answers(data: Path, tmp_path: Path) -> None:
    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.reports.markdown import source_line

    person = data / "persons" / "jane-roe.yaml"
    text = person.read_text(encoding="utf-8").replace(
        "    accessed: 2026-11-27\nid: jane-roe",
        "    accessed: 2026-11-27\n" + COURT_VIA + "id: jane-roe",
    )
    text = text.replace(
        "made_public: 2021-06-01, sources: [fx]", "made_public: 2021-06-01, sources: [fx, court]"
    )
    person.write_text(text, encoding="utf-8")
    kb = open_kb(Settings(database_url=f"sqlite:///{tmp_path / 'kb.sqlite3'}", data_dir=data))
    warrant = kb.world.persons["jane-roe"].warrants[0]
    best, other = warrant.fact.sources
    assert (best.tier, best.symbol, other.tier) == (1, "ICC-00/00-00/00-1", 6)
    assert best.via is not None and best.via.url == "https://example.org/fixture/roe"
    line = source_line(1, best)
    assert (
        line.startswith("1. [tier 1] International Criminal Court")
        and "(ICC-00/00-00/00-1)" in line
    )
    assert 'Cited through Fixture Publisher, "Fixture Roe page"' in line and "not read" in line
