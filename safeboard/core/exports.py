"""The one export path: any list as CSV (streamed) or XLSX.

A column reads a row one of two ways. Given `fields` (ORM paths such as
"owner_agency__name"), its `value` is called with those fields' values, read with one
`values_list` query, and no model is built for the row: when every column of a queryset's
export says so, the export costs little more than writing `values_list` with `csv.writer`
(model instances cost about seven times that). Without `fields`, `value` is called with the
row itself (a model, a dict, whatever the list holds), which is always possible but slower.

The Excel file is written here too, as the few XML parts a workbook needs: openpyxl took ten
times as long as the CSV for the same rows, and an export needs one sheet of plain cells.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import functools
import io
import operator
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpResponse, StreamingHttpResponse

EXPORT_FORMATS = ("csv", "xlsx")
CHUNK_ROWS = 1000  # rows fetched, and CSV lines written, at a time


@dataclass(frozen=True)
class Column:
    heading: str
    # Of the row; or, with `fields`, of those fields' values in order (None: the one field's).
    value: Callable[..., Any] | None = None
    fields: tuple[str, ...] = ()


def _safe_cell(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


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
    if column.value is not None:
        return column.value
    if len(column.fields) == 1:  # a fields-only column given something other than a queryset
        return operator.attrgetter(column.fields[0].replace("__", "."))
    raise ValueError(f"The export column {column.heading!r} has no value to read.")


def _cells_from_fields(rows: QuerySet, columns: Sequence[Column]) -> Iterator[list[Any]]:
    fields = list(dict.fromkeys(field for column in columns for field in column.fields))
    position = {field: index for index, field in enumerate(fields)}
    readers = [_field_reader(column, position) for column in columns]
    for record in rows.values_list(*fields).iterator(chunk_size=CHUNK_ROWS):
        yield [_safe_cell(read(record)) for read in readers]


def _field_reader(column: Column, position: dict[str, int]) -> Callable[[tuple], Any]:
    picks = [position[field] for field in column.fields]
    value = column.value
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
        for count, row in enumerate(cells, start=1):
            writer.writerow(row)
            if count % CHUNK_ROWS == 0:
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


# --- A workbook of one sheet of plain cells (Office Open XML, ECMA-376) ---------------------

# Characters XML 1.0 cannot hold; a spreadsheet would refuse the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)
_DATE_STYLE, _DATETIME_STYLE = 1, 2

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{title}" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Style 1 shows a date as 2025-03-31, style 2 a date and time.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_END = "</sheetData></worksheet>"


def _text_cell(text: str) -> str:
    if not text:
        return "<c/>"
    if _NOT_XML.search(text):
        text = _NOT_XML.sub("", text)
    text = escape(text)
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _number_cell(value: int | float | decimal.Decimal) -> str:
    return f"<c><v>{value}</v></c>"


def _boolean_cell(value: bool) -> str:
    return f'<c t="b"><v>{int(value)}</v></c>'


def _date_cell(value: datetime.date) -> str:
    return f'<c s="{_DATE_STYLE}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'


def _datetime_cell(value: datetime.datetime) -> str:
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    serial = (value - datetime.datetime(1899, 12, 30)).total_seconds() / 86400
    return f'<c s="{_DATETIME_STYLE}"><v>{serial}</v></c>'


# By exact type first (most cells), then by kind for subclasses; anything else as its text.
_CELL_BY_TYPE: dict[type, Callable[[Any], str]] = {
    str: _text_cell,
    int: _number_cell,
    float: _number_cell,
    decimal.Decimal: _number_cell,
    bool: _boolean_cell,
    datetime.date: _date_cell,
    datetime.datetime: _datetime_cell,
}


def _cell(value: Any) -> str:
    """One cell: text, a number, a true/false, or a date shown as a date."""
    write = _CELL_BY_TYPE.get(type(value))
    if write is not None:
        return write(value)
    if isinstance(value, str):
        return _text_cell(value)
    if isinstance(value, bool):
        return _boolean_cell(value)
    if isinstance(value, int | float | decimal.Decimal):
        return _number_cell(value)
    if isinstance(value, datetime.datetime):
        return _datetime_cell(value)
    if isinstance(value, datetime.date):
        return _date_cell(value)
    return _text_cell(str(value))


def xlsx_bytes(rows: Iterable[Sequence[Any]], *, sheet_title: str) -> bytes:
    """A workbook of one sheet holding `rows`, each a sequence of cells."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        title = escape(re.sub(r"[\[\]:*?/\\]", "-", sheet_title) or "Sheet", {'"': "&quot;"})
        book.writestr("xl/workbook.xml", _WORKBOOK.format(title=title))
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(_SHEET_START.encode())
            lines: list[str] = []
            for row in rows:
                lines.append("<row>" + "".join(map(_cell, row)) + "</row>")
                if len(lines) == CHUNK_ROWS:
                    sheet.write("".join(lines).encode())
                    lines.clear()
            sheet.write(("".join(lines) + _SHEET_END).encode())
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
