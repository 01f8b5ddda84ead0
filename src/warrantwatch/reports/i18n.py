"""Languages of the briefings: gettext catalogues, dates, country names and institutions.

English is the source language (the message ids). French reads as written in French:
dates through Babel (« 9 octobre 2025 », « 1er juillet 2002 »), country names from
CLDR with the article and preposition French grammar wants (« le Tadjikistan »,
« au Tadjikistan », « en Mongolie »), and the Court's organs by their French names
(« Chambre préliminaire II »). Sentences are never machine-translated: each one is
a catalogue entry filled from structured fields.

The catalogues live in ``reports/locale/<lang>/LC_MESSAGES/messages.po`` and are
compiled to ``.mo`` beside them (committed; ``python -m warrantwatch.reports.i18n``
recompiles them after an edit).
"""

from __future__ import annotations

import datetime as dt
import gettext
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.support import NullTranslations, Translations

from warrantwatch.kb.tiers import tier_of
from warrantwatch.law.records import SourceRef

LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("en", "fr")
#: Babel locale used for each language's dates (``en_GB`` writes "9 October 2025").
DATE_LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def N_(message: str) -> str:
    """Mark a string for extraction without translating it here."""
    return message


class UnknownLanguage(ValueError):
    """A language with no catalogue."""


@cache
def translations(lang: str) -> NullTranslations:
    if lang not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang == "en":
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), locales=[lang], domain="messages")


@dataclass(frozen=True, slots=True)
class CountryName:
    """A state's name in the forms a sentence needs."""

    name: str  # Tadjikistan
    subject: str  # le Tadjikistan
    in_: str  # au Tadjikistan
    of: str  # du Tadjikistan


# -- French grammar of country names --------------------------------------------------

_FR_PLURAL = {
    "États-Unis",
    "Philippines",
    "Pays-Bas",
    "Comores",
    "Émirats arabes unis",
    "Maldives",
    "Seychelles",
    "Fidji",
    "Îles Marshall",
    "Îles Salomon",
    "Bahamas",
}
#: Names used without an article (mostly islands and city-states).
_FR_BARE = {
    "Israël",
    "Cuba",
    "Chypre",
    "Malte",
    "Madagascar",
    "Maurice",
    "Singapour",
    "Bahreïn",
    "Haïti",
    "Monaco",
    "Saint-Marin",
    "Sainte-Lucie",
    "Saint-Vincent-et-les-Grenadines",
    "Saint-Christophe-et-Niévès",
    "Antigua-et-Barbuda",
    "Trinité-et-Tobago",
    "Nauru",
    "Tuvalu",
    "Kiribati",
    "Tonga",
    "Samoa",
    "Palaos",
    "Djibouti",
    "Oman",
    "Brunéi Darussalam",
    "Sao Tomé-et-Principe",
    "Taïwan",
    "Hong Kong",
    "Macao",
}
#: Names ending in -e that are masculine.
_FR_MASCULINE_E = {"Mexique", "Cambodge", "Mozambique", "Zimbabwe", "Belize", "Suriname"}
#: Names that open with a common noun take « dans » (« dans l'État de Palestine »).
_FR_COMMON_NOUNS = {"État", "République", "Principauté"}
_FR_VOWEL = re.compile(r"^[AEIOUYÂÉÈÊÎÏÔÙÛ]", re.IGNORECASE)


def french_country(name: str) -> CountryName:
    """``Tadjikistan`` -> le Tadjikistan / au Tadjikistan / du Tadjikistan."""
    if name in _FR_PLURAL:
        return CountryName(name, f"les {name}", f"aux {name}", f"des {name}")
    if name in _FR_BARE:
        de = f"d'{name}" if _FR_VOWEL.match(name) else f"de {name}"
        loc = f"en {name}" if _FR_VOWEL.match(name) else f"à {name}"
        return CountryName(name, name, loc, de)
    if name.split(" ")[0] in _FR_COMMON_NOUNS:
        # « l'État de Palestine », « dans l'État de Palestine », « de l'État de Palestine »
        subject = f"l'{name}" if _FR_VOWEL.match(name) else f"la {name}"
        return CountryName(name, subject, f"dans {subject}", f"de {subject}")
    if _FR_VOWEL.match(name):
        return CountryName(name, f"l'{name}", f"en {name}", f"de l'{name}")
    first = name.split(" ")[0].split("-")[0]
    feminine = first.endswith("e") and first not in _FR_MASCULINE_E
    if feminine:
        return CountryName(name, f"la {name}", f"en {name}", f"de la {name}")
    return CountryName(name, f"le {name}", f"au {name}", f"du {name}")


