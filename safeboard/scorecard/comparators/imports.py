"""Importing comparators: England's, the region's and statistical neighbours' published figures.

The business manager copies them from the publications (for example the Department for
Education's children in need and looked-after children statistics) into a CSV file or a
workbook, one row per indicator, period and source. The file goes through the scorecard's one
upload path (uploads.read_file: size, type, macro and zip-bomb checks), every row is checked
and every problem listed, and nothing is recorded unless the whole file is valid.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from ..figure_checks import UNKNOWN_INDICATOR, value_problem
from ..models import Comparator, ComparatorSource, Indicator, normalise_code
from ..periods import PeriodError, PeriodKey, parse_frequency, parse_period
from ..uploads import (
    CODE_HEADING,
    HEADING_ALIASES,
    PERIOD_HEADING,
    VALUE_HEADING,
    Heading,
    TableLayout,
    TableRow,
    UploadError,
    UploadRejected,
    read_file,
)
from . import services

COMPARATORS_SHEET = "Comparators"
FREQUENCY_HEADING = "Frequency"
SOURCE_HEADING = "Source"
REFERENCE_HEADING = "Reference"
# A workbook's table is on its "Comparators" sheet, or on its first sheet if it has none.
COMPARATORS_TABLE = TableLayout(
    sheet=COMPARATORS_SHEET,
    headings=(
        Heading(CODE_HEADING, frozenset(HEADING_ALIASES[CODE_HEADING])),
        Heading(FREQUENCY_HEADING),
        Heading(PERIOD_HEADING),
        Heading(SOURCE_HEADING, frozenset({"comparator", "comparedwith"})),
        Heading(VALUE_HEADING, frozenset(HEADING_ALIASES[VALUE_HEADING])),
        Heading(REFERENCE_HEADING, frozenset({"publication"}), required=False),
    ),
)
EXAMPLE_ROW = ("CSC-04", "Annual", "2025-26", "England", "21.3", "Children in need 2025, DfE")
EXAMPLE_FILENAME = "comparators-example.csv"

REFERENCE_MAX_LENGTH = Comparator._meta.get_field("reference").max_length
SOURCE_NAMES = ", ".join(ComparatorSource.labels[:-1]) + " or " + ComparatorSource.labels[-1]

NO_COMPARATORS = "The file holds no comparators: enter one a row, under the headings."
CODE_MISSING = "Enter the indicator code."
FREQUENCY_MISSING = "Enter the frequency of the period: monthly, quarterly or annual."
PERIOD_MISSING = "Enter the period, for example 2025-26, 2025-26 Q2 or October 2025."
SOURCE_MISSING = f"Enter what the figure is for: {SOURCE_NAMES}."
UNKNOWN_SOURCE = f"\u201c{{text}}\u201d is not a comparator: use {SOURCE_NAMES}."
VALUE_MISSING = "Enter the value of the comparator."
REFERENCE_TOO_LONG = f"The reference must be {REFERENCE_MAX_LENGTH} characters or fewer."
DUPLICATE_COMPARATOR = (
    "{code}\u2019s {source} figure for {period} appears more than once: also on row {first}."
)


@dataclass(frozen=True)
class ComparatorRow:
    """One checked row: a comparator ready to record."""

    indicator: Indicator
    period: PeriodKey
    source: str
    value: Decimal
    reference: str


@dataclass
class ComparatorFile:
    """A file's comparators once read and checked; `rows` is empty if there are `errors`."""

    rows: list[ComparatorRow] = field(default_factory=list)
    errors: list[UploadError] = field(default_factory=list)


def _source_key(text: object) -> str:
    return "".join(ch for ch in str(text).lower() if ch.isalnum())


_SOURCES = {
    _source_key(text): source
    for source in ComparatorSource
    for text in (source.value, source.label)
}


def parse_source(text: object) -> ComparatorSource:
    """England, Region or Statistical neighbours, in any case; ValueError otherwise."""
    try:
        return _SOURCES[_source_key(text)]
    except KeyError:
        raise ValueError(UNKNOWN_SOURCE.format(text=text)) from None


