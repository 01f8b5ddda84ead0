"""Files to take away: briefings, feeds to subscribe to, and the exports.

Every route here calls the report layer's own functions (the ones ``warrantwatch
brief``, ``feed`` and ``export`` call), so a file downloaded from the site is the file
the command line writes. Renderings are cached per knowledge-base snapshot (a PDF
takes seconds to lay out); a review change makes a new snapshot and fresh files.

- ``/assess/{person}/{state}/{date}/briefing.{pdf,html,md}``, ``/persons/{id}/briefing.…``
  and ``/states/{iso2}/briefing.…``, each with ``?lang=en|fr`` (and ``?on=`` for the
  last two);
- ``/feeds/alerts.atom`` and ``/feeds/trips.ics``, listed on ``/feeds`` with their
  addresses to subscribe to;
- ``/exports/warrantwatch.ftm.json`` (FollowTheMoney, one entity a line),
  ``/exports/warrantwatch-csv.zip`` and ``/exports/warrantwatch-json.zip``.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from warrantwatch.law.world import World
from warrantwatch.reports.i18n import LANGUAGES
from warrantwatch.web import pages
from warrantwatch.web.deps import KB, Reader
from warrantwatch.web.facts import per_world_cache

router = APIRouter(include_in_schema=False)

#: file extension on the site -> (renderer's format, media type)
BRIEF_FORMATS: dict[str, tuple[str, str]] = {
    "pdf": ("pdf", "application/pdf"),
    "html": ("html", "text/html; charset=utf-8"),
    "md": ("markdown", "text/markdown; charset=utf-8"),
}
LANGUAGE_NAMES = {"en": "English", "fr": "français"}
#: The briefing's HTML has its own ``<style>`` (page size, print layout) and no script:
#: it gets a policy of its own instead of the site's, which forbids inline styles.
BRIEFING_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
FEEDS = {
    "alerts.atom": ("application/atom+xml; charset=utf-8", "Atom feed of alerts and trips"),
    "trips.ics": ("text/calendar; charset=utf-8", "iCalendar of expected trips"),
}
EXPORTS = {
    "warrantwatch.ftm.json": (
        "application/x-ndjson; charset=utf-8",
        "FollowTheMoney entities, one JSON object a line (as `ftm` tools read them)",
    ),
    "warrantwatch-csv.zip": ("application/zip", "CSV tables for spreadsheets, with sources"),
    "warrantwatch-json.zip": (
        "application/zip",
        "Lossless JSON tables, with the data files that rebuild the knowledge base",
    ),
}
LangQuery = Annotated[str, Query(max_length=5, description="en or fr")]
OnQuery = Annotated[dt.date | None, Query(description="Date, YYYY-MM-DD; today if left out.")]


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise pages.PageError(
            400,
            "Unknown language",
            f"no briefing in {lang!r}; choose one of {', '.join(LANGUAGES)}",
        )
    return lang


def _fmt(ext: str) -> tuple[str, str]:
    if ext not in BRIEF_FORMATS:
        raise pages.PageError(
            404,
            "No such format",
            f"briefings come as {', '.join('.' + x for x in BRIEF_FORMATS)}, not .{ext}",
        )
    return BRIEF_FORMATS[ext]


@per_world_cache(48)
def _rendered(
    world: World, kind: str, key: tuple[str, ...], day: dt.date, fmt: str, lang: str
) -> bytes:
    """The briefing's bytes, made by the report layer exactly as ``warrantwatch brief`` does."""
    from warrantwatch.reports.record import person_briefing, state_briefing
    from warrantwatch.reports.render import render
    from warrantwatch.reports.visit import visit_briefing

    if kind == "visit":
        b = visit_briefing(world, world.persons[key[0]], world.states[key[1]], day, lang=lang)
    elif kind == "person":
        b = person_briefing(world, world.persons[key[0]], day, lang=lang)
    else:
        b = state_briefing(world, world.states[key[0]], day, lang=lang)
    return render(b, fmt)


def _briefing(
    world: World, kind: str, key: tuple[str, ...], day: dt.date, ext: str, lang: str, stem: str
) -> Response:
    fmt, media = _fmt(ext)
    data = _rendered(world, kind, key, day, fmt, _lang(lang))
    name = f"warrantwatch-{stem}-{lang}.{ext}"
    disposition = "attachment" if ext != "html" else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="{name}"'}
    if ext == "html":
        headers["Content-Security-Policy"] = BRIEFING_CSP
    return Response(data, media_type=media, headers=headers)


