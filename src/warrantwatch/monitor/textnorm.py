"""Offset-preserving text folding, shared by the pattern builder and the scanner.

Patterns and texts go through the same :func:`fold`, so that a pattern matches
whatever case, apostrophe, dash or line break the writer used. Every step maps one
character to one character: an offset in the folded text is the same offset in the
original, which is how evidence sentences and case checks read the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

#: Characters replaced one-for-one before matching (after lower-casing). Apostrophes,
#: hyphens, quotes and brackets become spaces, so that every word is preceded by a space
#: ("l'invitation", "pro-Putin", "«Путин»"): the automaton's short patterns are anchored
#: on that space and only match whole words.
_REPLACE: tuple[tuple[str, str], ...] = (
    ("\n", " "),
    ("\r", " "),
    ("\t", " "),
    ("\xa0", " "),
    ("\u202f", " "),
    ("\u2009", " "),
    ("ё", "е"),
    ("'", " "),
    ("’", " "),
    ("ʼ", " "),
    ("‘", " "),
    ("`", " "),
    ("´", " "),
    ("-", " "),
    ("‐", " "),
    ("‑", " "),
    ("–", " "),
    ("—", " "),
    ('"', " "),
    ("«", " "),
    ("»", " "),
    ("“", " "),
    ("”", " "),
    ("„", " "),
    ("(", " "),
    (")", " "),
    ("[", " "),
    ("]", " "),
    ("ـ", " "),  # Arabic tatweel (elongation): not a letter
    ("أ", "ا"),  # Arabic alef with hamza above / below / madda: written either way
    ("إ", "ا"),
    ("آ", "ا"),
    ("ى", "ي"),  # alef maqsura, often written as yeh
    # Arabic and Persian (and Urdu) write yeh, kaf and teh marbuta in their own forms, and
    # pages of either often come in the other's (an Arabic report typed on a Persian
    # keyboard): one form each, in patterns and text alike.
    ("ی", "ي"),  # Farsi yeh
    ("ک", "ك"),  # keheh
    ("ة", "ه"),  # teh marbuta, often written as heh
    ("ۀ", "ه"),  # heh with yeh above (Persian ezafe)
    ("ş", "ș"),  # Romanian s and t with cedilla, the older encoding of the comma letters
    ("ţ", "ț"),  # (CLDR writes the comma forms; much Romanian news still has the cedilla)
)


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters (İ -> i + dot) lower-case to two code points: keep the first.
    return "".join(c.lower()[0] for c in text)


def _latin1_table() -> bytes:
    """:func:`fold` as a byte table for text within Latin-1 (English, French, Spanish ...)."""
    table = bytearray(range(256))
    for i in range(256):
        low = chr(i).lower()
        if len(low) == 1 and ord(low) < 256:
            table[i] = ord(low)
    for old, new in _REPLACE:
        if ord(old) < 256:
            table[ord(old)] = ord(new)
    return bytes(table)


_LATIN1 = _latin1_table()


def fold(text: str) -> str:
    """Lower-case and unify punctuation, keeping every character at its offset.

    Text that Latin-1 can hold (English, French, German, Spanish ... without curly
    quotes or dashes) is folded with one byte-table pass, several times faster than
    ``str.lower`` on such text; other text takes :func:`_fold_any`. Both give the same
    result (tests/monitor/test_text_units.py checks it).
    """
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _fold_any(text)
    return raw.translate(_LATIN1).decode("latin-1")


def _fold_any(text: str) -> str:
    out = _lower_same_length(text)
    for old, new in _REPLACE:
        if old in out:
            out = out.replace(old, new)
    if _HAN.search(out):
        out = out.translate(_traditional_to_simplified())
    return out


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


@cache
def _traditional_to_simplified() -> dict[int, int]:
    """Traditional Chinese characters to their simplified forms, one for one, from OpenCC's
    ``t2s`` tables: Hong Kong and Taiwan news write 杜特爾特 and 國際刑事法院 where the
    knowledge base and the language file have 杜特尔特 and 国际刑事法院. Characters whose
    simplified form is not a single character are left as they are (offsets are kept)."""
    import opencc

    conv = opencc.OpenCC("t2s")
    table: dict[int, int] = {}
    for block in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)):
        for cp in range(*block):
            ch = chr(cp)
            simple = conv.convert(ch)
            if simple != ch and len(simple) == 1:
                table[cp] = ord(simple)
    return table


def strip_accents(text: str) -> str:
    """Latin letters without diacritics ("Béchir" -> "Bechir"); other scripts unchanged.

    Marks on Cyrillic (й, ї) and Arabic letters carry meaning, so only marks whose
    base letter is Latin are dropped.
    """
    out: list[str] = []
    base_latin = False
    for c in unicodedata.normalize("NFD", text):
        if unicodedata.category(c) == "Mn":
            if base_latin:
                continue
        else:
            base_latin = c.isascii()
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def script_of(word: str) -> str:
    """The script of the first letter: latin, cyrillic, arabic, hebrew, han (Chinese
    characters and kana), hangul, armenian, georgian or other."""
    for c in word:
        if not c.isalpha():
            continue
        o = ord(c)
        if o < 0x0250 or 0x1E00 <= o < 0x1F00:
            return "latin"
        if 0x0400 <= o < 0x0530:
            return "cyrillic"
        if 0x0600 <= o < 0x0700 or 0x0750 <= o < 0x0780 or 0xFB50 <= o < 0xFE00:
            return "arabic"
        if 0x0590 <= o < 0x0600:
            return "hebrew"
        if 0x3040 <= o < 0x3100 or 0x3400 <= o < 0xA000 or 0xF900 <= o < 0xFB00:
            return "han"  # Chinese characters and Japanese kana: no spaces between words
        if 0xAC00 <= o < 0xD7B0 or 0x1100 <= o < 0x1200 or 0x3130 <= o < 0x3190:
            return "hangul"
        if 0x0530 <= o < 0x0590 or 0xFB13 <= o < 0xFB18:
            return "armenian"
        if 0x10A0 <= o < 0x1100 or 0x1C90 <= o < 0x1CC0 or 0x2D00 <= o < 0x2D30:
            return "georgian"
        return "other"
    return "other"
