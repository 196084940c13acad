"""Uploads of figures: the whole file is checked, every error is listed, nothing half-saved."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from safeboard.core.uploads import (
    CONTENT_DOES_NOT_MATCH,
    MACRO_ENABLED,
    TEXT_ENCODING_UNKNOWN,
    ZIP_BOMB,
)
from safeboard.scorecard import figure_checks, selectors, services, uploads
from safeboard.scorecard.excel_template import build_template
from safeboard.scorecard.factories import FigureFactory, PeriodFactory
from safeboard.scorecard.models import Figure, FigureRevision
from safeboard.scorecard.uploads import UploadError, UploadRejected

from .conftest import NOVEMBER_2025, OCTOBER_2025, database_state

pytestmark = pytest.mark.django_db


def _template(catalogue, period=OCTOBER_2025, agency=None) -> bytes:
    agency = agency or catalogue.police
    indicators = selectors.agency_indicators(agency_id=agency.pk, frequency=period.frequency)
    return build_template(agency=agency, period=period, indicators=indicators)


def _fill(content: bytes, values: dict[str, object], extra_rows=(), edit=None) -> bytes:
    """Type figures into a template's Value column by indicator code, as a data contact does."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    sheet = workbook[uploads.FIGURES_SHEET]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value in values:
            row[4].value = values[row[0].value]
    for extra in extra_rows:
        sheet.append(list(extra))
    if edit:
        edit(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx(content: bytes, name: str = "figures.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _upload(catalogue, upload, period=OCTOBER_2025, reason=""):
    return services.figures_upload(
        agency=catalogue.police, period=period, upload=upload, reason=reason
    )


def _rejected(catalogue, upload, period=OCTOBER_2025, reason="") -> list[UploadError]:
    """Upload a bad file: prove it changed nothing, and return the errors it got."""
    before = database_state()
    with pytest.raises(UploadRejected) as rejected:
        _upload(catalogue, upload, period=period, reason=reason)
    assert database_state() == before
    return rejected.value.errors


def _zip(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _with_members(content: bytes, extra: dict[str, bytes]) -> bytes:
    """A copy of a workbook with extra members added to its zip archive."""
    source = zipfile.ZipFile(io.BytesIO(content))
    members = {info.filename: source.read(info) for info in source.infolist()}
    members.update(extra)
    return _zip(members)


# The round trip ----------------------------------------------------------------------------


def test_a_filled_template_uploads_and_its_figures_are_saved(catalogue):
    content = _fill(_template(catalogue), {"POL-01": 41, "POL-02": 12, "POL-03": 87.5})
    result = _upload(catalogue, _xlsx(content))
    assert result.saved == 3
    figures = Figure.objects.filter(period__starts_on=OCTOBER_2025.starts_on)
    assert dict(figures.values_list("indicator__code", "value")) == {
        "POL-01": Decimal("41"),
        "POL-02": Decimal("12"),
        "POL-03": Decimal("87.5"),
    }
    assert set(figures.values_list("source", flat=True)) == {Figure.Source.EXCEL}


def test_rows_left_blank_in_the_template_are_not_submitted(catalogue):
    content = _fill(_template(catalogue), {"POL-01": 41})
    result = _upload(catalogue, _xlsx(content))
    assert [figure.indicator.code for figure in result.created] == ["POL-01"]


def test_a_template_with_no_figures_is_refused(catalogue):
    errors = _rejected(catalogue, _xlsx(_template(catalogue)))
    assert [error.message for error in errors] == [uploads.NO_FIGURES]


def test_uploading_changed_figures_revises_them_only_with_a_reason(catalogue):
    _upload(catalogue, _xlsx(_fill(_template(catalogue), {"POL-01": 41, "POL-02": 12})))
    changed = _fill(_template(catalogue), {"POL-01": 44, "POL-02": 12})
    errors = _rejected(catalogue, _xlsx(changed))
    assert [(e.sheet, e.row, e.column) for e in errors] == [("Figures", 2, "E")]
    assert "give a reason to revise it" in errors[0].message

    result = _upload(catalogue, _xlsx(changed), reason="Late-recorded incidents")
    assert [f.indicator.code for f in result.revised] == ["POL-01"]
    assert FigureRevision.objects.get().reason == "Late-recorded incidents"


# Malformed workbooks -------------------------------------------------------------------------


def test_a_workbook_without_the_figures_sheet_is_refused(catalogue):
    def rename(workbook):
        workbook[uploads.FIGURES_SHEET].title = "Sheet1"

    content = _fill(_template(catalogue), {"POL-01": 41}, edit=rename)
    errors = _rejected(catalogue, _xlsx(content))
    assert len(errors) == 1
    assert errors[0].message == uploads.NO_FIGURES_SHEET.format(
        sheets="\u201cSheet1\u201d, \u201cReference\u201d"
    )


def test_text_in_a_number_cell_is_named_with_its_cell(catalogue):
    content = _fill(_template(catalogue), {"POL-01": 41, "POL-02": "twelve", "POL-03": "n/a"})
    errors = _rejected(catalogue, _xlsx(content))
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Figures", 3, "E"),
        ("Figures", 4, "E"),
    ]
    assert errors[0].message == "POL-02: Enter a number, not \u201ctwelve\u201d."
    assert str(errors[0]).startswith("Figures sheet, row 3, column E: ")


def test_a_figure_for_another_agencys_indicator_is_refused(catalogue):
    content = _fill(
        _template(catalogue),
        {"POL-01": 41},
        extra_rows=[("HLT-01", "Health assessments", "Percentage", "October 2025", 80)],
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [(e.row, e.column) for e in errors] == [(5, "A")]
    assert errors[0].message == figure_checks.NOT_THE_AGENCYS_INDICATOR.format(code="HLT-01")


def test_an_upload_row_for_another_agencys_figure_answers_only_that_it_is_not_theirs(
    catalogue,
):
    FigureFactory(
        indicator=catalogue.health_assessments,
        period=PeriodFactory(key=OCTOBER_2025),
        value=Decimal("49.5"),
    )

    errors = _rejected(catalogue, _csv("indicator_code,period,value\nHLT-01,October 2025,80\n"))

    assert [error.message for error in errors] == [
        figure_checks.NOT_THE_AGENCYS_INDICATOR.format(code="HLT-01")
    ]
    assert not any("49.5" in str(error) for error in errors)


def test_the_same_indicator_and_period_twice_is_refused(catalogue):
    content = _fill(
        _template(catalogue),
        {"POL-01": 41},
        extra_rows=[("pol-01", "", "", "October 2025", 43)],
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [(e.row, e.column) for e in errors] == [(5, "A")]
    assert errors[0].message == uploads.DUPLICATE_ROW.format(
        code="POL-01", period="October 2025", first=2
    )


def test_a_row_for_another_period_is_refused(catalogue):
    content = _fill(
        _template(catalogue),
        {"POL-01": 41, "POL-02": 3},
        edit=lambda workbook: workbook["Figures"].cell(row=3, column=4, value="November 2025"),
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [(e.row, e.column, e.message) for e in errors] == [
        (
            3,
            "D",
            uploads.PERIOD_DOES_NOT_MATCH.format(found="November 2025", period="October 2025"),
        )
    ]


def test_the_template_of_another_period_is_refused_with_every_row(catalogue):
    content = _fill(_template(catalogue, period=NOVEMBER_2025), {"POL-01": 41, "POL-02": 3})
    errors = _rejected(catalogue, _xlsx(content), period=OCTOBER_2025)
    assert errors[0] == UploadError(
        "",
        None,
        None,
        uploads.TEMPLATE_FOR_OTHER_PERIOD.format(theirs="November 2025", ours="October 2025"),
    )
    assert [(e.row, e.column) for e in errors[1:]] == [(2, "D"), (3, "D")]


def test_the_template_of_another_agency_is_refused(catalogue):
    content = _fill(_template(catalogue, agency=catalogue.health), {"HLT-01": 80}, extra_rows=[])
    errors = _rejected(catalogue, _xlsx(content))
    messages = [error.message for error in errors]
    assert (
        uploads.TEMPLATE_FOR_OTHER_AGENCY.format(
            theirs=catalogue.health.name, ours=catalogue.police.name
        )
        in messages
    )
    assert [(e.row, e.column) for e in errors if e.row] == [(2, "A")]


def test_every_error_in_a_workbook_is_listed_at_once(catalogue):
    content = _fill(
        _template(catalogue),
        {"POL-01": "lots", "POL-02": -2, "POL-03": 101},
        extra_rows=[
            ("NOPE-9", "", "", "October 2025", 1),
            ("HLT-01", "", "", "October 2025", 50),
            ("", "", "", "", 7),
            ("POL-10", "", "", "2025-26 Q3", 4),
        ],
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Figures", 2, "E"),
        ("Figures", 3, "E"),
        ("Figures", 4, "E"),
        ("Figures", 5, "A"),
        ("Figures", 6, "A"),
        ("Figures", 7, "A"),
        ("Figures", 8, "A"),
        ("Figures", 8, "D"),
    ]


def test_a_macro_enabled_workbook_is_refused_by_its_name(catalogue):
    content = _fill(_template(catalogue), {"POL-01": 41})
    errors = _rejected(catalogue, _xlsx(content, "figures.xlsm"))
    assert [error.message for error in errors] == [MACRO_ENABLED]


def test_a_workbook_holding_macros_is_refused_whatever_its_name(catalogue, monkeypatch):
    content = _with_members(
        _fill(_template(catalogue), {"POL-01": 41}), {"xl/vbaProject.bin": b"\x00" * 512}
    )
    monkeypatch.setattr(openpyxl, "load_workbook", _never_opened)
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [MACRO_ENABLED]


def test_a_workbook_declaring_macros_in_its_content_types_is_refused(catalogue):
    template = zipfile.ZipFile(io.BytesIO(_fill(_template(catalogue), {"POL-01": 41})))
    types = template.read("[Content_Types].xml").replace(
        b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml"
    )
    content = _with_members(
        _fill(_template(catalogue), {"POL-01": 41}), {"[Content_Types].xml": types}
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [MACRO_ENABLED]


def _never_opened(*args, **kwargs):
    raise AssertionError("openpyxl must not open this file")


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(catalogue, monkeypatch):
    padding = b" " * (20 * 1024 * 1024)  # 20 MB of spaces compress to about 20 kB
    content = _with_members(
        _fill(_template(catalogue), {"POL-01": 41}), {"xl/worksheets/sheet9.xml": padding}
    )
    assert len(content) < 200 * 1024
    monkeypatch.setattr(openpyxl, "load_workbook", _never_opened)
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [ZIP_BOMB]


def test_a_workbook_expanding_beyond_the_size_limit_is_refused(catalogue, settings):
    settings.SAFEBOARD_SCORECARD_MAX_UNCOMPRESSED_BYTES = 20_000
    content = _fill(_template(catalogue), {"POL-01": 41})
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [ZIP_BOMB]


def test_a_workbook_of_too_many_parts_is_refused(catalogue):
    parts = {f"xl/media/part{n}.xml": b"<a/>" for n in range(uploads.MAX_ARCHIVE_MEMBERS)}
    content = _with_members(_fill(_template(catalogue), {"POL-01": 41}), parts)
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [ZIP_BOMB]


def test_a_file_that_is_not_really_a_workbook_is_refused(catalogue):
    errors = _rejected(catalogue, _xlsx(b"Indicator code,Period,Value\nPOL-01,October 2025,4\n"))
    assert [error.message for error in errors] == [CONTENT_DOES_NOT_MATCH.format(extension=".xlsx")]


def test_a_zip_that_is_not_a_workbook_is_refused(catalogue):
    content = _zip({"xl/workbook.xml": b"<not-a-workbook", "xl/worksheets/sheet1.xml": b"x"})
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [uploads.UNREADABLE_WORKBOOK]


def test_an_old_style_or_password_protected_workbook_is_refused(catalogue):
    content = uploads.OLE_SIGNATURE + b"\x00" * 1024
    for name in ("figures.xls", "figures.xlsx"):
        errors = _rejected(catalogue, _xlsx(content, name))
        assert [error.message for error in errors] == [uploads.OLD_EXCEL]


def test_other_kinds_of_file_are_refused(catalogue):
    errors = _rejected(catalogue, SimpleUploadedFile("figures.pdf", b"%PDF-1.7 ..."))
    assert [error.message for error in errors] == [uploads.WRONG_TYPE]


def test_entity_expansion_in_a_workbook_is_refused(catalogue):
    """A "billion laughs" sheet: defusedxml refuses it and the upload is refused whole."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    content = _with_members(
        _fill(_template(catalogue), {"POL-01": 41}), {"xl/worksheets/sheet1.xml": laughs}
    )
    errors = _rejected(catalogue, _xlsx(content))
    assert [error.message for error in errors] == [uploads.UNREADABLE_WORKBOOK]


# CSV ---------------------------------------------------------------------------------------


def _csv(text: str, name: str = "figures.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"))


def test_a_csv_file_of_figures_is_saved(catalogue):
    text = '\ufeffindicator_code,period,value\nPOL-01,October 2025,41\npol-03,2025-10,"87.5%"\n'
    result = _upload(catalogue, _csv(text))
    assert result.saved == 2
    assert set(Figure.objects.values_list("source", flat=True)) == {Figure.Source.CSV}


def test_every_error_in_a_csv_file_is_listed_with_its_row_and_column(catalogue):
    text = (
        "Indicator code,Period,Value\n"
        "POL-01,October 2025,4.5\n"
        "POL-02,September 2025,3\n"
        "HLT-01,October 2025,80\n"
        "POL-03,October 2025,50\n"
        "POL-03,October 2025,51\n"
        "POL-02,,2\n"
    )
    errors = _rejected(catalogue, _csv(text))
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("", 2, "C"),
        ("", 3, "B"),
        ("", 4, "A"),
        ("", 6, "A"),
        ("", 7, "A"),
        ("", 7, "B"),
    ]
    assert str(errors[0]) == "Row 2, column C: POL-01: A count must be a whole number: 4.5 is not."


def test_a_csv_file_without_the_value_column_is_refused(catalogue):
    errors = _rejected(catalogue, _csv("code,period,amount\nPOL-01,October 2025,4\n"))
    assert [(e.row, e.message) for e in errors] == [
        (1, uploads.MISSING_HEADING.format(heading="Value"))
    ]


def test_a_csv_file_saved_by_excel_in_windows_1252_is_read(catalogue):
    text = "Indicator code,Period,Value,Comment\nPOL-01,October 2025,41,Révisé: £0 spent\n"
    upload = SimpleUploadedFile("figures.csv", text.encode("cp1252"))
    result = _upload(catalogue, upload)
    assert result.saved == 1


def test_a_csv_file_in_no_encoding_safeboard_reads_is_refused(catalogue):
    upload = SimpleUploadedFile("figures.csv", b"code,period,value\nPOL-01,Oct\x81ober,1\n")
    errors = _rejected(catalogue, upload)
    assert [error.message for error in errors] == [TEXT_ENCODING_UNKNOWN]


def test_a_csv_file_of_too_many_rows_is_refused(catalogue):
    lines = "".join(f"POL-01,October 2025,{n}\n" for n in range(uploads.MAX_DATA_ROWS + 5))
    errors = _rejected(catalogue, _csv("code,period,value\n" + lines))
    assert uploads.TOO_MANY_ROWS.format(limit=uploads.MAX_DATA_ROWS) in [e.message for e in errors]
