"""Fixtures of the security suite: the web app and accounts (tests/web), the local HTTP
server and monitor settings (tests/monitor_service), and the CLI on scanner fixtures."""

from __future__ import annotations

from tests.monitor.conftest import scan_env
from tests.monitor_service.conftest import make_settings, server
from tests.web.conftest import accounts, app, client, web_kb, web_settings

__all__ = [
    "accounts",
    "app",
    "client",
    "make_settings",
    "scan_env",
    "server",
    "web_kb",
    "web_settings",
]
