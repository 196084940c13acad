"""The workbook writer: every file it writes is read back by openpyxl, the mature reader, with
every value as it was written and no warning."""

import datetime
import decimal
import enum
import io
import warnings
import zipfile
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from safeboard.core import xlsx_stream
from safeboard.core.xlsx_stream import sheet_name, workbook_bytes, workbook_chunks


def _read(data: bytes) -> openpyxl.Workbook:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning from the reader fails the test
        return openpyxl.load_workbook(io.BytesIO(data))


def _values(data: bytes) -> list[tuple]:
    return list(_read(data).active.iter_rows(values_only=True))


def test_a_workbook_opens_without_a_warning_and_holds_its_rows():
    data = workbook_bytes([["Ada", 1]], sheet_title="People", headings=["Name", "Count"])
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
    book = _read(data)
    assert book.sheetnames == ["People"]
    assert _values(data) == [("Name", "Count"), ("Ada", 1)]


def test_text_is_kept_as_written_with_its_markup_characters_and_unicode():
    texts = [
        "&<>\"'",
        "  spaces either side  ",
        "Zoë, Łukasz and 山田 — “quoted” 🙂",
        "two\nlines\r\nand a\ttab",
        "</t></is></c><c>",
        "]]>",
    ]
    assert _values(workbook_bytes([[text] for text in texts], sheet_title="t")) == [
        (text,) for text in texts
    ]


def test_characters_xml_cannot_hold_are_left_out():
    text = "a\x00b\x01c\x08d\x0be\x0cf\x1fg\ud800h\ufffei\uffffj"
    assert _values(workbook_bytes([[text, "\x02"]], sheet_title="t")) == [("abcdefghij", None)]


def test_text_that_looks_like_excels_own_escape_is_kept_as_excel_reads_it():
    data = workbook_bytes([["_x0041_ and _x"]], sheet_title="t")
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    assert b"_x005F_x0041_ and _x" in sheet_xml  # Excel shows "_x0041_", not "A"


def test_very_long_text_is_kept_whole():
    text = "a long answer & more " * 1500  # over 30,000 characters
    assert _values(workbook_bytes([[text]], sheet_title="t")) == [(text,)]


def test_numbers_true_false_and_empty_cells_keep_their_types():
    row = [42, -7, 10**15, 1.5, decimal.Decimal("3.25"), True, False, None, "", 0]
    assert _values(workbook_bytes([row], sheet_title="t")) == [
        (42, -7, 10**15, 1.5, 3.25, True, False, None, None, 0)
    ]


def test_what_a_sheet_cannot_hold_as_a_number_or_date_is_written_as_text():
    row = [float("inf"), decimal.Decimal("NaN"), datetime.date(1899, 12, 31), object]
    assert _values(workbook_bytes([row], sheet_title="t")) == [
        ("inf", "NaN", "1899-12-31", "<class 'object'>")
    ]


def test_dates_and_times_come_back_as_dates_in_their_formats():
    row = [
        datetime.date(2025, 3, 31),
        datetime.datetime(2025, 3, 31, 14, 30, 15),
        datetime.datetime(2025, 6, 1, 9, 0, tzinfo=ZoneInfo("Europe/London")),
        datetime.date(1900, 1, 1),
        datetime.date(1900, 2, 28),
        datetime.date(1900, 3, 1),
        datetime.date(9999, 12, 31),
    ]
    sheet = _read(workbook_bytes([row], sheet_title="t")).active
    assert next(sheet.iter_rows(values_only=True)) == (
        datetime.datetime(2025, 3, 31),
        datetime.datetime(2025, 3, 31, 14, 30, 15),
        datetime.datetime(2025, 6, 1, 9, 0),  # the time as written, its zone dropped
        datetime.datetime(1900, 1, 1),
        datetime.datetime(1900, 2, 28),
        datetime.datetime(1900, 3, 1),
        datetime.datetime(9999, 12, 31),
    )
    assert sheet["A1"].number_format == "yyyy-mm-dd"
    assert sheet["B1"].number_format == "yyyy-mm-dd h:mm:ss"


def test_choices_are_written_as_their_values():
    class Status(enum.StrEnum):
        OPEN = "open"

    class Rank(enum.IntEnum):
        FIRST = 1

    assert _values(workbook_bytes([[Status.OPEN, Rank.FIRST]], sheet_title="t")) == [("open", 1)]


