"""The bundled data cites the Court's own records before the copies they were found through,
and the policy on contacts with persons subject to warrants is a loaded, sourced fact.

Issue 11: a legal adviser doubts a warrant cited to a message board or a document mirror.
Where only a copy shows the Court's record, the record is cited *through* the copy; these
tests hold that ordering and that shape, on the data shipped with Warrant Watch.
"""

from __future__ import annotations

import datetime as dt

import pytest

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.kb.tiers import tier_of
from warrantwatch.law.obligations import assess
from warrantwatch.law.records import SourceRef, best_first
from warrantwatch.law.world import World
from warrantwatch.reports.contacts import policy_json, policy_lines
from warrantwatch.reports.document import Citations
from warrantwatch.reports.i18n import Lang


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> World:
    path = tmp_path_factory.mktemp("bundled") / "ww.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{path}")).world


def test_a_court_record_outranks_its_mirror_whatever_the_listed_order() -> None:
    # the bundled rule file decides the tiers; a mirror claiming the Court is still a mirror
    mirror = SourceRef(
        "https://www.scribd.com/document/1/decision",
        "International Criminal Court (via Scribd)",
        "Decision",
        tier=tier_of("https://www.scribd.com/document/1/decision", "International Criminal Court"),
    )
    court = SourceRef(
        "https://www.icc-cpi.int/court-record/icc-00-00-00-1",
        "International Criminal Court",
        "Decision",
        tier=tier_of("https://www.icc-cpi.int/court-record/icc-00-00-00-1"),
    )
    assert (mirror.tier, court.tier) == (6, 1)
    assert best_first([mirror, court]) == [court, mirror]


@pytest.mark.parametrize(
    ("person", "copy_host"),
    [
        ("vladimir-putin", "investorshub.advfn.com"),
        ("maria-lvova-belova", "investorshub.advfn.com"),
        ("benjamin-netanyahu", "www.tuxtown.net"),
        ("yoav-gallant", "www.tuxtown.net"),
    ],
)
def test_warrant_is_cited_to_the_court_through_the_copy(
    bundled: World, person: str, copy_host: str
) -> None:
    (warrant,) = bundled.persons[person].warrants
    first, *rest = best_first(warrant.fact.sources)
    assert first.url.startswith("https://www.icc-cpi.int/news/")
    assert (first.tier, first.publisher) == (1, "International Criminal Court")
    # known only from the copy: shown as cited through it, the copy itself not cited beside it
    assert first.via is not None and copy_host in first.via.url and first.via.tier == 6
    assert all(copy_host not in s.url for s in rest)
    # the mirrors and blogs the release replaced are gone
    assert not any(
        h in s.url for s in warrant.fact.sources for h in ("sott.net", "ludditus", "mentaldaily")
    )


def test_the_un_contact_policy_loads_with_its_sources(bundled: World) -> None:
    by_id = {a.id: a for a in bundled.authorities_on("contacts")}
    un = by_id["un-icc-best-practices-2016"]
    assert (un.kind, un.body, un.date) == ("report", "United Nations", dt.date(2016, 9, 26))
    assert un.fact.verified
    assert "strictly" in un.summary and "not States Parties" in un.summary
    assert {s.url for s in un.fact.sources} >= {
        "https://docslib.org/doc/5978112/best-practices-manual-united-nations-international-criminal-court",
        "https://www.pravda.com.ua/eng/news/2024/10/26/7481510/",
    }
    # the Assembly's own call is shown with it, and still flagged until its text is read
    assert not by_id["asp-23-omnibus-2024"].fact.verified


def test_the_un_policy_for_its_officials_is_not_put_on_states_parties(bundled: World) -> None:
    a = assess(
        bundled,
        bundled.persons["vladimir-putin"],
        bundled.states["TJ"],
        dt.date(2025, 10, 9),
        today=dt.date(2026, 12, 2),
    )
    cited = {e.get("authority") for e in a.expected_conduct}
    assert "un-icc-best-practices-2016" not in cited


def test_the_policy_is_shown_in_words_where_contacts_are(bundled: World) -> None:
    en = policy_lines(bundled, Lang("en"), Citations())
    (un,) = [ln for ln in en if "Best Practices Manual" in ln.text]
    assert "courtesy calls" in un.text and un.flag is None
    (asp,) = [ln for ln in en if "Strengthening the International Criminal Court" in ln.text]
    assert asp.flag == "unverified"
    fr = policy_lines(bundled, Lang("fr"), Citations())
    assert all("courtesy" not in ln.text and "titre original" in ln.text for ln in fr)
    api = {a["id"]: a for a in policy_json(bundled)["authorities"]}
    assert api["un-icc-best-practices-2016"]["verified"] is True
    assert api["asp-23-omnibus-2024"]["verified"] is False
    assert api["asp-23-omnibus-2024"]["sources"][0]["tier"] == 1


def test_the_first_finding_is_cited_to_the_courts_release_through_the_coalition_page(
    bundled: World,
) -> None:
    # Sudan 2010: the Court's press release is known from the CICC page that gives its
    # title, symbol and address; it must lead, shown as cited through that page
    (finding,) = [f for f in bundled.findings if f.id == "sd-ahmad-harun-2010"]
    first = best_first(finding.fact.sources)[0]
    assert (first.tier, first.symbol) == (1, "ICC-CPI-20100526-PR528")
    assert first.url.startswith("http://www.icc-cpi.int/NR/exeres/")
    assert first.via is not None and "iccnow.org" in first.via.url


@pytest.mark.parametrize(
    ("iso2", "day"), [("CL", dt.date(2009, 6, 29)), ("NL", dt.date(2001, 7, 17))]
)
def test_a_ratification_day_rests_on_the_assemblys_own_release(
    bundled: World, iso2: str, day: dt.date
) -> None:
    (ratification,) = [a for a in bundled.states[iso2].actions if a.type == "ratification"]
    assert ratification.date == day
    first = best_first(ratification.fact.sources)[0]
    assert first.tier == 1 and first.url == "https://asp.icc-cpi.int/press-releases/PR1241"


def test_ongwens_surrender_follows_the_day_the_court_gives(bundled: World) -> None:
    # the Court's release (as printed) and Al Jazeera give 17 January 2015, not 16
    (surrender,) = [
        c for c in bundled.persons["dominic-ongwen"].custody if c.status == "surrendered"
    ]
    assert surrender.date == dt.date(2015, 1, 17)
    assert min(s.tier for s in surrender.fact.sources) == 4