# -- institutions -------------------------------------------------------------------

_BODIES = {
    "Appeals Chamber": N_("Appeals Chamber"),
    "ICC Appeals Chamber": N_("Appeals Chamber"),
    "Assembly of States Parties to the Rome Statute": N_(
        "Assembly of States Parties to the Rome Statute"
    ),
    "African Union Assembly of Heads of State and Government": N_(
        "African Union Assembly of Heads of State and Government"
    ),
    "Assembly of States Parties": N_("Assembly of States Parties"),
    "African Union": N_("African Union"),
    "Security Council": N_("Security Council"),
    "UN Security Council": N_("UN Security Council"),
    "International Criminal Court": N_("International Criminal Court"),
    "Office of the Prosecutor": N_("Office of the Prosecutor"),
    "Presidency": N_("Presidency"),
}
_CHAMBER = re.compile(r"^(?:ICC )?(Pre-Trial|Trial) Chamber ([IVX]+)$")
_GOVERNMENT = re.compile(r"^Government of (?:the )?(?P<state>[^(]+?)\s*(?:\((?P<who>.*)\))?$")


@dataclass(frozen=True)
class Lang:
    """Everything a renderer needs to write in one language."""

    code: str

    def __post_init__(self) -> None:
        translations(self.code)  # an unknown language fails here, with the choices

    @property
    def tr(self) -> NullTranslations:
        return translations(self.code)

    def _(self, message: str, **values: Any) -> str:
        text = self.tr.gettext(message)
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        text = self.tr.ngettext(singular, plural, n)
        return text % {"num": n, **values}

    def date(self, d: dt.date | None) -> str:
        """``9 October 2025`` / ``9 octobre 2025``; the first of the month is ``1er`` in French."""
        if d is None:
            return self._("an unknown date")
        out = format_date(d, "long", locale=DATE_LOCALES[self.code])
        if self.code == "fr" and d.day == 1:
            out = "1er" + out[1:]
        return out

    def quote(self, text: str) -> str:
        """A title in this language's quotation marks: “…” or « … »."""
        return self._("“%(title)s”", title=text)

    def month(self, d: dt.date) -> str:
        """``March 2024`` / ``mars 2024`` for dates known only to the month."""
        return format_date(d, "LLLL y", locale=DATE_LOCALES[self.code])

    def short_month(self, d: dt.date) -> str:
        return format_date(d, "LLL y", locale=DATE_LOCALES[self.code])

    def trip_date(self, start: dt.date, end: dt.date | None, precision: str = "day") -> str:
        """A trip's dates: ``3 September 2024``, ``from 8 to 10 October 2025``, ``March 2024``."""
        if precision == "year":
            return str(start.year)
        if precision == "month":
            return self.month(start)
        if end is None or end == start:
            return self.date(start)
        if (end.year, end.month) == (start.year, start.month):
            first = "1er" if (self.code == "fr" and start.day == 1) else str(start.day)
            return self._("from %(start)s to %(end)s", start=first, end=self.date(end))
        return self._("from %(start)s to %(end)s", start=self.date(start), end=self.date(end))

    def country(self, iso2: str, english: str | None = None) -> CountryName:
        if self.code == "fr":
            name = (
                french_names()["states"].get(iso2)
                or Locale("fr").territories.get(iso2)
                or english
                or iso2
            )
            return french_country(name)
        name = english or Locale("en").territories.get(iso2) or iso2
        return CountryName(name, name, f"in {name}", f"of {name}")

    def body(self, name: str) -> str:
        """A court organ or body by its name in this language (unknown names kept as written)."""
        m = _CHAMBER.match(name.strip())
        if m:
            kind = (
                N_("Pre-Trial Chamber %(n)s") if m[1] == "Pre-Trial" else N_("Trial Chamber %(n)s")
            )
            return self._(kind, n=m[2])
        if name in _BODIES:
            return self._(_BODIES[name])
        if self.code == "fr" and name in french_names()["bodies"]:
            return french_names()["bodies"][name]
        g = _GOVERNMENT.match(name.strip())
        if g and self.code != "en":
            iso = _english_codes().get(g["state"].removeprefix("Republic of ").strip())
            if iso:
                return self._(N_("Government %(of_state)s"), of_state=self.country(iso).of)
        return name

    def the_body(self, name: str) -> str:
        """With the article French needs before an organ (``la Chambre d'appel``)."""
        out = self.body(name)
        if self.code == "en":
            numbered = _CHAMBER.match(name.strip()) is not None
            return out if numbered or out.startswith("The ") else f"the {out}"
        if out == name and not _CHAMBER.match(name):
            return out
        if _FR_VOWEL.match(out):
            return f"l'{out}"
        article = _FR_BODY_ARTICLES.get(out.split(" ")[0])
        return f"{article} {out}" if article else out


