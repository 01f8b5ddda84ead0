"""Backfill at scale (issue 14): readers that workers enter in the middle, bulk storage
on unique keys, checkpoints that make a stopped run go on without storing twice, and
the command's progress, summary and Ctrl-C."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import fake_scanner_factory, page
from tests.monitor_service.test_backfill_archives import write_warc

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.monitor import store
from warrantwatch.monitor.archives import ArchiveError, read_archive, read_unit, units
from warrantwatch.monitor.archives.jsonl import ranges, read_jsonl_range
from warrantwatch.monitor.backfill import Progress, backfill
from warrantwatch.monitor.tables import ArticleEntry, BackfillUnit, EventRecord, TripRecord

TRIP = "[[trip vladimir-putin TJ 2025-11-20 planned]]"


def lines(n: int, *, trip_every: int = 7) -> list[dict[str, str]]:
    out = []
    for i in range(n):
        text = f"Test fixture story {i} about the harbour and the weather, long enough."
        if i % trip_every == 0:
            text += f" The visit ahead. {TRIP}"
        out.append({"url": f"https://wire.example/{i}", "text": text})
    return out


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


# ---------------------------------------------------------------- readers


def test_byte_ranges_read_every_line_once(tmp_path: Path) -> None:
    rows = lines(300)
    path = write_jsonl(tmp_path / "wire.jsonl", rows)
    cuts = ranges(path, 7, least=1, most=1 << 30)
    assert len(cuts) == 7 and cuts[0][0] == 0 and cuts[-1][1] == path.stat().st_size
    got = [d.url for a, b in cuts for d in read_jsonl_range(path, a, b, [])]
    assert got == [r["url"] for r in rows]  # each once, in order, whatever the cuts


def test_a_range_names_its_bad_lines_by_byte(tmp_path: Path) -> None:
    path = tmp_path / "wire.jsonl"
    path.write_text('{"url": "https://a.example/1", "text": "one"}\n{broken\n', encoding="utf-8")
    bad: list[str] = []
    start = len('{"url": "https://a.example/1", "text": "one"}\n')
    assert list(read_jsonl_range(path, 1, path.stat().st_size, bad)) == []
    assert bad == [f"{path}: line at byte {start}: {bad[0].split(': ', 2)[2]}"]


def test_parquet_row_groups_are_units(tmp_path: Path) -> None:
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    table = pa.table(
        {
            "url": ["https://p.example/1", "https://p.example/2", None, "https://p.example/4"],
            "text": ["First story.", "Second story.", "no address", "Fourth."],
            "published": [dt.date(2025, 10, 1), None, None, dt.date(2025, 10, 4)],
            "language": ["en", "en", "en", "fr"],
        }
    )
    pq.write_table(table, path, row_group_size=2)
    bad: list[str] = []
    us = list(units(path, batch_size=100, parts=4, bad=bad))
    assert [u.name for u in us] == ["rowgroup:0", "rowgroup:1"]
    second = list(read_unit(us[1], bad))
    assert [d.url for d in second] == ["https://p.example/4"]
    assert second[0].published == dt.date(2025, 10, 4) and second[0].language == "fr"
    assert len(bad) == 1 and "no 'url'" in bad[0]
    assert [d.text for d in read_archive(path, [])][:2] == ["First story.", "Second story."]


def test_parquet_without_the_columns_or_not_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"address": ["x"]}), tmp_path / "odd.parquet")
    with pytest.raises(ArchiveError, match="needs a 'url'"):
        read_archive(tmp_path / "odd.parquet", [])
    (tmp_path / "junk.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(ArchiveError, match="not a Parquet file"):
        read_archive(tmp_path / "junk.parquet", [])


def test_gzipped_warc_is_read_in_batches_of_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    docs = [
        (f"https://news.example/{i}", page(f"Story {i}", [f"Paragraph {i}."]), "text/html")
        for i in range(5)
    ]
    write_warc(path, [*docs, ("https://news.example/img", b"\x89PNG", "image/png")])
    us = list(units(path, batch_size=2, parts=4, bad=[]))
    assert [u.name for u in us] == ["records:2:0", "records:2:1", "records:2:2"]
    assert [len(u.docs or ()) for u in us] == [2, 2, 1]
    # sizes are of the compressed file read so far (warcio reads ahead): for progress
    assert 0 < sum(u.size for u in us) <= path.stat().st_size


# ---------------------------------------------------------------- bulk storage


def test_batch_insert_keeps_each_address_and_text_once(db_url: str) -> None:
    from tests.conftest import FIXTURE_DATA

    kb = open_kb(Settings(database_url=db_url, data_dir=FIXTURE_DATA))
    first = [store.ScannedDoc(url="https://a.example/1", text="Story one.")]
    with Session(kb.engine) as s, s.begin():
        assert store.store_scanned(s, first).stored == 1
    batch = [
        store.ScannedDoc(url="https://a.example/1", text="Story one, stored before."),
        store.ScannedDoc(url="https://a.example/2", text="Story two."),
        store.ScannedDoc(url="https://a.example/2", text="Story two, twice in the batch."),
        store.ScannedDoc(url="https://b.example/copy", text="story   ONE."),  # same text
        store.ScannedDoc(url="https://a.example/3", text=None),
        store.ScannedDoc(url="https://a.example/4", text="Story four."),
    ]
    with Session(kb.engine) as s, s.begin():
        res = store.store_scanned(s, batch)
    assert (res.stored, res.known, res.duplicates, res.failed) == (2, 2, 1, 1)
    with Session(kb.engine) as s:
        rows = {a.url: a for a in s.scalars(select(ArticleEntry))}
        assert len(rows) == 5
        assert rows["https://a.example/1"].text == "Story one."
        copy = rows["https://b.example/copy"]
        assert copy.status == "duplicate"
        assert copy.duplicate_of == rows["https://a.example/1"].id
        assert rows["https://a.example/3"].status == "failed"


def test_duplicates_across_statement_pages_of_one_batch(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch longer than one INSERT statement (pages of 3 here): an address or a text
    seen in an earlier page is caught by the unique keys of the page after it."""
    from tests.conftest import FIXTURE_DATA

    from warrantwatch.monitor import bulk

    monkeypatch.setattr(bulk, "SQLITE_ROWS", 3)
    kb = open_kb(Settings(database_url=db_url, data_dir=FIXTURE_DATA))
    batch = [store.ScannedDoc(url=f"https://a.example/{i}", text=f"Story {i}.") for i in range(7)]
    batch += [
        store.ScannedDoc(url="https://a.example/1", text="Story one again."),  # address again
        store.ScannedDoc(url="https://c.example/copy-of-0", text="STORY 0."),  # text of page 1
        store.ScannedDoc(url="https://c.example/copy-of-6", text="story 6."),  # text of page 3
    ]
    with Session(kb.engine) as s, s.begin():
        res = store.store_scanned(s, batch)
    assert (res.stored, res.known, res.duplicates, res.failed) == (7, 1, 2, 0)
    with Session(kb.engine) as s:
        rows = {a.url: a for a in s.scalars(select(ArticleEntry))}
    assert len(rows) == 9 and rows["https://a.example/1"].text == "Story 1."
    for copy, original in (("copy-of-0", "0"), ("copy-of-6", "6")):
        row = rows[f"https://c.example/{copy}"]
        assert row.status == "duplicate" and row.text is None and row.content_hash is None
        assert row.duplicate_of == rows[f"https://a.example/{original}"].id


