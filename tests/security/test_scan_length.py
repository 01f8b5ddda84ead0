"""Issue 15, item 9: one hostile page must not stall the monitor. The work the trip rules do
grows with the length of the text, not with its square. Counted, not timed: the places,
dates and words the rules look at, for a text and for the same text twice as long."""

from __future__ import annotations

import pytest

from warrantwatch.monitor import trips
from warrantwatch.monitor.model import Article
from warrantwatch.monitor.scanner import Scanner


def _work(scanner: Scanner, text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    seen = [0]
    within = trips._Positions.within

    def counting(self, lo: int, hi: int):  # type: ignore[no-untyped-def]
        out = within(self, lo, hi)
        seen[0] += len(out) + 1
        return out

    monkeypatch.setattr(trips._Positions, "within", counting)
    scanner.scan(Article(text=text))
    monkeypatch.setattr(trips._Positions, "within", within)
    return seen[0]


@pytest.mark.parametrize("stop", [". ", ", "])  # sentences, and one run without full stops
def test_rule_work_grows_linearly_with_the_text(
    scanner: Scanner, monkeypatch: pytest.MonkeyPatch, stop: str
) -> None:
    unit = "Vladimir Putin will visit Mongolia on 3 September and then Tajikistan" + stop
    small = _work(scanner, unit * 400, monkeypatch)
    large = _work(scanner, unit * 1600, monkeypatch)
    assert small > 0
    assert large <= 4 * small * 1.3  # four times the text, about four times the work
