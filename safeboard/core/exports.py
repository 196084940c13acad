"""The one export path: any list as CSV (streamed) or XLSX.

A column reads a row one of two ways. Given `fields` (ORM paths such as
"owner_agency__name"), its `value` is called with those fields' values, read with one
`values_list` query, and no model is built for the row: when every column of a queryset's
export says so, the export costs little more than writing `values_list` with `csv.writer`
(model instances cost about seven times that). Without `fields`, `value` is called with the
row itself (a model, a dict, whatever the list holds), which is always possible but slower.

The Excel file is written by XlsxWriter, cell by cell by the value's type: it writes without
reading a workbook back (all an export needs), and in about a tenth of openpyxl's time.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import functools
import io
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_FORMATS = ("csv", "xlsx")
CHUNK_ROWS = 1000  # rows fetched, and CSV lines written, at a time


@dataclass(frozen=True)
class Column:
    heading: str
    # Of the row; or, with `fields`, of those fields' values in order (None: the one field's);
    # or, with `batch`, of what the batch found for those values (None when it found nothing).
    value: Callable[..., Any] | None = None
    fields: tuple[str, ...] = ()
    # With `fields`: what a row shows beyond its own fields (an action's themes), found for a
    # whole chunk of rows at once. Given the distinct values of `fields` in the chunk (each a
    # tuple), it returns what it found for each; columns sharing a batch call it once a chunk.
    batch: Callable[[list[tuple]], dict[tuple, Any]] | None = None


_FORMULA_STARTS = frozenset(("=", "+", "-", "@", "\t", "\r"))


def _safe_cell(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in _FORMULA_STARTS:
        return "'" + value
    return value


def export_response(
    *, rows: Iterable[Any], columns: Sequence[Column], file_format: str, filename: str
) -> HttpResponse | StreamingHttpResponse:
    """`rows` as CSV or XLSX; a queryset is read in chunks (by its fields when every column
    names them)."""
    cells = cell_rows(rows, columns)
    if file_format == "xlsx":
        return _xlsx_response(cells, columns, filename)
    return _csv_response(cells, columns, filename)


def cell_rows(rows: Iterable[Any], columns: Sequence[Column]) -> Iterator[list[Any]]:
    """Each row as its cells, safe to open in a spreadsheet."""
    if isinstance(rows, QuerySet) and columns and all(column.fields for column in columns):
        return _cells_from_fields(rows, columns)
    if isinstance(rows, QuerySet):
        rows = rows.iterator(chunk_size=CHUNK_ROWS)
    return _cells_from_rows(rows, columns)


def _cells_from_rows(rows: Iterable[Any], columns: Sequence[Column]) -> Iterator[list[Any]]:
    values = [_row_value(column) for column in columns]
    for row in rows:
        yield [_safe_cell(value(row)) for value in values]


def _row_value(column: Column) -> Callable[[Any], Any]:
    if column.batch is not None:
        raise ValueError(f"The export column {column.heading!r} is read from a queryset only.")
    if column.value is not None:
        return column.value
    if len(column.fields) == 1:  # a fields-only column given something other than a queryset
        return operator.attrgetter(column.fields[0].replace("__", "."))
    raise ValueError(f"The export column {column.heading!r} has no value to read.")


def _cells_from_fields(rows: QuerySet, columns: Sequence[Column]) -> Iterator[list[Any]]:
    fields = list(dict.fromkeys(field for column in columns for field in column.fields))
    position = {field: index for index, field in enumerate(fields)}
    if not any(column.batch for column in columns):
        plain = [_field_reader(column, position) for column in columns]
        for record in rows.values_list(*fields).iterator(chunk_size=CHUNK_ROWS):
            yield [_safe_cell(read(record)) for read in plain]
        return
    records = rows.values_list(*fields).iterator(chunk_size=CHUNK_ROWS)
    found: dict[tuple, dict[tuple, Any]] = {}
    readers: list[Callable[[tuple], Any]] = []
    while chunk := list(islice(records, CHUNK_ROWS)):
        _find_batches(chunk, columns, position, found)
        readers = readers or [_field_reader(column, position, found) for column in columns]
        for record in chunk:
            yield [_safe_cell(read(record)) for read in readers]


def _find_batches(
    chunk: list[tuple],
    columns: Sequence[Column],
    position: dict[str, int],
    found: dict[tuple, dict[tuple, Any]],
) -> None:
    """Add to `found`, by (batch, fields), what each batch finds for the chunk's values it has
    not been asked about yet in this export (an answer does not change while it is written);
    each batch is called once a chunk, and only with new values."""
    asked: set[tuple] = set()
    for column in columns:
        key = (column.batch, column.fields)
        if column.batch is None or key in asked:
            continue
        asked.add(key)
        known = found.setdefault(key, {})
        picks = operator.itemgetter(*[position[field] for field in column.fields])
        if len(column.fields) == 1:
            values = dict.fromkeys((picks(record),) for record in chunk)
        else:
            values = dict.fromkeys(picks(record) for record in chunk)
        new = [value for value in values if value not in known]
        if new:
            answers = column.batch(new)
            known.update({value: answers.get(value) for value in new})


def _field_reader(
    column: Column, position: dict[str, int], found: dict[tuple, dict[tuple, Any]] | None = None
) -> Callable[[tuple], Any]:
    picks = [position[field] for field in column.fields]
    value = column.value
    if column.batch is not None:
        if found is None:
            raise ValueError(f"The export column {column.heading!r} needs its batch.")
        of_values = found[(column.batch, column.fields)].get
        pick = operator.itemgetter(*picks)
        shown = value or (lambda cell: cell)
        if len(picks) == 1:
            return lambda record: shown(of_values((pick(record),)))
        return lambda record: shown(of_values(pick(record)))
    if value is None:
        if len(picks) != 1:
            raise ValueError(f"The export column {column.heading!r} reads several fields.")
        return operator.itemgetter(picks[0])
    if len(picks) == 1:
        index = picks[0]
        return lambda record: value(record[index])
    return lambda record: value(*[record[index] for index in picks])


class _Lines(io.StringIO):
    def take(self) -> str:
        text = self.getvalue()
        self.seek(0)
        self.truncate()
        return text


def _csv_response(
    cells: Iterator[list[Any]], columns: Sequence[Column], filename: str
) -> StreamingHttpResponse:
    def lines() -> Iterator[str]:
        buffer = _Lines()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")  # so that Excel reads the file as UTF-8
        writer.writerow([column.heading for column in columns])
        while chunk := list(islice(cells, CHUNK_ROWS)):
            writer.writerows(chunk)
            yield buffer.take()
        yield buffer.take()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def _xlsx_response(
    cells: Iterator[list[Any]], columns: Sequence[Column], filename: str
) -> HttpResponse:
    headings: list[Any] = [column.heading for column in columns]
    response = HttpResponse(
        xlsx_bytes([headings, *cells], sheet_title=filename[:31]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


# --- A workbook of one sheet of plain cells, written by XlsxWriter ---------------------------

# Each cell's type decides how it is written; XlsxWriter's own `write` would look at every
# string again (as a number, formula or link), which an export of plain values never wants.
_WRITE_BY_TYPE: dict[type, str] = {
    str: "write_string",
    int: "write_number",
    float: "write_number",
    decimal.Decimal: "write_number",
    bool: "write_boolean",
    datetime.date: "write_datetime",
    datetime.datetime: "write_datetime",
}


def _kind(value: Any) -> str | None:
    method = _WRITE_BY_TYPE.get(type(value))
    if method is not None:
        return method
    for kind, name in _WRITE_BY_TYPE.items():  # subclasses (an enum's str, a pendulum date)
        if isinstance(value, kind):
            return name
    return None


def xlsx_bytes(rows: Iterable[Sequence[Any]], *, sheet_title: str) -> bytes:
    """A workbook of one sheet holding `rows`, each a sequence of cells."""
    import xlsxwriter  # here, not at the top: most processes never write a workbook

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,  # no temporary files: the file is built in the buffer
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "remove_timezone": True,
            "default_date_format": "yyyy-mm-dd",
        },
    )
    sheet = book.add_worksheet(re.sub(r"[\[\]:*?/\\]", "-", sheet_title) or "Sheet")
    date_time = book.add_format({"num_format": "yyyy-mm-dd h:mm:ss"})
    write_by_name: dict[str, Callable[..., Any]] = {
        name: getattr(sheet, name) for name in set(_WRITE_BY_TYPE.values())
    }
    write_string, write_datetime = write_by_name["write_string"], write_by_name["write_datetime"]
    for row_number, row in enumerate(rows):
        for column_number, value in enumerate(row):
            if value == "" or value is None:
                continue
            kind = _kind(value)
            if kind is None:
                write_string(row_number, column_number, str(value))
            elif kind == "write_datetime" and isinstance(value, datetime.datetime):
                write_datetime(row_number, column_number, value, date_time)
            else:
                write_by_name[kind](row_number, column_number, value)
    book.close()
    return buffer.getvalue()


def content_type_name(content_type_id: int | None) -> str:
    """A content type's name (as `ContentType.name` gives it) from its id, for a column
    reading a generic relation's type."""
    if content_type_id is None:
        return ""
    return _content_type_name(content_type_id)


@functools.lru_cache(maxsize=256)
def _content_type_name(content_type_id: int) -> str:
    # A type's name is its model's verbose name: it cannot change while the process runs.
    return str(ContentType.objects.get_for_id(content_type_id).name)