def test_refused_and_copied_rows_take_no_ids(db_url: str) -> None:
    """PostgreSQL draws an id before it finds a clash and never gives it back: addresses
    stored before, and texts that come again (stored before or earlier in the batch),
    must not leave gaps in the ids, so that every article takes the next id in turn."""
    from tests.conftest import FIXTURE_DATA

    kb = open_kb(Settings(database_url=db_url, data_dir=FIXTURE_DATA))
    first = [store.ScannedDoc(url=f"https://a.example/{i}", text=f"Story {i}.") for i in range(3)]
    with Session(kb.engine) as s, s.begin():
        store.store_scanned(s, first)
    batch = [
        store.ScannedDoc(url="https://a.example/0", text="Story 0 again."),  # address stored
        store.ScannedDoc(url="https://b.example/copy-1", text="story 1."),  # text stored
        store.ScannedDoc(url="https://a.example/5", text="Story 5."),
        store.ScannedDoc(url="https://b.example/copy-5", text="STORY 5."),  # text of the batch
        store.ScannedDoc(url="https://b.example/copy-5b", text="story  5."),  # and again
        store.ScannedDoc(url="https://a.example/6", text="Story 6."),
    ]
    with Session(kb.engine) as s, s.begin():
        res = store.store_scanned(s, batch)
    assert (res.stored, res.known, res.duplicates) == (2, 1, 3)
    more = [store.ScannedDoc(url="https://a.example/7", text="Story 7.")]
    with Session(kb.engine) as s, s.begin():
        store.store_scanned(s, more)
    with Session(kb.engine) as s:
        ids = sorted(s.scalars(select(ArticleEntry.id)))
        rows = {a.url: a for a in s.scalars(select(ArticleEntry))}
    assert ids == list(range(ids[0], ids[0] + 9))
    for copy in ("copy-5", "copy-5b"):
        assert rows[f"https://b.example/{copy}"].duplicate_of == rows["https://a.example/5"].id
    assert rows["https://b.example/copy-1"].duplicate_of == rows["https://a.example/1"].id


