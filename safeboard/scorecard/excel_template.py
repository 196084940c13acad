"""The Excel template an agency's data contact downloads, fills in and uploads back.

One sheet, "Figures", lists the agency's indicators for the period with a blank Value
column, checked as the data contact types by Excel's data validation for each unit; every
other cell is locked. A hidden, locked "Reference" sheet records the agency and the period
the template was made for, so an upload of the wrong template is named as such.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from safeboard.partnership.models import Agency

from .models import Figure, Indicator
from .periods import PeriodKey
from .uploads import CODE_HEADING, FIGURES_SHEET, PERIOD_HEADING, REFERENCE_SHEET, VALUE_HEADING
from .values import LARGEST_FIGURE, LARGEST_RATE, Unit

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEMPLATE_VERSION = 1

# (heading, width); the upload reads the columns by their headings.
COLUMNS = (
    (CODE_HEADING, 16),
    ("Indicator", 48),
    ("Unit", 24),
    (PERIOD_HEADING, 16),
    (VALUE_HEADING, 14),
    ("Figure already held", 20),
    ("Definition", 80),
)
VALUE_COLUMN = get_column_letter(1 + [heading for heading, _ in COLUMNS].index(VALUE_HEADING))

# (type, lowest, highest) of Excel's data validation on the Value cell, by unit.
_VALIDATIONS = {
    Unit.COUNT: ("whole", 0, LARGEST_FIGURE),
    Unit.PERCENTAGE: ("decimal", 0, 100),
    Unit.RATE_PER_10K: ("decimal", 0, LARGEST_RATE),
    Unit.DAYS: ("decimal", 0, LARGEST_FIGURE),
}
_PROMPTS = {
    Unit.COUNT: "A whole number, 0 or more.",
    Unit.PERCENTAGE: "A percentage from 0 to 100, without the % sign.",
    Unit.RATE_PER_10K: "A rate per 10,000 children, from 0 to 10,000.",
    Unit.DAYS: "A number of days, 0 or more.",
}
_HEADING_FILL = PatternFill("solid", fgColor="DDDDDD")
_VALUE_FILL = PatternFill("solid", fgColor="FFF7BF")


def _text(cell, value: object) -> None:
    """Write catalogue text as text: a definition starting with = must not become a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def build_template(
    *,
    agency: Agency,
    period: PeriodKey,
    indicators: Iterable[Indicator],
    held: Mapping[int, Figure] | None = None,
) -> bytes:
    """The template workbook for an agency's figures for one period, as .xlsx bytes."""
    held = held or {}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = FIGURES_SHEET
    for position, (heading, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=position, value=heading)
        cell.font = Font(bold=True)
        cell.fill = _HEADING_FILL
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = "A2"
    validations = {}
    for number, indicator in enumerate(indicators, start=2):
        figure = held.get(indicator.pk)
        row = (
            indicator.code,
            indicator.name,
            indicator.get_unit_display(),
            period.label,
            None,
            indicator.display(figure.value) if figure else "",
            indicator.definition,
        )
        for position, value in enumerate(row, start=1):
            _text(sheet.cell(row=number, column=position), value)
        value_cell = sheet[f"{VALUE_COLUMN}{number}"]
        value_cell.protection = Protection(locked=False)
        value_cell.fill = _VALUE_FILL
        unit = Unit(indicator.unit)
        if unit not in validations:
            kind, lowest, highest = _VALIDATIONS[unit]
            validations[unit] = DataValidation(
                type=kind,
                operator="between",
                formula1=str(lowest),
                formula2=str(highest),
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="Not a valid figure",
                error=_PROMPTS[unit],
                showInputMessage=True,
                promptTitle=unit.label,
                prompt=_PROMPTS[unit],
            )
            sheet.add_data_validation(validations[unit])
        validations[unit].add(value_cell)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # data contacts may still widen columns
    _add_reference(workbook, agency=agency, period=period)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _add_reference(workbook: Workbook, *, agency: Agency, period: PeriodKey) -> None:
    sheet = workbook.create_sheet(REFERENCE_SHEET)
    entries = (
        ("Agency reference", agency.pk),
        ("Agency", agency.name),
        ("Frequency", period.frequency),
        ("Period", period.label),
        ("Period starts", period.starts_on.isoformat()),
        ("Template version", TEMPLATE_VERSION),
    )
    for number, (label, value) in enumerate(entries, start=1):
        sheet.cell(row=number, column=1, value=label)
        _text(sheet.cell(row=number, column=2), value)
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True


def template_filename(*, agency: Agency, period: PeriodKey) -> str:
    name = agency.short_name or agency.name
    safe = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    while "--" in safe:
        safe = safe.replace("--", "-")
    return f"figures-{safe}-{period.slug}.xlsx"
