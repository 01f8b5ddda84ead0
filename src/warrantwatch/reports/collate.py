"""Sorting names as each language sorts them (ICU collation through PyICU).

Byte order puts « Bénin » after « Burkina Faso » and « Équateur » after « Zambie »; the
ICU collator for the language puts them where a reader looks for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import icu

#: ICU locale for each briefing language.
COLLATION_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


@cache
def _collator(lang: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(COLLATION_LOCALES.get(lang, lang)))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A key function that sorts strings as ``lang`` does."""
    return _collator(lang).getSortKey


def collated(items: Iterable[str], lang: str) -> list[str]:
    """``items`` in ``lang``'s alphabetical order."""
    return sorted(items, key=sort_key(lang))