def test_rows_stored_in_bulk_read_back_as_the_orm_writes_them(db_url: str) -> None:
    """Dates, timestamps, JSON and booleans written by the bulk path (plain tuples, the
    dialect's own converters) read back as the same Python values."""
    import datetime as dt

    from tests.conftest import FIXTURE_DATA

    from warrantwatch.monitor.model import TripEvent

    kb = open_kb(Settings(database_url=db_url, data_dir=FIXTURE_DATA))
    ev = TripEvent(
        person="vladimir-putin",
        destination_iso2="tj",
        status="planned",
        evidence="Test fixture evidence.",
        confidence=0.75,
        start_date=dt.date(2025, 11, 20),
        duty={"duty": "binding", "basis": ["state_party"]},
    )
    doc = store.ScannedDoc(
        url="https://a.example/dated",
        text="A dated test story.",
        events=(ev,),
        title="Dated",
        published=dt.date(2025, 11, 1),
        language="en",
    )
    with Session(kb.engine) as s, s.begin():
        assert store.store_scanned(s, [doc]).events == 1
    with Session(kb.engine) as s:
        art = s.scalars(select(ArticleEntry)).one()
        got = s.scalars(select(EventRecord)).one()
        assert art.published == dt.date(2025, 11, 1) and isinstance(art.seen_at, dt.datetime)
        assert (art.title, art.language, art.status, art.attempts) == ("Dated", "en", "done", 1)
        assert got.article_id == art.id and got.trip_id is None and got.rejected is False
        assert got.destination == "TJ" and got.start_date == dt.date(2025, 11, 20)
        assert got.duty == {"duty": "binding", "basis": ["state_party"]}
        assert got.published == dt.date(2025, 11, 1) and got.language == "en"
        assert got.created_at == art.seen_at


# ---------------------------------------------------------------- checkpoints


class Stop(KeyboardInterrupt):
    """Ctrl-C, pressed by the test after some units are stored."""


