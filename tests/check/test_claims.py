"""Each claim kind, in English and French, against the hand-written fixture data."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warrantwatch.check.engine import check_text
from warrantwatch.law.world import World

ON = dt.date(2025, 10, 1)


def claims(world: World, text: str, kind: str | None = None) -> list:
    out = list(check_text(world, text, ON).claims)
    return [c for c in out if kind is None or c.kind.startswith(kind)]


def one(world: World, text: str, kind: str):  # type: ignore[no-untyped-def]
    found = claims(world, text, kind)
    assert len(found) == 1, found
    return found[0]


def test_party_since_signature_date_disagrees_with_all_three_dates(world: World) -> None:
    c = one(world, "Tajikistan has been a State Party since 30 November 1998.", "party")
    assert c.verdict == "disagrees"
    assert "30 November 1998" in c.kb and "5 May 2000" in c.kb and "1 July 2002" in c.kb
    assert "signed" in (c.note or "")
    assert c.sources and c.sources[0].url.startswith("https://example.org/")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Tajikistan has been a State Party since 1 July 2002.", "agrees"),
        ("Tajikistan has been a State Party since 2002.", "agrees"),
        ("Tajikistan has been a State Party since 2000.", "disagrees"),
        ("Le Tadjikistan est un État partie depuis le 1er juillet 2002.", "agrees"),
        ("Le Tadjikistan est un État partie depuis le 30 novembre 1998.", "disagrees"),
        ("Le Tadjikistan est un État partie depuis 2002.", "agrees"),
        ("Tajikistan signed the Rome Statute on 30 November 1998.", "agrees"),
        ("Tajikistan ratified the Rome Statute on 5 May 2001.", "disagrees"),
        ("Le Tadjikistan a ratifié le Statut de Rome le 5 mai 2000.", "agrees"),
        ("The Statute entered into force for Tajikistan on 1 July 2002.", "agrees"),
    ],
)
def test_party_dates(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "party").verdict == verdict


def test_deposit_date_given_as_party_since_is_explained(world: World) -> None:
    c = one(world, "Tajikistan has been a State Party since 5 May 2000.", "party")
    assert c.verdict == "disagrees" and "art. 126" in (c.note or "")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Mongolia, a State Party, hosted him.", "agrees"),
        ("Russia is not a State Party.", "agrees"),
        ("Russia is a State Party to the Rome Statute.", "disagrees"),
        ("La Russie n'est pas un État partie.", "agrees"),
        ("La Mongolie est un État partie.", "agrees"),
    ],
)
def test_party_status(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "party_status").verdict == verdict


def test_a_state_urging_parties_is_not_a_claim_that_it_is_one(world: World) -> None:
    assert claims(world, "Russia urged States Parties to ignore the Court.", "party") == []


def test_a_trade_deal_signature_is_not_a_statute_signature(world: World) -> None:
    assert claims(world, "Tajikistan signed a trade deal on 5 June 2024.", "party") == []


def test_warrant_date_and_articles_agree(world: World) -> None:
    text = (
        "The arrest warrant of 17 March 2023 against Vladimir Putin is for crimes under "
        "articles 8(2)(a)(vii) and 8(2)(b)(viii) of the Statute."
    )
    found = {c.kind: c for c in claims(world, text, "warrant")}
    assert found["warrant_date"].verdict == "agrees"
    assert found["warrant_articles"].verdict == "agrees"
    assert found["warrant_date"].sources


@pytest.mark.parametrize(
    ("text", "kind", "verdict"),
    [
        ("The warrant for Putin issued on 17 March 2024 stands.", "warrant_date", "disagrees"),
        ("Le mandat d'arrêt du 17 mars 2023 contre Vladimir Poutine.", "warrant_date", "agrees"),
        ("Le mandat d'arrêt du 17 mars 2024 contre Poutine.", "warrant_date", "disagrees"),
        (
            "Putin's warrant lists art. 8(2)(a)(vii) and art. 7(1)(d).",
            "warrant_articles",
            "disagrees",
        ),
        ("Pre-Trial Chamber II issued the warrant for Putin.", "warrant_chamber", "agrees"),
        (
            "La Chambre préliminaire I a délivré le mandat d'arrêt contre Poutine.",
            "warrant_chamber",
            "disagrees",
        ),
    ],
)
def test_warrant_claims(world: World, text: str, kind: str, verdict: str) -> None:
    assert one(world, text, kind).verdict == verdict


def test_a_date_not_attached_to_the_warrant_is_not_its_date(world: World) -> None:
    text = "Despite the arrest warrant, Putin travelled to Mongolia on 3 September 2024."
    assert claims(world, text, "warrant_date") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Vladimir Putin remains at large.", "agrees"),
        ("Vladimir Poutine est toujours en fuite.", "agrees"),
        ("Putin was surrendered to the ICC.", "disagrees"),
    ],
)
def test_custody(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "custody").verdict == verdict


def test_two_persons_in_one_custody_sentence_cannot_be_checked(world: World) -> None:
    c = one(world, "Putin and Omar al-Bashir remain at large.", "custody")
    assert c.verdict == "cannot check"


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Putin visited Mongolia on 3 September 2024 without being arrested.", "agrees"),
        ("Putin visited Mongolia on 5 September 2024.", "disagrees"),
        ("Putin visited Mongolia on 3 September 2024 and was arrested.", "disagrees"),
        ("Poutine s'est rendu en Mongolie le 3 septembre 2024 sans être arrêté.", "agrees"),
        ("Putin visited Mongolia on 3 May 2019.", "cannot check"),
    ],
)
def test_trips(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "trip").verdict == verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("The Chamber's finding of non-compliance on Mongolia of 24 October 2024.", "agrees"),
        ("The finding of non-compliance on Mongolia of 14 October 2024.", "disagrees"),
        ("Le constat de non-respect visant la Mongolie du 24 octobre 2024.", "agrees"),
        ("A finding of non-compliance on Mongolia in 2021.", "cannot check"),
    ],
)
def test_findings(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "finding").verdict == verdict


def test_count_of_parties_is_derived_from_the_data(world: World) -> None:
    from warrantwatch.law.treaty_status import status_on

    n = sum(1 for s in world.states.values() if status_on(s, ON).status == "party")
    assert one(world, f"There are {n} States Parties.", "party_count").verdict == "agrees"
    assert one(world, f"On compte {n + 1} États parties.", "party_count").verdict == "disagrees"
    dated = one(world, f"In 2010 there were {n + 1} States Parties.", "party_count")
    assert dated.verdict == "cannot check"


def test_sentence_offsets_point_into_the_text(world: World) -> None:
    text = "Intro line.\n\nTajikistan has been a State Party since 30 November 1998."
    c = one(world, text, "party")
    assert text[c.start : c.end] == c.sentence


def test_custody_status_outside_the_rules_is_explained(world: World) -> None:
    from dataclasses import replace

    from warrantwatch.law.records import CustodyRec

    putin = world.persons["vladimir-putin"]
    held = replace(putin, custody=(*putin.custody, CustodyRec(dt.date(2024, 1, 1), "released")))
    other = replace(world, persons={**world.persons, putin.id: held})
    c = one(other, "Vladimir Putin remains at large.", "custody")
    assert c.verdict == "cannot check" and "released" in (c.note or "")


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Tajikstn Putin Statepry since 1998 ().,'\n")), max_size=300
    )
)
def test_any_text_gives_well_formed_claims(world: World, text: str) -> None:
    result = check_text(world, text, ON)
    for c in result.claims:
        assert text[c.start : c.end] == c.sentence
        assert c.verdict in ("agrees", "disagrees", "cannot check")


def test_a_low_confidence_fact_marks_the_claim_unverified(world: World) -> None:
    from dataclasses import replace

    from warrantwatch.law.records import Fact

    tj = world.states["TJ"]
    shaky = tuple(replace(a, fact=replace(a.fact, confidence="low")) for a in tj.actions)
    other = replace(world, states={**world.states, "TJ": replace(tj, actions=shaky)})
    text = "Tajikistan has been a State Party since 1 July 2002."
    assert one(other, text, "party").unverified
    assert not one(world, text, "party").unverified
    assert Fact().verified


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Hungary notified its withdrawal from the Rome Statute on 2 June 2025.", "agrees"),
        ("La Hongrie a notifié son retrait du Statut de Rome le 2 juin 2025.", "agrees"),
        ("Hungary announced its withdrawal from the Statute on 3 April 2025.", "cannot check"),
    ],
)
def test_withdrawal_dates_never_disagree(world: World, text: str, verdict: str) -> None:
    assert one(world, text, "party").verdict == verdict


def test_a_withdrawn_signature_is_not_a_signature_date(world: World) -> None:
    text = "Russia signed the Rome Statute in 2000 but withdrew its signature in 2016."
    got = [c.verdict for c in claims(world, text, "party")]
    assert got == ["agrees", "agrees"]
