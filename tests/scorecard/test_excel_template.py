"""The Excel template: the agency's indicators for the period, ready to fill in."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest

from safeboard.scorecard import selectors, services
from safeboard.scorecard.excel_template import build_template, template_filename
from safeboard.scorecard.factories import IndicatorFactory

from .conftest import OCTOBER_2025

pytestmark = pytest.mark.django_db


def _workbook(catalogue, **kwargs):
    indicators = selectors.agency_indicators(agency_id=catalogue.police.pk, frequency="monthly")
    content = build_template(
        agency=catalogue.police, period=OCTOBER_2025, indicators=indicators, **kwargs
    )
    return openpyxl.load_workbook(io.BytesIO(content))


def test_the_template_lists_the_agencys_indicators_for_the_period(catalogue):
    sheet = _workbook(catalogue)["Figures"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("Indicator code", "Indicator", "Unit", "Period", "Value")
    assert [(row[0], row[3], row[4]) for row in rows[1:]] == [
        ("POL-01", "October 2025", None),
        ("POL-02", "October 2025", None),
        ("POL-03", "October 2025", None),
    ]


def test_only_the_value_column_is_open_for_typing(catalogue):
    sheet = _workbook(catalogue)["Figures"]
    assert sheet.protection.sheet
    assert not sheet["E2"].protection.locked
    assert sheet["A2"].protection.locked and sheet["D2"].protection.locked


def test_the_value_column_is_checked_by_unit_as_it_is_typed(catalogue):
    sheet = _workbook(catalogue)["Figures"]
    rules = {
        (rule.type, rule.formula1, rule.formula2): str(rule.sqref)
        for rule in sheet.data_validations.dataValidation
    }
    assert rules[("whole", "0", "9999999999")] == "E2 E3"
    assert rules[("decimal", "0", "100")] == "E4"


def test_a_hidden_locked_reference_names_the_agency_and_period(catalogue):
    reference = _workbook(catalogue)["Reference"]
    assert reference.sheet_state == "hidden"
    assert reference.protection.sheet
    entries = {row[0]: row[1] for row in reference.iter_rows(values_only=True)}
    assert entries["Agency reference"] == catalogue.police.pk
    assert entries["Period starts"] == "2025-10-01"
    assert entries["Frequency"] == "monthly"


def test_figures_already_held_are_shown_beside_the_blank_value(catalogue):
    services.figures_record(
        agency=catalogue.police, period=OCTOBER_2025, values={"POL-03": 87.5}, source="form"
    )
    held = selectors.period_figures(agency_id=catalogue.police.pk, period=OCTOBER_2025)
    sheet = _workbook(catalogue, held=held)["Figures"]
    assert (sheet["E4"].value, sheet["F4"].value) == (None, "87.5%")
    assert next(iter(held.values())).value == Decimal("87.5")


def test_catalogue_text_is_never_written_as_a_formula(catalogue):
    IndicatorFactory(
        code="POL-04", owning_agency=catalogue.police, definition='=HYPERLINK("http://x")'
    )
    sheet = _workbook(catalogue)["Figures"]
    cell = sheet["G5"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_the_file_name_names_the_agency_and_period(catalogue):
    name = template_filename(agency=catalogue.police, period=OCTOBER_2025)
    assert name == "figures-police-monthly-2025-10.xlsx"
