"""Units of measure and the one check of a figure against its indicator's unit.

The web form, the Excel and CSV uploads, the census import and the services all read a figure
through `read_value`, so a figure means the same whichever way it arrived.
"""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_PER_10K = "rate_per_10k", "Rate per 10,000 children"
    DAYS = "days", "Days"


# Figures are stored to two decimal places; counts are whole numbers.
DECIMAL_PLACES = 2
MAX_DIGITS = 12
LARGEST_FIGURE = Decimal(10) ** (MAX_DIGITS - DECIMAL_PLACES) - 1
# A rate per 10,000 children cannot exceed 10,000 (every child).
LARGEST_RATE = Decimal(10_000)

NOT_A_NUMBER = "Enter a number, not \u201c{text}\u201d."
NOT_A_NUMBER_TYPE = "Enter a number, not a {kind}."
COUNT_NOT_WHOLE = "A count must be a whole number: {value} is not."
NEGATIVE = "The figure cannot be negative: {value}."
PERCENTAGE_OUT_OF_RANGE = "A percentage must be between 0 and 100: {value} is not."
RATE_OUT_OF_RANGE = "A rate per 10,000 children must be between 0 and 10,000: {value} is not."
TOO_LARGE = "The figure {value} is too large."

UNIT_SUFFIXES = {Unit.COUNT: "", Unit.PERCENTAGE: "%", Unit.RATE_PER_10K: "", Unit.DAYS: " days"}
UNIT_DISPLAY_PLACES = {Unit.COUNT: 0, Unit.PERCENTAGE: 1, Unit.RATE_PER_10K: 1, Unit.DAYS: 1}

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


class ValueProblem(ValueError):
    """A figure that cannot be read, or is impossible for its unit; the message says why."""


def read_value(raw: object, unit: str) -> Decimal:
    """Read a figure for an indicator of `unit`: a Decimal to two places, or ValueProblem.

    Accepts numbers, and text holding a number (with thousands separators, and a trailing %
    for percentages). Non-count figures are rounded half away from zero to two places.
    """
    unit = Unit(unit)
    value = _as_decimal(raw, unit)
    if not value.is_finite():
        raise ValueProblem(NOT_A_NUMBER.format(text=raw))
    shown = _show(value)
    if unit == Unit.COUNT and value != value.to_integral_value():
        raise ValueProblem(COUNT_NOT_WHOLE.format(value=shown))
    if value < 0:
        raise ValueProblem(NEGATIVE.format(value=shown))
    if unit == Unit.PERCENTAGE and value > 100:
        raise ValueProblem(PERCENTAGE_OUT_OF_RANGE.format(value=shown))
    if unit == Unit.RATE_PER_10K and value > LARGEST_RATE:
        raise ValueProblem(RATE_OUT_OF_RANGE.format(value=shown))
    if value > LARGEST_FIGURE:
        raise ValueProblem(TOO_LARGE.format(value=shown))
    if value == 0:
        value = Decimal(0)  # not -0
    return value.quantize(Decimal(1).scaleb(-DECIMAL_PLACES), rounding=ROUND_HALF_UP)


def _as_decimal(raw: object, unit: Unit) -> Decimal:
    if isinstance(raw, bool):
        raise ValueProblem(NOT_A_NUMBER_TYPE.format(kind="yes or no"))
    if isinstance(raw, datetime.date | datetime.time | datetime.timedelta):
        raise ValueProblem(NOT_A_NUMBER_TYPE.format(kind="date or time"))
    if isinstance(raw, int | Decimal):
        return Decimal(raw)
    if isinstance(raw, float):
        # The shortest text that reads back as the float: 0.1 stays 0.1, not 0.1000000000000000055.
        return Decimal(repr(raw))
    if not isinstance(raw, str):
        raise ValueProblem(NOT_A_NUMBER.format(text=raw))
    text = raw.strip()
    if unit == Unit.PERCENTAGE and text.endswith("%"):
        text = text[:-1].rstrip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if len(text) > 40 or not text:
        raise ValueProblem(NOT_A_NUMBER.format(text=_shorten(raw)))
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueProblem(NOT_A_NUMBER.format(text=_shorten(raw))) from None
    if not value.is_finite():
        raise ValueProblem(NOT_A_NUMBER.format(text=_shorten(raw)))
    return value


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _show(value: Decimal) -> str:
    if abs(value.adjusted()) > 15:  # never write out a figure of thousands of digits
        return f"{value:.3E}"
    return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)


def display_value(value: Decimal | None, unit: str) -> str:
    """A figure as a reader sees it: 1,234 · 85.7% · 48.2 · 12.5 days."""
    if value is None:
        return ""
    unit = Unit(unit)
    places = UNIT_DISPLAY_PLACES[unit]
    rounded = Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{rounded:,}{UNIT_SUFFIXES[unit]}"
