"""Russian and Ukrainian case forms of names, so that "Путина" and "в Таджикистане" match.

Slavic news writes names in six or seven cases ("визит Путина", "с Путиным",
"в Душанбе", "в Южной Африке"). The knowledge base usually lists only the nominative,
so the scanner generates the other cases here. The rules are the regular paradigms
(surnames in -ов/-ин, nouns in -а/-я/-ия, adjectives in -ая/-ий/-ые ...); irregular
forms belong in the data files as ``kind: inflection`` names.

Each function returns forms *aligned by case* (nominative, genitive, dative,
accusative, instrumental, locative), so that a multi-word name is put in one case
throughout ("Южной Африке", never "Южная Африке").
"""

from __future__ import annotations

from typing import Literal

Role = Literal["person", "place"]
Lang = Literal["ru", "uk"]

N_CASES = 6
_HARD_AFTER = set("гкхжшчщ")  # after these Russian writes -и, not -ы
_SIBILANT = set("жшчщц")
_INDECLINABLE_END = set("оеиуюэыіїє")
_UK_MUTATION = {"к": "ц", "г": "з", "х": "с"}


def _ru_noun(w: str, role: Role, female: bool, surname: bool = False) -> list[str]:
    lw = w.lower()
    if lw.endswith("ия"):
        s = w[:-2]
        return [w, s + "ии", s + "ии", s + "ию", s + "ией", s + "ии"]
    if lw.endswith("ы") and role == "place" and len(w) > 4:  # plural: Штаты, Эмираты
        s = w[:-1]
        return [w, s + "ов", s + "ам", w, s + "ами", s + "ах"]
    if lw.endswith("а"):
        s = w[:-1]
        gen = s + ("и" if s[-1:].lower() in _HARD_AFTER else "ы")
        if (
            female
            and role == "person"
            and (lw.endswith("ова") or lw.endswith("ева") or lw.endswith("ина"))
        ):
            return [w, s + "ой", s + "ой", s + "у", s + "ой", s + "ой"]
        ins = s + ("ей" if s[-1:].lower() in _SIBILANT else "ой")
        return [w, gen, s + "е", s + "у", ins, s + "е"]
    if lw.endswith("я"):
        s = w[:-1]
        return [w, s + "и", s + "е", s + "ю", s + "ей", s + "е"]
    if lw[-1:] in _INDECLINABLE_END:
        return [w] * N_CASES
    if female:  # female persons with a consonant-final surname do not decline
        return [w] * N_CASES
    if lw.endswith("ь"):
        s = w[:-1]
        if role == "place":  # Казань, Астрахань: feminine
            return [w, s + "и", s + "и", w, s + "ью", s + "и"]
        return [w, s + "я", s + "ю", s + "я", s + "ем", s + "е"]
    if lw.endswith("ий") and role == "person":
        s = w[:-2]
        if lw.endswith(("ский", "цкий")):
            return [w, s + "ого", s + "ому", s + "ого", s + "им", s + "ом"]
        return [w, s + "ия", s + "ию", s + "ия", s + "ием", s + "ии"]
    if lw.endswith("й"):
        s = w[:-1]
        return [w, s + "я", s + "ю", s + "я" if role == "person" else w, s + "ем", s + "е"]
    acc = w + "а" if role == "person" else w
    if surname and lw.endswith(("ов", "ев", "ин", "ын")):
        return [w, w + "а", w + "у", acc, w + "ым", w + "е"]
    ins = w + ("ем" if lw[-1] in _SIBILANT else "ом")
    return [w, w + "а", w + "у", acc, ins, w + "е"]


def _ru_adj(w: str) -> list[str] | None:
    lw = w.lower()
    table = {
        "ая": ["ая", "ой", "ой", "ую", "ой", "ой"],
        "яя": ["яя", "ей", "ей", "юю", "ей", "ей"],
        "ый": ["ый", "ого", "ому", "ый", "ым", "ом"],
        "ой": ["ой", "ого", "ому", "ой", "ым", "ом"],
        "ое": ["ое", "ого", "ому", "ое", "ым", "ом"],
        "ые": ["ые", "ых", "ым", "ые", "ыми", "ых"],
        "ие": ["ие", "их", "им", "ие", "ими", "их"],
    }
    for end, forms in table.items():
        if lw.endswith(end):
            return [w[: -len(end)] + f for f in forms]
    if lw.endswith("кий") or lw.endswith("ний"):
        s = w[:-2]
        return [w, s + "ого", s + "ому", w, s + "им", s + "ом"]
    return None


