"""Briefings: the visit briefing in English and French, person and state records, PDF."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from warrantwatch.law.world import World
from warrantwatch.reports.record import person_briefing, state_briefing
from warrantwatch.reports.render import render, render_html, render_markdown
from warrantwatch.reports.visit import visit_briefing

ON = dt.date(2025, 10, 9)
TODAY = dt.date(2025, 10, 6)


def visit(world: World, lang: str = "en", state: str = "TJ", person: str = "vladimir-putin"):
    return visit_briefing(
        world, world.persons[person], world.states[state], ON, lang=lang, today=TODAY
    )


def test_visit_english_states_the_facts_with_sources(world: World) -> None:
    md = render_markdown(visit(world))
    assert md.startswith("# Vladimir Putin in Tajikistan: the duty to arrest")
    assert "Duty to arrest and surrender: yes, binding on Tajikistan." in md
    brief = md.split("## In brief", 1)[1].split("##", 1)[0]
    sentences = [ln for ln in brief.splitlines() if ln.strip()]
    assert len(sentences) == 2  # the facts in two sentences
    assert "subject to an ICC arrest warrant issued on 17 March 2023" in sentences[0]
    assert "for alleged war crimes" in sentences[0]
    assert "from 8 to 10 October 2025" in sentences[0]
    assert all(re.search(r"\[\d+(, \d+)*\]$", s) for s in sentences)  # each one sourced
    # duties with the articles quoted, the warrant, the immunity question, precedents
    assert "since 1 July 2002" in md and "> 1. A State Party which has received" in md
    assert "**Art. 89(1) — Surrender of persons to the Court**" in md
    assert "Pre-Trial Chamber II" in md and "(art. 8(2)(a)(vii))" in md
    assert "## The immunity question **(contested)**" in md
    assert "Appeals Chamber, 6 May 2019" in md
    assert "Mongolia (Ulaanbaatar), a State Party at the time: not arrested" in md
    assert "On 24 October 2024 Pre-Trial Chamber II found that Mongolia" in md
    assert "as the Assembly of States Parties urged on 6 December 2024" in md
    assert "Bound states: Burkina Faso, Hungary, Mongolia, South Africa, Tajikistan, Ukraine." in md


def test_every_citation_number_is_a_listed_source(world: World) -> None:
    b = visit(world)
    md = render_markdown(b)
    body, sources = md.split("## Sources", 1)
    groups = re.findall(r"\[([\d, ]+)\]", body) + re.findall(r"\| ([\d, ]+) \|$", body, re.M)
    cited = {int(n) for grp in groups for n in grp.split(", ")}
    listed = {int(n) for n in re.findall(r"^(\d+)\. ", sources, re.M)}
    assert cited == listed == set(range(1, len(b.sources) + 1))
    assert any("icc-cpi.int" in s.url for s in b.sources)  # the Statute itself


def test_expected_conduct_only_from_data(world: World) -> None:
    """Without the Assembly's resolution in the data, the briefing does not mention it."""
    bare = World(
        states=world.states,
        persons=world.persons,
        situations=world.situations,
        trips=world.trips,
        findings=world.findings,
        authorities=tuple(a for a in world.authorities if "non_essential_contact" not in a.topics),
        articles=world.articles,
    )
    md = render_markdown(visit(bare))
    assert "non-essential contact" not in md
    assert "arrest and surrender Vladimir Putin to the Court if found on its territory" in md


FRENCH_ONLY = re.compile(
    r"\b(the|and|of|is|was|State Party|warrant|arrest|bound|trip|visit|Court)\b"
)


def _prose(md: str) -> str:
    """The French text a reader reads, without quotations, quoted titles and the source list."""
    text = md.split("## Sources", 1)[0]
    text = "\n".join(
        ln for ln in text.splitlines() if not ln.startswith(">") and not ln.startswith("**Art.")
    )
    return re.sub(r"«[^»]*»", "", text)


def test_visit_french_reads_as_french(world: World) -> None:
    md = render_markdown(visit(world, "fr"))
    assert md.startswith("# Vladimir Poutine au Tadjikistan : l'obligation d'arrestation")
    assert "mandat d'arrêt de la CPI délivré le 17 mars 2023 par la Chambre préliminaire II" in md
    assert "a effectué une visite au Tadjikistan (Dushanbe) du 8 au 10 octobre 2025" in md
    assert "est un État partie au Statut de Rome depuis le 1er juillet 2002" in md
    assert "pour des faits présumés constitutifs de crimes de guerre" in md
    assert "Vladimir Poutine en Mongolie (Ulaanbaatar), alors État partie" in md
    assert "la Chambre préliminaire II a constaté que la Mongolie" in md
    assert "l'Assemblée des États parties les y a appelés le 6 décembre 2024" in md
    assert "Ce que l'on attend du Tadjikistan et des autres États parties" in md
    assert "déportation illégale de population (enfants) (art. 8(2)(a)(vii))" in md
    assert "« Fixture records »" in md  # French quotation marks
    leftovers = FRENCH_ONLY.findall(_prose(md))
    assert leftovers == [], leftovers


def test_visit_with_no_duty_and_no_report(world: World) -> None:
    md = render_markdown(visit(world, state="RU"))
    assert "no treaty duty for Russia" in md
    assert "no report of this trip is on record" in md
    fr = render_markdown(visit(world, "fr", state="RU"))
    assert "aucune obligation conventionnelle" in fr
    assert "pourrait se rendre en Russie le 9 octobre 2025" in fr


def test_person_and_state_records(world: World) -> None:
    md = render_markdown(person_briefing(world, world.persons["omar-al-bashir"], ON, today=TODAY))
    assert md.startswith("# Omar al-Bashir: the record") or "the record" in md.splitlines()[0]
    assert "## Trips since the warrant" in md and "South Africa" in md
    st = render_markdown(state_briefing(world, world.states["MN"], ON, today=TODAY))
    assert "Mongolia has been a State Party" in st
    assert "## Whom Mongolia would have to arrest on 9 October 2025" in st
    assert "## Non-compliance findings (art. 87(7))" in st
    assert "Vladimir Putin" in st


def test_html_has_inline_svg_figures_and_print_css(world: World) -> None:
    html = render_html(visit(world), paper="letter")
    assert "size: letter;" in html and "@bottom-right" in html
    assert html.count("<svg") >= 3  # map, timeline and their key symbols
    assert "http://" not in re.sub(r'(href|xmlns)="http[^"]*"', "", html).replace(
        "http://www.w3.org", ""
    )
    assert "&#39;" not in html.split("</style>")[0]  # no HTML escapes inside CSS strings


@pytest.mark.parametrize(("paper", "size"), [("a4", (595.3, 841.9)), ("letter", (612.0, 792.0))])
def test_pdf_page_size_and_length(world: World, paper: str, size: tuple[float, float]) -> None:
    from weasyprint import HTML

    doc = HTML(string=render_html(visit(world, "fr"), paper=paper)).render()  # type: ignore[arg-type]
    w, h = doc.pages[0].width * 0.75, doc.pages[0].height * 0.75  # CSS px -> pt
    assert (round(w, 1), round(h, 1)) == size
    assert 2 <= len(doc.pages) <= 6
    pdf = render(visit(world), "pdf", paper)  # type: ignore[arg-type]
    assert pdf.startswith(b"%PDF-")