_FR_BODY_ARTICLES = {"Chambre": "la", "Cour": "la", "Présidence": "la", "Conseil": "le"}
_FR_BODY_ARTICLES["Bureau"] = "le"
_FR_BODY_ARTICLES["Gouvernement"] = "le"


NAMES_FILE = Path(__file__).resolve().parent.parent / "data" / "names" / "fr.yaml"


@cache
def french_names() -> dict[str, dict[str, str]]:
    """The Court's French names of states and the French names of bodies (``data/names``)."""
    raw = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    return {
        "states": {iso: entry["name"] for iso, entry in raw["states"].items()},
        "bodies": dict(raw["bodies"]),
    }


@dataclass(frozen=True, slots=True)
class DocumentTitle:
    """A document's title for a briefing in one language.

    ``translated`` is false when the language's own title is not on file, so the briefing
    shows the original (English) title and must say so; ``sources`` are the pages that show
    the title in this language, cited beside the document's own sources.
    """

    text: str
    translated: bool
    sources: tuple[SourceRef, ...] = ()


@cache
def french_titles() -> dict[str, tuple[str, SourceRef]]:
    """French titles of rulings as the Court published them, by authority id (``data/names``).

    Only titles a page of the Court or the Assembly shows in French are on file; a title is
    never translated here, so every other ruling keeps its original title, marked as such.
    """
    raw = yaml.safe_load(NAMES_FILE.read_text(encoding="utf-8"))
    out: dict[str, tuple[str, SourceRef]] = {}
    for auth_id, entry in (raw.get("titles") or {}).items():
        src = entry["source"]
        ref = SourceRef(
            url=src["url"],
            publisher=src["publisher"],
            title=src["title"],
            date=src.get("date"),
            accessed=src.get("accessed"),
            tier=tier_of(src["url"], src["publisher"]),
        )
        out[str(auth_id)] = (entry["title"], ref)
    return out


def document_title(code: str, authority_id: str, title: str) -> DocumentTitle:
    """``title`` (the data's English title) in language ``code``, when the Court gave one."""
    if code == "en":
        return DocumentTitle(title, translated=True)
    if code == "fr" and authority_id in french_titles():
        text, ref = french_titles()[authority_id]
        return DocumentTitle(text, translated=True, sources=(ref,))
    return DocumentTitle(title, translated=False)


@cache
def _english_codes() -> dict[str, str]:
    """CLDR's English country names to ISO codes (``Chad`` -> ``TD``)."""
    return {name: code for code, name in Locale("en").territories.items() if len(code) == 2}


def compile_catalogues() -> list[Path]:
    """Compile every ``messages.po`` under ``locale/`` to its ``.mo`` (after editing a .po)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    out = []
    for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")):
        with po.open("rb") as fh:
            catalog = read_po(fh)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as fh:
            write_mo(fh, catalog)
        out.append(mo)
    translations.cache_clear()
    return out


def gettext_for(lang: str) -> gettext.NullTranslations:
    """The catalogue as the standard library sees it (for Jinja2's i18n extension)."""
    return translations(lang)


if __name__ == "__main__":
    for path in compile_catalogues():
        print(f"compiled {path}")
