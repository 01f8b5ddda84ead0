"""The labelled development set: its shape, and the scanner's quality on it (not its speed)."""

from __future__ import annotations

import json
from pathlib import Path

from warrantwatch.monitor.evaluation import load, score
from warrantwatch.monitor.scanner import Scanner

DEVSET = Path(__file__).parents[2] / "benchmarks" / "devset" / "devset.jsonl"

STATUSES = {"planned", "occurred", "cancelled", "arrest"}


def test_devset_is_large_varied_and_well_formed(scanner: Scanner) -> None:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["language"] for r in rows}) >= 8
    negatives = sum(1 for r in rows if not r["expected"])
    assert negatives * 3 >= len(rows)
    for r in rows:
        assert r["text"].strip() and r["published"]
        for e in r["expected"]:
            assert e["person"] in scanner.world.persons, e
            assert len(e["destination"]) == 2 and e["status"] in STATUSES


def test_scanner_quality_on_devset(scanner: Scanner) -> None:
    s = score(scanner, load(DEVSET))
    report = "\n".join(s.errors)
    assert s.f1 >= 0.9, report
    assert s.status_accuracy >= 0.9, report
    assert s.date_accuracy >= 0.85, report
