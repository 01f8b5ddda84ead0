"""Briefings out: Markdown, HTML, and PDF made by WeasyPrint from that same HTML.

The Jinja2 templates live in ``reports/templates``; their words go through gettext
(Jinja2's i18n extension) so that one template serves every language. The page
size is set with CSS ``@page`` (A4 or US Letter); nothing is fetched from the
network: the figures are inline SVG and the fonts are the system's.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

import jinja2
from markupsafe import Markup

from warrantwatch.reports.document import Briefing
from warrantwatch.reports.i18n import Lang, translations

Paper = Literal["a4", "letter"]
PAGE_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}


def _cssstr(value: str) -> Markup:
    """A value safe inside a CSS double-quoted string in a ``<style>`` element.

    ``<style>`` is raw text, so HTML escaping would show as ``&#39;``: escape for CSS
    instead, including ``<`` so that no ``</style>`` can end the element early.
    """
    text = value.unescape() if isinstance(value, Markup) else str(value)
    out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return Markup(out.replace("<", "\\3c "))


@cache
def environment(lang: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("warrantwatch.reports", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=False,
        lstrip_blocks=False,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    env.filters["cssstr"] = _cssstr
    return env


def _kicker(b: Briefing, L: Lang) -> str:
    words = {
        "visit": L._("Warrant Watch · visit briefing"),
        "person": L._("Warrant Watch · person record"),
        "state": L._("Warrant Watch · state record"),
    }
    return words[b.kind]


def render_html(b: Briefing, paper: Paper = "a4") -> str:
    L = Lang(b.lang)
    tmpl = environment(b.lang).get_template("briefing.html")
    return tmpl.render(b=b, L=L, page_size=PAGE_SIZES[paper], kicker=_kicker(b, L))


def render_markdown(b: Briefing) -> str:
    L = Lang(b.lang)
    text = environment(b.lang).get_template("briefing.md").render(b=b, L=L, kicker=_kicker(b, L))
    # collapse the blank lines the template's blocks leave behind
    lines: list[str] = []
    for ln in text.splitlines():
        if ln.strip() == "" and lines and lines[-1].strip() == "":
            continue
        lines.append(ln.rstrip())
    return "\n".join(lines).strip() + "\n"


def render_pdf(b: Briefing, paper: Paper = "a4") -> bytes:
    """The HTML rendering laid out by WeasyPrint for print."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    pdf = HTML(string=render_html(b, paper), base_url=None).write_pdf()
    assert pdf is not None
    return pdf


def render(b: Briefing, fmt: str, paper: Paper = "a4") -> bytes:
    """``markdown``, ``html`` or ``pdf``, as bytes ready to write."""
    if fmt == "pdf":
        return render_pdf(b, paper)
    if fmt == "html":
        return render_html(b, paper).encode("utf-8")
    return render_markdown(b).encode("utf-8")
