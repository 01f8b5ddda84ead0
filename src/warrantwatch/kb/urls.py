"""Whether a source's address would open: parsed, not guessed from its first characters.

The schema only asks for ``http(s)://`` and a host; a reader clicking an address with a
space in it, a port out of range or a host that is no host name gets nothing. ``data
check --warnings`` lists every such address, and editors' changes are refused with them.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_BAD_CHARS = re.compile(r"[\s<>\"{}|\\^`\x00-\x1f\x7f]")


def address_problem(url: str) -> str | None:
    """Why ``url`` is not a valid web address, or ``None`` when it is one."""
    if url != url.strip():
        return "leading or trailing spaces"
    if m := _BAD_CHARS.search(url):
        what = "a space" if m.group().isspace() else f"the character {m.group()!r}"
        return f"contains {what} (percent-encode it)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"does not parse: {exc}"
    if parts.scheme not in ("http", "https"):
        return f"scheme {parts.scheme or '(none)'!r} is not http or https"
    host = parts.hostname or ""
    if not host:
        return "no host"
    if port == 0:
        return "port 0"
    if host.endswith("."):
        return "host ends with a dot"
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return f"host {host!r} is not a valid international name"
    labels = ascii_host.split(".")
    if len(labels) < 2 and ascii_host != "localhost":
        return f"host {host!r} has no domain"
    if not all(_HOST_LABEL.match(label) for label in labels):
        return f"host {host!r} is not a host name"
    return None
