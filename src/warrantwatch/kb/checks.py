"""``warrantwatch data check``: what the schema alone cannot see.

Shapes are checked by the pydantic models as the files are read. This module checks
the rest: that every cited source exists, that records point at records that exist,
that dates follow the law's logic (a warrant is not executed before it is issued; a
withdrawal is notified after a deposit and revoked before it takes effect), and that
the tables are complete (every UN member state is there). Like zavod's assertions,
a failed check fails the build.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from warrantwatch.kb.files import DataFiles, DataProblem
from warrantwatch.kb.schema import DEPOSIT_TYPES, Official, Person, Source, Sourced
from warrantwatch.law.treaty_status import in_force_from, withdrawal_effective

EXECUTING = frozenset({"arrested", "surrendered", "appeared"})


#: The facts whose sources a legal adviser asks about first (issue 11's targets).
KEY_FACTS = ("warrants", "custody events", "findings", "treaty actions")


@dataclass
class SourceQuality:
    """How well the facts are sourced: the figures ``data check --warnings`` prints."""

    #: kind of fact -> (facts with a tier 1-3 source, all facts of that kind)
    strong: dict[str, tuple[int, int]] = field(default_factory=dict)
    #: of the strong ones, how many have their tier 1-3 source only as a cited-through document
    cited_through: dict[str, int] = field(default_factory=dict)
    tier6_only: int = 0
    placeholder_titles: int = 0
    invalid_urls: int = 0
    tiers: Counter[int] = field(default_factory=Counter)
    latest_fact: dt.date | None = None

    def share(self, kind: str) -> float:
        good, total = self.strong.get(kind, (0, 0))
        return good / total if total else 1.0

    def overall(self) -> tuple[int, int]:
        return (
            sum(self.strong.get(k, (0, 0))[0] for k in KEY_FACTS),
            sum(self.strong.get(k, (0, 0))[1] for k in KEY_FACTS),
        )

    def lines(self) -> list[str]:
        """The figures as lines a person reads (and the README quotes)."""
        out = []
        good, total = self.overall()
        if total:
            out.append(
                f"tier 1-3 source (directly or cited through): {good} of {total} key facts "
                f"({100 * good / total:.0f}%)"
            )
        for kind in KEY_FACTS:
            g, t = self.strong.get(kind, (0, 0))
            if t:
                via = self.cited_through.get(kind, 0)
                extra = f", {via} of them only through a cited-through document" if via else ""
                out.append(f"  {kind}: {g} of {t} ({100 * g / t:.0f}%){extra}")
        out.append(f"facts resting only on tier 6 sources: {self.tier6_only}")
        out.append(f"sources without a real title: {self.placeholder_titles}")
        out.append(f"invalid addresses: {self.invalid_urls}")
        out.append(
            "sources by tier: " + ", ".join(f"{t}: {self.tiers.get(t, 0)}" for t in range(1, 7))
        )
        if self.latest_fact:
            out.append(f"latest dated fact in the data files: {self.latest_fact.isoformat()}")
        return out


@dataclass
class CheckReport:
    errors: list[DataProblem] = field(default_factory=list)
    warnings: list[DataProblem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    quality: SourceQuality = field(default_factory=SourceQuality)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Checker:
    def __init__(self, files: DataFiles) -> None:
        self.f = files
        self.report = CheckReport(errors=list(files.problems))
        self.used: dict[str, set[str]] = {}
        #: every sourced fact: (kind, file, where, its source keys, the file's map, its date)
        self.facts: list[tuple[str, str, str, list[str], dict[str, Source], dt.date | None]] = []

    def err(self, file: str, where: str, msg: str) -> None:
        self.report.errors.append(DataProblem(file, where, msg))

    def warn(self, file: str, where: str, msg: str) -> None:
        self.report.warnings.append(DataProblem(file, where, msg))

    def cite(self, file: str, where: str, keys: Iterable[str], smap: dict[str, Source]) -> None:
        used = self.used.setdefault(file, set())
        for k in keys:
            used.add(k)
            if k not in smap:
                self.err(file, where, f"cites unknown source {k!r}")

    def fact(
        self,
        file: str,
        where: str,
        fact: Sourced,
        smap: dict[str, Source],
        kind: str = "other",
        when: dt.date | None = None,
    ) -> None:
        self.cite(file, where, fact.sources, smap)
        self.facts.append((kind, file, where, list(fact.sources), smap, when))
        if fact.confidence == "low":
            self.report.counts["unverified"] = self.report.counts.get("unverified", 0) + 1

    # --- states ---------------------------------------------------------------
    def states(self) -> set[str]:
        sf = self.f.states
        if sf is None:
            return set()
        file = "states.yaml"
        iso2 = Counter(s.iso2 for s in sf.states)
        iso3 = Counter(s.iso3 for s in sf.states)
        for code, n in (iso2 + iso3).items():
            if n > 1:
                self.err(file, code, "state code used more than once")
        status = Counter(s.un_status for s in sf.states)
        want = self.f.assertions
        if status["member"] < want.min_un_members:
            self.err(
                file, "states", f"{status['member']} UN members, expected {want.min_un_members}"
            )
        if status["observer"] < want.min_observers:
            self.err(
                file,
                "states",
                f"{status['observer']} observer states, expected {want.min_observers}",
            )
        for code in want.required_states:
            if code not in iso2:
                self.err(file, "states", f"{code} is missing")
        for st in sf.states:
            self.cite(file, st.iso2, st.sources, sf.sources)
            self._actions(file, st.iso2, st.actions, sf.sources)
            for i, dec in enumerate(st.declarations):
                self.fact(file, f"{st.iso2}.declarations[{i}]", dec, sf.sources)
                if dec.lodged < dt.date(2002, 7, 1):
                    self.err(
                        file,
                        f"{st.iso2}.declarations[{i}]",
                        "lodged before the Statute entered into force (1 July 2002)",
                    )
        self.report.counts["states"] = len(sf.states)
        return set(iso2)

    def _actions(self, file: str, iso2: str, actions: Iterable, smap: dict[str, Source]) -> None:  # type: ignore[type-arg]
        seen: list = []  # type: ignore[type-arg]
        for i, act in enumerate(sorted(actions, key=lambda a: a.date)):
            where = f"{iso2}.actions[{i}] ({act.type} {act.date})"
            self.fact(file, where, act, smap, "treaty actions", act.date)
            if act.date < dt.date(1998, 7, 17):
                self.err(file, where, "before the Statute was adopted (17 July 1998)")
            deposits = [a for a in seen if a.type in DEPOSIT_TYPES]
            if act.type == "signature_withdrawn" and not any(a.type == "signature" for a in seen):
                self.err(file, where, "signature withdrawn but no earlier signature")
            if act.type in DEPOSIT_TYPES and deposits:
                last = deposits[-1]
                left = any(
                    a.type in ("withdrawal_notified", "instrument_withdrawn") and a.date > last.date
                    for a in seen
                )
                if not left:
                    self.err(file, where, "second deposit with no withdrawal in between")
            if act.type in ("withdrawal_notified", "instrument_withdrawn") and not deposits:
                self.err(file, where, f"{act.type} with no earlier deposit")
            in_force = in_force_from(deposits[-1]) if deposits else None
            if act.type == "instrument_withdrawn" and in_force and act.date >= in_force:
                self.err(
                    file,
                    where,
                    "instrument withdrawn after it entered into force: "
                    "that is a withdrawal under art. 127, not an instrument withdrawal",
                )
            if act.type == "withdrawal_notified" and in_force and act.date < in_force:
                self.warn(file, where, "withdrawal notified before entry into force")
            if act.type == "withdrawal_revoked":
                notes = [a for a in seen if a.type == "withdrawal_notified"]
                if not notes:
                    self.err(file, where, "withdrawal revoked but none was notified")
                elif act.date >= withdrawal_effective(notes[-1].date, notes[-1].later_date):
                    self.err(file, where, "revoked after the withdrawal had taken effect")
            seen.append(act)

    # --- situations -------------------------------------------------------------
    def situations(self, states: set[str]) -> set[str]:
        sf = self.f.situations
        if sf is None:
            return set()
        file = "situations.yaml"
        ids = Counter(s.id for s in sf.situations)
        for sid, n in ids.items():
            if n > 1:
                self.err(file, sid, "situation id used more than once")
        for s in sf.situations:
            self.fact(file, s.id, s, sf.sources)
            for field_name in ("territory", "referring_states", "unsc_bound_states"):
                for code in getattr(s, field_name):
                    if code not in states:
                        self.err(file, f"{s.id}.{field_name}", f"unknown state {code}")
        self.report.counts["situations"] = len(sf.situations)
        return set(ids)

    # --- persons ----------------------------------------------------------------
    def persons(self, states: set[str], situations: set[str]) -> None:
        warrant_ids: Counter[str] = Counter()
        for file, p in self.f.persons.values():
            smap = p.sources
            self.cite(file, "identity_sources", p.identity_sources, smap)
            if not p.identity_sources:
                self.warn(file, "identity_sources", "no source for name/birth date/Wikidata id")
            for code in p.nationality:
                if code not in states:
                    self.err(file, "nationality", f"unknown state {code}")
            for i, pos in enumerate(p.positions):
                where = f"positions[{i}] ({pos.title})"
                self.fact(file, where, pos, smap, "positions", pos.start)
                if pos.state and pos.state not in states:
                    self.err(file, where, f"unknown state {pos.state}")
                if pos.start and pos.end and pos.end < pos.start:
                    self.err(file, where, "ends before it starts")
            issued: dict[str, dt.date] = {}
            for w in p.warrants:
                warrant_ids[w.id] += 1
                issued[w.id] = w.issued
                self.fact(
                    file, f"warrants ({w.id})", w, smap, "warrants", w.made_public or w.issued
                )
                if w.situation not in situations:
                    self.err(file, f"warrants ({w.id})", f"unknown situation {w.situation!r}")
                if not w.id.startswith(p.id):
                    self.err(file, f"warrants ({w.id})", f"warrant id must start with {p.id}")
            first = min(issued.values()) if issued else None
            for i, ev in enumerate(p.custody):
                where = f"custody[{i}] ({ev.status} {ev.date})"
                self.fact(file, where, ev, smap, "custody events", ev.date)
                if ev.warrant is not None and ev.warrant not in issued:
                    self.err(file, where, f"unknown warrant {ev.warrant!r}")
                ref = issued.get(ev.warrant) if ev.warrant else first
                if ref and ev.status in EXECUTING and ev.date < ref:
                    self.err(file, where, f"warrant executed before it was issued ({ref})")
                if ev.status == "at_large" and ref and ev.date < ref:
                    self.err(file, where, f"at large on a warrant before it was issued ({ref})")
        for wid, n in warrant_ids.items():
            if n > 1:
                self.err("persons/", wid, "warrant id used more than once")
        self.report.counts["persons"] = len(self.f.persons)
        self.report.counts["warrants"] = sum(warrant_ids.values())
        if len(self.f.persons) < self.f.assertions.min_persons:
            self.err(
                "persons/",
                "(folder)",
                f"{len(self.f.persons)} persons, expected at least {self.f.assertions.min_persons}",
            )

    # --- records ----------------------------------------------------------------
    def records(self, states: set[str]) -> None:
        persons = {pid: p for pid, (_, p) in self.f.persons.items()}
        trip_ids: dict[str, dt.date] = {}
        ids: Counter[str] = Counter()
        for file, rec in self.f.records.items():
            for t in rec.trips:
                ids[t.id] += 1
                trip_ids[t.id] = t.start
                where = f"trips ({t.id})"
                self.fact(file, where, t, rec.sources, "trips", t.start)
                if t.destination not in states:
                    self.err(file, where, f"unknown state {t.destination}")
                person = persons.get(t.person)
                if person is None:
                    self.err(file, where, f"unknown person {t.person!r}")
                elif t.start < min(w.issued for w in person.warrants) and t.precision == "day":
                    self.err(file, where, "trip before the person's first warrant was issued")
        for file, rec in self.f.records.items():
            for f in rec.findings:
                ids[f.id] += 1
                where = f"findings ({f.id})"
                self.fact(file, where, f, rec.sources, "findings", f.decision_date)
                if f.state not in states:
                    self.err(file, where, f"unknown state {f.state}")
                if f.person not in persons:
                    self.err(file, where, f"unknown person {f.person!r}")
                if f.trip is not None:
                    if f.trip not in trip_ids:
                        self.err(file, where, f"unknown trip {f.trip!r}")
                    elif f.decision_date < trip_ids[f.trip]:
                        self.err(file, where, "decision before the trip it concerns")
            for a in rec.authorities:
                ids[a.id] += 1
                self.fact(file, f"authorities ({a.id})", a, rec.sources)
        for rid, n in ids.items():
            if n > 1:
                self.err("records/", rid, "id used more than once")
        self.report.counts["trips"] = sum(len(r.trips) for r in self.f.records.values())
        self.report.counts["findings"] = sum(len(r.findings) for r in self.f.records.values())
        for kind, minimum in (
            ("trips", self.f.assertions.min_trips),
            ("findings", self.f.assertions.min_findings),
        ):
            if self.report.counts[kind] < minimum:
                self.err(
                    "records/",
                    kind,
                    f"{self.report.counts[kind]} {kind}, expected at least {minimum}",
                )
        self.report.counts["authorities"] = sum(len(r.authorities) for r in self.f.records.values())
        self._officials_and_contacts(states, persons)

    def _officials_and_contacts(self, states: set[str], persons: dict[str, Person]) -> None:
        """Officials' terms and the contacts that cite them; how many States Parties lack a
        current holder of each office (a completeness count, not an error)."""
        officials: dict[str, Official] = {}
        for file, rec in self.f.records.items():
            for o in rec.officials:
                where = f"officials ({o.id})"
                if o.id in officials:
                    self.err(file, where, "id used more than once")
                officials[o.id] = o
                self.fact(file, where, o, rec.sources)
                if o.state not in states:
                    self.err(file, where, f"unknown state {o.state}")
        ids: Counter[str] = Counter()
        for file, rec in self.f.records.items():
            for c in rec.contacts:
                ids[c.id] += 1
                where = f"contacts ({c.id})"
                self.fact(file, where, c, rec.sources)
                for iso in (c.state, c.place_state):
                    if iso is not None and iso not in states:
                        self.err(file, where, f"unknown state {iso}")
                person = persons.get(c.person)
                if person is None:
                    self.err(file, where, f"unknown person {c.person!r}")
                elif c.date < min(w.issued for w in person.warrants):
                    self.err(file, where, "contact before the person's first warrant was issued")
                if c.official is not None:
                    o = officials.get(c.official)
                    if o is None:
                        self.err(file, where, f"unknown official {c.official!r}")
                    elif o.state != c.state or not o.holds(c.office):
                        self.err(file, where, f"official {o.id!r} is not {c.state}'s {c.office}")
                    elif c.precision == "day" and not (
                        o.start <= c.date and (o.end is None or c.date <= o.end)
                    ):
                        self.err(file, where, f"{o.id!r} was not in office on {c.date}")
        for rid, n in ids.items():
            if n > 1:
                self.err("records/", rid, "id used more than once")
        self.report.counts["officials"] = len(officials)
        self.report.counts["contacts"] = sum(len(r.contacts) for r in self.f.records.values())
        parties = self._parties_today()
        current = {(o.state, o.office) for o in officials.values() if o.end is None}
        # a head of state who also heads the government holds both offices
        current |= {
            (o.state, "head_of_government")
            for o in officials.values()
            if o.end is None and o.heads_government
        }
        for office in ("head_of_state", "head_of_government", "foreign_minister"):
            lacking = sorted(iso for iso in parties if (iso, office) not in current)
            label = f"States Parties without a current {office.replace('_', ' ')}"
            self.report.counts[label] = len(lacking)
            if lacking:
                self.warn("records/", label, ", ".join(lacking))

    def _parties_today(self) -> set[str]:
        """The States Parties on today's date, by the engine's reading of states.yaml."""
        from warrantwatch.law.records import StateRec, TreatyActionRec
        from warrantwatch.law.treaty_status import status_on

        sf = self.f.states
        if sf is None:
            return set()
        today = dt.date.today()
        out: set[str] = set()
        for st in sf.states:
            rec = StateRec(
                iso2=st.iso2,
                iso3=st.iso3,
                name=st.name,
                un_status=st.un_status,
                actions=tuple(
                    TreatyActionRec(a.type, a.date, a.later_date, effective_from=a.effective_from)
                    for a in st.actions
                ),
            )
            if status_on(rec, today).status == "party":
                out.add(st.iso2)
        return out

    def unused_sources(self) -> None:
        for file, smap in self.f.source_maps():
            for key in sorted(set(smap) - self.used.get(file, set())):
                self.warn(file, f"sources.{key}", "source is never cited")

    def sources_quality(self) -> None:
        """Cited-through links, addresses, titles and tiers (issue 11): the figures, and a
        warning for each source or fact a reviewer should improve."""
        from warrantwatch.kb.tiers import TierRulesError, rules_for
        from warrantwatch.kb.urls import address_problem

        try:
            rules = rules_for(self.f.root)
        except TierRulesError as exc:
            self.err("sources/tiers.yaml", "(file)", str(exc))
            return
        q = self.report.quality
        tier: dict[tuple[str, str], int] = {}
        for file, smap in self.f.source_maps():
            for key, src in smap.items():
                where = f"sources.{key}"
                if src.via is not None:
                    parent = smap.get(src.via)
                    if parent is None:
                        self.err(file, where, f"cited through unknown source {src.via!r}")
                    elif src.via == key:
                        self.err(file, where, "cited through itself")
                    elif parent.via is not None:
                        self.err(file, where, f"cited through {src.via!r}, itself cited through")
                    else:
                        self.used.setdefault(file, set()).add(src.via)
                if problem := address_problem(src.url):
                    q.invalid_urls += 1
                    self.warn(file, where, f"invalid address ({problem}): {src.url!r}")
                if rules.is_placeholder(src.title):
                    q.placeholder_titles += 1
                    self.warn(file, where, f"no real title: {src.title[:60]!r}")
                tier[(file, key)] = t = rules.tier(src.url, src.publisher)
                q.tiers[t] += 1
        today = dt.date.today()
        strong: dict[str, list[int]] = {}
        for kind, file, where, keys, smap, when in self.facts:
            tiers = {k: tier[(file, k)] for k in keys if (file, k) in tier}
            if (
                when is not None
                and when <= today
                and (q.latest_fact is None or when > q.latest_fact)
            ):
                q.latest_fact = when
            if not tiers:
                continue
            best = min(tiers.values())
            if best >= 6:
                q.tier6_only += 1
                self.warn(
                    file, where, "rests only on tier 6 sources (other pages, mirrors, copies)"
                )
            if kind in KEY_FACTS:
                row = strong.setdefault(kind, [0, 0])
                row[1] += 1
                if best <= 3:
                    row[0] += 1
                    if all(smap[k].via for k, t in tiers.items() if t <= 3):
                        q.cited_through[kind] = q.cited_through.get(kind, 0) + 1
        q.strong = {k: (v[0], v[1]) for k, v in strong.items()}

    def run(self) -> CheckReport:
        states = self.states()
        situations = self.situations(states)
        self.persons(states, situations)
        self.records(states)
        self.sources_quality()
        self.unused_sources()
        self.report.counts["sources"] = sum(len(m) for _, m in self.f.source_maps())
        return self.report


def check(files: DataFiles) -> CheckReport:
    """Every problem in ``files``; ``report.ok`` is false when any error was found."""
    return _Checker(files).run()
