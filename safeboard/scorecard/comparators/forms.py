"""Forms for recording comparators: one by hand, or a file of them."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from ..models import ComparatorSource, Indicator
from ..periods import Frequency, PeriodError, parse_period
from ..values import Unit
from .imports import REFERENCE_MAX_LENGTH

FIGURE_INPUT = {"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
PERIOD_INPUT = {"class": "govuk-input govuk-input--width-10"}
PERIOD_HINT = (
    "For example 2025-26 for a year, 2025-26 Q2 for a quarter, or October 2025 for a month. "
    "Years and quarters are financial (April to March)."
)
OTHER_FREQUENCY = "If \u201c{text}\u201d is right, select {frequency} as the frequency."
VALUE_HINTS = {
    Unit.COUNT: "A whole number.",
    Unit.PERCENTAGE: "A percentage between 0 and 100, for example 21.3.",
    Unit.RATE_PER_10K: "A rate per 10,000 children, for example 342.5.",
    Unit.DAYS: "A number of days, for example 12.5.",
}


class ComparatorForm(GovUKForm):
    """One comparator for an indicator; the value is read for its unit by the service."""

    submit_label = "Record the comparator"
    source = forms.ChoiceField(
        label="Compared with",
        choices=ComparatorSource.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the figure is for."},
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        help_text="England\u2019s figures are mostly annual, whatever the indicator\u2019s frequency.",
        error_messages={"required": "Select whether the figure is for a month, quarter or year."},
    )
    period = forms.CharField(
        max_length=40,
        widget=forms.TextInput(attrs=PERIOD_INPUT),
        help_text=PERIOD_HINT,
        error_messages={"required": "Enter the period, for example 2025-26."},
    )
    value = forms.CharField(
        max_length=40,
        label="Figure",
        widget=forms.TextInput(attrs=FIGURE_INPUT),
        error_messages={"required": "Enter the figure."},
    )
    reference = forms.CharField(
        max_length=REFERENCE_MAX_LENGTH,
        required=False,
        label="Publication (optional)",
        help_text="Where the figure comes from, for example Children in need 2025, DfE.",
    )

    def __init__(self, *args, indicator: Indicator, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["value"].help_text = VALUE_HINTS[Unit(indicator.unit)]

    def clean(self) -> dict:
        data = super().clean()
        frequency, text = data.get("frequency"), data.get("period")
        if frequency and text:
            try:
                data["period"] = parse_period(text, frequency)
            except PeriodError as error:
                self.add_error("period", _period_problem(text, frequency, error))
        return data


def _period_problem(text: str, frequency: str, error: PeriodError) -> str:
    """Why the period cannot be read, and which frequency to choose if it is another's."""
    for other in Frequency:
        if other != frequency:
            try:
                parse_period(text, other)
            except PeriodError:
                continue
            return f"{error} {OTHER_FREQUENCY.format(text=text, frequency=other.label)}"
    return str(error)


class ComparatorImportForm(GovUKForm):
    submit_label = "Import the comparators"
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV file (.csv) or an Excel workbook (.xlsx) with the columns listed above.",
        error_messages={
            "required": "Select a file to upload.",
            "empty": "The selected file is empty.",
        },
    )
