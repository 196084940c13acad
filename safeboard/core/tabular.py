"""Reading a table from an uploaded CSV file or Excel workbook: the one way to do it.

A table is a header row naming its columns, then one row per record. Columns are found by
their heading, compared without case, spaces, underscores or punctuation ("Indicator code",
"indicator_code" and "INDICATOR CODE" are one heading), by their name or any alias. Rows come
back as dicts by column name, each with the row number a spreadsheet shows for it (the header
is row 1), so a caller can say where a problem is.

Input is untrusted: anything that cannot be read raises TableError, whose message says what
is wrong and how to fix it, and nothing else. CSV text is decoded by the one upload path
(core.uploads.decode_csv: UTF-8, UTF-16 or Windows-1252, as Excel saves it). Workbooks are
opened by openpyxl, which parses their XML through defusedxml; callers check the file itself
first (core.uploads.validate_upload: type, size, macros, a zip bomb).
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError

from .uploads import decode_csv

CSV_UNREADABLE = "The CSV file could not be read: {problem}."
UNREADABLE_WORKBOOK = "The workbook could not be read. Save it again as an Excel Workbook (.xlsx)."
NOT_A_TABLE = "The file must be a CSV file (.csv) or an Excel workbook (.xlsx)."
NO_SUCH_SHEET = "The workbook has no sheet named \u201c{sheet}\u201d."

MAX_COLUMNS = 200


class TableError(ValueError):
    """The file cannot be read as a table; the message says why, for the person uploading."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


def heading_key(value: object) -> str:
    """A heading as compared: letters and digits only, without case."""
    return "".join(ch for ch in str(value or "").casefold() if ch.isalnum())


@dataclass(frozen=True)
class Column:
    """A column of a table, found by its heading: its name or any alias."""

    name: str
    aliases: frozenset[str] = frozenset()
    required: bool = True

    def matches(self, key: str) -> bool:
        return key == heading_key(self.name) or key in {heading_key(a) for a in self.aliases}


@dataclass(frozen=True)
class Row:
    line: int  # the row number a spreadsheet shows: the header is 1
    values: dict[str, object]  # by column name; None for a blank cell or an absent column
    columns: dict[str, str]  # the column letter of each column found
    overflow: bool = False  # a cell beyond the header row's last column

    def __getitem__(self, name: str) -> object:
        return self.values.get(name)

    def text(self, name: str) -> str:
        """The cell as text, "" when blank or absent."""
        value = self.values.get(name)
        return "" if value is None else str(value).strip()


@dataclass
class Table:
    sheet: str = ""  # the sheet read, "" for a CSV file
    headings: list[str] = field(default_factory=list)  # as written, stripped
    rows: list[Row] = field(default_factory=list)  # every row with something in it
    missing: list[str] = field(default_factory=list)  # required columns not found
    unknown: list[str] = field(default_factory=list)  # headings that name no column
    truncated: bool = False  # more than max_rows rows: `rows` holds the first max_rows


def read_table(
    data: bytes,
    *,
    filename: str,
    columns: Sequence[Column],
    sheet: str | None = None,
    max_rows: int | None = None,
) -> Table:
    """The table in an uploaded CSV file or workbook, told apart by the file's extension."""
    extension = PurePath(filename or "").suffix.lower()
    if extension == ".csv":
        return read_csv(data, columns=columns, max_rows=max_rows)
    if extension == ".xlsx":
        return read_xlsx(io.BytesIO(data), columns=columns, sheet=sheet, max_rows=max_rows)
    raise TableError(NOT_A_TABLE)


def read_csv(
    data: bytes,
    *,
    columns: Sequence[Column],
    max_rows: int | None = None,
    max_columns: int = MAX_COLUMNS,
) -> Table:
    return table_from_lines(
        csv_lines(data, max_lines=None if max_rows is None else max_rows + 2),
        columns=columns,
        max_rows=max_rows,
        max_columns=max_columns,
    )


