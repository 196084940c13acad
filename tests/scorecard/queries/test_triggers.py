"""The named rules of triggers.py, each on its own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from safeboard.scorecard.models import Indicator, Polarity
from safeboard.scorecard.queries.triggers import misses_target


def _indicator(polarity, target=None, tolerance=None) -> Indicator:
    return Indicator(
        code="X-1",
        unit="percentage",
        polarity=polarity,
        target=None if target is None else Decimal(target),
        tolerance=None if tolerance is None else Decimal(tolerance),
    )


@pytest.mark.parametrize(
    ("polarity", "target", "tolerance", "value", "missed"),
    [
        (Polarity.UP, 90, None, "89.99", True),
        (Polarity.UP, 90, None, "90", False),
        (Polarity.UP, 90, 2, "88", False),  # at the edge of the tolerance: near the target
        (Polarity.UP, 90, 2, "87.99", True),
        (Polarity.DOWN, 20, None, "20.01", True),
        (Polarity.DOWN, 20, 1, "21", False),
        (Polarity.DOWN, 20, 1, "21.5", True),
        (Polarity.NONE, 20, None, "99", False),  # no better way: no target to miss
        (Polarity.UP, None, None, "0", False),
    ],
)
def test_misses_target(polarity, target, tolerance, value, missed):
    assert misses_target(_indicator(polarity, target, tolerance), Decimal(value)) is missed
