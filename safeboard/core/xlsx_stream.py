"""A workbook of one sheet of plain values, written as it is sent.

What an export needs of the Office Open XML spreadsheet format (ECMA-376) and no more: the six
parts of a package, one sheet, text, numbers, true/false and dates, a bold header row kept in
view. No formulas, shared strings, merged cells, rich text or second sheet. The sheet's rows
are written a chunk at a time into its zip entry (deflated at level 1, the fastest), and the
zip's bytes are handed on as soon as they are made, so a long export never sits whole in
memory. Why our own writer and not XlsxWriter: decision 15.
"""

from __future__ import annotations

import datetime
import decimal
import math
import operator
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import chain, islice, repeat, zip_longest
from typing import Any

CHUNK_ROWS = 1000  # rows written to the sheet, and bytes handed on, at a time
MAX_ROWS = 1_048_576  # a sheet holds no more (Excel's limit)

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"

_CONTENT_TYPES = (
    _DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
    '.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPE}.worksheet+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    _DECLARATION + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    _DECLARATION + f'<Relationships xmlns="{_PACKAGE_RELATIONSHIPS}">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# The cell styles a cell names by its index (s="1"): 0 plain, 1 a date, 2 a date and time,
# 3 a heading (bold). 164 and 165 are the first number formats a workbook may define.
_DATE, _DATE_TIME, _HEADING = 1, 2, 3
_STYLES = (
    _DECLARATION + f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd h:mm:ss"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)

# Characters XML 1.0 cannot hold (controls other than tab and newlines, lone surrogates,
# U+FFFE and U+FFFF): a spreadsheet reader refuses the file that holds them, so they go.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROLS = bytes(range(0x20)).translate(None, b"\t\n\r")
# Excel reads _x0041_ in a cell's text as the character it names ("A"); one written in a
# value is kept as written by escaping its underscore, as Excel itself does.
_EXCEL_ESCAPE = re.compile("_(x[0-9A-Fa-f]{4}_)")
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
_EXCEL_EPOCH = datetime.date(1899, 12, 30).toordinal()  # day 0 of the 1900 date system
_FIRST_TRUE_DAY = datetime.date(1900, 3, 1)  # Excel counts a 29 February 1900 before this
_SECONDS_A_DAY = 86_400


# A chunk of rows given a column at a time: how many rows, and each column's values in order.
ColumnChunk = tuple[int, Sequence[Sequence[Any]]]


def workbook_chunks(
    rows: Iterable[Sequence[Any]], *, sheet_title: str, headings: Sequence[str] = ()
) -> Iterator[bytes]:
    """The bytes of an .xlsx file, as they are made, of one sheet holding `headings` (bold and
    kept in view when scrolling, if any) then `rows`, each a sequence of plain values: text,
    int, float, Decimal, bool, date, datetime (its time zone dropped: the time as written);
    None and "" leave the cell empty; any other value is written as its text."""
    return workbook_chunks_of_columns(
        _column_chunks(rows), sheet_title=sheet_title, headings=headings
    )


def workbook_chunks_of_columns(
    chunks: Iterable[ColumnChunk], *, sheet_title: str, headings: Sequence[str] = ()
) -> Iterator[bytes]:
    """As `workbook_chunks`, from rows already given a column at a time (as an export makes
    them), which is how the sheet is written."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        for name, text in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("xl/workbook.xml", _workbook(sheet_title)),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
        ):
            book.writestr(name, text)
        # Each chunk is deflated by a thread of its own while the next one is written: zlib
        # lets other Python code run while it works.
        with (
            book.open("xl/worksheets/sheet1.xml", "w") as sheet,
            ThreadPoolExecutor(max_workers=1) as deflater,
        ):
            written: Future | None = None
            for text in _sheet(chunks, headings):
                data = text.encode("utf-8")
                if written is not None:
                    written.result()  # the sink is only read between two writes
                made = sink.take()
                written = deflater.submit(sheet.write, data)
                if made:
                    yield made
            if written is not None:
                written.result()
    yield sink.take()


def _column_chunks(rows: Iterable[Sequence[Any]]) -> Iterator[ColumnChunk]:
    rows = iter(rows)
    while chunk := list(islice(rows, CHUNK_ROWS)):
        yield len(chunk), list(zip_longest(*chunk))  # a short row's last cells are empty


def workbook_bytes(
    rows: Iterable[Sequence[Any]], *, sheet_title: str, headings: Sequence[str] = ()
) -> bytes:
    """The whole .xlsx file at once (see `workbook_chunks`)."""
    return b"".join(workbook_chunks(rows, sheet_title=sheet_title, headings=headings))


def sheet_name(title: str) -> str:
    """A title as a sheet may be named: without the characters Excel forbids in one."""
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:31] or "Sheet"


class _Sink:
    """Where the zip writes: it keeps the bytes until they are taken. Having no `tell`, it is
    written as a stream (each entry's sizes follow its data), never seeked back into."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _workbook(sheet_title: str) -> str:
    name = _clean(sheet_name(sheet_title)).replace('"', "&quot;")
    return (
        _DECLARATION + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
        "<bookViews><workbookView/></bookViews>"
        f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def _sheet(chunks: Iterable[ColumnChunk], headings: Sequence[str]) -> Iterator[str]:
    """The sheet's XML, a chunk of rows at a time."""
    head = ""
    if headings:
        head = (
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
            'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>'
            "</sheetView></sheetViews><cols>"
            + "".join(
                f'<col min="{number}" max="{number}" width="{min(max(len(heading) + 2, 10), 60)}"'
                ' customWidth="1"/>'
                for number, heading in enumerate(headings, 1)
            )
            + "</cols>"
        )
    yield _DECLARATION + f'<worksheet xmlns="{_MAIN}">{head}<sheetData>'
    number = 0
    if headings:
        number = 1
        cells = "".join(_HEADING_TEXT(_clean(str(heading))) for heading in headings)
        yield f'<row r="1">{cells}</row>'
    for count, columns in chunks:
        if not count:
            continue
        if number + count > MAX_ROWS:
            raise ValueError(f"A sheet holds at most {MAX_ROWS:,} rows.")
        yield _rows_xml(columns, count, number + 1)
        number += count
    yield "</sheetData></worksheet>"


# A cell names no reference (r="B7"): it is the next one in its row (ECMA-376 18.3.1.4), as
# Excel, LibreOffice and openpyxl read it; an empty cell is written as one with no value.
_TEXT_SLOT = '<c t="inlineStr"><is><t>{}</t></is></c>'
_SPACED_SLOT = '<c t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>'
_WHOLE_SLOT = "<c><v>{}</v></c>"
_DAY_SLOT = f'<c s="{_DATE}"><v>{{}}</v></c>'
_CELL_SLOT = "{}"  # filled with a whole cell's XML
_TEXT, _SPACED, _WHOLE, _DAY = (
    slot.format for slot in (_TEXT_SLOT, _SPACED_SLOT, _WHOLE_SLOT, _DAY_SLOT)
)
_HEADING_TEXT = (
    f'<c s="{_HEADING}" t="inlineStr"><is><t xml:space="preserve">{{}}</t></is></c>'.format
)
_EMPTY = "<c/>"
_ROW_OPENING = '<row r="{}">'.format
# .get(value, its cell): "" and None leave the cell empty.
_EMPTY_IF_EMPTY: dict[Any, str] = {"": _EMPTY, None: _EMPTY}


def _rows_xml(columns: Sequence[Sequence[Any]], count: int, first_number: int) -> str:
    """A chunk of rows' XML, written a column at a time and joined once. Each column gives
    each row's cell as the markup around it (the same in every row) and what goes inside;
    the usual column (all text, whole numbers or dates) gives its bare values, without a
    Python call per cell; any other column gives each cell's whole XML."""
    pieces: list[Iterable[str]] = [map(_ROW_OPENING, range(first_number, first_number + count))]
    between = ""
    for column in columns:
        slot, values = _column_slot(tuple(column))
        opening, closing = slot.split("{}")
        pieces += (repeat(between + opening, count), values)
        between = closing
    pieces.append(repeat(between + "</row>", count))
    return "".join(chain.from_iterable(zip(*pieces, strict=True)))


def _column_slot(column: tuple[Any, ...]) -> tuple[str, Iterable[str]]:
    """A column's cell with a slot ("{}") for what fills it, and what fills it in each row."""
    kinds = set(map(type, column))
    if kinds == {str}:
        joined = "".join(column)
        if _plain(joined):
            texts: Iterable[str] = column
            for character, reference in _XML_ESCAPES:
                if character in joined:
                    texts = map(str.replace, texts, repeat(character), repeat(reference))
            # Spaces at either end of a text are kept only if the cell says so.
            slot = _SPACED_SLOT if tuple(map(str.strip, column)) != column else _TEXT_SLOT
            if "" not in column:
                return slot, texts
            # "" leaves its cell empty: each cell is written whole.
            return _CELL_SLOT, map(_EMPTY_IF_EMPTY.get, column, map(slot.format, texts))
    elif kinds == {int}:
        return _WHOLE_SLOT, map(str, column)
    elif datetime.date in kinds and kinds <= {datetime.date, str, type(None)}:
        # Dates, perhaps with empty cells (a date not yet reached): each filled in to be
        # counted, then written empty again.
        days = [day or _FIRST_TRUE_DAY for day in column]
        if set(map(type, days)) == {datetime.date} and min(days) >= _FIRST_TRUE_DAY:
            serials = map(operator.sub, map(datetime.date.toordinal, days), repeat(_EXCEL_EPOCH))
            if len(kinds) == 1:
                return _DAY_SLOT, map(str, serials)
            return _CELL_SLOT, map(_EMPTY_IF_EMPTY.get, column, map(_DAY_SLOT.format, serials))
    return _CELL_SLOT, map(_cell, column)


def _plain(text: str) -> bool:
    """Whether text is written as it is, but for XML's escaping (a whole column's at once)."""
    if not text.isascii() or "_x" in text or "\r" in text:
        return False
    return text.isprintable() or len(text.encode().translate(None, _CONTROLS)) == len(text)


def _clean(text: str) -> str:
    """Text as a cell holds it: escaped for XML, without what XML cannot hold, and with
    Excel's own escapes and carriage returns kept as written."""
    text = _EXCEL_ESCAPE.sub(r"_x005F_\1", _NOT_XML.sub("", text))
    for character, reference in _XML_ESCAPES:
        text = text.replace(character, reference)
    return text.replace("\r", "&#13;")  # a reader would read a bare \r as \n


def _text_cell(text: str) -> str:
    text = _clean(text)
    if not text:
        return _EMPTY  # nothing left: the cell is empty
    return _SPACED(text) if text[0].isspace() or text[-1].isspace() else _TEXT(text)


def _date_cell(day: datetime.date) -> str:
    serial = _serial(day)
    if serial is None:
        return _text_cell(str(day))
    return _DAY(serial)


def _date_time_cell(moment: datetime.datetime) -> str:
    serial = _serial(moment.date())
    if serial is None:
        return _text_cell(str(moment))
    seconds = moment.hour * 3600 + moment.minute * 60 + moment.second
    fraction = (seconds + moment.microsecond / 1_000_000) / _SECONDS_A_DAY
    return f'<c s="{_DATE_TIME}"><v>{serial + fraction!r}</v></c>'


def _number_cell(value: float | decimal.Decimal) -> str:
    number = float(value)
    if not math.isfinite(number):
        return _text_cell(str(value))  # a sheet holds no infinity
    return f"<c><v>{number!r}</v></c>"


_CELL_OF_KIND: dict[type, Callable[[Any], str]] = {
    str: _text_cell,
    int: _WHOLE,
    bool: lambda value: f'<c t="b"><v>{int(value)}</v></c>',
    float: _number_cell,
    decimal.Decimal: _number_cell,
    datetime.date: _date_cell,
    datetime.datetime: _date_time_cell,
    type(None): lambda value: _EMPTY,
}


def _cell(value: Any) -> str:
    """The cell of any value: text, a number, true or false, a date (a date before 1900, which
    a sheet cannot show, as its text); None and "" leave it empty; any other value is written
    as its text."""
    write = _CELL_OF_KIND.get(type(value))
    if write is not None:
        return write(value)
    # A subclass: a choice's value, a time zone library's date.
    if isinstance(value, str):
        return _text_cell(value)
    if isinstance(value, int):  # bool is a kind of its own, found above
        return _WHOLE(int(value))
    if isinstance(value, float | decimal.Decimal):
        return _number_cell(value)
    if isinstance(value, datetime.datetime):
        return _date_time_cell(value)
    if isinstance(value, datetime.date):
        return _date_cell(value)
    return _text_cell(str(value))


def _serial(day: datetime.date) -> int | None:
    """The day as Excel counts it in the 1900 date system, None before 1900."""
    if day.year < 1900:
        return None
    serial = day.toordinal() - _EXCEL_EPOCH
    # Excel counts a 29 February 1900 that never was: the days before it are one fewer.
    return serial if day >= _FIRST_TRUE_DAY else serial - 1
