"""Knowledge-base figures for the README, each beside a floor measured in the same run.

- build: checking and loading the bundled data into a fresh database (SQLite, and
  PostgreSQL when reachable), beside only reading and validating the files;
- assess: median time of one in-process ``assess`` beside one ``status_on``;
- CLI cold start: ``warrantwatch assess putin TJ`` beside a bare ``python -c pass``.

Run: ``.venv/bin/python benchmarks/kb_bench.py``. Prints a Markdown table.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from warrantwatch.config import Settings
from warrantwatch.kb.checks import check
from warrantwatch.kb.files import read_data_dir
from warrantwatch.kb.service import open_kb
from warrantwatch.law.obligations import assess
from warrantwatch.law.treaty_status import status_on

PG = os.environ.get(
    "WARRANTWATCH_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def timed(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def build_sqlite() -> None:
    with tempfile.TemporaryDirectory() as d:
        open_kb(Settings(database_url=f"sqlite:///{d}/b.sqlite3"))


def build_pg() -> float | None:
    try:
        admin = create_engine(PG, isolation_level="AUTOCOMMIT")
        name = f"ww_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        return None
    url = make_url(PG).set(database=name).render_as_string(hide_password=False)
    try:
        t = time.perf_counter()
        kb = open_kb(Settings(database_url=url))
        took = time.perf_counter() - t
        kb.engine.dispose()
        return took
    finally:
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def main() -> None:
    rows: list[tuple[str, str, str]] = []
    floor = timed(lambda: check(read_data_dir()), 3)
    rows.append(
        (
            "build knowledge base, SQLite",
            f"{timed(build_sqlite, 3):.2f} s",
            f"read + validate files only: {floor:.2f} s",
        )
    )
    pg = build_pg()
    if pg is not None:
        rows.append(
            ("build knowledge base, PostgreSQL", f"{pg:.2f} s", f"same floor: {floor:.2f} s")
        )

    with tempfile.TemporaryDirectory() as d:
        kb = open_kb(Settings(database_url=f"sqlite:///{d}/a.sqlite3"))
        w = kb.world
        persons = list(w.persons.values())
        states = list(w.states.values())
        day = dt.date(2025, 10, 9)
        cases = [(persons[i % len(persons)], states[(i * 7) % len(states)]) for i in range(2000)]

        def one_assess(i=iter(range(10**9))) -> None:  # noqa: B008
            p, s = cases[next(i) % len(cases)]
            assess(w, p, s, day)

        def one_status(i=iter(range(10**9))) -> None:  # noqa: B008
            _, s = cases[next(i) % len(cases)]
            status_on(s, day)

        putin, tj = w.persons["vladimir-putin"], w.states["TJ"]
        a_all = timed(one_assess, 2000) * 1000
        a_model = timed(lambda: assess(w, putin, tj, day), 500) * 1000
        s_all = timed(one_status, 2000) * 1000
        rows.append(
            (
                "assess, median over 2,000 person/state pairs",
                f"{a_all:.3f} ms",
                f"status_on alone: {s_all:.3f} ms",
            )
        )
        rows.append(("assess putin TJ 2025-10-09, median", f"{a_model:.3f} ms", ""))

        exe = str(Path(sys.executable).with_name("warrantwatch"))
        env = {**os.environ, "WARRANTWATCH_DATABASE_URL": f"sqlite:///{d}/a.sqlite3"}

        def cli() -> None:
            subprocess.run(
                [exe, "assess", "putin", "TJ", "--on", "2025-10-09", "-f", "json"],
                check=True,
                capture_output=True,
                env=env,
            )

        def bare() -> None:
            subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True)

        rows.append(
            (
                "CLI `assess putin TJ`, cold process, median of 7",
                f"{timed(cli, 7):.2f} s",
                f"`python -c pass`: {timed(bare, 7):.2f} s",
            )
        )

    print("| measure | Warrant Watch | baseline in the same run |")
    print("|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} |")


if __name__ == "__main__":
    main()
