"""The one export path: columns read by field or by row give the same cells, CSV neutralises
formulas, and the workbook it writes opens in a spreadsheet library with its types kept."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.contrib.contenttypes.models import ContentType
from hypothesis import given
from hypothesis import strategies as st

from safeboard.core import exports
from safeboard.core.exports import Column, cell_rows, export_response


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


def _workbook(response) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def test_an_excel_export_is_a_streamed_workbook_named_after_the_list():
    columns = [Column("Name", lambda r: r)]
    response = export_response(rows=["=1+1"], columns=columns, file_format="xlsx", filename="y")
    assert response.streaming
    sheet = _workbook(response).active
    assert list(sheet.iter_rows(values_only=True)) == [("Name",), ("'=1+1",)]
    assert sheet.title == "y"
    assert response["Content-Disposition"] == 'attachment; filename="y.xlsx"'


def test_an_excel_export_keeps_each_cells_type_and_its_csv_protection():
    rows = [
        {"text": "@cmd", "whole": 42, "amount": decimal.Decimal("3.25"), "on": None},
        {"text": "Plain & <simple>", "whole": 0, "amount": 1.5, "on": datetime.date(2025, 3, 31)},
    ]
    columns = [Column(name.title(), lambda r, name=name: r[name]) for name in rows[0]]
    response = export_response(
        rows=rows, columns=columns, file_format="xlsx", filename="actions/all"
    )
    sheet = _workbook(response).active
    assert sheet.title == "actions-all"
    assert list(sheet.iter_rows(values_only=True)) == [
        ("Text", "Whole", "Amount", "On"),
        ("'@cmd", 42, 3.25, None),
        ("Plain & <simple>", 0, 1.5, datetime.datetime(2025, 3, 31)),
    ]
    assert sheet["D3"].number_format == "yyyy-mm-dd"


@pytest.mark.django_db
def test_the_excel_export_of_a_queryset_holds_the_cells_the_csv_holds():
    types = ContentType.objects.order_by("pk")
    columns = [
        Column("Id", fields=("pk",)),
        Column("Label", lambda app, model: f"={app}.{model}", fields=("app_label", "model")),
    ]
    cells = list(cell_rows(types, columns))
    response = export_response(rows=types, columns=columns, file_format="xlsx", filename="t")
    read = list(_workbook(response).active.iter_rows(values_only=True))
    assert read == [("Id", "Label"), *map(tuple, cells)]
    assert all(label.startswith("'=") for _, label in cells)


@pytest.mark.django_db
def test_a_batch_column_is_found_once_for_each_value_and_only_from_a_queryset(monkeypatch):
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


_column_values = st.lists(
    st.one_of(
        st.none(),
        st.text(max_size=4),
        st.sampled_from(["=1+1", "+44", "-3", "@cmd", "\tx", "\rx", ""]),
        st.integers(),
        st.dates(),
    ),
    max_size=12,
)


@given(_column_values)
def test_a_column_made_safe_at_once_holds_the_cells_made_safe_one_by_one(values):
    assert exports._safe_column(list(values)) == [exports._safe_cell(value) for value in values]


@given(st.lists(st.sampled_from(["=1", "plain", "", None, "+2"]), max_size=12))
def test_a_text_column_made_safe_at_once_holds_the_cells_made_safe_one_by_one(values):
    assert exports._safe_column(list(values)) == [exports._safe_cell(value) for value in values]


_csv_cells = st.one_of(
    st.none(),
    st.text(alphabet=st.sampled_from(list('ab ,"\r\n\t\x00é'))),
    st.integers(),
    st.floats(),
    st.decimals(allow_nan=False),
    st.booleans(),
    st.dates(),
)


@given(
    st.integers(min_value=0, max_value=4).flatmap(
        lambda width: st.lists(st.lists(_csv_cells, min_size=width, max_size=width), max_size=6)
    )
)
def test_the_csv_lines_are_those_csv_writer_writes(rows):
    expected = io.StringIO()
    csv.writer(expected).writerows(rows)
    width = len(rows[0]) if rows else 0
    columns = [list(column) for column in zip(*rows, strict=True)] if width else []
    assert exports._csv_lines((len(rows), columns)) == expected.getvalue()