def test_the_heading_row_is_bold_kept_in_view_and_sizes_its_columns():
    data = workbook_bytes([["x", 1]], sheet_title="t", headings=["Name", "A much longer heading"])
    sheet = _read(data).active
    assert sheet["A1"].font.b and not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


def test_rows_of_different_lengths_and_empty_rows_keep_their_places():
    rows = [["a"], [], ["b", None, "c"], [None, None, 3]]
    assert _values(workbook_bytes(rows, sheet_title="t")) == [
        ("a", None, None),
        (None, None, None),
        ("b", None, "c"),
        (None, None, 3),
    ]


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("actions/all", "actions-all"),
        ("a[b]:c*?\\", "a-b--c---"),
        ("", "Sheet"),
        ("x" * 40, "x" * 31),
    ],
)
def test_the_sheet_is_named_as_excel_allows(title, name):
    assert sheet_name(title) == name
    assert _read(workbook_bytes([], sheet_title=title)).sheetnames == [name]


def test_a_long_export_is_handed_on_a_chunk_of_rows_at_a_time(monkeypatch):
    monkeypatch.setattr(xlsx_stream, "CHUNK_ROWS", 10)
    taken = 0

    def rows():
        nonlocal taken
        for number in range(1, 2001):
            taken = number
            yield [f"row {number} " + "x" * 200]

    chunks = workbook_chunks(rows(), sheet_title="t")
    next(chunks)
    assert taken < 2000  # bytes came out before every row was read
    data = next(chunks) + b"".join(chunks)
    assert len(data) > 0
    assert taken == 2000


_cells = st.one_of(
    # Excel's own escape (_x0041_) in a text is kept as Excel reads it, not as openpyxl does.
    st.text().filter(lambda text: not xlsx_stream._EXCEL_ESCAPE.search(text)),
    st.integers(min_value=-(2**53), max_value=2**53),
    st.dates(min_value=datetime.date(1900, 1, 1)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_cells, min_size=3, max_size=3), max_size=8))
def test_any_rows_of_text_whole_numbers_and_dates_come_back_as_written(cells):
    def as_read(value):
        if isinstance(value, datetime.date):
            return datetime.datetime(value.year, value.month, value.day)
        if isinstance(value, str):
            return xlsx_stream._NOT_XML.sub("", value) or None
        return value

    # Each row between two numbers, so that no row or column is empty at the sheet's edge.
    rows = [[number, *row, number] for number, row in enumerate(cells)]
    expected = [tuple(as_read(value) for value in row) for row in rows]
    assert _values(workbook_bytes(rows, sheet_title="t")) == expected


def test_a_column_of_dates_with_empty_cells_keeps_both():
    day = datetime.date(2025, 3, 31)
    rows = [[day], [None], [""], [datetime.date(1900, 1, 1)], [day]]
    assert _values(workbook_bytes(rows, sheet_title="t")) == [
        (datetime.datetime(2025, 3, 31),),
        (None,),
        (None,),
        (datetime.datetime(1900, 1, 1),),
        (datetime.datetime(2025, 3, 31),),
    ]
    assert _values(workbook_bytes([[day], [""], [day]], sheet_title="t"))[1] == (None,)


def test_rows_given_a_column_at_a_time_make_the_same_sheet_as_rows():
    rows = [
        ["Ada", 1, datetime.date(2026, 1, 5), None],
        ["Grace & Co", 2, None, 1.5],
        ["", 3, datetime.date(2026, 2, 1), True],
    ]
    chunks = [
        (2, list(zip(*rows[:2], strict=True))),
        (0, []),
        (1, list(zip(*rows[2:], strict=True))),
    ]
    by_columns = b"".join(
        xlsx_stream.workbook_chunks_of_columns(
            chunks, sheet_title="t", headings=["a", "b", "c", "d"]
        )
    )
    by_rows = workbook_bytes(rows, sheet_title="t", headings=["a", "b", "c", "d"])
    sheet = "xl/worksheets/sheet1.xml"
    assert zipfile.ZipFile(io.BytesIO(by_columns)).read(sheet) == zipfile.ZipFile(
        io.BytesIO(by_rows)
    ).read(sheet)
    assert _values(by_columns)[1:] == [
        ("Ada", 1, datetime.datetime(2026, 1, 5), None),
        ("Grace & Co", 2, None, 1.5),
        (None, 3, datetime.datetime(2026, 2, 1), True),
    ]