def test_a_stopped_backfill_goes_on_and_stores_nothing_twice(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    rows = lines(400)
    path = write_jsonl(tmp_path / "wire.jsonl", rows)
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc,
        [
            (f"https://news.example/{i}", page(f"Story {i}", [f"Report {i}. {TRIP}"]), "text/html")
            for i in range(6)
        ],
    )
    settings = make_settings()
    kb = open_kb(settings)
    seen: list[int] = []

    def interrupt(p: Progress) -> None:
        seen.append(p.units_done)
        if p.units_done == 2:
            raise Stop

    kw = {"engine": kb.engine, "world": kb.world, "workers": 1, "batch_size": 2}
    with pytest.raises(KeyboardInterrupt):
        backfill(
            [path, warc], settings, scanner_factory=fake_scanner_factory, progress=interrupt, **kw
        )  # type: ignore[arg-type]
    with Session(kb.engine) as s:
        done_before = s.scalar(select(func.count()).select_from(BackfillUnit))
        stored_before = s.scalar(select(func.count()).select_from(ArticleEntry))
    assert done_before and done_before >= 2 and stored_before and stored_before < 406

    again = backfill([path, warc], settings, scanner_factory=fake_scanner_factory, **kw)  # type: ignore[arg-type]
    assert again.units_skipped == done_before
    assert again.processed == 406 - stored_before
    with Session(kb.engine) as s:
        assert s.scalar(select(func.count()).select_from(ArticleEntry)) == 406
        n_events = s.scalar(select(func.count()).select_from(EventRecord))
        assert n_events == len(range(0, 400, 7)) + 6
        assert s.scalar(select(func.count()).where(EventRecord.trip_id.is_(None))) == 0
        assert s.scalar(select(func.count()).select_from(TripRecord)) == 1
    assert again.summary() == [
        {
            "person": "vladimir-putin",
            "destination": "TJ",
            "reports": n_events,
            "trips": 1,
            "bound": True,
        }
    ]
    third = backfill([path, warc], settings, scanner_factory=fake_scanner_factory, **kw)  # type: ignore[arg-type]
    assert third.processed == 0 and third.known == 406 and third.units_skipped == third.units


def copies_across_units(n: int) -> list[dict[str, str]]:
    """``lines(n)`` where line 30 + 50k repeats the address of line 50k, and line
    45 + 50k carries (in capitals) the text of line 5 + 50k under a new address:
    duplicates that a cut into units puts in other units than their originals."""
    rows = lines(n)
    for i in range(30, n, 50):
        rows[i] = {"url": rows[i - 30]["url"], "text": f"Another story {i} at an old address."}
    for i in range(45, n, 50):
        rows[i] = {"url": f"https://copy.example/{i}", "text": rows[i - 40]["text"].upper()}
    return rows


def write_jsonl_gz(path: Path, rows: list[dict[str, str]]) -> Path:
    """Gzipped JSON Lines: read in the main process in batches, so small files make
    many units (an uncompressed file is cut in ranges of at least 256 KB)."""
    import gzip

    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    return path


def stored(engine: object) -> tuple[list[tuple[str, str, str | None]], int]:
    """(url, status, the url of the original) of every article, and the events stored."""
    with Session(engine) as s:  # type: ignore[arg-type]
        arts = list(s.scalars(select(ArticleEntry)))
        url_of = {a.id: a.url for a in arts}
        rows = sorted((a.url, a.status, url_of.get(a.duplicate_of or -1)) for a in arts)
        return rows, s.scalar(select(func.count()).select_from(EventRecord)) or 0


