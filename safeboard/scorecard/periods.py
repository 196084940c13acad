"""Reporting periods: a month, a quarter or a year of the English financial year.

Partnerships report on the financial year (1 April to 31 March), as the Children in Need
census and most agencies' returns do. Quarters are financial quarters: Q1 is April to June,
Q4 January to March. Labels are the ones boards use: "October 2026", "2026-27 Q2", "2025-26".
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from django.db import models

from safeboard.core.dates import add_months


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


MONTHS_IN = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.ANNUAL: 12}
FINANCIAL_YEAR_START_MONTH = 4
# Figures are due this many days after their period ends, unless the business manager says.
SUBMISSION_DAYS_AFTER_PERIOD = 20
_KINDS = {
    Frequency.MONTHLY: "a monthly",
    Frequency.QUARTERLY: "a quarterly",
    Frequency.ANNUAL: "an annual",
}

NOT_A_PERIOD_START = "{date} is not the first day of {kind} period."
NOT_A_PERIOD = "\u201c{text}\u201d is not {kind} period: write it like \u201c{example}\u201d."
UNKNOWN_FREQUENCY = "\u201c{text}\u201d is not a frequency: use monthly, quarterly or annual."

_MONTH_NAMES = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}


class PeriodError(ValueError):
    """Text or a date that does not name a period of the expected frequency."""


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month `months` on from `day`'s month."""
    return add_months(day.replace(day=1), months)


def _financial_year_start(year: int) -> datetime.date:
    return datetime.date(year, FINANCIAL_YEAR_START_MONTH, 1)


def _financial_year_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


@dataclass(frozen=True, order=True)
class PeriodKey:
    """A period by its frequency and first day; orders by start date within a frequency."""

    starts_on: datetime.date
    frequency: str

    def __post_init__(self) -> None:
        frequency = Frequency(self.frequency)  # ValueError for an unknown frequency
        # Kept as plain text: an enum member hashes by its name, text by its value.
        object.__setattr__(self, "frequency", frequency.value)
        if not is_period_start(frequency, self.starts_on):
            raise PeriodError(
                NOT_A_PERIOD_START.format(date=self.starts_on.isoformat(), kind=_KINDS[frequency])
            )

    @classmethod
    def containing(cls, frequency: str, day: datetime.date) -> PeriodKey:
        """The period of this frequency that includes `day`."""
        frequency = Frequency(frequency)
        first = day.replace(day=1)
        if frequency == Frequency.MONTHLY:
            return cls(first, frequency)
        months_since_fy_start = (first.month - FINANCIAL_YEAR_START_MONTH) % 12
        offset = months_since_fy_start % MONTHS_IN[frequency]
        return cls(_add_months(first, -offset), frequency)

    @property
    def months(self) -> int:
        return MONTHS_IN[Frequency(self.frequency)]

    @property
    def ends_on(self) -> datetime.date:
        return _add_months(self.starts_on, self.months) - datetime.timedelta(days=1)

    @property
    def default_due_on(self) -> datetime.date:
        return self.ends_on + datetime.timedelta(days=SUBMISSION_DAYS_AFTER_PERIOD)

    @property
    def financial_year(self) -> int:
        """The calendar year in which the period's financial year starts."""
        start = self.starts_on
        return start.year if start.month >= FINANCIAL_YEAR_START_MONTH else start.year - 1

    @property
    def quarter(self) -> int:
        return (self.starts_on.month - FINANCIAL_YEAR_START_MONTH) % 12 // 3 + 1

    @property
    def label(self) -> str:
        if self.frequency == Frequency.MONTHLY:
            return f"{calendar.month_name[self.starts_on.month]} {self.starts_on.year}"
        year = _financial_year_label(self.financial_year)
        if self.frequency == Frequency.QUARTERLY:
            return f"{year} Q{self.quarter}"
        return year

    @property
    def slug(self) -> str:
        """A name for addresses and files, unique across frequencies: monthly-2026-10."""
        if self.frequency == Frequency.MONTHLY:
            return f"monthly-{self.starts_on:%Y-%m}"
        year = _financial_year_label(self.financial_year)
        if self.frequency == Frequency.QUARTERLY:
            return f"quarterly-{year}-q{self.quarter}"
        return f"annual-{year}"

    def next(self) -> PeriodKey:
        return PeriodKey(_add_months(self.starts_on, self.months), self.frequency)

    def previous(self) -> PeriodKey:
        return PeriodKey(_add_months(self.starts_on, -self.months), self.frequency)

    def __str__(self) -> str:
        return self.label

    @classmethod
    def from_slug(cls, slug: str) -> PeriodKey:
        frequency, _, rest = slug.partition("-")
        try:
            return parse_period(rest, Frequency(frequency))
        except ValueError as error:
            raise PeriodError(f"\u201c{slug}\u201d is not a period.") from error


