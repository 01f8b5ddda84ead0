"""Who a text is about: every way the knowledge base's persons are written.

From each :class:`~warrantwatch.law.records.PersonRec` the scanner takes all name
variants (any script), adds spellings without accents and with "al-"/"el-" written
either way, derives a surname from full names when the data lists none, and declines
Russian and Ukrainian forms ("Путина", "Путіним") when the data has none.

A full name identifies its person. A bare surname or alias is *weak*: it identifies
the person only when it is distinctive (one person has it, it is not short, and it is
not a common word or given name), or when the same text also names that person in
full ("Laurent Gbagbo ... Gbagbo"). The scanner resolves weak mentions per text.
"""

from __future__ import annotations

from dataclasses import dataclass

from warrantwatch.law.records import PersonRec
from warrantwatch.monitor.inflect import decline
from warrantwatch.monitor.textnorm import fold, script_of, strip_accents

#: Surnames that are also given names or common words: never enough alone.
COMMON_SURNAMES = frozenset(
    {
        "ali",
        "said",
        "saeed",
        "bashir",
        "башир",
        "harun",
        "haroun",
        "hussein",
        "husain",
        "hassan",
        "mahdi",
        "deif",
        "kony",
        "sang",
        "bett",
        "ruto",
        "kani",
        "abdel",
        "abd",
        "mohammed",
        "muhammad",
        "mohamed",
        "ahmad",
        "ahmed",
        "omar",
        "umar",
        "sultan",
        "khalid",
        "ibrahim",
        "yusuf",
        "musa",
        "salah",
        "sokolov",
        "соколов",
        "roe",
        "doe",
        "bibi",
        "ביבי",
        "البشير",
        "حسين",
        "علي",
        "هارون",
    }
)
_PREFIXES = ("al-", "el-", "al ", "el ", "аль-", "эль-", "ал-", "ель-")
_MIN_DISTINCT = 5
#: Chinese, Japanese and Korean write a surname in two to four syllable signs (普京, 푸틴).
_MIN_DISTINCT_CJK = 2
_CJK = frozenset({"han", "hangul"})


@dataclass(frozen=True, slots=True)
class NameSpec:
    phrase: str  # folded
    person: str
    strong: bool  # a full name (identifies) or a surname / alias (needs context)
    capital: bool  # Latin and Cyrillic names start with a capital letter in the text


def _surnames_of(full: str) -> list[str]:
    """The surname(s) a full name implies: its last word, also without "al-" ("Bashir")."""
    words = full.split()
    if len(words) < 2:
        return []
    last = words[-1]
    if len(words) >= 3 and words[-2].lower() in (
        "al",
        "el",
        "аль",
        "эль",
        "ag",
        "bin",
        "ben",
        "ould",
    ):
        last = f"{words[-2]} {last}"
    out = [last]
    low = last.lower()
    for p in _PREFIXES:
        if low.startswith(p) and len(last) > len(p) + 2:
            out.append(last[len(p) :])
    if script_of(last) == "arabic" and last.startswith("ال") and len(last) > 4:
        out.append(last[2:])
    return out


def _spellings(name: str) -> set[str]:
    out = {name, strip_accents(name)}
    for n in list(out):
        low = n.lower()
        for p in ("al-", "el-"):
            if f" {p}" in low or low.startswith(p):
                i = low.find(p)
                out.add(n[:i] + n[i : i + 2] + " " + n[i + 3 :])  # "al-Bashir" -> "al Bashir"
                out.add(n[:i] + n[i : i + 2].capitalize() + "-" + n[i + 3 :])
    return out


def _declined(name: str, lang: str | None) -> set[str]:
    """Russian or Ukrainian case forms of a Cyrillic name; a name the data marks as
    Kazakh, Kyrgyz, Tajik, Mongolian, Bulgarian, Serbian ... is kept as written (those
    languages glue their endings, or decline otherwise)."""
    if script_of(name) != "cyrillic" or (lang is not None and lang not in ("ru", "uk")):
        return {name}
    uk = lang == "uk" or any(c in name for c in "іїєґІЇЄҐ")
    forms = set(decline(name, "uk" if uk else "ru", "person"))
    return forms


def name_specs(persons: dict[str, PersonRec]) -> list[NameSpec]:
    """Every name pattern of every person, marked strong (full name) or weak."""
    raw: list[tuple[str, str, bool]] = []  # (name as written, person, strong)
    for p in persons.values():
        entries = [(p.name, None, "full"), *((n.name, n.lang, n.kind) for n in p.names)]
        for name, lang, kind in entries:
            name = " ".join(name.split())
            if not name:
                continue
            # One word never identifies alone ("Poutine", "Bibi"); several words do,
            # unless they are an alias ("Abu X").
            strong = len(name.split()) > 1 and kind not in ("alias", "surname")
            for form in _declined(name, lang):
                for sp in _spellings(form):
                    raw.append((sp, p.id, strong))
            if strong and kind != "alias":
                for sur in _surnames_of(name):
                    for form in _declined(sur, lang):
                        for sp in _spellings(form):
                            raw.append((sp, p.id, False))
    out: list[NameSpec] = []
    seen: set[tuple[str, str, bool]] = set()
    for written, pid, strong in raw:
        key = fold(written).strip()
        if len(key) < 2 or (key, pid, strong) in seen:
            continue
        seen.add((key, pid, strong))
        out.append(NameSpec(key, pid, strong, script_of(written) in ("latin", "cyrillic")))
    return out


def distinctive_weak_names(specs: list[NameSpec]) -> frozenset[str]:
    """Weak names that identify their person alone: one owner, long, not a common word."""
    owners: dict[str, set[str]] = {}
    for s in specs:
        owners.setdefault(s.phrase, set()).add(s.person)
    strong_keys = {s.phrase for s in specs if s.strong}
    out: set[str] = set()
    for s in specs:
        if s.strong or s.phrase in strong_keys:
            continue
        bare = s.phrase
        for p in ("al-", "el-", "al ", "el ", "аль-", "эль-"):
            if bare.startswith(p):
                bare = bare[len(p) :]
        if (
            len(owners[s.phrase]) == 1
            and len(s.phrase)
            >= (_MIN_DISTINCT_CJK if script_of(s.phrase) in _CJK else _MIN_DISTINCT)
            and s.phrase not in COMMON_SURNAMES
            and (bare != s.phrase or bare not in COMMON_SURNAMES)
        ):
            out.add(s.phrase)
    return frozenset(out)