def briefing_links(base: str, query: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """The links a page shows: one group per language, one link per format."""
    from urllib.parse import urlencode

    out = []
    for lang in LANGUAGES:
        q = urlencode({**(query or {}), "lang": lang})
        out.append(
            {
                "lang": lang,
                "language": LANGUAGE_NAMES.get(lang, lang),
                "links": [
                    {
                        "ext": ext,
                        "label": ext.upper() if ext != "md" else "Markdown",
                        "href": f"{base}/briefing.{ext}?{q}",
                    }
                    for ext in BRIEF_FORMATS
                ],
            }
        )
    return out


@router.get("/assess/{person_q}/{state_q}/{day}/briefing.{ext}")
def visit_briefing_file(
    kb: KB, _user: Reader, person_q: str, state_q: str, day: str, ext: str, lang: LangQuery = "en"
) -> Response:
    """The visit briefing of the assessment at ``/assess/{person}/{state}/{date}``."""
    on = pages.parse_day(day)
    person = pages.find_person(kb, person_q)
    state = pages.find_state(kb, state_q)
    stem = f"{person.id}-{state.iso2}-{on.isoformat()}"
    return _briefing(kb.world, "visit", (person.id, state.iso2), on, ext, lang, stem)


@router.get("/persons/{person_id}/briefing.{ext}")
def person_briefing_file(
    kb: KB, _user: Reader, person_id: str, ext: str, lang: LangQuery = "en", on: OnQuery = None
) -> Response:
    person = pages.find_person(kb, person_id)
    day = on or dt.date.today()
    stem = f"{person.id}-{day.isoformat()}"
    return _briefing(kb.world, "person", (person.id,), day, ext, lang, stem)


@router.get("/states/{iso2}/briefing.{ext}")
def state_briefing_file(
    kb: KB, _user: Reader, iso2: str, ext: str, lang: LangQuery = "en", on: OnQuery = None
) -> Response:
    state = pages.find_state(kb, iso2)
    day = on or dt.date.today()
    stem = f"{state.iso2}-{day.isoformat()}"
    return _briefing(kb.world, "state", (state.iso2,), day, ext, lang, stem)


# --- feeds ------------------------------------------------------------------------------


def site_root(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@router.get("/feeds/{name}")
def feed_file(request: Request, kb: KB, _user: Reader, name: str) -> Response:
    """The Atom feed and the iCalendar, as ``warrantwatch feed atom|ics`` writes them."""
    from warrantwatch.reports.feeds import atom_feed, ics_feed

    if name not in FEEDS:
        raise pages.PageError(
            404, "No such feed", f"there is no feed {name!r}", [(n, f"/feeds/{n}") for n in FEEDS]
        )
    if name == "alerts.atom":
        data = atom_feed(kb.world, engine=kb.engine, base_url=site_root(request))
    else:
        data = ics_feed(kb.world, engine=kb.engine)
    return Response(data, media_type=FEEDS[name][0], headers={"Cache-Control": "max-age=300"})


@router.get("/feeds", response_class=HTMLResponse)
def feeds_page(request: Request, _user: Reader) -> Response:
    """Where to subscribe, and the exports to download."""
    root = site_root(request)
    host = root.split("://", 1)[-1]
    feeds = [
        {
            "name": name,
            "href": f"/feeds/{name}",
            "address": f"{root}/feeds/{name}",
            "webcal": f"webcal://{host}/feeds/{name}" if name.endswith(".ics") else None,
            "media": media.split(";")[0],
            "what": what,
        }
        for name, (media, what) in FEEDS.items()
    ]
    exports = [
        {"name": n, "href": f"/exports/{n}", "media": m.split(";")[0], "what": w}
        for n, (m, w) in EXPORTS.items()
    ]
    return pages.render(request, "feeds.html", {"feeds": feeds, "exports": exports, "nav": "feeds"})


# --- exports ----------------------------------------------------------------------------


def _zip_dir(folder: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, f.relative_to(folder).as_posix())
    return buf.getvalue()


@per_world_cache(6)
def _export(world: World, engine: Any, name: str, today: dt.date) -> bytes:
    """The export as ``warrantwatch export`` writes it (one zip for a folder of files)."""
    from warrantwatch.reports import exports
    from warrantwatch.reports.ftm import entities, ftm_line

    if name == "warrantwatch.ftm.json":
        return "".join(ftm_line(e) for e in entities(world, today)).encode("utf-8")
    fmt = "csv" if name.endswith("-csv.zip") else "json"
    with tempfile.TemporaryDirectory(prefix="ww-web-export-") as tmp:
        out = Path(tmp) / "export"
        exports.export(engine, world, fmt, out)
        return _zip_dir(out)


@router.get("/exports/{name}")
def export_file(kb: KB, _user: Reader, name: str) -> Response:
    if name not in EXPORTS:
        raise pages.PageError(
            404,
            "No such export",
            f"there is no export {name!r}",
            [(n, f"/exports/{n}") for n in EXPORTS],
        )
    data = _export(kb.world, kb.engine, name, dt.date.today())
    return Response(
        data,
        media_type=EXPORTS[name][0],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
