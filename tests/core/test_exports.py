"""The one export path: columns read by field or by row give the same cells, CSV neutralises
formulas, and the workbook it writes opens in a spreadsheet library with its types kept."""

import datetime
import decimal
import io

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType

from safeboard.core.exports import Column, cell_rows, export_response, xlsx_bytes


@pytest.mark.django_db
def test_columns_by_field_give_the_cells_columns_by_row_give(django_assert_num_queries):
    types = ContentType.objects.order_by("app_label", "model")
    by_row = [
        Column("Id", lambda t: t.pk),
        Column("Label", lambda t: f"{t.app_label}.{t.model}"),
        Column("Model", lambda t: t.model),
    ]
    by_field = [
        Column("Id", fields=("pk",)),
        Column("Label", lambda app, model: f"{app}.{model}", fields=("app_label", "model")),
        Column("Model", str.upper, fields=("model",)),
    ]
    expected = [[row[0], row[1], row[2].upper()] for row in cell_rows(types, by_row)]
    with django_assert_num_queries(1):
        assert list(cell_rows(types, by_field)) == expected
    assert expected


def test_a_column_by_field_reads_attributes_of_rows_that_are_not_a_queryset():
    class Row:
        title = "=SUM(A1)"

    assert list(cell_rows([Row()], [Column("Title", fields=("title",))])) == [["'=SUM(A1)"]]


def test_the_csv_is_streamed_with_a_byte_order_mark_and_neutralised_formulas():
    rows = [{"name": "@cmd", "count": 3}, {"name": "Plain", "count": None}]
    columns = [Column("Name", lambda r: r["name"]), Column("Count", lambda r: r["count"])]
    response = export_response(rows=rows, columns=columns, file_format="csv", filename="x")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body == "\ufeffName,Count\r\n'@cmd,3\r\nPlain,\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'


def test_the_workbook_keeps_text_numbers_dates_and_true_false():
    rows = [
        ["Text", "Whole", "Decimal", "Date", "When", "Yes?"],
        [
            "  Ada & <Grace>\x01 ",
            42,
            decimal.Decimal("3.25"),
            datetime.date(2025, 3, 31),
            datetime.datetime(2025, 3, 31, 14, 30),
            True,
        ],
        ["", 0, 1.5, None, None, False],
    ]
    cells = [["" if value is None else value for value in row] for row in rows]
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(cells, sheet_title="actions/all")))
    sheet = book.active
    assert sheet.title == "actions-all"
    read = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert read[0] == rows[0]
    assert read[1] == [
        "  Ada & <Grace>_x0001_ ",  # a control character in Excel's own escape, as Excel reads it
        42,
        3.25,
        datetime.datetime(2025, 3, 31),
        datetime.datetime(2025, 3, 31, 14, 30),
        True,
    ]
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    assert read[2] == [None, 0, 1.5, None, None, False]


def test_an_excel_export_is_a_workbook_named_after_the_list():
    columns = [Column("Name", lambda r: r)]
    response = export_response(rows=["=1+1"], columns=columns, file_format="xlsx", filename="y")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert list(sheet.iter_rows(values_only=True)) == [("Name",), ("'=1+1",)]
    assert response["Content-Disposition"] == 'attachment; filename="y.xlsx"'


@pytest.mark.django_db
def test_a_batch_column_is_found_once_for_each_value_and_only_from_a_queryset(monkeypatch):
    from safeboard.core import exports

    monkeypatch.setattr(exports, "CHUNK_ROWS", 5)
    types = ContentType.objects.order_by("pk")
    asked: list[list[tuple]] = []

    def labels(values: list[tuple]) -> dict[tuple, str]:
        asked.append(values)
        return {(app,): app.upper() for (app,) in values if app != "auth"}

    columns = [
        Column("Id", fields=("pk",)),
        Column("App", fields=("app_label",), batch=labels),
        Column("App again", lambda found: f"<{found}>", fields=("app_label",), batch=labels),
    ]
    expected = [
        [t.pk, "" if t.app_label == "auth" else t.app_label.upper(), f"<{t.app_label.upper()}>"]
        if t.app_label != "auth"
        else [t.pk, "", "<None>"]
        for t in types
    ]
    assert list(cell_rows(types, columns)) == expected
    values = [value for chunk in asked for value in chunk]
    assert len(values) == len(set(values)) == len({t.app_label for t in types})
    with pytest.raises(ValueError, match="'App' is read from a queryset only"):
        list(cell_rows(list(types), columns))
