"""Importing comparators from a file: checked whole, every problem listed, all or nothing."""

from __future__ import annotations

import datetime
import html
import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from safeboard.scorecard import uploads
from safeboard.scorecard.comparators import imports as comparator_imports
from safeboard.scorecard.comparators import services as comparator_services
from safeboard.scorecard.comparators.imports import (
    CODE_MISSING,
    COMPARATORS_TABLE,
    DUPLICATE_COMPARATOR,
    FREQUENCY_MISSING,
    NO_COMPARATORS,
    PERIOD_MISSING,
    REFERENCE_TOO_LONG,
    SOURCE_MISSING,
    UNKNOWN_SOURCE,
    VALUE_MISSING,
    comparators_import,
    example_csv,
)
from safeboard.scorecard.factories import ComparatorFactory, PeriodFactory
from safeboard.scorecard.figure_checks import BAD_VALUE, UNKNOWN_INDICATOR
from safeboard.scorecard.models import Comparator
from safeboard.scorecard.periods import NOT_A_PERIOD, UNKNOWN_FREQUENCY, Frequency, PeriodKey
from safeboard.scorecard.uploads import UploadError, UploadRejected
from safeboard.scorecard.values import COUNT_NOT_WHOLE, PERCENTAGE_OUT_OF_RANGE

from .conftest import comparator_state

pytestmark = pytest.mark.django_db

HEADINGS = "Indicator code,Frequency,Period,Source,Value,Reference"
YEAR_2025_26 = PeriodKey(datetime.date(2025, 4, 1), Frequency.ANNUAL)
QUARTER_3 = PeriodKey(datetime.date(2025, 10, 1), Frequency.QUARTERLY)
OCTOBER_2025 = PeriodKey(datetime.date(2025, 10, 1), Frequency.MONTHLY)
IMPORT_URL = reverse("scorecard:comparator_import")


def _csv(*lines: str, headings: str = HEADINGS, name="comparators.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\n".join([headings, *lines]) + "\n").encode("utf-8"))


def _xlsx(rows, *, sheets=("Comparators",), name="comparators.xlsx") -> SimpleUploadedFile:
    """A workbook with the table on the last of `sheets`, as a business manager might make."""
    workbook = openpyxl.Workbook()
    workbook.active.title = sheets[0]
    for title in sheets[1:]:
        workbook.create_sheet(title)
    sheet = workbook[sheets[-1]]
    sheet.append(HEADINGS.split(","))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def _held() -> dict:
    return {
        (c.indicator.code, c.period.key, c.source): (c.value, c.origin, c.reference)
        for c in Comparator.objects.select_related("indicator", "period")
    }


def _rejected(upload) -> list[UploadError]:
    """Import a bad file: prove it changed nothing, and return the errors it got."""
    before = comparator_state()
    with pytest.raises(UploadRejected) as rejected:
        comparators_import(upload=upload)
    assert comparator_state() == before
    return rejected.value.errors


# Good files ---------------------------------------------------------------------------------


def test_a_csv_file_of_comparators_is_recorded_as_imported(indicators, manager):
    upload = _csv(
        "CSC-04,Annual,2025-26,England,21.3,Children in need 2025",
        "csc-04,annual,2025/26,REGION,23.5%,",
        'CSC-07,Monthly,October 2025,statistical neighbours,"1,234.5",LAIT',
        "POL-10,Quarterly,2025-26 Q3,Statistical_Neighbours,120,",
    )
    recorded = comparators_import(upload=upload, recorded_by=manager)
    assert len(recorded) == 4
    assert _held() == {
        ("CSC-04", YEAR_2025_26, "england"): (
            Decimal("21.30"),
            Comparator.Origin.IMPORTED,
            "Children in need 2025",
        ),
        ("CSC-04", YEAR_2025_26, "region"): (Decimal("23.50"), Comparator.Origin.IMPORTED, ""),
        ("CSC-07", OCTOBER_2025, "statistical_neighbours"): (
            Decimal("1234.50"),
            Comparator.Origin.IMPORTED,
            "LAIT",
        ),
        ("POL-10", QUARTER_3, "statistical_neighbours"): (
            Decimal("120.00"),
            Comparator.Origin.IMPORTED,
            "",
        ),
    }
    assert set(Comparator.objects.values_list("recorded_by", flat=True)) == {manager.pk}


