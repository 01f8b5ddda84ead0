"""Fixtures of the monitor-service tests: a local HTTP server and settings that point at it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from tests.conftest import FIXTURE_DATA
from tests.monitor_service.helpers import LocalServer

from warrantwatch.config import FeedConfig, Settings


@pytest.fixture
def server() -> Iterator[LocalServer]:
    srv = LocalServer()
    try:
        yield srv
    finally:
        srv.close()


@pytest.fixture
def make_settings(db_url: str) -> Callable[..., Settings]:
    """Settings on the test database and fixture data, allowed to fetch from 127.0.0.1."""

    def make(feeds: list[dict[str, Any]] | None = None, **kw: Any) -> Settings:
        base: dict[str, Any] = {
            "database_url": db_url,
            "data_dir": FIXTURE_DATA,
            "allow_private_addresses": True,
            "fetch_timeout": 2.0,
            "fetch_retries": 1,
            "fetch_backoff": 0.01,
            "monitor_workers": 4,
        }
        base.update(kw)
        return Settings(feeds=[FeedConfig(**f) for f in feeds or []], **base)

    return make
