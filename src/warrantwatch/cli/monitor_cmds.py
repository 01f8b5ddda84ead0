"""CLI commands of the monitor layer, registered on the main app by :func:`register`.

Heavy imports stay inside the command functions so that `warrantwatch assess` starts fast.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this layer's commands to ``app``."""
