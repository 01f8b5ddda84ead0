"""Backfill: WARC and JSON Lines archives, on local processes and on a Dask cluster."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from tests.monitor_service.helpers import fake_scanner_factory, page

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.monitor.backfill import ArchiveError, backfill, read_archive
from warrantwatch.monitor.tables import ArticleEntry, OutboxAlert, TripRecord


def write_warc(path: Path, docs: list[tuple[str, bytes, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        w = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, body, ctype in docs:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            rec = w.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2025-10-07T10:00:00Z"},
            )
            w.write_record(rec)


@pytest.fixture
def archives(tmp_path: Path) -> list[Path]:
    warc = tmp_path / "news.warc.gz"
    write_warc(
        warc,
        [
            (
                "https://news.example/a",
                page("Trip", ["Trip ahead. [[trip vladimir-putin TJ 2025-11-20 planned]]"]),
                "text/html; charset=utf-8",
            ),
            ("https://news.example/logo.png", b"\x89PNG...", "image/png"),
            (
                "https://news.example/b",
                page("Other", ["Nothing about travel here at all, only weather."]),
                "text/html",
            ),
        ],
    )
    jsonl = tmp_path / "news.jsonl"
    lines = [
        {
            "url": "https://wire.example/1",
            "title": "Arrival",
            "published": "2025-10-09",
            "language": "fr",
            "text": "Arrivée. [[trip vladimir-putin TJ 2025-11-20 occurred]]",
        },
        {"url": "https://wire.example/2", "text": "Nothing."},
        {"title": "no url"},
        {"url": "https://wire.example/1", "text": "same address again"},
    ]
    jsonl.write_text("\n".join(json.dumps(x) for x in lines) + "\n{not json\n", encoding="utf-8")
    return [warc, jsonl]


def test_reading_archives(archives: list[Path]) -> None:
    bad: list[str] = []
    warc_docs = list(read_archive(archives[0], bad))
    assert [d.url for d in warc_docs] == ["https://news.example/a", "https://news.example/b"]
    assert warc_docs[0].published == dt.date(2025, 10, 7)
    json_docs = list(read_archive(archives[1], bad))
    urls = [d.url for d in json_docs]
    assert urls == ["https://wire.example/1", "https://wire.example/2", "https://wire.example/1"]
    assert len(bad) == 2  # the line without url, the broken line


def test_gzipped_json_lines_and_overlong_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gzip

    from warrantwatch.monitor import readers

    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 2000)
    path = tmp_path / "wire.jsonl.gz"
    docs = [
        {"url": "https://wire.example/1", "text": "short"},
        {"url": "https://wire.example/2", "text": "y" * 10_000},
        {"url": "https://wire.example/3", "text": "short again"},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(d) for d in docs) + "\n")
    bad: list[str] = []
    assert [d.url for d in read_archive(path, bad)] == [docs[0]["url"], docs[2]["url"]]
    assert len(bad) == 1 and bad[0].startswith(f"{path}:2: line longer than")


def test_unreadable_archives(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no such file"):
        read_archive(tmp_path / "nope.jsonl", [])
    (tmp_path / "x.csv").write_text("a,b")
    with pytest.raises(ArchiveError, match="unknown archive type"):
        read_archive(tmp_path / "x.csv", [])
    (tmp_path / "bad.warc").write_bytes(b"this is not a warc file at all\r\n\r\n")
    with pytest.raises(ArchiveError, match="not a WARC"):
        read_archive(tmp_path / "bad.warc", [])


def check_stored(settings: Settings, report) -> None:  # type: ignore[no-untyped-def]
    assert report.files == 2 and report.records == 5
    assert report.processed == 4 and report.events == 2
    assert report.trips_new == 1 and report.alerts_queued == 0
    assert len(report.bad_records) == 2
    kb = open_kb(settings)
    with Session(kb.engine) as s:
        trip = s.scalars(select(TripRecord)).one()
        assert trip.status == "occurred" and trip.bound is True
        assert trip.alerted_status == "occurred"  # old news: marked, not sent
        assert s.scalar(select(func.count()).select_from(OutboxAlert)) == 0
        assert s.scalar(select(func.count()).select_from(ArticleEntry)) == 4


def test_backfill_on_local_processes(
    archives: list[Path], make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    kb = open_kb(settings)
    report = backfill(
        archives,
        settings,
        engine=kb.engine,
        world=kb.world,
        workers=1,
        batch_size=2,
        scanner_factory=fake_scanner_factory,
    )
    check_stored(settings, report)
    again = backfill(
        archives,
        settings,
        engine=kb.engine,
        world=kb.world,
        workers=1,
        scanner_factory=fake_scanner_factory,
    )
    assert again.processed == 0 and again.known == 5


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_backfill_on_dask_cluster(
    archives: list[Path], make_settings: Callable[..., Settings]
) -> None:
    from distributed import LocalCluster

    settings = make_settings()
    kb = open_kb(settings)
    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        report = backfill(
            archives,
            settings,
            engine=kb.engine,
            world=kb.world,
            scheduler=cluster.scheduler_address,
            batch_size=1,
            scanner_factory=fake_scanner_factory,
        )
    check_stored(settings, report)