def is_period_start(frequency: str, day: datetime.date) -> bool:
    if day.day != 1:
        return False
    months_since_fy_start = (day.month - FINANCIAL_YEAR_START_MONTH) % 12
    return months_since_fy_start % MONTHS_IN[Frequency(frequency)] == 0


def periods_between(first: PeriodKey, last: PeriodKey) -> list[PeriodKey]:
    """Every period from `first` to `last` inclusive (both of one frequency)."""
    periods = []
    period = first
    while period <= last:
        periods.append(period)
        period = period.next()
    return periods


def last_periods(frequency: str, *, count: int, ending: datetime.date) -> list[PeriodKey]:
    """The `count` periods up to and including the one that contains `ending`, oldest first."""
    period = PeriodKey.containing(frequency, ending)
    periods = [period]
    while len(periods) < count:
        period = period.previous()
        periods.append(period)
    return periods[::-1]


def parse_frequency(text: str) -> Frequency:
    cleaned = text.strip().lower()
    aliases = {"month": "monthly", "quarter": "quarterly", "year": "annual", "yearly": "annual"}
    try:
        return Frequency(aliases.get(cleaned, cleaned))
    except ValueError:
        raise PeriodError(UNKNOWN_FREQUENCY.format(text=text)) from None


_MONTH_NUMERIC = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_NAMED = re.compile(r"^([a-z]+)[\s\-]+(\d{4})$")
_YEAR = r"(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})"
_QUARTER = re.compile(rf"^{_YEAR}[\s\-]*q([1-4])$")
_ANNUAL = re.compile(rf"^(?:fy\s*)?{_YEAR}$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ t]00:00(?::00)?)?$")
_EXAMPLES = {
    Frequency.MONTHLY: "October 2026",
    Frequency.QUARTERLY: "2026-27 Q2",
    Frequency.ANNUAL: "2025-26",
}


def _financial_year(first: str, second: str) -> int | None:
    start = int(first)
    end = int(second)
    expected = start + 1
    if end == expected or end == expected % 100:
        return start
    return None


def parse_period(value: object, frequency: str) -> PeriodKey:
    """Read a period of `frequency` from its label, its slug, or its first day as a date.

    Accepts "October 2026", "Oct 2026", "2026-10" (monthly); "2026-27 Q2", "2026-27-q2"
    (quarterly); "2025-26", "2025/26" (annual); and, for any frequency, the first day of the
    period as a date or "YYYY-MM-DD". Raises PeriodError otherwise.
    """
    frequency = Frequency(frequency)
    problem = PeriodError(
        NOT_A_PERIOD.format(text=value, kind=_KINDS[frequency], example=_EXAMPLES[frequency])
    )
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        try:
            return PeriodKey(value, frequency)
        except PeriodError:
            raise problem from None
    if not isinstance(value, str):
        raise problem
    text = " ".join(value.strip().lower().split())
    try:
        start = _parse_start(text, frequency)
        if start is None:
            raise problem
        return PeriodKey(start, frequency)
    except (ValueError, PeriodError):
        raise problem from None


def _parse_start(text: str, frequency: Frequency) -> datetime.date | None:
    if match := _ISO_DATE.match(text):
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    if frequency == Frequency.MONTHLY:
        if match := _MONTH_NUMERIC.match(text):
            return datetime.date(int(match[1]), int(match[2]), 1)
        if (match := _MONTH_NAMED.match(text)) and match[1] in _MONTH_NAMES:
            return datetime.date(int(match[2]), _MONTH_NAMES[match[1]], 1)
        return None
    if frequency == Frequency.QUARTERLY:
        if (match := _QUARTER.match(text)) and (year := _financial_year(match[1], match[2])):
            return _add_months(_financial_year_start(year), 3 * (int(match[3]) - 1))
        return None
    if (match := _ANNUAL.match(text)) and (year := _financial_year(match[1], match[2])):
        return _financial_year_start(year)
    return None
