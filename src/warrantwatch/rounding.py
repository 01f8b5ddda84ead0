"""Numbers as people read them.

A confidence is a sum of weighted cues (0.8795000000000002 after floating point);
shown anywhere a person reads it (pages, CLI text, the API, feeds) it has two
decimals: 0.88. Stored values keep their full precision.
"""

from __future__ import annotations

#: Decimals of a confidence shown to people.
CONFIDENCE_DECIMALS = 2


def confidence(value: float | None) -> float | None:
    """``value`` rounded for reading (``None`` stays ``None``)."""
    return None if value is None else round(float(value), CONFIDENCE_DECIMALS)