def csv_lines(data: bytes, *, max_lines: int | None = None) -> list[list[str]]:
    """The records of a CSV file, as lists of cells."""
    try:
        text = decode_csv(data)
    except ValidationError as error:
        raise TableError(" ".join(error.messages)) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    lines = []
    try:
        for line in reader:
            lines.append(line)
            if max_lines is not None and len(lines) >= max_lines:
                break
    except csv.Error as problem:
        raise TableError(CSV_UNREADABLE.format(problem=problem)) from None
    return lines


def read_xlsx(
    file,
    *,
    columns: Sequence[Column],
    sheet: str | None = None,
    max_rows: int | None = None,
    max_columns: int = MAX_COLUMNS,
) -> Table:
    """The table on the named sheet of a workbook, or on its first sheet."""
    with open_workbook(file) as workbook:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise TableError(NO_SUCH_SHEET.format(sheet=sheet))
        if sheet is None and not workbook.worksheets:
            raise TableError(UNREADABLE_WORKBOOK)
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[0]
        return sheet_table(worksheet, columns=columns, max_rows=max_rows, max_columns=max_columns)


@contextmanager
def open_workbook(file) -> Iterator:
    """An openpyxl workbook, read-only, formulas' values only, links to others not followed."""
    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it drops
            workbook = load_workbook(file, read_only=True, data_only=True, keep_links=False)
    except Exception:  # untrusted input: any failure to parse is the file's fault
        raise TableError(UNREADABLE_WORKBOOK) from None
    try:
        yield workbook
    finally:
        workbook.close()


def sheet_table(
    worksheet,
    *,
    columns: Sequence[Column],
    max_rows: int | None = None,
    max_columns: int = MAX_COLUMNS,
) -> Table:
    """The table on one sheet of an open workbook."""
    try:
        worksheet.reset_dimensions()  # some writers record wrong dimensions; read what is there
        lines = worksheet.iter_rows(max_col=max_columns + 1, values_only=True)
        table = table_from_lines(lines, columns=columns, max_rows=max_rows, max_columns=max_columns)
    except TableError:
        raise
    except Exception:  # a damaged sheet part, found only when its rows are read
        raise TableError(UNREADABLE_WORKBOOK) from None
    table.sheet = worksheet.title
    return table


def table_from_lines(
    lines: Iterable[Sequence[object]],
    *,
    columns: Sequence[Column],
    max_rows: int | None = None,
    max_columns: int = MAX_COLUMNS,
) -> Table:
    """A table from its lines of cells, the first naming the columns."""
    lines = iter(lines)
    headings = [_clean(cell) for cell in (next(lines, None) or ())[:max_columns]]
    table = Table(headings=["" if heading is None else str(heading) for heading in headings])
    positions: dict[str, int] = {}
    for position, heading in enumerate(table.headings):
        key = heading_key(heading)
        matched = [column for column in columns if column.matches(key)]
        if not matched:
            table.unknown.append(heading)
        for column in matched:
            positions.setdefault(column.name, position)
    table.missing = [c.name for c in columns if c.required and c.name not in positions]
    letters = {name: column_letter(position + 1) for name, position in positions.items()}
    width = len(table.headings)
    for number, line in enumerate(lines, start=2):
        if max_rows is not None and number - 1 > max_rows:
            table.truncated = True
            break
        cells = [_clean(cell) for cell in (line or ())]
        if all(cell is None for cell in cells):
            continue
        values = {
            column.name: cells[positions[column.name]]
            if column.name in positions and positions[column.name] < len(cells)
            else None
            for column in columns
        }
        overflow = any(cell is not None for cell in cells[width:])
        table.rows.append(Row(number, values, letters, overflow))
    return table


def _clean(value: object) -> object:
    """A cell's value: text stripped, and None for a blank cell."""
    if isinstance(value, str):
        return value.strip() or None
    return value


def column_letter(number: int) -> str:
    """A spreadsheet column's letters from its number (1 is A, 27 is AA), as openpyxl's
    `get_column_letter` gives them; written here so that importing this module does not
    import openpyxl (most of a second: every process would pay it at start-up)."""
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
