"""Reading an agency's figures from an uploaded Excel template or CSV file.

This is the scorecard's one path for a table in an uploaded file: `read_file` checks the
file and reads the table a TableLayout describes (the figures' unless told otherwise;
comparators/imports.py reads comparators through it). The file is checked as a whole and every
problem is listed with where it is (sheet, row, column) and why, so a data contact can fix
them all in one go; nothing is saved unless the whole file is valid (services.figures_upload).
Workbooks are untrusted input: the one upload path (core.uploads) refuses macro-enabled
files and measures the zip archive before openpyxl opens it, so a "zip bomb" (a small file
that expands to gigabytes) is refused unread; a workbook of figures is held to tighter limits
than other documents. openpyxl parses the XML through defusedxml, which refuses entity
expansion. A CSV file may be in any encoding the upload path reads (core.uploads.decode_csv).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from safeboard.core import tabular
from safeboard.core.tabular import (
    UNREADABLE_WORKBOOK,
    Column,
    Table,
    TableError,
    open_workbook,
    sheet_table,
)
from safeboard.core.uploads import (
    MACRO_ENABLED,
    ArchiveLimits,
    archive_problem,
    validate_upload,
)
from safeboard.partnership.models import Agency

from .figure_checks import (
    UNKNOWN_INDICATOR,
    indicator_problems,
    ownership_problem,
    value_problem,
)
from .models import Figure, Indicator, normalise_code
from .periods import PeriodError, PeriodKey, parse_period

FIGURES_SHEET = "Figures"
REFERENCE_SHEET = "Reference"
CODE_HEADING = "Indicator code"
PERIOD_HEADING = "Period"
VALUE_HEADING = "Value"
# Headings a CSV file may use for each column, compared without case, spaces or underscores.
HEADING_ALIASES = {
    CODE_HEADING: {"indicatorcode", "code", "indicator"},
    PERIOD_HEADING: {"period"},
    VALUE_HEADING: {"value", "figure"},
}

MACRO_EXTENSIONS = {".xlsm", ".xltm", ".xlsb", ".xlam"}
OLD_EXCEL_EXTENSIONS = {".xls", ".xlt"}
ACCEPTED_EXTENSIONS = {".xlsx", ".csv"}
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Limits on what an uploaded workbook may expand to, checked before it is opened: tighter
# than for other documents, since a template of figures is small.
MAX_ARCHIVE_MEMBERS = 200
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MAX_DATA_ROWS = 1000
MAX_COLUMNS = 30

# File-level problems.
WRONG_TYPE = "The selected file must be an Excel workbook (.xlsx) or a CSV file (.csv)."
OLD_EXCEL = (
    "The selected file is an old-style Excel file (.xls) or a password-protected workbook. "
    "Save it as an Excel Workbook (.xlsx) without a password and upload that."
)
NOT_A_WORKBOOK = "The selected file is not a valid Excel workbook (.xlsx)."
NO_FIGURES_SHEET = (
    "The workbook has no sheet named \u201cFigures\u201d (it has {sheets}). Use the template "
    "downloaded from SafeBoard, or name the sheet with your figures \u201cFigures\u201d."
)
MISSING_HEADING = "There is no column headed \u201c{heading}\u201d in the first row."
TOO_MANY_ROWS = "The file has more than {limit:,} rows of figures; split it."
NO_FIGURES = "The file holds no figures: enter them in the \u201cValue\u201d column."
TEMPLATE_FOR_OTHER_AGENCY = "This template is for {theirs}, not {ours}: download your own."
TEMPLATE_FOR_OTHER_PERIOD = (
    "This template is for {theirs}, not {ours}: download the template for {ours}."
)
# Row-level problems.
CODE_MISSING = "Enter the indicator code for the figure {value}."
PERIOD_MISSING = "Enter the period, {period}."
PERIOD_DOES_NOT_MATCH = "The period is {found}, but this upload is for {period}."
DUPLICATE_ROW = "{code} for {period} appears more than once: also on row {first}."


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, f"SAFEBOARD_SCORECARD_{name}", default))


@dataclass(frozen=True, order=True)
class UploadError:
    """One problem with an uploaded file: where it is and what is wrong."""

    sheet: str  # "" for a CSV file, or for the file as a whole
    row: int | None  # counting from 1, as a spreadsheet does; None for the whole file
    column: str | None  # the column letter, as a spreadsheet shows it
    message: str

    @property
    def location(self) -> str:
        parts = []
        if self.sheet:
            parts.append(f"{self.sheet} sheet")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        text = ", ".join(parts)
        return text[:1].upper() + text[1:]

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class UploadRejected(ValidationError):
    """The file cannot be saved; `errors` lists every problem found in it."""

    def __init__(self, errors: Iterable[UploadError]) -> None:
        self.errors = sorted(set(errors), key=_error_order)
        super().__init__([str(error) for error in self.errors])


def _error_order(error: UploadError) -> tuple:
    return (error.sheet, error.row or 0, error.column or "", error.message)


# A column of a table, found by its heading in the first row (core.tabular).
Heading = Column


@dataclass(frozen=True)
class TableLayout:
    """Where a file's table is and which columns it has.

    In a workbook the table is on the sheet named `sheet`; when there is none, `missing_sheet`
    says so, or, if it is empty, the first sheet is read. A SafeBoard template's hidden
    `reference_sheet` says what the template was made for.
    """

    sheet: str
    headings: tuple[Heading, ...]
    missing_sheet: str = ""
    reference_sheet: str = ""


@dataclass(frozen=True)
class TableRow:
    """One row of a table as read from the file, before any check of its content."""

    sheet: str
    row: int
    cells: dict[str, object]  # by heading; None for a blank cell or an absent optional column
    columns: dict[str, str]  # column letter of each heading found

    def __getitem__(self, heading: str) -> object:
        return self.cells.get(heading)


@dataclass(frozen=True)
class TemplateReference:
    """What the hidden reference sheet of a SafeBoard template says it was made for."""

    agency_id: int | None
    agency_name: str
    period: PeriodKey | None


@dataclass
class FileRead:
    file_format: str = ""  # "xlsx" or "csv"
    rows: list[TableRow] = field(default_factory=list)
    reference: TemplateReference | None = None
    errors: list[UploadError] = field(default_factory=list)


@dataclass
class Submission:
    """A file's figures once read and checked: {code: value}, and the row each came from."""

    file_format: str
    values: dict[str, Decimal] = field(default_factory=dict)
    rows: dict[str, TableRow] = field(default_factory=dict)
    errors: list[UploadError] = field(default_factory=list)


