"""The source catalogue: which feeds, pages, channels and queries the monitor watches.

The catalogue is reviewed data (``src/warrantwatch/data/sources/catalogue.yaml``), not
code: every address in it was seen on a stored page, named in the entry's ``evidence``.
This module reads it into pydantic models, so a malformed entry is reported with its id
and field, and turns its entries into the monitor's :class:`~warrantwatch.config.FeedConfig`.
``warrantwatch data check`` runs :func:`check_catalogue` on it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote_plus, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from warrantwatch.config import FeedConfig

KINDS = ("feed", "page", "telegram", "google_news", "gdelt")
TIERS = ("official", "agency", "wire", "media", "aggregator")
_TELEGRAM = re.compile(r"^https://t\.me/s/[A-Za-z0-9_]{3,}/?$")
DEFAULT_INTERVAL = {"feed": 900, "page": 1800, "telegram": 900, "google_news": 3600, "gdelt": 900}


class CatalogueError(ValueError):
    """The catalogue cannot be read or an entry is invalid; the message names the entry."""


def bundled_catalogue_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "sources" / "catalogue.yaml"


def _http_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {value!r}")
    if parts.username or parts.password:
        raise ValueError("an address must not carry credentials")
    return value


def _lang(value: str) -> str:
    from babel import Locale, UnknownLocaleError

    if not re.fullmatch(r"[a-z]{2}", value or ""):
        raise ValueError(f"not an ISO 639-1 code: {value!r}")
    try:
        Locale.parse(value)
    except (UnknownLocaleError, ValueError) as exc:
        raise ValueError(f"unknown language code {value!r}") from exc
    return value


def _country(value: str | None) -> str | None:
    if value is None:
        return None
    from babel import Locale

    if not re.fullmatch(r"[A-Z]{2}", value) or value not in Locale("en").territories:
        raise ValueError(f"not an ISO 3166-1 alpha-2 code: {value!r}")
    return value


class Evidence(BaseModel):
    """The stored page that shows the address (no address from memory): its ``url``, or
    for a file of the public code index its ``index_file`` id (and how it was found)."""

    model_config = ConfigDict(extra="allow")
    url: str | None = None
    index_file: str | None = None
    title: str = Field(min_length=1)
    seen: dt.date

    @field_validator("url")
    @classmethod
    def _u(cls, v: str | None) -> str | None:
        return None if v is None else _http_url(v)

    @model_validator(mode="after")
    def _somewhere(self) -> Evidence:
        if not self.url and not self.index_file:
            raise ValueError("evidence needs the url of the page (or the index_file id)")
        return self


class Locale3(BaseModel):
    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    hl: str = Field(min_length=2)
    gl: str = Field(min_length=2)
    ceid: str = Field(min_length=4)
    evidence: Evidence | None = None

    @field_validator("ceid")
    @classmethod
    def _ceid(cls, v: str) -> str:
        if ":" not in v:
            raise ValueError(f"ceid is COUNTRY:language, not {v!r}")
        return v


class SourceEntry(BaseModel):
    """One source of the catalogue."""

    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    name: str = Field(min_length=1)
    kind: Literal["feed", "page", "telegram", "google_news", "gdelt"]
    url: str | None = None
    query: str | None = None
    locale: Locale3 | None = None
    languages: list[str] = Field(min_length=1)
    country: str | None = None
    publisher: str = Field(min_length=1)
    tier: Literal["official", "agency", "wire", "media", "aggregator"]
    why: str = Field(min_length=1)
    evidence: Evidence
    interval: int | None = Field(default=None, ge=60)
    enabled: bool = True
    notes: str | None = None

    _l = field_validator("languages")(classmethod(lambda cls, v: [_lang(x) for x in v]))
    _c = field_validator("country")(classmethod(lambda cls, v: _country(v)))

    @model_validator(mode="after")
    def _by_kind(self) -> SourceEntry:
        if self.kind in ("feed", "page", "telegram"):
            if not self.url:
                raise ValueError(f"a {self.kind} source needs a url")
            _http_url(self.url)
            if self.kind == "telegram" and not _TELEGRAM.match(self.url):
                raise ValueError(f"a telegram source's url is https://t.me/s/NAME, not {self.url}")
        elif not self.query:
            raise ValueError(f"a {self.kind} source needs a query")
        if self.kind == "google_news" and self.locale is None:
            raise ValueError("a google_news source needs a locale {hl, gl, ceid}")
        return self


class GoogleNewsTemplate(BaseModel):
    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    url: str
    evidence: Evidence
    locales: dict[str, Locale3] = Field(default_factory=dict)

    @field_validator("url")
    @classmethod
    def _placeholders(cls, v: str) -> str:
        for p in ("{query}", "{hl}", "{gl}", "{ceid}"):
            if p not in v:
                raise ValueError(f"the google_news url template lacks {p}")
        _http_url(v.replace("{", "").replace("}", ""))
        return v

    _k = field_validator("locales")(classmethod(lambda cls, v: {_lang(k): x for k, x in v.items()}))


class GdeltTemplate(BaseModel):
    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    url: str
    evidence: Evidence
    sourcelang: dict[str, str] = Field(default_factory=dict)

    @field_validator("url")
    @classmethod
    def _placeholder(cls, v: str) -> str:
        if "{query}" not in v:
            raise ValueError("the gdelt url template lacks {query}")
        _http_url(v.replace("{query}", "q"))
        return v

    _k = field_validator("sourcelang")(
        classmethod(lambda cls, v: {_lang(k): x for k, x in v.items()})
    )


class Templates(BaseModel):
    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    google_news: GoogleNewsTemplate | None = None
    gdelt: GdeltTemplate | None = None


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="allow")  # notes, also ...: kept, not used
    sources: list[SourceEntry] = Field(default_factory=list)
    templates: Templates = Field(default_factory=Templates)

    def feed_configs(self, *, enabled_only: bool = True) -> list[FeedConfig]:
        """The catalogue's sources as the monitor polls them."""
        return [
            entry_config(e, self.templates) for e in self.sources if e.enabled or not enabled_only
        ]


