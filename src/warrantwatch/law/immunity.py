"""The immunity question, set out rather than decided.

Where the person holds, on the day, an office that carries personal immunity under
customary international law (head of state or government, foreign minister), the
engine lays out art. 27 and art. 98(1), what the Court's Chambers have ruled, and
what states have argued against it. Whether such immunity bars an arrest by a State
Party is contested where the office belongs to a non-party state: shown so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from warrantwatch.law.records import AuthorityRec, PersonRec, PositionRec, StateRec
from warrantwatch.law.treaty_status import TreatyStatus, status_on
from warrantwatch.law.wording import long_date
from warrantwatch.law.world import World

IMMUNITY_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister"})
ROLE_WORDS = {
    "head_of_state": "head of state",
    "head_of_government": "head of government",
    "foreign_minister": "minister for foreign affairs",
}


def offices_on(person: PersonRec, on: dt.date) -> list[PositionRec]:
    """Offices held on ``on`` that raise the question of personal immunity."""
    return [p for p in person.positions if p.role in IMMUNITY_ROLES and p.held_on(on)]


def _auth_brief(a: AuthorityRec) -> dict[str, Any]:
    return {
        "id": a.id,
        "body": a.body,
        "date": a.date.isoformat(),
        "title": a.title,
        "summary": a.summary,
        "verified": a.fact.verified,
    }


def immunity_question(
    world: World,
    person: PersonRec,
    host: StateRec,
    host_status: TreatyStatus,
    on: dt.date,
    duty: str,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[AuthorityRec]]:
    """The immunity block, the contested points and the authorities it cites."""
    offices = offices_on(person, on)
    if not offices:
        return (
            {
                "question": False,
                "offices": [],
                "summary": (
                    f"No office carrying personal immunity (head of state or government, foreign "
                    f"minister) is on record for {person.name} on {long_date(on)}. Under art. 27 "
                    "official capacity does not exempt anyone from the Court's jurisdiction."
                ),
            },
            [],
            [],
        )
    office = offices[0]
    office_state = world.states.get(office.state or "")
    office_status = status_on(office_state, on).status if office_state else "unknown"
    office_name = world.state_name(office.state)
    rulings = [
        a
        for a in world.authorities_on("immunity")
        if a.kind in ("judgment", "decision") and a.date <= on
    ]
    positions = [
        a for a in world.authorities_on("state_position") if a.date <= on and "immunity" in a.topics
    ]
    block: dict[str, Any] = {
        "question": True,
        "offices": [
            {
                "title": p.title,
                "role": p.role,
                "state": p.state,
                "since": p.start.isoformat() if p.start else None,
                "verified": p.fact.verified,
            }
            for p in offices
        ],
        "office_state": office.state,
        "office_state_status": office_status,
        "articles": ["27", "98(1)"],
        "court_rulings": [_auth_brief(a) for a in rulings],
        "state_positions": [_auth_brief(a) for a in positions],
    }
    role = ROLE_WORDS.get(office.role, office.role)
    contested: list[dict[str, Any]] = []
    if office.state == host.iso2:
        block["contested"] = False
        block["summary"] = (
            f"{person.name} is {role} of {office_name}, the state assessed itself; the immunity "
            "question concerns foreign states and does not arise here."
        )
    elif office_status == "party":
        block["contested"] = False
        block["summary"] = (
            f"{person.name} is {role} of {office_name}, itself a State Party on this date: under "
            "art. 27(2) immunities attaching to official capacity do not bar the Court's "
            "jurisdiction, and both states are bound by the Statute."
        )
    else:
        block["contested"] = True
        court = "; ".join(f"{a.body}, {long_date(a.date)}" for a in rulings)
        contrary = "; ".join(f"{a.body}, {long_date(a.date)}" for a in positions)
        block["summary"] = (
            f"{person.name} is {role} of {office_name}, which is not a State Party on this date. "
            "Art. 27(2) says immunities do not bar the Court's jurisdiction; art. 98(1) says the "
            "Court may not proceed with a request that would require a state to act "
            "inconsistently with its obligations on the immunity of a third state's official. "
            + (
                "The Court's Chambers have held that such immunity does not bar arrest and "
                f"surrender to the Court ({court}). "
                if court
                else ""
            )
            + (
                f"States and regional bodies have argued otherwise ({contrary}). "
                if contrary
                else ""
            )
            + (
                "Each ruling and position is summarised with its sources below. "
                if court or contrary
                else ""
            )
            + "Warrant Watch reports this question as contested and does not decide it."
        )
        contested.append(
            {
                "topic": "personal_immunity",
                "question": (
                    f"Does the personal immunity of a sitting {role} of a non-party state bar "
                    f"{host.name} from arresting and surrendering {person.name}?"
                ),
                "court_position": [a.id for a in rulings],
                "contrary_positions": [a.id for a in positions],
                "binding_duty_found": duty == "binding",
            }
        )
    return block, contested, rulings + positions