def _whole_file(message: str) -> UploadError:
    return UploadError("", None, None, message)


FIGURES_TABLE = TableLayout(
    sheet=FIGURES_SHEET,
    headings=tuple(Heading(name, frozenset(aliases)) for name, aliases in HEADING_ALIASES.items()),
    missing_sheet=NO_FIGURES_SHEET,
    reference_sheet=REFERENCE_SHEET,
)


# ---------------------------------------------------------------------------------------
# The file: its type, and its rows.


def read_file(upload: UploadedFile, layout: TableLayout = FIGURES_TABLE) -> FileRead:
    """Check the file's type and safety, then read the rows of its table."""
    extension = PurePath(upload.name or "").suffix.lower()
    if extension in MACRO_EXTENSIONS:
        return FileRead(errors=[_whole_file(MACRO_ENABLED)])
    if extension in OLD_EXCEL_EXTENSIONS or _starts_with(upload, OLE_SIGNATURE):
        return FileRead(errors=[_whole_file(OLD_EXCEL)])
    if extension not in ACCEPTED_EXTENSIONS:
        return FileRead(errors=[_whole_file(WRONG_TYPE)])
    try:
        validate_upload(upload, field="file")
    except ValidationError as error:
        return FileRead(errors=[_whole_file(message) for message in error.messages])
    upload.seek(0)
    if extension == ".csv":
        return read_csv(upload.read(), layout)
    return read_xlsx(upload, layout)


def _starts_with(upload: UploadedFile, signature: bytes) -> bool:
    upload.seek(0)
    head = upload.read(len(signature))
    upload.seek(0)
    return head == signature