def google_news_url(template: str, query: str, hl: str, gl: str, ceid: str) -> str:
    return template.format(query=quote_plus(query), hl=hl, gl=gl, ceid=quote_plus(ceid, safe=":"))


def gdelt_url(template: str, query: str) -> str:
    return template.format(query=quote_plus(query))


def entry_config(e: SourceEntry, templates: Templates) -> FeedConfig:
    """One catalogue entry as a monitor source (queries expanded through the templates)."""
    if e.kind == "google_news":
        if templates.google_news is None or e.locale is None:
            raise CatalogueError(f"source {e.id}: no google_news template in the catalogue")
        url = google_news_url(
            templates.google_news.url, e.query or "", e.locale.hl, e.locale.gl, e.locale.ceid
        )
    elif e.kind == "gdelt":
        if templates.gdelt is None:
            raise CatalogueError(f"source {e.id}: no gdelt template in the catalogue")
        url = gdelt_url(templates.gdelt.url, e.query or "")
    else:
        url = e.url or ""
    return FeedConfig(
        url=url,
        interval=e.interval or DEFAULT_INTERVAL[e.kind],
        language=e.languages[0] if len(e.languages) == 1 else None,
        kind=e.kind,
        name=e.name,
        id=e.id,
        tier=e.tier,
        publisher=e.publisher,
        origin="catalogue",
    )


def _where(loc: tuple[Any, ...], data: Any) -> str:
    """'sources[3] (kremlin-news).url' from a pydantic error location."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
            try:
                node = node[part]
                if isinstance(node, dict) and "id" in node:
                    out += f" ({node['id']})"
            except (IndexError, KeyError, TypeError):
                node = None
        else:
            out += f".{part}" if out else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


def parse_catalogue(data: Any, name: str = "catalogue") -> Catalogue:
    """Validate ``data`` (the YAML's content); :class:`CatalogueError` lists every problem."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise CatalogueError(f"{name}: the top level must be a mapping with 'sources:'")
    try:
        cat = Catalogue.model_validate(data)
    except ValidationError as exc:
        lines = [
            f"{name}: {_where(tuple(e['loc']), data)}: {e['msg'].removeprefix('Value error, ')}"
            for e in exc.errors()
        ]
        raise CatalogueError("\n".join(lines)) from None
    problems = check_catalogue(cat)
    if problems:
        raise CatalogueError("\n".join(f"{name}: {p}" for p in problems))
    return cat


def check_catalogue(cat: Catalogue) -> list[str]:
    """What the models cannot see: duplicate ids and addresses, templates that are used."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    urls: dict[str, str] = {}
    for i, e in enumerate(cat.sources):
        if e.id in seen:
            problems.append(f"sources[{i}] ({e.id}): id used twice (also sources[{seen[e.id]}])")
        seen.setdefault(e.id, i)
        if e.kind == "google_news" and cat.templates.google_news is None:
            problems.append(f"sources[{i}] ({e.id}): google_news source without a template")
        if e.kind == "gdelt" and cat.templates.gdelt is None:
            problems.append(f"sources[{i}] ({e.id}): gdelt source without a template")
        key = e.url or f"{e.kind}:{e.query}:{e.locale.ceid if e.locale else ''}"
        if key in urls:
            problems.append(f"sources[{i}] ({e.id}): same address as {urls[key]}")
        urls.setdefault(key, e.id)
    return problems


def read_catalogue(path: Path | None = None) -> Catalogue:
    """The catalogue at ``path`` (the bundled one by default); empty if the bundled file is
    not there yet. Raises :class:`CatalogueError` for an unreadable or invalid file."""
    import yaml

    explicit = path is not None
    path = path or bundled_catalogue_path()
    if not path.is_file():
        if explicit:
            raise CatalogueError(f"no source catalogue at {path}")
        return Catalogue()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"{path.name}: cannot read: {exc}".splitlines()[0]) from None
    return parse_catalogue(data, path.name)