def test_duplicates_across_units_and_workers_are_stored_once(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    """Two workers store units side by side: an address in two units is kept once (its
    second copy counted as known), a text under a second address is stored as a
    duplicate of the first, and only the original's events are stored."""
    rows = copies_across_units(400)
    path = write_jsonl_gz(tmp_path / "wire.jsonl.gz", rows)
    settings = make_settings()
    kb = open_kb(settings)
    rep = backfill(
        [path],
        settings,
        engine=kb.engine,
        world=kb.world,
        workers=2,
        batch_size=25,
        scanner_factory=fake_scanner_factory,
    )
    assert rep.units == 16 and rep.records == 400
    pairs = [(rows[i - 40]["url"], rows[i]["url"]) for i in range(45, 400, 50)]
    assert rep.known == len(range(30, 400, 50)) and rep.duplicates == len(pairs)
    assert rep.processed == 400 - rep.known - rep.duplicates
    got, n_events = stored(kb.engine)
    assert len(got) == len({r["url"] for r in rows}) == 400 - rep.known
    by_url = {url: (status, original) for url, status, original in got}
    for a, b in pairs:  # whichever unit committed first holds the original
        assert {by_url[a], by_url[b]} in (
            {("done", None), ("duplicate", a)},
            {("done", None), ("duplicate", b)},
        )
    with Session(kb.engine) as s:
        texts = list(s.scalars(select(ArticleEntry.text).where(ArticleEntry.status == "done")))
    assert n_events == rep.events == sum(TRIP in (t or "") for t in texts) > 0


def test_a_stopped_backfill_with_duplicates_ends_as_an_uninterrupted_one(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    """Stopped after two units and run again, a backfill whose duplicates cross units
    stores exactly what one run without a stop stores (same articles, same originals,
    same events): checkpoints and unique keys together, nothing twice."""
    path = write_jsonl_gz(tmp_path / "wire.jsonl.gz", copies_across_units(400))
    settings = make_settings()
    kb = open_kb(settings)

    def interrupt(p: Progress) -> None:
        if p.units_done == 2:
            raise Stop

    kw = {"engine": kb.engine, "world": kb.world, "workers": 1, "batch_size": 25}
    with pytest.raises(KeyboardInterrupt):
        backfill([path], settings, scanner_factory=fake_scanner_factory, progress=interrupt, **kw)  # type: ignore[arg-type]
    backfill([path], settings, scanner_factory=fake_scanner_factory, **kw)  # type: ignore[arg-type]
    resumed = stored(kb.engine)

    ref = Settings(database_url=f"sqlite:///{tmp_path / 'ref.sqlite3'}", data_dir=settings.data_dir)
    ref_kb = open_kb(ref)
    backfill(
        [path],
        ref,
        engine=ref_kb.engine,
        world=ref_kb.world,
        workers=1,
        batch_size=25,
        scanner_factory=fake_scanner_factory,
    )
    assert resumed == stored(ref_kb.engine)
    assert resumed[1] > 0 and any(status == "duplicate" for _, status, _ in resumed[0])


def test_skip_empty_stores_only_articles_with_events(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    path = write_jsonl(tmp_path / "wire.jsonl", lines(50, trip_every=10))
    settings = make_settings()
    kb = open_kb(settings)
    rep = backfill(
        [path],
        settings,
        engine=kb.engine,
        world=kb.world,
        workers=1,
        skip_empty=True,
        scanner_factory=fake_scanner_factory,
    )
    assert rep.counted == 45 and rep.processed == 5 and rep.events == 5
    with Session(kb.engine) as s:
        assert s.scalar(select(func.count()).select_from(ArticleEntry)) == 5


# ---------------------------------------------------------------- the command


def test_cli_progress_lines_summary_and_ctrl_c(
    cli_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from warrantwatch.cli.main import app
    from warrantwatch.monitor import backfill as bf

    path = write_jsonl(
        tmp_path / "wire.jsonl",
        [
            {
                "url": "https://wire.example/1",
                "text": "TEST FIXTURE. Vladimir Putin is expected to travel to Dushanbe on "
                "9 October 2025 for a regional summit, officials said.",
            },
            {"url": "https://wire.example/2", "text": "TEST FIXTURE. Nothing about a journey."},
        ],
    )
    runner = CliRunner()
    res = runner.invoke(app, ["backfill", str(path), "--workers", "1", "--interval", "0.1"])
    assert res.exit_code == 0, res.output
    progress = [json.loads(x)["progress"] for x in res.stderr.splitlines() if x.startswith("{")]
    assert progress and progress[-1]["articles"] == 2 and progress[-1]["events"] >= 1
    assert "vladimir-putin -> TJ: 1 reports, 1 trips (bound to arrest)" in res.stdout

    def interrupted(*_a: object, **_k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(bf, "backfill", interrupted)
    res = runner.invoke(app, ["backfill", str(path), "--workers", "1"])
    assert res.exit_code == 130
    assert "run the same command again" in res.stderr and "Traceback" not in res.output