def _workbook_limits() -> ArchiveLimits:
    return ArchiveLimits(
        members=_limit("MAX_ARCHIVE_MEMBERS", MAX_ARCHIVE_MEMBERS),
        uncompressed_bytes=_limit("MAX_UNCOMPRESSED_BYTES", MAX_UNCOMPRESSED_BYTES),
        ratio=_limit("MAX_COMPRESSION_RATIO", MAX_COMPRESSION_RATIO),
    )


def check_archive(archive_file) -> list[UploadError]:
    """Refuse a workbook with macros, or one whose members would expand beyond the limits
    of a figures template (the upload path's own check, with tighter limits)."""
    try:
        problem = archive_problem(archive_file, limits=_workbook_limits())
    except zipfile.BadZipFile:
        return [_whole_file(NOT_A_WORKBOOK)]
    return [_whole_file(problem)] if problem else []


def read_xlsx(upload, layout: TableLayout = FIGURES_TABLE) -> FileRead:
    errors = check_archive(upload)
    if errors:
        return FileRead("xlsx", errors=errors)
    try:
        with open_workbook(upload) as workbook:
            return _read_workbook(workbook, layout)
    except TableError as error:
        return FileRead("xlsx", errors=[_whole_file(error.message)])
    except Exception:  # untrusted input: a damaged part is the file's fault
        return FileRead("xlsx", errors=[_whole_file(UNREADABLE_WORKBOOK)])


def _read_workbook(workbook, layout: TableLayout) -> FileRead:
    if layout.sheet in workbook.sheetnames:
        sheet = workbook[layout.sheet]
    elif layout.missing_sheet:
        sheets = ", ".join(f"\u201c{name}\u201d" for name in workbook.sheetnames) or "none"
        return FileRead("xlsx", errors=[_whole_file(layout.missing_sheet.format(sheets=sheets))])
    elif workbook.worksheets:
        sheet = workbook.worksheets[0]
    else:
        return FileRead("xlsx", errors=[_whole_file(UNREADABLE_WORKBOOK)])
    reference = None
    if layout.reference_sheet and layout.reference_sheet in workbook.sheetnames:
        reference = _read_reference(workbook[layout.reference_sheet])
    table = sheet_table(
        sheet, columns=layout.headings, max_rows=MAX_DATA_ROWS, max_columns=MAX_COLUMNS
    )
    read = _read_table(table)
    read.file_format = "xlsx"
    read.reference = reference
    return read


def _read_reference(sheet) -> TemplateReference | None:
    entries = {}
    for line in sheet.iter_rows(max_row=20, max_col=2, values_only=True):
        if line and line[0]:
            entries[str(line[0]).strip().lower()] = line[1] if len(line) > 1 else None
    try:
        agency_id = int(entries.get("agency reference"))
    except (TypeError, ValueError):
        agency_id = None
    period = None
    frequency = entries.get("frequency")
    starts = entries.get("period starts")
    if frequency and starts:
        try:
            period = parse_period(str(starts)[:10], str(frequency))
        except (PeriodError, ValueError):
            period = None
    return TemplateReference(agency_id, str(entries.get("agency") or ""), period)


def read_csv(data: bytes, layout: TableLayout = FIGURES_TABLE) -> FileRead:
    """Read the rows of a CSV file; any bytes at all give rows or errors, never an exception."""
    try:
        table = tabular.read_csv(
            data, columns=layout.headings, max_rows=MAX_DATA_ROWS, max_columns=MAX_COLUMNS
        )
    except TableError as error:
        return FileRead("csv", errors=[_whole_file(error.message)])
    read = _read_table(table)
    read.file_format = "csv"
    return read


def _read_table(table: Table) -> FileRead:
    read = FileRead()
    if table.missing:
        read.errors = [
            UploadError(table.sheet, 1, None, MISSING_HEADING.format(heading=name))
            for name in table.missing
        ]
        return read
    for row in table.rows:
        if all(value is None for value in row.values.values()):
            continue
        read.rows.append(TableRow(table.sheet, row.line, row.values, row.columns))
    if table.truncated:
        read.errors.append(_whole_file(TOO_MANY_ROWS.format(limit=MAX_DATA_ROWS)))
    return read


# ---------------------------------------------------------------------------------------
# The rows: whose indicators, which period, what figures.


