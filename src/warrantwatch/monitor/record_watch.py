"""Watchers of the record: the Court's publications and the depositary's notifications.

The news monitor looks for trips; these watchers look for changes to the record itself:
a warrant made public, an arrest or surrender, a death (the Court's press releases and
pages), an accession, a withdrawal or its revocation (the UN Secretary-General's
depositary notifications on the Rome Statute). What they find goes into the review queue
as a proposal with its source (``kb_proposals``); only an editor's acceptance turns it into
a change of the record (:func:`warrantwatch.kb.edits.record`, audited like any other).

What is watched and the wording that makes a proposal are data
(``data/sources/watchers.yaml``). Fetching goes through the monitor's guarded fetcher;
each round records when every watched source was last checked, which the site and
``data check`` show.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from warrantwatch.kb.paths import bundled_data_dir
from warrantwatch.kb.tables import KbProposal, Meta
from warrantwatch.law.world import World

WATCHERS_FILE = Path("sources") / "watchers.yaml"
CN_SYMBOL = re.compile(r"C\.N\.\d+\.\d{4}\.TREATIES-XVIII\.10(?![\d.])")
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
#: English month names from CLDR (the Court's and the depositary's pages are in English)
_MONTHS = {name.lower(): num for num, name in Locale("en").months["format"]["wide"].items()}
_LONG_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})\b", re.I)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Watched(_Strict):
    id: str
    name: str
    kind: str = Field(pattern="^(court_feed|court_page|depositary)$")
    url: str | None = None
    publisher: str
    note: str | None = None


class Signal(_Strict):
    proposes: str = Field(pattern="^(custody|warrant)$")
    status: str | None = None
    patterns: list[str] = Field(min_length=1)


class WatchersFile(_Strict):
    watched: list[Watched]
    court_signals: list[Signal] = Field(default_factory=list)
    depositary_actions: dict[str, str] = Field(default_factory=dict)


def read_watchers(data_dir: Path | None = None) -> WatchersFile:
    """The watched sources and their wording (the data directory's file, else the bundled)."""
    path = (data_dir or bundled_data_dir()) / WATCHERS_FILE
    if not path.is_file():
        path = bundled_data_dir() / WATCHERS_FILE
    return WatchersFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass
class Proposal:
    """One change a watcher proposes: the fact's fields so far, and the page they rest on."""

    watcher: str
    kind: str
    summary: str
    values: dict[str, Any]
    source: dict[str, Any]
    note: str | None = None

    @property
    def fingerprint(self) -> str:
        key = [self.watcher, self.kind, self.source.get("url"), sorted(self.values.items())]
        return hashlib.sha256(json.dumps(key, default=str).encode()).hexdigest()


@dataclass
class Item:
    """One entry read from a watched source: its title, address, date and text."""

    title: str
    url: str
    date: dt.date | None
    text: str = ""


# ------------------------------------------------------------------ reading


def _plain(html: str) -> str:
    from lxml import html as lh

    try:
        return " ".join(lh.fromstring(html).text_content().split())
    except Exception:  # an empty or broken fragment: its text is all there is
        return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def court_feed_items(body: bytes) -> list[Item]:
    """Items of an RSS or Atom feed (the Court's is RSS 2.0)."""
    import feedparser

    parsed = feedparser.parse(body)
    out = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        out.append(
            Item(
                title=" ".join(str(e.get("title", "")).split()),
                url=str(e.get("link", "")),
                date=dt.date(*when[:3]) if when else None,
                text=_plain(str(e.get("summary", ""))),
            )
        )
    return out


def _first_date(text: str) -> dt.date | None:
    if m := _ISO_DATE.search(text):
        try:
            return dt.date.fromisoformat(m.group(1))
        except ValueError:
            return None
    if m := _LONG_DATE.search(text):
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    return None


def court_page_items(body: bytes, url: str) -> list[Item]:
    """A press release or case page: its heading, its text and the first date it shows."""
    from lxml import html as lh

    doc = lh.fromstring(body)
    heading = doc.xpath("string(//h1)") or doc.xpath("string(//title)")
    body_el = doc.find(".//body")
    parts = (body_el if body_el is not None else doc).itertext()
    text = " ".join(" ".join(parts).split())  # blocks apart, not run together
    return [Item(title=" ".join(heading.split()), url=url, date=_first_date(text), text=text)]


def depositary_items(body: bytes, url: str) -> list[Item]:
    """Notifications listed on a page: each row (table row, list item or paragraph) naming a
    Rome Statute symbol ``C.N.<n>.<year>.TREATIES-XVIII.10``, with its title and link."""
    from urllib.parse import urljoin

    from lxml import html as lh

    doc = lh.fromstring(body)
    out: list[Item] = []
    seen: set[str] = set()
    for row in doc.iter("tr", "li", "p", "div"):
        text = " ".join(" ".join(row.itertext()).split())  # cells apart, not run together
        symbols = CN_SYMBOL.findall(text)
        if len(symbols) != 1 or symbols[0] in seen:
            continue  # a container of several rows, or one already read
        seen.add(symbols[0])
        links = [a.get("href") for a in row.iter("a") if a.get("href")]
        out.append(
            Item(
                title=f"{symbols[0]}: {text.split(symbols[0], 1)[1].strip(' :-–')}",
                url=urljoin(url, links[0]) if links else url,
                date=_first_date(text),
                text=text,
            )
        )
    return out


# ------------------------------------------------------------------ proposing


def _persons_named(world: World, text: str) -> list[str]:
    low = text.casefold()
    found = []
    for p in world.persons.values():
        names = {p.name, *(n.name for n in p.names if n.kind == "full")}
        if any(len(n) > 5 and n.casefold() in low for n in names):
            found.append(p.id)
    return found


def court_proposals(
    world: World, watched: Watched, signals: Iterable[Signal], items: Iterable[Item]
) -> list[Proposal]:
    """What the Court's items say changed: a warrant public, an arrest, a surrender, a death."""
    out = []
    compiled = [(s, [re.compile(p, re.I) for p in s.patterns]) for s in signals]
    for item in items:
        words = f"{item.title} {item.text}"
        signal = next((s for s, rxs in compiled if any(rx.search(words) for rx in rxs)), None)
        if signal is None:
            continue
        source = {"url": item.url, "publisher": watched.publisher, "title": item.title}
        if item.date:
            source["date"] = item.date.isoformat()
        else:
            source["accessed"] = dt.date.today().isoformat()
        persons = _persons_named(world, words) or [None]
        for pid in persons:
            values: dict[str, Any] = {"person": pid} if pid else {}
            if signal.proposes == "custody":
                values.update(status=signal.status)
                if item.date:
                    values["date"] = item.date.isoformat()
                what = f"{signal.status}: {pid or 'a person not in the record'}"
                note = "Date proposed is the publication's; give the event's date if it differs."
            else:
                if item.date:
                    values["made_public"] = item.date.isoformat()
                what = f"warrant or summons made public: {pid or 'a person not in the record'}"
                note = (
                    "Complete the warrant's id, situation, date of issue and charges "
                    "from the source."
                )
            if pid is None:
                note += " No person on record is named: add the person to the data files first."
            out.append(Proposal(watched.id, signal.proposes, f"{what} ({item.title})", values,
                                source, note))  # fmt: skip
    return out


def depositary_proposals(
    world: World,
    watched: Watched,
    actions: dict[str, str],
    items: Iterable[Item],
    state_of: Callable[[str], str | None],
) -> list[Proposal]:
    """Treaty actions the depositary notified: an accession, a withdrawal, a revocation."""
    out = []
    ordered = sorted(actions.items(), key=lambda kv: len(kv[0]), reverse=True)
    for item in items:
        symbol = CN_SYMBOL.search(item.title)
        head = item.title.split(":", 1)[1] if ":" in item.title else item.title
        m = re.match(r"\s*([^:]+?)\s*:\s*(.+)$", head)
        if symbol is None or m is None:
            continue
        state_name, action_text = m.group(1), m.group(2).upper()
        action = next((t for words, t in ordered if action_text.startswith(words)), None)
        if action is None:
            continue
        iso2 = state_of(state_name)
        values: dict[str, Any] = {"state": iso2, "type": action} if iso2 else {"type": action}
        if item.date:
            values["date"] = item.date.isoformat()
        source = {
            "url": item.url,
            "publisher": watched.publisher,
            "title": f"{state_name}: {m.group(2)}".strip(),
            "symbol": symbol.group(),
        }
        if item.date:
            source["date"] = item.date.isoformat()
        else:
            source["accessed"] = dt.date.today().isoformat()
        note = (
            "Date proposed is the notification's as listed; the date the instrument was "
            "deposited or the notification received is in its text: check it."
        )
        if iso2 is None:
            note += f" State {state_name!r} not recognised: give its ISO code."
        out.append(Proposal(watched.id, "treaty_action",
                            f"{action.replace('_', ' ')}: {state_name} ({symbol.group()})",
                            values, source, note))  # fmt: skip
    return out


def already_on_record(world: World, p: Proposal) -> bool:
    """The record has the fact already (so proposing it would only add work)."""
    v = p.values
    if p.kind == "custody" and v.get("person") in world.persons:
        person = world.persons[v["person"]]
        return any(c.status == v.get("status") for c in person.custody)
    if p.kind == "warrant" and v.get("person") in world.persons:
        made = v.get("made_public")
        return made is not None and any(
            (w.made_public or w.issued).isoformat() == made
            for w in world.persons[v["person"]].warrants
        )
    if p.kind == "treaty_action" and v.get("state") in world.states and v.get("date"):
        when = dt.date.fromisoformat(v["date"])
        return any(
            a.type == v["type"] and abs((a.date - when).days) <= 31
            for a in world.states[v["state"]].actions
        )
    return False


# ------------------------------------------------------------------ a round


@dataclass
class RoundReport:
    checked: dict[str, str] = field(default_factory=dict)  # watcher -> "ok: N items" / error
    proposed: int = 0
    skipped: int = 0


def check_key(watcher: str) -> str:
    return f"watch:{watcher}:checked"


def run_round(
    engine: Engine,
    world: World,
    fetch: Callable[[str], bytes],
    *,
    state_of: Callable[[str], str | None],
    data_dir: Path | None = None,
    urls: dict[str, str] | None = None,
) -> RoundReport:
    """Read every watched source that has an address; queue what is new; note the check."""
    from warrantwatch.kb.database import set_meta

    conf = read_watchers(data_dir)
    report = RoundReport()
    for w in conf.watched:
        url = (urls or {}).get(w.id) or (urls or {}).get(w.kind) or w.url
        if not url:
            report.checked[w.id] = "not watched: no address (see data/sources/watchers.yaml)"
            continue
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        try:
            body = fetch(url)
            if w.kind == "court_feed":
                props = court_proposals(world, w, conf.court_signals, court_feed_items(body))
            elif w.kind == "court_page":
                props = court_proposals(world, w, conf.court_signals, court_page_items(body, url))
            else:
                items = depositary_items(body, url)
                props = depositary_proposals(world, w, conf.depositary_actions, items, state_of)
            status = f"ok: {len(props)} proposals"
        except Exception as exc:  # one failing source must not stop the others
            props, status = [], f"error: {type(exc).__name__}: {str(exc)[:200]}"
        with Session(engine) as s, s.begin():
            for p in props:
                if already_on_record(world, p) or s.scalar(
                    select(KbProposal.id).where(KbProposal.fingerprint == p.fingerprint)
                ):
                    report.skipped += 1
                    continue
                s.add(
                    KbProposal(
                        watcher=p.watcher,
                        found_at=now,
                        kind=p.kind,
                        summary=p.summary[:2000],
                        values=p.values,
                        source=p.source,
                        note=p.note,
                        fingerprint=p.fingerprint,
                        status="pending",
                    )
                )
                report.proposed += 1
            set_meta(s, check_key(w.id), json.dumps({"at": now.isoformat(), "status": status}))
        report.checked[w.id] = status
    return report


def last_checks(engine: Engine, data_dir: Path | None = None) -> list[dict[str, Any]]:
    """Each watched source with when it was last checked and how that went."""
    conf = read_watchers(data_dir)
    with Session(engine) as s:
        stored = {m.key: m.value for m in s.scalars(select(Meta).where(Meta.key.like("watch:%")))}
    out = []
    for w in conf.watched:
        raw = stored.get(check_key(w.id))
        info = json.loads(raw) if raw else {}
        out.append(
            {"id": w.id, "name": w.name, "url": w.url, "at": info.get("at"),
             "status": info.get("status") or ("no address" if not w.url else "never checked")}
        )  # fmt: skip
    return out


# ------------------------------------------------------------------ review


class ProposalError(ValueError):
    """The proposal cannot be accepted or rejected; the message says why."""


def pending(engine: Engine, status: str = "pending", limit: int = 100) -> list[KbProposal]:
    with Session(engine) as s:
        rows = s.scalars(
            select(KbProposal)
            .where(KbProposal.status == status)
            .order_by(KbProposal.id.desc())
            .limit(limit)
        ).all()
        for r in rows:
            s.expunge(r)
        return list(rows)


def accept(
    engine: Engine,
    proposal_id: int,
    editor: str,
    *,
    changes: dict[str, Any] | None = None,
    reason: str | None = None,
) -> int:
    """Accept a proposal (with the editor's completions): it becomes an audited change."""
    from warrantwatch.kb.edits import record

    with Session(engine) as s:
        p = s.get(KbProposal, proposal_id)
        if p is None:
            raise ProposalError(f"no proposal #{proposal_id}")
        if p.status != "pending":
            raise ProposalError(f"proposal #{proposal_id} is already {p.status}")
        values = {**p.values, **{k: v for k, v in (changes or {}).items() if v not in (None, "")}}
        values = {k: v for k, v in values.items() if v is not None}
        kind, source, watcher = p.kind, dict(p.source), p.watcher
    edit = record(
        engine, editor, "add", kind, values=values, source=source,
        reason=reason or f"proposed by the watcher {watcher} (#{proposal_id}), accepted",
        origin=f"watcher:{watcher}",
    )  # fmt: skip
    with Session(engine) as s, s.begin():
        p = s.get(KbProposal, proposal_id)
        assert p is not None
        p.status, p.decided_by, p.edit_id = "accepted", editor, edit.id
        p.decided_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        p.reason = reason
    return edit.id


def reject(engine: Engine, proposal_id: int, editor: str, reason: str) -> None:
    """Reject a proposal (not a change of the record, already there ...), with the reason."""
    if not editor.strip():
        raise ProposalError("say who you are: an editor name is required")
    if not reason or not reason.strip():
        raise ProposalError("give a reason for the rejection")
    with Session(engine) as s, s.begin():
        p = s.get(KbProposal, proposal_id)
        if p is None:
            raise ProposalError(f"no proposal #{proposal_id}")
        if p.status != "pending":
            raise ProposalError(f"proposal #{proposal_id} is already {p.status}")
        p.status, p.decided_by, p.reason = "rejected", editor.strip(), reason.strip()
        p.decided_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
