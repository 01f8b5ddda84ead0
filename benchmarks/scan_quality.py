"""Quality of the scanner on the labelled development set (benchmarks/devset/devset.jsonl).

Prints precision, recall and F1 of trips (person + destination), status accuracy and
date accuracy, per language, and every error. Runs on the scanner test fixtures
(tests/monitor/fixtures/data), the world the devset is labelled against; with
``--bundled``, on the bundled knowledge base (71 persons, a thousand name forms: more
chances of a false match), counting only the expected trips of persons it holds (the
fictional Roes are not in it).

    .venv/bin/python benchmarks/scan_quality.py [--errors] [--bundled]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "benchmarks" / "devset" / "devset.jsonl"
FIXTURES = ROOT / "tests" / "monitor" / "fixtures" / "data"


def fixture_world():  # type: ignore[no-untyped-def]
    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb

    db = Path(tempfile.mkdtemp()) / "devset.sqlite3"
    return open_kb(Settings(database_url=f"sqlite:///{db}", data_dir=FIXTURES)).world


def main() -> None:
    from warrantwatch.monitor.evaluation import load, score
    from warrantwatch.monitor.scanner import Scanner

    items = load(DEVSET)
    if "--bundled" in sys.argv:
        from warrantwatch.config import Settings
        from warrantwatch.kb.service import open_kb

        db = Path(tempfile.mkdtemp()) / "bundled.sqlite3"
        world = open_kb(Settings(database_url=f"sqlite:///{db}")).world
        for i in items:
            i.expected = [x for x in i.expected if x["person"] in world.persons]
    else:
        world = fixture_world()
    s = score(Scanner(world), items)
    negatives = sum(1 for i in items if not i.expected)
    langs = sorted({i.article.language for i in items})
    print(f"devset: {len(items)} texts, {negatives} without a trip, languages {', '.join(langs)}")
    print(json.dumps(s.as_dict(), indent=2))
    if "--errors" in sys.argv:
        print("\n".join(s.errors))


if __name__ == "__main__":
    main()