def _uk_noun(w: str, role: Role, female: bool, surname: bool = False) -> list[str]:
    lw = w.lower()
    if lw.endswith("ія"):
        s = w[:-2]
        return [w, s + "ії", s + "ії", s + "ію", s + "ією", s + "ії"]
    if lw.endswith("а"):
        s = w[:-1]
        if female and role == "person" and lw.endswith(("ова", "ева", "єва", "іна", "ина")):
            return [w, s + "ої", s + "ій", s + "у", s + "ою", s + "ій"]
        last = s[-1:].lower()
        soft = s[:-1] + _UK_MUTATION[last] if last in _UK_MUTATION else s
        gen = s + ("і" if last in _SIBILANT else "и")
        return [w, gen, soft + "і", s + "у", s + "ою", soft + "і"]
    if lw.endswith("я"):
        s = w[:-1]
        return [w, s + "і", s + "і", s + "ю", s + "ею", s + "і"]
    if lw.endswith("и") and role == "place" and len(w) > 4:  # plural: Штати -> Штатах
        s = w[:-1]
        return [w, s + "ів", s + "ам", w, s + "ами", s + "ах"]
    if lw[-1:] in _INDECLINABLE_END or female:
        return [w] * N_CASES
    if lw.endswith("ь"):
        s = w[:-1]
        if role == "place":
            return [w, s + "і", s + "і", w, s + "ю", s + "і"]
        return [w, s + "я", s + "ю", s + "я", s + "ем", s + "і"]
    if lw.endswith("ій") and role == "person":
        s = w[:-2]
        return [w, s + "ія", s + "ію", s + "ія", s + "ієм", s + "ії"]
    if lw.endswith("й"):
        s = w[:-1]
        return [w, s + "я", s + "ю", s + "я" if role == "person" else w, s + "єм", s + "ї"]
    acc = w + "а" if role == "person" else w
    if surname and lw.endswith(("ов", "ев", "єв", "ін", "ин", "ів", "їв")):
        return [w, w + "а", w + "у", acc, w + "им", w + "і"]
    ins = w + ("ем" if lw[-1] in _SIBILANT else "ом")
    gen = w + ("а" if role == "person" else "у")
    return [w, gen, w + "у", acc, ins, w + "і"]


def _uk_adj(w: str) -> list[str] | None:
    lw = w.lower()
    table = {
        "на": ["на", "ної", "ній", "ну", "ною", "ній"],
        "ка": ["ка", "кої", "кій", "ку", "кою", "кій"],
        "ий": ["ий", "ого", "ому", "ий", "им", "ому"],
        "ені": ["ені", "ених", "еним", "ені", "еними", "ених"],
        "ські": ["ські", "ських", "ським", "ські", "ськими", "ських"],
    }
    for end, forms in table.items():
        if lw.endswith(end):
            return [w[: -len(end)] + f for f in forms]
    return None


def _hyphenated(word: str, fn, lang: Lang) -> list[str]:  # type: ignore[no-untyped-def]
    """Улан-Батор, Нью-Дели: only the last part declines (each part for женские фамилии)."""
    parts = word.split("-")
    if len(parts) == 1:
        return fn(word)
    last = fn(parts[-1])
    head = "-".join(parts[:-1])
    return [f"{head}-{f}" for f in last]


_UK_HARD = frozenset("бвгґджзклмнпрстфхцчшщ")


def decline(name: str, lang: Lang, role: Role) -> list[str]:
    """The distinct case forms of ``name`` (nominative first), case-aligned across words."""
    words = name.split()
    if not words:
        return []
    female = False
    if role == "person":
        first = words[0].lower()
        last = words[-1].lower()
        female = first.endswith(("а", "я")) or last.endswith(("ова", "ева", "ина", "ая", "єва"))
    noun = _ru_noun if lang == "ru" else _uk_noun
    adj = _ru_adj if lang == "ru" else _uk_adj
    per_word: list[list[str]] = []
    for i, w in enumerate(words):
        is_last = i == len(words) - 1
        forms: list[str] | None = None
        if role == "place" and not is_last:
            forms = adj(w)
        if forms is None and role == "person" and female and "-" in w:
            parts = [noun(p, role, female, is_last) for p in w.split("-")]
            forms = ["-".join(p[c] for p in parts) for c in range(N_CASES)]
        if forms is None:
            forms = _hyphenated(w, lambda x, last=is_last: noun(x, role, female, last), lang)
        per_word.append(forms)
    out: list[str] = []
    for c in range(N_CASES):
        form = " ".join(f[c] for f in per_word)
        if form not in out:
            out.append(form)
    # Ukrainian towns take -а in the genitive where countries take -у ("до Бішкека",
    # "з Мінська", but "до Ірану"): a place ending in a hard consonant gets both.
    last = words[-1]
    if lang == "uk" and role == "place" and last[-1:].lower() in _UK_HARD:
        alt = " ".join([*out[0].split()[:-1], last + "а"])
        if alt not in out:
            out.append(alt)
    return out