def test_a_workbook_of_comparators_is_recorded(indicators):
    upload = _xlsx(
        [
            ("CSC-04", "Annual", "2025-26", "England", 21.3, "Children in need 2025"),
            ("CSC-04", "Annual", datetime.datetime(2025, 4, 1), "Region", 23, None),
            (None, None, None, None, None, None),
            ("POL-10", "quarterly", "2025-26 Q3", "Statistical neighbours", 120, None),
        ],
        sheets=("Notes", "Comparators"),
    )
    comparators_import(upload=upload)
    assert _held() == {
        ("CSC-04", YEAR_2025_26, "england"): (
            Decimal("21.30"),
            Comparator.Origin.IMPORTED,
            "Children in need 2025",
        ),
        ("CSC-04", YEAR_2025_26, "region"): (Decimal("23.00"), Comparator.Origin.IMPORTED, ""),
        ("POL-10", QUARTER_3, "statistical_neighbours"): (
            Decimal("120.00"),
            Comparator.Origin.IMPORTED,
            "",
        ),
    }


def test_a_workbook_without_a_comparators_sheet_is_read_from_its_first_sheet(indicators):
    upload = _xlsx([("CSC-04", "Annual", "2025-26", "England", 21.3, None)], sheets=("Sheet1",))
    assert len(comparators_import(upload=upload)) == 1


def test_the_reference_column_may_be_left_out(indicators):
    upload = _csv(
        "CSC-04,Annual,2025-26,England,21.3", headings="code,frequency,period,source,value"
    )
    comparators_import(upload=upload)
    assert Comparator.objects.get().reference == ""


def test_importing_a_comparator_already_held_replaces_it(indicators):
    ComparatorFactory(
        indicator=indicators.re_referrals,
        period=PeriodFactory(key=YEAR_2025_26),
        value=Decimal("19"),
        reference="Typed in",
    )
    comparators_import(upload=_csv("CSC-04,Annual,2025-26,England,21.3,Children in need 2025"))
    assert _held() == {
        ("CSC-04", YEAR_2025_26, "england"): (
            Decimal("21.30"),
            Comparator.Origin.IMPORTED,
            "Children in need 2025",
        )
    }


def test_the_example_file_imports_as_it_is(indicators):
    upload = SimpleUploadedFile("example.csv", example_csv().encode("utf-8"))
    assert len(comparators_import(upload=upload)) == 1


def test_the_example_file_has_every_heading_and_one_row():
    lines = example_csv().splitlines()
    assert lines[0].split(",") == [heading.name for heading in COMPARATORS_TABLE.headings]
    assert len(lines) == 2


# Bad files: every problem, and nothing saved -------------------------------------------------

GOOD = "CSC-04,Annual,2025-26,England,21.3,Children in need 2025"

