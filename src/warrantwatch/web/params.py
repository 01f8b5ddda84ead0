"""Parameter types shared by pages and the API, strict where pydantic is lenient.

- :data:`IsoDate`: only ``YYYY-MM-DD``. Pydantic reads ``0`` or ``1700000000`` as a Unix
  time, so ``on=0`` silently meant 1 January 1970; a legal question on the wrong day
  is worse than an error.
- :data:`RowId`: a database id, 1 to 2**31-1 (PostgreSQL's ``integer``); a larger one
  used to reach SQLite and fail with ``OverflowError`` (a 500). Now it is a 404/422.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Path
from pydantic import BeforeValidator

MAX_ROW_ID = 2**31 - 1
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def iso_day_only(value: Any) -> Any:
    """Let only a ``YYYY-MM-DD`` text (or a date) through to pydantic's date parsing."""
    if isinstance(value, dt.date) or value is None:
        return value
    if not isinstance(value, str) or not _ISO_DAY.match(value.strip()):
        raise ValueError("not a date; use YYYY-MM-DD, for example 2025-10-09")
    return value.strip()


IsoDate = Annotated[dt.date, BeforeValidator(iso_day_only)]
RowId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="Id of the row.")]
