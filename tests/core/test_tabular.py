"""The one reader of uploaded tables: rows by column, where each is, and a clear error for a
file that cannot be read."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from safeboard.core.tabular import (
    CSV_UNREADABLE,
    NO_SUCH_SHEET,
    NOT_A_TABLE,
    UNREADABLE_WORKBOOK,
    Column,
    TableError,
    heading_key,
    read_csv,
    read_table,
)
from safeboard.core.uploads import TEXT_ENCODING_UNKNOWN

COLUMNS = (
    Column("email"),
    Column("attended", frozenset({"present"})),
    Column("notes", required=False),
)


def workbook_bytes(*lines, title="Sheet") -> bytes:
    workbook = Workbook()
    workbook.active.title = title
    for line in lines:
        workbook.active.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_headings_are_compared_without_case_spaces_or_punctuation():
    assert heading_key(" Indicator_code ") == heading_key("INDICATOR CODE") == "indicatorcode"


def test_csv_rows_come_back_by_column_with_their_row_numbers():
    table = read_csv(
        b" Email ,Present\nsam@police.example, yes \n,\nzo@health.example,no\n", columns=COLUMNS
    )

    assert table.headings == ["Email", "Present"] and table.missing == []
    assert [(row.line, row.text("email"), row.text("attended")) for row in table.rows] == [
        (2, "sam@police.example", "yes"),
        (4, "zo@health.example", "no"),
    ]
    assert table.rows[0]["notes"] is None and table.rows[0].columns == {
        "email": "A",
        "attended": "B",
    }


def test_missing_and_unknown_columns_are_named():
    table = read_csv(b"email,colour\n", columns=COLUMNS)
    assert table.missing == ["attended"] and table.unknown == ["colour"]


def test_a_cell_beyond_the_header_is_overflow():
    table = read_csv(b"email,attended\na@b.example,yes,extra\nc@d.example,no,\n", columns=COLUMNS)
    assert [row.overflow for row in table.rows] == [True, False]


def test_rows_past_the_limit_are_cut_off_and_said_to_be():
    data = b"email,attended\n" + b"a@b.example,yes\n" * 5
    table = read_csv(data, columns=COLUMNS, max_rows=3)
    assert table.truncated and len(table.rows) == 3


def test_excel_encodings_are_read():
    data = "email,attended\nzoë@health.example,yes\n".encode("cp1252")
    assert read_csv(data, columns=COLUMNS).rows[0].text("email") == "zoë@health.example"


def test_undecodable_bytes_are_a_clear_error():
    with pytest.raises(TableError) as error:
        read_csv(b"email,attended\nzo\x81@health.example,no\n", columns=COLUMNS)
    assert error.value.message == TEXT_ENCODING_UNKNOWN


def test_a_broken_csv_file_is_a_clear_error():
    with pytest.raises(TableError, match=CSV_UNREADABLE.split(":")[0]):
        read_csv(b"email,attended\n" + b"a" * 200_000 + b",yes\n", columns=COLUMNS)  # too long


def test_a_workbook_is_read_from_its_first_sheet_keeping_numbers_as_numbers():
    data = workbook_bytes(("Email", "Attended", "Notes"), ("sam@police.example", "yes", 3))
    table = read_table(data, filename="sheet.XLSX", columns=COLUMNS)

    assert table.sheet == "Sheet"
    assert [row.values for row in table.rows] == [
        {"email": "sam@police.example", "attended": "yes", "notes": 3}
    ]


def test_a_named_sheet_must_be_there():
    with pytest.raises(TableError, match=NO_SUCH_SHEET.format(sheet="Figures")):
        read_table(workbook_bytes(("email",)), filename="a.xlsx", columns=COLUMNS, sheet="Figures")


def test_a_file_that_is_not_a_workbook_is_a_clear_error():
    with pytest.raises(TableError, match=UNREADABLE_WORKBOOK[:20]):
        read_table(b"PK\x03\x04 not really", filename="a.xlsx", columns=COLUMNS)


def test_other_kinds_of_file_are_refused():
    with pytest.raises(TableError, match=NOT_A_TABLE[:20]):
        read_table(b"%PDF-1.7", filename="a.pdf", columns=COLUMNS)


@given(st.binary(max_size=2048))
@settings(max_examples=300, deadline=None)
def test_any_bytes_as_csv_give_a_table_or_a_clear_error(data):
    try:
        table = read_csv(data, columns=COLUMNS, max_rows=50)
    except TableError as error:
        assert error.message
        return
    assert len(table.rows) <= 50
    assert all(row.line >= 2 for row in table.rows)
    assert set(table.missing) <= {"email", "attended"}


TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=10)


@given(st.lists(st.lists(TEXT, max_size=6), max_size=10))
@settings(max_examples=150, deadline=None)
def test_any_csv_text_gives_rows_keyed_by_the_columns(lines):
    text = "\n".join(
        ",".join('"' + cell.replace('"', '""') + '"' for cell in line) for line in lines
    )
    table = read_csv(text.encode("utf-8"), columns=COLUMNS)
    for row in table.rows:
        assert set(row.values) == {"email", "attended", "notes"}
        assert 2 <= row.line <= len(lines)


@given(st.binary(max_size=1024))
@settings(max_examples=100, deadline=None)
def test_any_bytes_as_a_workbook_give_a_table_or_a_clear_error(data):
    try:
        read_table(b"PK\x03\x04" + data, filename="a.xlsx", columns=COLUMNS)
    except TableError as error:
        assert error.message == UNREADABLE_WORKBOOK


def test_column_letters_are_openpyxls():
    from openpyxl.utils import get_column_letter

    from safeboard.core.tabular import column_letter

    for number in (1, 2, 26, 27, 52, 53, 702, 703, 16384):
        assert column_letter(number) == get_column_letter(number)