def read_submission(upload: UploadedFile, *, agency: Agency, period: PeriodKey) -> Submission:
    """Read and check a whole file of an agency's figures for a period; nothing is saved."""
    read = read_file(upload)
    submission = Submission(read.file_format, errors=list(read.errors))
    if read.errors:
        return submission
    if read.reference is not None:
        submission.errors += check_reference(read.reference, agency=agency, period=period)
    check_rows(read.rows, agency=agency, period=period, into=submission)
    if not submission.values and not submission.errors:
        submission.errors.append(_whole_file(NO_FIGURES))
    return submission


def check_reference(
    reference: TemplateReference, *, agency: Agency, period: PeriodKey
) -> list[UploadError]:
    errors = []
    if reference.agency_id is not None and reference.agency_id != agency.pk:
        theirs = reference.agency_name or "another agency"
        errors.append(
            _whole_file(TEMPLATE_FOR_OTHER_AGENCY.format(theirs=theirs, ours=agency.name))
        )
    if reference.period is not None and reference.period != period:
        errors.append(
            _whole_file(TEMPLATE_FOR_OTHER_PERIOD.format(theirs=reference.period, ours=period))
        )
    return errors


def check_rows(
    rows: list[TableRow], *, agency: Agency, period: PeriodKey, into: Submission
) -> None:
    """Check each row against the catalogue and the upload's agency and period."""
    codes = {
        normalise_code(str(row[CODE_HEADING])) for row in rows if row[CODE_HEADING] is not None
    }
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.select_related("owning_agency").filter(code__in=codes)
    }
    held = set(
        Figure.objects.filter(
            indicator__code__in=codes,
            indicator__owning_agency=agency,
            period__frequency=period.frequency,
            period__starts_on=period.starts_on,
        ).values_list("indicator__code", flat=True)
    )
    first_row: dict[str, int] = {}
    for row in rows:
        code = normalise_code(str(row[CODE_HEADING])) if row[CODE_HEADING] is not None else ""
        problems, value = _row_problems(
            row, agency=agency, period=period, indicator=indicators.get(code), held=held
        )
        if code in first_row:
            duplicate = DUPLICATE_ROW.format(code=code, period=period, first=first_row[code])
            problems.append((row.columns[CODE_HEADING], duplicate))
        elif code:
            first_row[code] = row.row
        if problems:
            into.errors += [UploadError(row.sheet, row.row, col, msg) for col, msg in problems]
        elif value is not None:
            into.values[code] = value
            into.rows[code] = row


def _row_problems(
    row: TableRow,
    *,
    agency: Agency,
    period: PeriodKey,
    indicator: Indicator | None,
    held: set[str],
) -> tuple[list[tuple[str, str]], Decimal | None]:
    """What is wrong with a row, each with its column; and its figure, if it has a good one."""
    code_column = row.columns[CODE_HEADING]
    code, value = row[CODE_HEADING], row[VALUE_HEADING]
    if code is None:
        if value is None:
            return [], None  # a note or a blank line beside the table
        return [(code_column, CODE_MISSING.format(value=value))], None
    if indicator is None:
        return [(code_column, UNKNOWN_INDICATOR.format(code=code))], None
    not_owned = ownership_problem(indicator, agency=agency)
    if not_owned:
        return [(code_column, not_owned)], None
    has_figure = indicator.code in held
    problems = [
        (code_column, message)
        for message in indicator_problems(
            indicator, agency=agency, period=period, has_figure=has_figure or value is None
        )
    ]
    if value is None:
        return problems, None  # a template row left blank: no figure this time
    problems += _period_problems(row, period, row.columns[PERIOD_HEADING])
    value, problem = value_problem(indicator, value)
    if problem:
        problems.append((row.columns[VALUE_HEADING], problem))
    return problems, value


def _period_problems(row: TableRow, period: PeriodKey, column: str) -> list[tuple[str, str]]:
    if row[PERIOD_HEADING] is None:
        return [(column, PERIOD_MISSING.format(period=period))]
    try:
        found = parse_period(row[PERIOD_HEADING], period.frequency)
    except PeriodError as problem:
        return [(column, str(problem))]
    if found != period:
        return [(column, PERIOD_DOES_NOT_MATCH.format(found=found, period=period))]
    return []