BAD_CASES = {
    "unknown code": (
        "NOPE-1,Annual,2025-26,England,5,",
        [(3, "A", UNKNOWN_INDICATOR.format(code="NOPE-1"))],
    ),
    "bad period": (
        "CSC-04,Annual,2025 Q2,Region,20,",
        [(3, "C", NOT_A_PERIOD.format(text="2025 Q2", kind="an annual", example="2025-26"))],
    ),
    "period of another frequency": (
        "CSC-04,Quarterly,2025-26,Region,20,",
        [(3, "C", NOT_A_PERIOD.format(text="2025-26", kind="a quarterly", example="2026-27 Q2"))],
    ),
    "unknown frequency": (
        "CSC-04,Fortnightly,2025-26,Region,20,",
        [(3, "B", UNKNOWN_FREQUENCY.format(text="Fortnightly"))],
    ),
    "unknown source": (
        "CSC-04,Annual,2025-26,Nearest neighbours,20,",
        [(3, "D", UNKNOWN_SOURCE.format(text="Nearest neighbours"))],
    ),
    "percentage out of range": (
        "CSC-04,Annual,2025-26,Region,120,",
        [
            (
                3,
                "E",
                BAD_VALUE.format(
                    code="CSC-04", problem=PERCENTAGE_OUT_OF_RANGE.format(value="120")
                ),
            )
        ],
    ),
    "count not whole": (
        "POL-10,Quarterly,2025-26 Q3,England,12.5,",
        [(3, "E", BAD_VALUE.format(code="POL-10", problem=COUNT_NOT_WHOLE.format(value="12.5")))],
    ),
    "the same comparator twice": (
        "csc-04,annual,2025/26,ENGLAND,22,",
        [
            (
                3,
                "A",
                DUPLICATE_COMPARATOR.format(
                    code="CSC-04", source="England", period="2025-26", first=2
                ),
            )
        ],
    ),
    "empty cells": (
        ",,,,,Notes only",
        [
            (3, "A", CODE_MISSING),
            (3, "B", FREQUENCY_MISSING),
            (3, "D", SOURCE_MISSING),
            (3, "E", VALUE_MISSING),
        ],
    ),
    "period missing": (
        "CSC-04,Annual,,England,21,",
        [(3, "C", PERIOD_MISSING)],
    ),
    "reference too long": (
        "CSC-04,Annual,2025-26,Region,21," + "x" * 301,
        [(3, "F", REFERENCE_TOO_LONG)],
    ),
}


@pytest.mark.parametrize("case", BAD_CASES, ids=list(BAD_CASES))
def test_each_bad_row_is_named_and_nothing_is_saved(indicators, case):
    line, expected = BAD_CASES[case]
    errors = _rejected(_csv(GOOD, line))
    assert [(e.row, e.column, e.message) for e in errors] == expected


def test_every_problem_in_a_file_is_listed_at_once(indicators):
    upload = _csv(
        GOOD,
        "NOPE-1,Annual,2025-26,England,5,",
        "CSC-04,Annual,2025 Q2,Region,20,",
        "CSC-04,Fortnightly,2025-26,Region,20,",
        "CSC-04,Annual,2025-26,Nearest neighbours,20,",
        "CSC-04,Annual,2025-26,Region,120,",
        "csc-04,annual,2025/26,ENGLAND,22,",
        ",,,,,",
        "CSC-07,Monthly,October 2025,Statistical neighbours,,",
    )
    errors = _rejected(upload)
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("", 3, "A"),
        ("", 4, "C"),
        ("", 5, "B"),
        ("", 6, "D"),
        ("", 7, "E"),
        ("", 8, "A"),
        ("", 10, "E"),
    ]
    assert str(errors[0]) == "Row 3, column A: " + UNKNOWN_INDICATOR.format(code="NOPE-1")


def test_a_workbooks_problems_are_named_with_their_sheet(indicators):
    upload = _xlsx(
        [
            ("CSC-04", "Annual", "2025-26", "England", 21.3, None),
            ("CSC-04", "Annual", "2025-26", "Region", "lots", None),
        ]
    )
    errors = _rejected(upload)
    assert [str(e) for e in errors] == [
        "Comparators sheet, row 3, column E: CSC-04: Enter a number, not \u201clots\u201d."
    ]


def test_a_file_without_the_headings_is_refused_naming_each(indicators):
    errors = _rejected(_csv("CSC-04,2025-26,21.3", headings="Indicator code,Period,Value"))
    assert [(e.row, e.message) for e in errors] == [
        (1, uploads.MISSING_HEADING.format(heading="Frequency")),
        (1, uploads.MISSING_HEADING.format(heading="Source")),
    ]


def test_a_file_of_headings_only_is_refused(indicators):
    assert [e.message for e in _rejected(_csv())] == [NO_COMPARATORS]


