"""The visit briefing: what a coalition publishes before a suspect's trip to a state.

It is built from one :class:`~warrantwatch.law.obligations.Assessment` and the
world it came from: the facts in two sentences, the host's duties with the articles
quoted, the warrants, the immunity question (contested where it is), precedents,
what is expected of the host and of other States Parties, a map of the states bound
on that day, a timeline of the person's trips, and numbered sources for every
statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from warrantwatch.law.obligations import Assessment, assess
from warrantwatch.law.precedents import visit_on
from warrantwatch.law.records import PersonRec, SourceRef, StateRec, TripRec
from warrantwatch.law.statute import STATUTE_URL
from warrantwatch.law.treaty_status import status_on
from warrantwatch.law.world import World
from warrantwatch.reports import phrases as ph
from warrantwatch.reports.collate import collated
from warrantwatch.reports.document import (
    Block,
    Briefing,
    Citations,
    Figure,
    Line,
    QuoteView,
    Section,
    Table,
)
from warrantwatch.reports.figures import (
    bound_map_svg,
    bound_states,
    map_legend,
    timeline_legend,
    timeline_svg,
    trip_marks,
)
from warrantwatch.reports.i18n import Lang, document_title
from warrantwatch.reports.statute_fr import french_quote

IMMUNITY_REFS = frozenset({"27", "98(1)"})
PRECEDENT_REFS = frozenset({"87(7)"})
STATUTE_SOURCE = SourceRef(
    url=STATUTE_URL,
    publisher="International Criminal Court (text via Public.Law, CC BY 4.0)",
    title="Rome Statute of the International Criminal Court",
)


def person_name(L: Lang, p: PersonRec) -> str:
    """The person as this language writes them (``Vladimir Poutine``)."""
    if L.code == "en":
        return p.name
    full = [n.name for n in p.names if n.lang == L.code and n.kind == "full"]
    if full:
        return full[0]
    surname = [n.name for n in p.names if n.lang == L.code and n.kind == "surname"]
    if surname and " " in p.name:
        return p.name.rsplit(" ", 1)[0] + " " + surname[0]
    return p.name


def find_visit(world: World, person: PersonRec, state: StateRec, on: dt.date) -> TripRec | None:
    """The recorded trip this briefing is about: same person and host, around the date."""
    return visit_on(world, person, state, on)


def first_sentence(text: str) -> str:
    """The first sentence of a summary (a full stop after a word, before a capital)."""
    m = re.search(r"(?<=[a-z\)’'])\.\s+(?=[A-Z])", text)
    return text[: m.start() + 1] if m else text


def common_sources(
    world: World, bound: dict[str, list[str]], share: float = 0.2
) -> list[SourceRef]:
    """The pages behind most bound states' treaty records (the depositary's table, say).

    Citing every state's own page would bury the list of sources; the per-state
    record is one command away (``warrantwatch brief state``).
    """
    counts: Counter[str] = Counter()
    by_url: dict[str, SourceRef] = {}
    for iso2 in bound:
        urls = set()
        for act in world.states[iso2].actions:
            for s in act.fact.sources:
                urls.add(s.url)
                by_url[s.url] = s
        counts.update(urls)
    need = max(1, int(share * len(bound)))
    return [by_url[u] for u, n in counts.most_common(3) if n >= need]


def treaty_sources(a: Assessment) -> list[SourceRef]:
    return [s for act in a.treaty.actions for s in act.fact.sources]


class VisitBuilder:
    def __init__(self, world: World, a: Assessment, L: Lang, today: dt.date) -> None:
        self.world, self.a, self.L, self.today = world, a, L, today
        self.c = Citations()
        self.host = L.country(a.state.iso2, a.state.name)
        self.who = person_name(L, a.person)
        self.trip = find_visit(world, a.person, a.state, a.on)
        #: the host in the forms sentences need (``le Tadjikistan``, ``au``, ``du``)
        self.f = {"state": self.host.subject, "in_state": self.host.in_, "of_state": self.host.of}

    # -- sections -----------------------------------------------------------------

    def summary(self) -> tuple[list[Line], Line]:
        L, a = self.L, self.a
        ws = [wd.warrant for wd in a.warrant_duties]
        w_cites = self.c.cite(*(w.fact.sources for w in ws))
        trip_cites = self.c.cite(self.trip.fact.sources) if self.trip else []
        if ws:
            w = ws[0]
            warrant = ph.warrant_phrase(L, w)
            if len(ws) > 1:
                warrant = L._(
                    "%(num)s ICC warrants, the first issued on %(date)s",
                    num=len(ws),
                    date=L.date(w.issued),
                )
            about = L._(
                "%(person)s, subject to %(warrant)s for alleged %(crimes)s,",
                person=self.who,
                warrant=warrant,
                crimes=ph.categories(L, ws),
            )
        else:
            about = L._(
                "%(person)s, who is subject to no outstanding ICC warrant on this date,",
                person=self.who,
            )
        place = f" ({self.trip.place})" if self.trip and self.trip.place else ""
        forms = {**self.f, "state": self.host.name, "place": place}
        if self.trip is not None and self.trip.outcome != "planned" and self.trip.start <= a.on:
            first = L._(
                "%(about)s visited %(state)s%(place)s %(when)s, according to the record "
                "(%(outcome)s).",
                about=about,
                when=self._when(self.trip),
                outcome=ph.outcome(L, self.trip.outcome),
                **forms,
            )
        elif self.trip is not None and (self.trip.end or self.trip.start) < self.today:
            first = L._(
                "%(about)s was expected in %(state)s%(place)s %(when)s; what became of the trip "
                "is not on record.",
                about=about,
                when=self._when(self.trip),
                **forms,
            )
        elif self.trip is not None:
            first = L._(
                "%(about)s is reported to be visiting %(state)s%(place)s %(when)s.",
                about=about,
                when=self._when(self.trip),
                **forms,
            )
        else:
            first = L._(
                "%(about)s may travel to %(state)s on %(date)s; no report of this trip is on "
                "record.",
                about=about,
                date=L.date(a.on),
                **forms,
            )
        status = self.c.cite(treaty_sources(a))
        if a.duty == "binding":
            bases = "; ".join(self._basis_words(b) for b in a.basis)
            second = L._(
                "On that date %(state)s is bound (%(bases)s) to arrest and surrender %(person)s "
                "to the Court if found on its territory.",
                **self.f,
                bases=bases,
                person=self.who,
            )
            verdict = Line(
                L._("Duty to arrest and surrender: yes, binding on %(state)s.", **self.f),
                flag="binding",
            )
        else:
            second = L._(
                "On that date %(state)s has no treaty duty to arrest and surrender %(person)s; it "
                "may cooperate with the Court voluntarily (art. 87(5)).",
                **self.f,
                person=self.who,
            )
            verdict = Line(
                L._(
                    "Duty to arrest and surrender: no treaty duty for %(state)s.",
                    **self.f,
                ),
                flag="none",
            )
        return [
            Line(ph.capfirst(first), sorted(set(w_cites + trip_cites))),
            Line(ph.capfirst(second), status),
        ], verdict

    def _when(self, t: TripRec) -> str:
        L = self.L
        text = L.trip_date(t.start, t.end, t.precision)
        if t.precision == "day" and (t.end is None or t.end == t.start):
            return L._("on %(date)s", date=text)
        if t.precision != "day":
            return L._("in %(date)s", date=text)
        return text

    def _basis_words(self, b: str) -> str:
        L = self.L
        words = {
            "state_party": L._("as a State Party"),
            "art_12_3_declaration": L._("by its declaration under art. 12(3)"),
            "unsc_referral": L._("by the Security Council's referral"),
            "art_127_2_continuing": L._("by art. 127(2) after its withdrawal"),
        }
        return words.get(b, b)

    def duties(self) -> Section:
        L, a = self.L, self.a
        sec = Section("duties", L._("The host state's legal duties"))
        status = Line(ph.status_sentence(L, self.host, a.treaty), self.c.cite(treaty_sources(a)))
        sec.para(status)
        reasons: list[Line] = []
        seen: set[str] = set()
        for wd in a.warrant_duties:
            for b in wd.bases:
                if b in seen:
                    continue
                seen.add(b)
                reasons.append(self._reason(b, wd))
        if reasons:
            sec.bullets(reasons)
        elif a.warrant_duties:
            sec.para(
                Line(
                    L._(
                        "No basis binds %(state)s on that date: it is not a State Party, has made "
                        "no declaration under art. 12(3) covering this situation and is not bound "
                        "by a Security Council referral. It may cooperate voluntarily "
                        "(art. 87(5)).",
                        **self.f,
                    ),
                    self.c.cite(treaty_sources(a)),
                )
            )
        quotes = self._quotes(lambda ref: ref not in IMMUNITY_REFS | PRECEDENT_REFS)
        if quotes is not None:
            sec.blocks.append(quotes)
        return sec

    def _quotes(self, keep: Any) -> Block | None:
        """The articles the assessment relies on, verbatim, for one section."""
        quotes = [
            c for c in self.a.as_dict()["citations"] if c["type"] == "article" and keep(c["ref"])
        ]
        if not quotes:
            return None
        views, english = [], []
        for q in quotes:
            fr = french_quote(q["ref"]) if self.L.code == "fr" else None
            if fr is not None:
                fq, src = fr
                views.append(QuoteView(fq.ref, fq.title, fq.text, self.c.cite([src])))
                continue
            if self.L.code != "en":
                english.append(q["ref"])
            views.append(QuoteView(q["ref"], q["title"], q["text"], self.c.cite([STATUTE_SOURCE])))
        block = Block("quotes", heading=self.L._("The Rome Statute, quoted"), quotes=views)
        if english:
            block.lines.append(
                Line(
                    self.L.ngettext(
                        "Art. %(refs)s: the English text is quoted, the French text of this "
                        "provision not yet being held in the knowledge base.",
                        "Arts. %(refs)s: the English text is quoted, the French text of these "
                        "provisions not yet being held in the knowledge base.",
                        len(english),
                        refs=ph.join(self.L, english),
                    )
                )
            )
        return block

    def _add_quotes(self, sec: Section, refs: frozenset[str]) -> None:
        block = self._quotes(lambda ref: ref in refs)
        if block is not None:
            sec.blocks.append(block)

    def _reason(self, basis: str, wd: Any) -> Line:
        L, a = self.L, self.a
        sit = wd.situation
        if basis == "state_party":
            return Line(
                L._(
                    "As a State Party, %(state)s must comply with the Court's requests for arrest "
                    "and surrender (arts. 86, 89(1) and 59(1)).",
                    **self.f,
                ),
                self.c.cite(treaty_sources(a), [STATUTE_SOURCE]),
            )
        if basis == "art_12_3_declaration":
            dec = next(
                (d for d in a.state.declarations if d.situation == wd.warrant.situation), None
            )
            return Line(
                L._(
                    "%(state)s accepted the Court's jurisdiction by a declaration under art. "
                    "12(3), lodged on %(lodged)s for the situation of this warrant; this State "
                    "must cooperate without delay or exception (Part 9).",
                    **{**self.f, "state": ph.capfirst(self.host.subject)},
                    lodged=L.date(dec.lodged if dec else None),
                ),
                self.c.cite(dec.fact.sources if dec else [], [STATUTE_SOURCE]),
            )
        if basis == "unsc_referral":
            return Line(
                L._(
                    "Security Council resolution %(res)s of %(date)s, which referred the situation "
                    "to the Court (art. 13(b)), obliges %(state)s to cooperate fully with the "
                    "Court.",
                    res=sit.unsc_resolution if sit else "?",
                    date=L.date(sit.unsc_resolution_date if sit else None),
                    **self.f,
                ),
                self.c.cite(sit.fact.sources if sit else []),
            )
        return Line(
            L._(
                "The withdrawal %(of_state)s took effect on %(effective)s, but the investigation "
                "in this situation was opened on %(opened)s, before that: art. 127(2) keeps the "
                "duty to cooperate in investigations and proceedings commenced while this State "
                "was a party.",
                of_state=self.host.of,
                effective=L.date(a.treaty.withdrawal_effective),
                opened=L.date(sit.investigation_opened if sit else None),
            ),
            self.c.cite(treaty_sources(a), sit.fact.sources if sit else []),
        )

    def warrants(self) -> Section:
        L, a = self.L, self.a
        title = L.ngettext("The warrant", "The warrants", len(a.warrant_duties))
        sec = Section("warrants", title)
        if not a.warrant_duties:
            sec.para(
                Line(
                    L._(
                        "On %(date)s %(person)s is subject to no outstanding ICC warrant "
                        "(custody status: %(status)s).",
                        date=L.date(a.on),
                        person=self.who,
                        status=ph.custody(L, a.custody_status),
                    ),
                    self.c.cite(*(w.fact.sources for w in a.person.warrants)),
                )
            )
            return sec
        rows, cites, flags = [], [], []
        for wd in a.warrant_duties:
            w = wd.warrant
            rows.append(
                [
                    L.date(w.issued),
                    L.body(w.chamber or "—"),
                    ph.situation(L, wd.situation, w.situation),
                    "; ".join(ph.charge(L, ch) for ch in w.charges) or "—",
                ]
            )
            cites.append(
                self.c.cite(w.fact.sources, wd.situation.fact.sources if wd.situation else [])
            )
            flags.append(None if w.fact.verified else "unverified")
        sec.blocks.append(
            Block(
                "table",
                table=Table(
                    [L._("Issued"), L._("Chamber"), L._("Situation"), L._("Charges (articles)")],
                    rows,
                    cites,
                    flags,
                ),
            )
        )
        sealed = [wd for wd in a.warrant_duties if wd.sealed]
        for wd in sealed:
            sec.note(
                Line(
                    L._(
                        "This warrant was still under seal on %(date)s (made public on "
                        "%(public)s): the state may not have known of it.",
                        date=L.date(a.on),
                        public=L.date(wd.warrant.made_public),
                    ),
                    self.c.cite(wd.warrant.fact.sources),
                )
            )
        sec.para(
            Line(
                L._(
                    "Custody status on %(date)s: %(status)s. The charges are allegations; "
                    "%(person)s is presumed innocent until proved guilty before the Court "
                    "(art. 66).",
                    date=L.date(a.on),
                    status=ph.custody(L, a.custody_status),
                    person=self.who,
                ),
                self.c.cite(*(c.fact.sources for c in a.person.custody if c.date <= a.on)),
            )
        )
        return sec

    def immunity(self) -> Section | None:
        L, a, imm = self.L, self.a, self.a.immunity
        if not imm.get("question"):
            return None
        contested = bool(imm.get("contested"))
        sec = Section(
            "immunity",
            L._("The immunity question"),
            flag="contested" if contested else None,
        )
        office = imm["offices"][0]
        office_state = L.country(office["state"] or "", self.world.state_name(office["state"]))
        pos_sources = [p.fact.sources for p in a.person.positions if p.role == office["role"]]
        role = L._(ph.ROLE_WORDS.get(office["role"], office["role"]))
        office_line = L._(
            "On %(date)s %(person)s holds office as %(role)s %(of_state)s.",
            date=L.date(a.on),
            person=self.who,
            role=role,
            of_state=office_state.of,
        )
        if office.get("state") == a.state.iso2:
            text = (
                office_line
                + " "
                + L._(
                    "The question of a foreign state's immunity does not arise in the state the "
                    "person represents."
                )
            )
            sec.para(Line(text, self.c.cite(*pos_sources)))
            self._add_quotes(sec, IMMUNITY_REFS)
            return sec
        if imm.get("office_state_status") == "party":
            text = (
                office_line
                + " "
                + L._(
                    "That state is itself a State Party: under art. 27(2) immunities attaching "
                    "to official capacity do not bar the Court's jurisdiction, and both states are "
                    "bound by the Statute."
                )
            )
            sec.para(Line(text, self.c.cite(*pos_sources, [STATUTE_SOURCE])))
            self._add_quotes(sec, IMMUNITY_REFS)
            return sec
        sec.para(
            Line(
                office_line
                + " "
                + L._(
                    "That state is not a State Party on this date. Art. 27(2) provides that "
                    "immunities attaching to official capacity do not bar the Court's "
                    "jurisdiction; art. 98(1) provides that the Court may not proceed with a "
                    "request that would require the requested state to act inconsistently with "
                    "its obligations on the immunity of a third state's official."
                ),
                self.c.cite(*pos_sources, [STATUTE_SOURCE]),
            )
        )
        by_id = {x.id: x for x in self.world.authorities}
        rulings = [
            self._authority(by_id[r["id"]], summary=by_id[r["id"]].kind == "judgment")
            for r in imm.get("court_rulings", [])
            if r["id"] in by_id
        ]
        sec.bullets(rulings, heading=L._("How the Court has ruled"))
        contrary = [
            self._authority(by_id[r["id"]], summary=False)
            for r in imm.get("state_positions", [])
            if r["id"] in by_id
        ]
        sec.bullets(contrary, heading=L._("Contrary positions on record"))
        if contested:
            sec.note(
                Line(
                    L._(
                        "Contested: whether the personal immunity of a sitting %(role)s of a "
                        "non-party state bars %(state)s from arresting and surrendering "
                        "%(person)s. Warrant Watch sets the question out and does not decide it.",
                        role=role,
                        **self.f,
                        person=self.who,
                    ),
                    flag="contested",
                )
            )
        self._add_quotes(sec, IMMUNITY_REFS)
        return sec

    def _authority(self, auth: Any, summary: bool = True) -> Line:
        """A ruling or position: body, date and title; in English, its summary's first sentence.

        The summaries in the data are English prose, so a French briefing shows the
        document's title only: its French title where the Court published one (that page is
        cited too), else its own English title marked as the original.
        """
        L = self.L
        title = document_title(L.code, auth.id, auth.title)
        head = L._(
            "%(body)s, %(date)s: %(title)s",
            body=L.body(auth.body),
            date=L.date(auth.date),
            title=L.quote(title.text),
        )
        if not title.translated:
            head += " " + L._("(original title, in English)")
        text = head + (f". {first_sentence(auth.summary)}" if summary and L.code == "en" else ".")
        return Line(
            text,
            self.c.cite(auth.fact.sources, title.sources),
            None if auth.fact.verified else "unverified",
        )

    def contacts(self) -> Section:
        """The States Parties whose officials met, called or appeared with the person since
        the warrant (each State Party on the day of the contact)."""
        from warrantwatch.reports.contacts import contacts_section, party_contacts

        L, a = self.L, self.a
        return contacts_section(
            self.world,
            party_contacts(self.world, a.person.id, a.on),
            L,
            self.c,
            L._("States Parties whose officials met %(person)s since the warrant", person=self.who),
            by_state=False,
        )

    def precedents(self) -> Section:
        L, a = self.L, self.a
        sec = Section("precedents", L._("Precedents"))
        groups: dict[str, list[Line]] = {"same_person": [], "same_state": [], "finding": []}
        for p in a.precedents:
            groups[p["kind"]].append(self._precedent(p))
        sec.bullets(
            groups["same_person"],
            heading=L._("Earlier trips of %(person)s", person=self.who),
        )
        sec.bullets(
            groups["same_state"],
            heading=L._(
                "Visits to %(state)s by other persons subject to ICC warrants",
                **self.f,
            ),
        )
        sec.bullets(
            groups["finding"],
            heading=L._("Non-compliance findings concerning %(state)s", state=self.host.subject),
        )
        if not any(groups.values()):
            sec.para(Line(L._("No earlier trip or finding bearing on this visit is on record.")))
        self._add_quotes(sec, PRECEDENT_REFS)
        return sec

    def _precedent(self, p: dict[str, Any]) -> Line:
        L, world = self.L, self.world
        person = world.persons.get(p["person"]["id"])
        who = person_name(L, person) if person else p["person"]["name"]
        host = L.country(p["state"]["iso2"], p["state"]["name"])
        srcs: list[list[SourceRef]] = []
        f = p.get("finding")
        if f:
            rec = next((x for x in world.findings if x.id == f["id"]), None)
            if rec:
                srcs.append(list(rec.fact.sources))
        if p["kind"] == "finding":
            text = ph.finding_sentence(L, f, host, who)
            return Line(text, self.c.cite(*srcs), None if p.get("verified", True) else "unverified")
        trip = world.trip(p["trip_id"])
        if trip:
            srcs.insert(0, list(trip.fact.sources))
        when = L.trip_date(
            dt.date.fromisoformat(p["start"]),
            dt.date.fromisoformat(p["end"]) if p.get("end") else None,
            p.get("precision", "day"),
        )
        where = host.name + (f" ({p['place']})" if p.get("place") else "")
        then = (
            L._("a State Party at the time")
            if p["host_status_then"] == "party"
            else L._("not a State Party at the time")
        )
        text = L._(
            "%(when)s: %(person)s in %(where)s, %(then)s: %(outcome)s.",
            when=ph.capfirst(when),
            person=who,
            where=where,
            in_where=host.in_ + (f" ({p['place']})" if p.get("place") else ""),
            then=then,
            outcome=ph.outcome(L, p["outcome"]),
        )
        if p.get("this_visit"):
            text = text[:-1] + " " + L._("(the visit this briefing is about).")
        if f:
            text += " " + ph.finding_sentence(L, f, host, who)
        return Line(text, self.c.cite(*srcs), None if p.get("verified", True) else "unverified")

    def expected(self) -> Section | None:
        L, a = self.L, self.a
        if not a.expected_conduct:
            return None
        sec = Section(
            "expected",
            L._(
                "What %(state)s and other States Parties are expected to do",
                **self.f,
            ),
        )
        by_id = {x.id: x for x in self.world.authorities}
        lines = []
        for e in a.expected_conduct:
            if e["conduct"] == "arrest_and_surrender":
                lines.append(
                    Line(
                        L._(
                            "%(state)s: arrest and surrender %(person)s to the Court if found on "
                            "its territory; consult the Court without delay about any problem "
                            "that may impede execution (art. 97).",
                            **{**self.f, "state": ph.capfirst(self.host.subject)},
                            person=self.who,
                        ),
                        self.c.cite(treaty_sources(a), [STATUTE_SOURCE]),
                    )
                )
            elif e["conduct"] == "avoid_non_essential_contact":
                auth = by_id.get(e.get("authority", ""))
                if auth is None:
                    continue
                title = document_title(L.code, auth.id, auth.title)
                lines.append(
                    Line(
                        L._(
                            "All States Parties: avoid non-essential contact with persons subject "
                            "to an ICC arrest warrant, as %(body)s urged on %(date)s "
                            "(%(title)s).",
                            body=L.the_body(auth.body),
                            date=L.date(auth.date),
                            title=L.quote(title.text),
                        ),
                        self.c.cite(auth.fact.sources, title.sources),
                        None if auth.fact.verified else "unverified",
                    )
                )
        sec.bullets(lines)
        return sec

    def bound_map(self) -> Section:
        L, a = self.L, self.a
        bound = bound_states(self.world, a.person, a.on)
        sec = Section(
            "map",
            L._(
                "States bound to arrest %(person)s on %(date)s", person=self.who, date=L.date(a.on)
            ),
        )
        title = sec.title
        svg = bound_map_svg(self.world, bound, a.state.iso2, L, title)
        srcs = [*treaty_sources(a), *common_sources(self.world, bound)]
        n = len(bound)
        caption = Line(
            L.ngettext(
                "%(num)s state would be bound on that date, each on the basis shown; derived by "
                "Warrant Watch from each state's treaty record and the situation's referral.",
                "%(num)s states would be bound on that date, each on the basis shown; derived by "
                "Warrant Watch from each state's treaty record and the situation's referral.",
                n,
            ),
            self.c.cite(srcs),
        )
        sec.blocks.append(
            Block(
                "figure",
                figure=Figure(svg, caption, map_legend(L, bound), alt=title),
            )
        )
        names = collated((L.country(i, self.world.state_name(i)).name for i in bound), L.code)
        if names:
            sec.blocks.append(
                Block("note", lines=[Line(L._("Bound states: %(list)s.", list=", ".join(names)))])
            )
        return sec

    def timeline(self) -> Section:
        L, a = self.L, self.a
        sec = Section("timeline", L._("Trips of %(person)s since the warrant", person=self.who))
        this_id = self.trip.id if self.trip else None
        marks = trip_marks(self.world, a.person, a.on, this_id, L)
        warrants = [
            (w.issued, L._("warrant %(date)s", date=L.short_month(w.issued)))
            for w in a.person.warrants
            if w.issued <= a.on
        ]
        findings = [
            (f.decision_date, f"{f.state} · 87(7)")
            for f in self.world.findings
            if f.person == a.person.id and f.decision_date <= a.on
        ]
        title = sec.title
        svg = timeline_svg(marks, warrants, findings, L, title)
        trips = [t for t in self.world.trips_of(a.person.id) if t.start <= a.on or t.id == this_id]
        caption = Line(
            L.ngettext(
                "%(num)s trip on record up to this visit.",
                "%(num)s trips on record up to this visit.",
                len(trips),
            ),
            self.c.cite(*(t.fact.sources for t in trips if t.id == this_id or self._bound_then(t))),
        )
        sec.blocks.append(
            Block(
                "figure",
                figure=Figure(
                    svg,
                    caption,
                    timeline_legend(L, marks, bool(warrants), bool(findings)),
                    alt=title,
                ),
            )
        )
        return sec

    def _bound_then(self, t: TripRec) -> bool:
        host = self.world.states.get(t.destination)
        return host is not None and status_on(host, t.start).status == "party"

    def caveats(self) -> Section | None:
        L, a = self.L, self.a
        lines = []
        for wd in a.warrant_duties:
            if not wd.warrant.fact.verified:
                lines.append(
                    Line(
                        L._("Some details of a warrant are unverified (low confidence)."),
                        self.c.cite(wd.warrant.fact.sources),
                        "unverified",
                    )
                )
        for act in a.treaty.actions:
            if not act.fact.verified:
                lines.append(
                    Line(
                        L._(
                            "The treaty action of %(date)s (%(type)s) is unverified: no retrieved "
                            "page confirmed it.",
                            date=L.date(act.date),
                            type=L._(ph.ACTION_WORDS.get(act.type, act.type)),
                        ),
                        self.c.cite(act.fact.sources),
                        "unverified",
                    )
                )
        if a.treaty.withdrawal_announced and not a.treaty.withdrawal_notified:
            lines.append(
                Line(
                    L._(
                        "A withdrawal was announced on %(date)s but no notification to the UN "
                        "Secretary-General is on record: under art. 127(1) only a notification "
                        "starts the one-year period.",
                        date=L.date(a.treaty.withdrawal_announced),
                    ),
                    self.c.cite(treaty_sources(a), [STATUTE_SOURCE]),
                )
            )
        if a.on > self.today:
            lines.append(
                Line(
                    L._(
                        "%(date)s is in the future: this briefing rests on the record as of "
                        "%(today)s; treaty actions, warrants and custody may change before then.",
                        date=ph.capfirst(L.date(a.on)),
                        today=L.date(self.today),
                    )
                )
            )
        if self.trip is not None and not self.trip.fact.verified:
            lines.append(
                Line(
                    L._("The report of this visit is unverified."),
                    self.c.cite(self.trip.fact.sources),
                    "unverified",
                )
            )
        if not lines:
            return None
        sec = Section("caveats", L._("Caveats"))
        sec.bullets(lines)
        return sec

    def build(self) -> Briefing:
        L, a = self.L, self.a
        summary, verdict = self.summary()
        sections = [
            self.duties(),
            self.warrants(),
            self.immunity(),
            self.precedents(),
            self.contacts(),
            self.expected(),
            self.caveats(),
            self.bound_map(),
            self.timeline(),
        ]
        title = L._(
            "%(person)s in %(state)s: the duty to arrest",
            person=self.who,
            **self.f,
        )
        return Briefing(
            kind="visit",
            lang=L.code,
            title=title,
            subtitle=L._(
                "Briefing for %(date)s, prepared by Warrant Watch from its sourced record. "
                "Numbers in brackets refer to the sources listed at the end.",
                date=L.date(a.on),
            ),
            summary=summary,
            verdict=verdict,
            sections=[s for s in sections if s is not None],
            sources=self.c.sources,
            generated=self.today,
            as_of=a.on,
        )


def visit_briefing(
    world: World,
    person: PersonRec,
    state: StateRec,
    on: dt.date,
    lang: str = "en",
    today: dt.date | None = None,
) -> Briefing:
    """The briefing a coalition would publish before ``person`` visits ``state`` on ``on``."""
    today = today or dt.date.today()
    a = assess(world, person, state, on, today=today)
    return VisitBuilder(world, a, Lang(lang), today).build()