def read_comparators(upload: UploadedFile) -> ComparatorFile:
    """Read and check a whole file of comparators; nothing is saved."""
    read = read_file(upload, COMPARATORS_TABLE)
    if read.errors:
        return ComparatorFile(errors=list(read.errors))
    codes = {normalise_code(str(row[CODE_HEADING])) for row in read.rows if row[CODE_HEADING]}
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    checked = ComparatorFile()
    first_row: dict[tuple, int] = {}
    for row in read.rows:
        comparator, problems = _check_row(row, indicators)
        if comparator is not None:
            key = (comparator.indicator.code, comparator.period, comparator.source)
            if key in first_row:
                message = DUPLICATE_COMPARATOR.format(
                    code=comparator.indicator.code,
                    source=ComparatorSource(comparator.source).label,
                    period=comparator.period,
                    first=first_row[key],
                )
                problems.append((row.columns[CODE_HEADING], message))
            else:
                first_row[key] = row.row
        if problems:
            checked.errors += [UploadError(row.sheet, row.row, col, msg) for col, msg in problems]
        elif comparator is not None:
            checked.rows.append(comparator)
    if checked.errors:
        checked.rows = []
    elif not checked.rows:
        checked.errors.append(UploadError("", None, None, NO_COMPARATORS))
    return checked


def _check_row(
    row: TableRow, indicators: dict[str, Indicator]
) -> tuple[ComparatorRow | None, list[tuple[str | None, str]]]:
    """The row's comparator, or every problem with it, each with its column."""
    problems: list[tuple[str | None, str]] = []

    def problem(heading: str, message: str) -> None:
        problems.append((row.columns.get(heading), message))

    indicator = None
    if row[CODE_HEADING] is None:
        problem(CODE_HEADING, CODE_MISSING)
    else:
        indicator = indicators.get(normalise_code(str(row[CODE_HEADING])))
        if indicator is None:
            problem(CODE_HEADING, UNKNOWN_INDICATOR.format(code=row[CODE_HEADING]))
    period = _read_period(row, problem)
    source = None
    if row[SOURCE_HEADING] is None:
        problem(SOURCE_HEADING, SOURCE_MISSING)
    else:
        try:
            source = parse_source(row[SOURCE_HEADING])
        except ValueError as error:
            problem(SOURCE_HEADING, str(error))
    value = None
    if row[VALUE_HEADING] is None:
        problem(VALUE_HEADING, VALUE_MISSING)
    elif indicator is not None:
        value, message = value_problem(indicator, row[VALUE_HEADING])
        if message:
            problem(VALUE_HEADING, message)
    reference = str(row[REFERENCE_HEADING] or "").strip()
    if len(reference) > REFERENCE_MAX_LENGTH:
        problem(REFERENCE_HEADING, REFERENCE_TOO_LONG)
    if problems or indicator is None or period is None or source is None or value is None:
        return None, problems
    return ComparatorRow(indicator, period, source.value, value, reference), problems


def _read_period(row: TableRow, problem) -> PeriodKey | None:
    """The row's period, read for its frequency; a period of any frequency may be compared."""
    if row[FREQUENCY_HEADING] is None:
        problem(FREQUENCY_HEADING, FREQUENCY_MISSING)
        return None
    try:
        frequency = parse_frequency(str(row[FREQUENCY_HEADING]))
    except PeriodError as error:
        problem(FREQUENCY_HEADING, str(error))
        return None
    if row[PERIOD_HEADING] is None:
        problem(PERIOD_HEADING, PERIOD_MISSING)
        return None
    try:
        return parse_period(row[PERIOD_HEADING], frequency)
    except PeriodError as error:
        problem(PERIOD_HEADING, str(error))
        return None


@transaction.atomic
def comparators_import(*, upload: UploadedFile, recorded_by=None) -> list[Comparator]:
    """Record every comparator in an uploaded file, or none of them.

    Raises UploadRejected listing every problem in the file, each with its sheet, row and
    column. A comparator already held for the same indicator, period and source is replaced.
    """
    checked = read_comparators(upload)
    if checked.errors:
        raise UploadRejected(checked.errors)
    return [
        services.comparator_record(
            indicator=row.indicator,
            period=row.period,
            source=row.source,
            value=row.value,
            origin=Comparator.Origin.IMPORTED,
            reference=row.reference,
            recorded_by=recorded_by,
        )
        for row in checked.rows
    ]


def example_csv() -> str:
    """A file to start from: the headings and one row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([heading.name for heading in COMPARATORS_TABLE.headings])
    writer.writerow(EXAMPLE_ROW)
    return buffer.getvalue()