def test_a_comparator_held_is_unchanged_when_the_file_is_refused(indicators):
    ComparatorFactory(indicator=indicators.re_referrals, period=PeriodFactory(key=YEAR_2025_26))
    _rejected(_csv("CSC-04,Annual,2025-26,England,30,", "NOPE-1,Annual,2025-26,England,5,"))
    assert Comparator.objects.get().value == Decimal("10")


def test_a_failure_while_recording_saves_none_of_the_file(indicators, monkeypatch):
    record = comparator_services.comparator_record
    calls = []

    def fail_on_the_second(**kwargs):
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("the database went away")
        return record(**kwargs)

    monkeypatch.setattr(comparator_services, "comparator_record", fail_on_the_second)
    before = comparator_state()
    with pytest.raises(RuntimeError):
        comparators_import(upload=_csv(GOOD, "CSC-04,Annual,2025-26,Region,23,"))
    assert comparator_state() == before


# Unsafe files: the figures upload's checks apply ----------------------------------------------


def _never_opened(*args, **kwargs):
    raise AssertionError("openpyxl must not open this file")


def test_a_macro_enabled_workbook_is_refused_by_its_name(indicators):
    upload = _xlsx([("CSC-04", "Annual", "2025-26", "England", 21.3, None)], name="c.xlsm")
    assert [e.message for e in _rejected(upload)] == [uploads.MACRO_ENABLED]


def test_a_workbook_holding_macros_is_refused_unopened(indicators, monkeypatch):
    content = _xlsx([("CSC-04", "Annual", "2025-26", "England", 21.3, None)]).read()
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info))
        archive.writestr("xl/vbaProject.bin", b"\x00" * 512)
    monkeypatch.setattr(openpyxl, "load_workbook", _never_opened)
    errors = _rejected(SimpleUploadedFile("comparators.xlsx", buffer.getvalue()))
    assert [e.message for e in errors] == [uploads.MACRO_ENABLED]


def test_other_kinds_of_file_are_refused(indicators):
    errors = _rejected(SimpleUploadedFile("comparators.pdf", b"%PDF-1.7 ..."))
    assert [e.message for e in errors] == [uploads.WRONG_TYPE]


# The page -----------------------------------------------------------------------------------


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_page_lists_every_column_and_offers_the_example(manager_client):
    text = _text(manager_client.get(IMPORT_URL))
    for heading in COMPARATORS_TABLE.headings:
        assert f">{heading.name}</th>" in text
    assert 'href="?example=csv"' in text


def test_the_example_downloads_as_a_csv_file(manager_client):
    response = manager_client.get(IMPORT_URL, {"example": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert comparator_imports.EXAMPLE_FILENAME in response["Content-Disposition"]
    assert response.content.decode() == example_csv()


def test_a_good_file_is_imported_from_the_page(manager_client, manager, indicators):
    response = manager_client.post(IMPORT_URL, {"file": _csv(GOOD)}, follow=True)
    assert "1 comparator imported." in _text(response)
    assert Comparator.objects.get().recorded_by == manager


def test_a_bad_file_shows_every_problem_on_the_page(manager_client, indicators):
    before = comparator_state()
    upload = _csv(GOOD, "NOPE-1,Annual,2025-26,England,5,", "CSC-04,Annual,2025-26,Moon,5,")
    response = manager_client.post(IMPORT_URL, {"file": upload})
    assert response.status_code == 400
    assert comparator_state() == before
    text = _text(response)
    assert "The file has 2 problems, listed below. Nothing has been saved" in text
    assert UNKNOWN_INDICATOR.format(code="NOPE-1") in text
    assert UNKNOWN_SOURCE.format(text="Moon") in text
    assert [str(problem) for problem in response.context["problems"]] == [
        "Row 3, column A: " + UNKNOWN_INDICATOR.format(code="NOPE-1"),
        "Row 4, column D: " + UNKNOWN_SOURCE.format(text="Moon"),
    ]


def test_posting_no_file_asks_for_one(manager_client):
    response = manager_client.post(IMPORT_URL, {})
    assert response.status_code == 400
    assert "Select a file to upload." in _text(response)
