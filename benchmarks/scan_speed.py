"""Speed and memory of ``warrantwatch scan`` on one core, next to ``grep -F -i -f names.txt``.

Generates corpora of ~4 KB news articles in /tmp (benchmarks/scan_corpus.py) at the sizes
asked for, then times, each pinned to one core with taskset and start-up included:

* ``warrantwatch scan CORPUS.jsonl --format jsonl`` (knowledge base: the bundled data,
  as a user runs it, or with ``--data fixtures`` the scanner's test fixtures, whose
  few names make a lighter load; the database, its snapshot, the compiled bytecode and
  the scanner's pattern cache are made once beforehand, as on any installed system);
* ``grep -F -i -f names.txt CORPUS.jsonl``, names.txt holding every name pattern the
  scanner looks for: the floor of "find the names", with no places, cues, dates, rules
  or JSON;

and reports articles/s, MB/s, the ratio to grep, and peak resident memory, which should
stay flat as the input grows. Output goes to a real file: GNU grep stops at the first
match when its output is /dev/null, which would make the floor meaningless.

Rates are computed from each child's CPU time (user + system), which is what one core
delivers even when other work shares the machine; wall-clock seconds are shown beside
them. Each command runs ``--repeat`` times, interleaved, and the fastest run counts (the
one least disturbed by the machine's other work); the slowest is shown too.

Peak memory comes from wait4's rusage of each child. Linux carries a process's peak over
``exec`` from the process it was forked from, so this script keeps its own memory small
(the name list is written by a child) and prints its own peak: the floor under the
children's figures.

    .venv/bin/python benchmarks/scan_speed.py [--sizes 10 40 80] [--repeat 3] [--data fixtures]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from scan_corpus import make_corpus  # noqa: E402

CLI = ROOT / ".venv" / "bin" / "warrantwatch"
PYTHON = ROOT / ".venv" / "bin" / "python"
FIXTURES = ROOT / "tests" / "monitor" / "fixtures" / "data"


def write_names(path: Path) -> None:
    """Every folded name pattern of the configured persons, one a line (run in a child)."""
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.names import name_specs

    names = sorted({s.phrase for s in name_specs(open_kb().world.persons)})
    path.write_text("\n".join(names) + "\n", encoding="utf-8")


def run(cmd: list[str], env: dict[str, str], out: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    t0 = time.perf_counter()
    with out.open("wb") as sink:
        p = subprocess.Popen(pin + cmd, stdout=sink, env=env)
        _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # grep exits 1 when nothing matches
        raise SystemExit(f"{cmd[0]} failed with exit status {code}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def best(runs: list[tuple[float, float, float]]) -> tuple[float, float, float, float]:
    """The fastest run by CPU time: (wall, cpu, rss, slowest cpu)."""
    wall, cpu, _ = min(runs, key=lambda r: r[1])
    return wall, cpu, max(r[2] for r in runs), max(r[1] for r in runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=float, nargs="+", default=[10.0, 40.0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", choices=["bundled", "fixtures"], default="bundled")
    ap.add_argument("--write-names", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.write_names:
        write_names(args.write_names)
        return

    work = Path(tempfile.mkdtemp(prefix="ww-scan-bench-", dir="/tmp"))
    env = dict(os.environ)
    env["WARRANTWATCH_DATABASE_URL"] = f"sqlite:///{work / 'kb.sqlite3'}"
    if args.data == "fixtures":
        env["WARRANTWATCH_DATA_DIR"] = str(FIXTURES)
    else:
        env.pop("WARRANTWATCH_DATA_DIR", None)
    env["WARRANTWATCH_CACHE_DIR"] = str(work / "cache")
    env["LC_ALL"] = "C.UTF-8"
    # Compiled bytecode, as any installed copy has (pip compiles it at install time): a
    # shell with PYTHONDONTWRITEBYTECODE would make every timed run compile the project's
    # modules from source. Kept in the work folder, not beside the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    names = work / "names.txt"
    subprocess.run(
        [str(PYTHON), __file__, "--write-names", str(names)], env=env, check=True, cwd=ROOT
    )
    empty = work / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = work / "out"
    scan = [str(CLI), "scan"]
    # The first run compiles the bytecode and builds the database, its snapshot and the
    # scanner's pattern cache, as on any install; later runs load them.
    run([*scan, str(empty), "--format", "jsonl"], env, out)
    startup = best([run([*scan, str(empty), "--format", "jsonl"], env, out) for _ in range(3)])

    n_names = len(names.read_text(encoding="utf-8").split("\n")) - 1
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.data} knowledge base, {n_names} name patterns; "
        f"start-up alone {startup[1]:.2f} s CPU (slowest {startup[3]:.2f}), "
        f"{startup[2]:.0f} MB; best of {args.repeat} runs each; "
        f"this script's own peak {own:.0f} MB"
    )
    print()
    print(
        "| corpus | articles | events | scan CPU s (wall; slowest) | articles/s | MB/s "
        "| peak RSS | grep CPU s (wall; slowest) | grep lines | scan/grep |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for size in args.sizes:
        corpus = work / f"corpus-{size:g}MB.jsonl"
        n = make_corpus(corpus, size)
        mb = corpus.stat().st_size / 1e6
        scans, greps = [], []
        for _ in range(args.repeat):
            scans.append(run([*scan, str(corpus), "--format", "jsonl"], env, out))
            events = sum(1 for _ in out.open(encoding="utf-8"))
            greps.append(run(["grep", "-F", "-i", "-f", str(names), str(corpus)], env, out))
            lines = sum(1 for _ in out.open(encoding="utf-8"))
        wall, cpu, rss, slow = best(scans)
        gwall, gcpu, _, gslow = best(greps)
        print(
            f"| {mb:.1f} MB | {n} | {events} | {cpu:.2f} ({wall:.2f}; {slow:.2f}) "
            f"| {n / cpu:,.0f} | {mb / cpu:.1f} | {rss:.0f} MB "
            f"| {gcpu:.2f} ({gwall:.2f}; {gslow:.2f}) | {lines} | {cpu / max(gcpu, 0.01):.1f}x |"
        )
        corpus.unlink()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
