"""A figure is read the same way from a form, a workbook, a CSV file or the census."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from safeboard.scorecard.values import (
    COUNT_NOT_WHOLE,
    NEGATIVE,
    PERCENTAGE_OUT_OF_RANGE,
    RATE_OUT_OF_RANGE,
    Unit,
    ValueProblem,
    display_value,
    read_value,
)


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        (12, Unit.COUNT, "12.00"),
        (12.0, Unit.COUNT, "12.00"),
        ("1,234", Unit.COUNT, "1234.00"),
        (" 85.7% ", Unit.PERCENTAGE, "85.70"),
        (33.333333, Unit.PERCENTAGE, "33.33"),
        ("0.005", Unit.DAYS, "0.01"),
        (Decimal("48.25"), Unit.RATE_PER_10K, "48.25"),
        ("-0", Unit.COUNT, "0.00"),
    ],
)
def test_figures_are_read_to_two_decimal_places(raw, unit, expected):
    assert read_value(raw, unit) == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "unit", "message_start"),
    [
        (12.5, Unit.COUNT, COUNT_NOT_WHOLE.split("{")[0]),
        (-1, Unit.DAYS, NEGATIVE.split("{")[0]),
        ("100.1", Unit.PERCENTAGE, PERCENTAGE_OUT_OF_RANGE.split("{")[0]),
        (10001, Unit.RATE_PER_10K, RATE_OUT_OF_RANGE.split("{")[0]),
        ("twelve", Unit.COUNT, "Enter a number"),
        ("NaN", Unit.DAYS, "Enter a number"),
        (float("inf"), Unit.DAYS, "Enter a number"),
        (True, Unit.COUNT, "Enter a number"),
        (datetime.date(2026, 1, 1), Unit.COUNT, "Enter a number"),
        ("1e999999999", Unit.COUNT, "The figure"),
    ],
)
def test_impossible_figures_are_refused_with_the_reason(raw, unit, message_start):
    with pytest.raises(ValueProblem) as problem:
        read_value(raw, unit)
    assert str(problem.value).startswith(message_start)
    assert len(str(problem.value)) < 200


def test_figures_are_shown_in_their_unit():
    assert display_value(Decimal("1234"), Unit.COUNT) == "1,234"
    assert display_value(Decimal("85.75"), Unit.PERCENTAGE) == "85.8%"
    assert display_value(Decimal("12.5"), Unit.DAYS) == "12.5 days"
    assert display_value(None, Unit.DAYS) == ""
