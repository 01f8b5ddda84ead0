"""Quality of the scanner on real published news (benchmarks/realnews/).

Reads the manifest (addresses, languages, dates, our labels) and the texts collected into
the git-ignored ``benchmarks/realnews/texts/`` (see that folder's README), scans every text
with the bundled knowledge base, and prints trips F1, status and date accuracy for English,
for all other languages together, and recall per language. By default it scores the
development part and lists its errors; ``--held-out`` scores the fifth set aside before
tuning (figures only, never its errors: that part is the honest estimate).

    .venv/bin/python benchmarks/real_news.py [--held-out | --whole] [--set NAME] [--skip NAME]
        [--errors]

``--set NAME`` reads only ``manifest/NAME.jsonl``; ``--whole`` scores both parts of it
together, for a set collected after the scanner's last change and scored once, on first
look, before anyone reads its errors (README: "Fresh sets"); ``--skip NAME`` leaves such a
set out of the other figures until then.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "benchmarks" / "realnews"


def held_out(url: str) -> bool:
    """The fixed rule of the README: a fifth of the rows by the address's digest."""
    return int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 5 == 0


def rows(only: str | None = None, skip: frozenset[str] = frozenset()) -> tuple[list[dict], int]:
    out, missing = [], 0
    for path in sorted((REAL / "manifest").glob("*.jsonl")):
        if (only is not None and path.stem != only) or path.stem in skip:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("published"):
                try:
                    dt.date.fromisoformat(row["published"])
                except ValueError:
                    sys.exit(f"{path.name}: {row['id']}: published must be YYYY-MM-DD or null")
            text = REAL / "texts" / f"{row['id']}.txt"
            if not text.is_file():
                missing += 1
                continue
            row["text"] = text.read_text(encoding="utf-8")
            out.append(row)
    return out, missing


def main() -> None:
    from warrantwatch.config import Settings
    from warrantwatch.kb.service import open_kb
    from warrantwatch.monitor.evaluation import Labelled, score
    from warrantwatch.monitor.model import Article
    from warrantwatch.monitor.scanner import Scanner

    want_held = "--held-out" in sys.argv
    whole = "--whole" in sys.argv
    only = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else None
    # --skip NAME (repeatable): leave a set out, such as a fresh one not yet scored blind
    skip = frozenset(sys.argv[i + 1] for i, a in enumerate(sys.argv[:-1]) if a == "--skip")
    all_rows, missing = rows(only, skip)
    if only is not None and not all_rows:
        sys.exit(f"no rows with texts in manifest/{only}.jsonl")
    part = [r for r in all_rows if whole or held_out(r["url"]) == want_held]
    db = Path(tempfile.mkdtemp()) / "real.sqlite3"
    scanner = Scanner(open_kb(Settings(database_url=f"sqlite:///{db}")).world)

    def labelled(r: dict) -> Labelled:
        pub = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        # the language is not passed: the scanner must identify it, as on a mixed feed
        art = Article(text=r["text"], url=r["url"], published=pub)
        return Labelled(r["id"], art, r["expected"])

    groups: dict[str, list[Labelled]] = defaultdict(list)
    for r in part:
        groups["en" if r["language"] == "en" else "other"].append(labelled(r))
    result: dict[str, object] = {
        "part": "whole" if whole else "held-out" if want_held else "development",
        "set": only or "all",
        "texts": len(part),
        "without_trip": sum(1 for r in part if not r["expected"]),
        "languages": len({r["language"] for r in part}),
        "missing_texts": missing,
    }
    errors: list[str] = []
    for name, items in sorted(groups.items()):
        s = score(scanner, items)
        d = s.as_dict()
        by_lang = d.pop("by_language")
        result[name] = d
        errors += s.errors
        if name == "other":
            result["recall_by_language"] = {
                k: round(v["tp"] / (v["tp"] + v["fn"]), 2) if v["tp"] + v["fn"] else None
                for k, v in by_lang.items()
            }
    per_lang: dict[str, list[Labelled]] = defaultdict(list)
    for r in part:
        per_lang[r["language"]].append(labelled(r))
    rec = {}
    for lang, items in sorted(per_lang.items()):
        s = score(scanner, items)
        rec[lang] = {"trips": s.tp + s.fn, "recall": round(s.recall, 2), "f1": round(s.f1, 2)}
    result["by_language"] = rec
    result["languages_with_recall_0.8"] = sum(
        1 for v in rec.values() if v["trips"] and v["recall"] >= 0.8
    )
    result.pop("recall_by_language", None)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    if "--errors" in sys.argv and not want_held and not whole:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
