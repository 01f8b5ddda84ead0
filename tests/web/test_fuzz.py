"""OpenAPI-driven fuzzing of the JSON API (schemathesis): whatever it sends, no 5xx, and
every answer matches the documented schema. Bounded: a few examples per operation.

The app is built at import on a private SQLite file (schemathesis' lazy fixture loader
does not work with pytest 9), with the fixture data and two monitor reports.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from tests.conftest import FIXTURE_DATA
from tests.web.seed import seed_reports

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.web.app import create_app

_DB = Path(tempfile.mkdtemp(prefix="ww-fuzz-")) / "fuzz.sqlite3"
_SETTINGS = Settings(database_url=f"sqlite:///{_DB}", data_dir=FIXTURE_DATA, web_secret_key="f")
_KB = open_kb(_SETTINGS)
seed_reports(_KB, _SETTINGS)
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(_SETTINGS, _KB))

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_fuzz(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(checks=CHECKS)
