"""A check's result as plain text or Markdown (JSON is ``CheckResult.as_dict``)."""

from __future__ import annotations

from warrantwatch.check.model import CheckResult, Claim
from warrantwatch.reports.markdown import source_line

MARKS = {"agrees": "AGREES", "disagrees": "DISAGREES", "cannot check": "CANNOT CHECK"}


def summary_line(r: CheckResult) -> str:
    n = r.counts()
    return (
        f"{len(r.claims)} claims checked against the knowledge base as of {r.on}: "
        f"{n['disagrees']} disagree, {n['agrees']} agree, {n['cannot check']} cannot be checked"
    )


def _claim_lines(i: int, c: Claim, md: bool) -> list[str]:
    mark = f"**{MARKS[c.verdict]}**" if md else MARKS[c.verdict]
    quote = f"> {c.sentence}" if md else f'   "{c.sentence}"'
    lines = (
        [f"{i}. {mark} ({c.kind}): {c.claimed}", "", quote, ""]
        if md
        else [f"{i}. [{MARKS[c.verdict]}] {c.kind}: {c.claimed}", quote]
    )
    if c.kb:
        lines.append(f"   Knowledge base: {c.kb}")
    if c.note:
        lines.append(f"   Note: {c.note}")
    if c.unverified:
        lines.append("   Unverified: a fact compared is not fully confirmed by any page read")
    for j, s in enumerate(c.sources, 1):
        lines.append("   " + source_line(j, s))
    lines.append("")
    return lines


def as_text(r: CheckResult) -> str:
    lines = [summary_line(r), ""]
    for i, c in enumerate(r.claims, 1):
        lines.extend(_claim_lines(i, c, md=False))
    if not r.claims:
        lines.append("No claim the knowledge base can test was found.")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(r: CheckResult) -> str:
    lines = ["# Statement check", "", summary_line(r) + ".", ""]
    for i, c in enumerate(r.claims, 1):
        lines.extend(_claim_lines(i, c, md=True))
    if not r.claims:
        lines.append("No claim the knowledge base can test was found.")
    return "\n".join(lines).rstrip() + "\n"
