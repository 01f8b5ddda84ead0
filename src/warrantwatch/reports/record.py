"""Person and state briefings: the record, in the same sourced, neutral spirit as a visit.

A person briefing sets out the warrants and charges, offices, custody history, trips
since the first warrant (with a timeline) and the states bound to arrest on the date.
A state briefing sets out its Rome Statute record with the derived dates, whom it
would have to arrest on the date, visits it received and the findings against it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from warrantwatch.law import warrants as wr
from warrantwatch.law.obligations import assess
from warrantwatch.law.records import FindingRec, PersonRec, StateRec, TripRec
from warrantwatch.law.treaty_status import in_force_from, status_on, withdrawal_effective
from warrantwatch.law.world import World
from warrantwatch.reports import phrases as ph
from warrantwatch.reports.collate import collated, sort_key
from warrantwatch.reports.contacts import contacts_section, since_warrant
from warrantwatch.reports.document import Block, Briefing, Citations, Figure, Line, Section, Table
from warrantwatch.reports.figures import (
    bound_map_svg,
    bound_states,
    map_legend,
    timeline_legend,
    timeline_svg,
    trip_marks,
)
from warrantwatch.reports.i18n import N_, Lang
from warrantwatch.reports.visit import person_name

BASIS_WORDS = {
    "state_party": N_("State Party (arts. 86, 89(1))"),
    "art_12_3_declaration": N_("declaration under art. 12(3)"),
    "unsc_referral": N_("Security Council referral"),
    "art_127_2_continuing": N_("art. 127(2) after withdrawal"),
}


def _trip_rows(
    world: World, trips: list[TripRec], L: Lang, c: Citations, with_person: bool
) -> Table:
    rows, cites, flags = [], [], []
    for t in trips:
        host = world.states.get(t.destination)
        then = status_on(host, t.start).status if host else "unknown"
        finding = next(iter(world.findings_for_trip(t.id)), None)
        who = world.persons.get(t.person)
        cells = [L.trip_date(t.start, t.end, t.precision)]
        if with_person:
            cells.append(person_name(L, who) if who else t.person)
        else:
            cells.append(L.country(t.destination, world.state_name(t.destination)).name)
        cells += [
            ", ".join(x for x in (t.place, t.occasion) if x) or "—",
            ph.status_word(L, then),
            ph.outcome(L, t.outcome)
            + (
                " · " + L._("finding of %(date)s", date=L.date(finding.decision_date))
                if finding
                else ""
            ),
        ]
        rows.append(cells)
        cites.append(c.cite(t.fact.sources, finding.fact.sources if finding else []))
        flags.append(None if t.fact.verified else "unverified")
    headers = [
        L._("Dates"),
        L._("Person") if with_person else L._("State"),
        L._("Place, occasion"),
        L._("Host then"),
        L._("Outcome"),
    ]
    return Table(headers, rows, cites, flags)


def _capital(text: str) -> str:
    """First letter up, for a name with its article opening a title ("La Mongolie")."""
    return text[:1].upper() + text[1:]


def _office_span(L: Lang, start: dt.date | None, end: dt.date | None) -> str:
    """When an office was held, saying what is unknown or still running in words
    ("since 7 May 2012" / « depuis le 7 mai 2012 », "until 7 May 2000")."""
    if start and end:
        return L._("from %(start)s to %(end)s", start=L.date(start), end=L.date(end))
    if start:
        return L._("since %(start)s", start=L.date(start))
    if end:
        return L._("until %(end)s", end=L.date(end))
    return L._("dates not recorded")


def _map_section(
    world: World, p: PersonRec, on: dt.date, host: str | None, L: Lang, c: Citations
) -> Section:
    who = person_name(L, p)
    bound = bound_states(world, p, on)
    sec = Section(
        "map", L._("States bound to arrest %(person)s on %(date)s", person=who, date=L.date(on))
    )
    sec.page_break = True
    svg = bound_map_svg(world, bound, host, L, sec.title)
    srcs = [
        s
        for iso2 in bound
        for act in world.states[iso2].actions
        if act.type in ("ratification", "acceptance", "approval", "accession", "succession")
        for s in act.fact.sources
    ]
    caption = Line(
        L.ngettext(
            "%(num)s state would be bound on that date, each on the basis shown; derived by "
            "Warrant Watch from each state's treaty record and the situation's referral.",
            "%(num)s states would be bound on that date, each on the basis shown; derived by "
            "Warrant Watch from each state's treaty record and the situation's referral.",
            len(bound),
        ),
        c.cite(srcs),
    )
    sec.blocks.append(
        Block("figure", figure=Figure(svg, caption, map_legend(L, bound), alt=sec.title))
    )
    names = collated((L.country(i, world.state_name(i)).name for i in bound), L.code)
    if names:
        sec.note(Line(L._("Bound states: %(list)s.", list=", ".join(names))))
    return sec


def person_briefing(
    world: World, p: PersonRec, on: dt.date, lang: str = "en", today: dt.date | None = None
) -> Briefing:
    """The record of one person subject to ICC warrants, as of ``on``."""
    L, c = Lang(lang), Citations()
    who = person_name(L, p)
    outstanding = wr.outstanding(p, on)
    status = wr.custody_status(p, on)
    w_src = [w.fact.sources for w in p.warrants]
    if outstanding:
        first = L._(
            "%(person)s is subject to %(warrant)s for alleged %(crimes)s.",
            person=who,
            warrant=ph.warrant_phrase(L, outstanding[0]),
            crimes=ph.categories(L, outstanding),
        )
        if len(outstanding) > 1:
            first = L._(
                "%(person)s is subject to %(num)s outstanding ICC warrants for alleged %(crimes)s.",
                person=who,
                num=len(outstanding),
                crimes=ph.categories(L, outstanding),
            )
    else:
        first = L._(
            "On %(date)s %(person)s is subject to no outstanding ICC warrant.",
            date=L.date(on),
            person=who,
        )
    second = L._(
        "Custody status on %(date)s: %(status)s.", date=L.date(on), status=ph.custody(L, status)
    )
    summary = [
        Line(first, c.cite(*w_src)),
        Line(second, c.cite(*(x.fact.sources for x in p.custody if x.date <= on))),
    ]
    sections: list[Section] = []

    ident = Section("identity", L._("Identity"))
    names = list(dict.fromkeys(n.name for n in p.names if n.kind not in ("inflection",)))
    facts = []
    if names:
        facts.append(L._("Also written: %(names)s.", names=", ".join(names)))
    if p.birth_date:
        facts.append(L._("Born on %(date)s.", date=L.date(p.birth_date)))
    if p.nationality:
        facts.append(
            L._(
                "Nationality: %(list)s.",
                list=", ".join(L.country(n, world.state_name(n)).name for n in p.nationality),
            )
        )
    if p.wikidata:
        facts.append(L._("Wikidata: %(qid)s.", qid=p.wikidata))
    ident.para(Line(" ".join(facts), c.cite(p.identity.sources)))
    sections.append(ident)

    wsec = Section("warrants", L.ngettext("The warrant", "The warrants", len(p.warrants)))
    rows, cites, flags = [], [], []
    for w in sorted(p.warrants, key=lambda w: w.issued):
        sit = world.situations.get(w.situation)
        rows.append(
            [
                L.date(w.issued),
                L.body(w.chamber or "—"),
                ph.situation(L, sit, w.situation),
                "; ".join(ph.charge(L, ch) for ch in w.charges) or "—",
                L._("outstanding") if wr.is_outstanding(p, w, on) else L._("executed or lapsed"),
            ]
        )
        cites.append(c.cite(w.fact.sources, sit.fact.sources if sit else []))
        flags.append(None if w.fact.verified else "unverified")
    wsec.blocks.append(
        Block(
            "table",
            table=Table(
                [
                    L._("Issued"),
                    L._("Chamber"),
                    L._("Situation"),
                    L._("Charges (articles)"),
                    L._("Status"),
                ],
                rows,
                cites,
                flags,
            ),
        )
    )
    wsec.note(
        Line(
            L._(
                "The charges are allegations; %(person)s is presumed innocent until proved guilty "
                "before the Court (art. 66).",
                person=who,
            )
        )
    )
    sections.append(wsec)

    if p.positions:
        psec = Section("positions", L._("Offices"))
        lines = []
        for pos in p.positions:
            span = _office_span(L, pos.start, pos.end)
            lines.append(
                Line(
                    f"{pos.title} ({span})",
                    c.cite(pos.fact.sources),
                    None if pos.fact.verified else "unverified",
                )
            )
        psec.bullets(lines)
        sections.append(psec)

    if p.custody:
        csec = Section("custody", L._("Custody history"))
        csec.bullets(
            [
                Line(
                    f"{L.date(x.date)}: {ph.custody(L, x.status)}"
                    + (f" ({x.place})" if x.place else ""),
                    c.cite(x.fact.sources),
                    None if x.fact.verified else "unverified",
                )
                for x in sorted(p.custody, key=lambda x: x.date)
            ]
        )
        sections.append(csec)

    trips = [t for t in world.trips_of(p.id) if t.start <= on or t.outcome == "planned"]
    tsec = Section("trips", L._("Trips since the warrant"))
    if trips:
        marks = trip_marks(world, p, on, None, L)
        warrants = [
            (w.issued, L._("warrant %(date)s", date=L.short_month(w.issued)))
            for w in p.warrants
            if w.issued <= on
        ]
        findings = [
            (f.decision_date, f"{f.state} · 87(7)")
            for f in world.findings
            if f.person == p.id and f.decision_date <= on
        ]
        svg = timeline_svg(marks, warrants, findings, L, tsec.title)
        caption = Line(
            L.ngettext("%(num)s trip on record.", "%(num)s trips on record.", len(trips)),
            [],  # each trip is cited in the table below
        )
        tsec.blocks.append(
            Block(
                "figure",
                figure=Figure(
                    svg,
                    caption,
                    timeline_legend(L, marks, bool(warrants), bool(findings)),
                    alt=tsec.title,
                ),
            )
        )
        tsec.blocks.append(Block("table", table=_trip_rows(world, trips, L, c, with_person=False)))
    else:
        tsec.para(Line(L._("No trip is on record.")))
    sections.append(tsec)

    sections.append(
        contacts_section(
            world,
            since_warrant(world, world.contacts_of(p.id), on),
            L,
            c,
            L._("Contacts with states' officials since the warrant"),
            by_state=False,
        )
    )

    found = [f for f in world.findings if f.person == p.id and f.decision_date <= on]
    if found:
        sections.append(
            _findings_section(
                found, L, c, lambda f: L.country(f.state, world.state_name(f.state)), lambda f: who
            )
        )

    if outstanding:
        sections.append(_map_section(world, p, on, None, L, c))

    return Briefing(
        kind="person",
        lang=lang,
        title=L._("%(person)s: the record", person=who),
        subtitle=L._(
            "Record as of %(date)s, prepared by Warrant Watch from its sourced record. "
            "Numbers in brackets refer to the sources listed at the end.",
            date=L.date(on),
        ),
        summary=summary,
        verdict=None,
        sections=sections,
        sources=c.sources,
        generated=today or dt.date.today(),
        as_of=on,
    )


def state_briefing(
    world: World, s: StateRec, on: dt.date, lang: str = "en", today: dt.date | None = None
) -> Briefing:
    """The record of one state under the Rome Statute, as of ``on``."""
    L, c = Lang(lang), Citations()
    country = L.country(s.iso2, s.name)
    ts = status_on(s, on)
    act_src = [a.fact.sources for a in s.actions]
    summary = [
        Line(ph.status_sentence(L, country, ts), c.cite(*(a.fact.sources for a in ts.actions)))
    ]
    verdict = Line(
        L._(
            "Status on %(date)s: %(status)s.", date=L.date(on), status=ph.status_word(L, ts.status)
        ),
        flag="binding" if ts.status == "party" else "none",
    )
    sections: list[Section] = []

    rec = Section("treaty", L._("Rome Statute record"))
    rows, cites, flags = [], [], []
    for a in sorted(s.actions, key=lambda a: a.date):
        derived = ""
        if a.type in ph.DEPOSIT_WORDS:
            derived = L._("in force from %(date)s (art. 126)", date=L.date(in_force_from(a)))
        elif a.type == "withdrawal_notified":
            derived = L._(
                "takes effect on %(date)s (art. 127(1))",
                date=L.date(withdrawal_effective(a.date, a.later_date)),
            )
        rows.append([L.date(a.date), L._(ph.ACTION_WORDS.get(a.type, a.type)), derived or "—"])
        cites.append(c.cite(a.fact.sources))
        flags.append(None if a.fact.verified else "unverified")
    if rows:
        rec.blocks.append(
            Block(
                "table", table=Table([L._("Date"), L._("Act"), L._("Derived")], rows, cites, flags)
            )
        )
    else:
        rec.para(Line(L._("No treaty action is on record."), c.cite(*act_src)))
    decl = []
    for d in s.declarations:
        sit = world.situations.get(d.situation or "")
        if sit is None:
            # no situation rests on it: say so rather than leave it open-ended (or print an id)
            text = L._(
                "Declaration under art. 12(3) lodged on %(lodged)s, for acts from %(start)s: no "
                "situation before the Court rests on it.",
                lodged=L.date(d.lodged),
                start=L.date(d.period_start),
            )
        elif d.period_end is None:
            text = L._(
                "Declaration under art. 12(3) lodged on %(lodged)s for %(situation)s, for acts "
                "from %(start)s onwards.",
                lodged=L.date(d.lodged),
                situation=ph.situation(L, sit),
                start=L.date(d.period_start),
            )
        else:
            text = L._(
                "Declaration under art. 12(3) lodged on %(lodged)s for %(situation)s, from "
                "%(start)s to %(end)s.",
                lodged=L.date(d.lodged),
                situation=ph.situation(L, sit),
                start=L.date(d.period_start),
                end=L.date(d.period_end),
            )
        decl.append(
            Line(
                text,
                c.cite(d.fact.sources),
                None if d.fact.verified else "unverified",
            )
        )
    rec.bullets(decl, heading=L._("Declarations accepting jurisdiction") if decl else None)
    sections.append(rec)

    duty_rows, duty_cites = [], []
    for p in sorted(world.persons.values(), key=lambda p: sort_key(L.code)(person_name(L, p))):
        if not wr.outstanding(p, on):
            continue
        a = assess(world, p, s, on)
        duty_rows.append(
            [
                person_name(L, p),
                L._("yes") if a.duty == "binding" else L._("no"),
                "; ".join(L._(BASIS_WORDS[b]) for b in a.basis) or "—",
                L._("contested") if a.contested else "",
            ]
        )
        duty_cites.append(
            c.cite(*(w.fact.sources for w in p.warrants), *(x.fact.sources for x in ts.actions))
        )
    if duty_rows:
        dsec = Section(
            "duties",
            L._(
                "Whom %(state)s would have to arrest on %(date)s",
                state=country.subject,
                date=L.date(on),
            ),
        )
        dsec.blocks.append(
            Block(
                "table",
                table=Table(
                    [
                        L._("Person subject to a warrant"),
                        L._("Bound"),
                        L._("Basis"),
                        L._("Immunity"),
                    ],
                    duty_rows,
                    duty_cites,
                ),
            )
        )
        sections.append(dsec)

    visits = [t for t in world.trips_to(s.iso2) if t.start <= on or t.outcome == "planned"]
    vsec = Section("visits", L._("Visits by persons subject to ICC warrants"))
    if visits:
        vsec.blocks.append(Block("table", table=_trip_rows(world, visits, L, c, with_person=True)))
    else:
        vsec.para(Line(L._("No visit is on record.")))
    sections.append(vsec)
    sections.append(
        contacts_section(
            world,
            since_warrant(world, world.contacts_by(s.iso2), on),
            L,
            c,
            L._(
                "Contacts of %(state)s's officials with persons subject to ICC warrants",
                state=country.subject,
                of_state=country.of,
            ),
            by_state=True,
        )
    )

    found = [f for f in world.findings if f.state == s.iso2 and f.decision_date <= on]
    if found:
        sections.append(
            _findings_section(
                found,
                L,
                c,
                lambda f: country,
                lambda f: (
                    person_name(L, world.persons[f.person])
                    if f.person in world.persons
                    else f.person
                ),
            )
        )

    return Briefing(
        kind="state",
        lang=lang,
        title=L._("%(state)s and the Rome Statute: the record", state=_capital(country.subject)),
        subtitle=L._(
            "Record as of %(date)s, prepared by Warrant Watch from its sourced record. "
            "Numbers in brackets refer to the sources listed at the end.",
            date=L.date(on),
        ),
        summary=summary,
        verdict=verdict,
        sections=sections,
        sources=c.sources,
        generated=today or dt.date.today(),
        as_of=on,
    )


def _findings_section(
    found: list[FindingRec],
    L: Lang,
    c: Citations,
    state_of: Callable[[FindingRec], str],
    person_of: Callable[[FindingRec], str],
) -> Section:
    """Art. 87(7) findings as cited bullets; the caller says how to name state and person."""
    fsec = Section("findings", L._("Non-compliance findings (art. 87(7))"))
    fsec.bullets(
        [
            Line(
                ph.finding_sentence(
                    L,
                    {
                        "decision_date": f.decision_date.isoformat(),
                        "chamber": f.chamber,
                        "referred_to": list(f.referred_to),
                    },
                    state_of(f),
                    person_of(f),
                ),
                c.cite(f.fact.sources),
            )
            for f in found
        ]
    )
    return fsec
