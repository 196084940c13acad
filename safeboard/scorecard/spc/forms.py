"""The form of an indicator's chart settings: its baseline and step change."""

from __future__ import annotations

import datetime

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.core.history import REASON_LENGTH

from ..periods import PeriodKey
from .services import BASELINE_OUT_OF_ORDER


def _period_choice(period: PeriodKey) -> tuple[str, str]:
    return period.starts_on.isoformat(), period.label


class SpcSettingsForm(GovUKForm):
    """The baseline an indicator's limits come from, and a known step change."""

    submit_label = "Save the chart settings"
    baseline_from = forms.TypedChoiceField(
        label="Baseline starts",
        help_text="The first figure the limits are calculated from.",
        required=False,
        empty_value=None,
    )
    baseline_to = forms.TypedChoiceField(
        label="Baseline ends",
        help_text="The last figure the limits are calculated from.",
        required=False,
        empty_value=None,
    )
    recalculate_from = forms.TypedChoiceField(
        label="Limits recalculated from",
        help_text="A known change in the process, such as a new front door: the chart "
        "calculates its limits afresh from this figure.",
        required=False,
        empty_value=None,
    )
    reason = forms.CharField(
        label="Why the chart is changing",
        max_length=REASON_LENGTH,
        help_text=f"Kept in the indicator's history. Up to {REASON_LENGTH} characters.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Say why the chart's baseline or step change is changing.",
            "max_length": f"Keep the reason to {REASON_LENGTH} characters or fewer.",
        },
    )

    def __init__(self, *args, periods: list[PeriodKey], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [_period_choice(period) for period in periods]
        blanks = {
            "baseline_from": "The first figure",
            "baseline_to": "The latest figure",
            "recalculate_from": "No step change",
        }
        for name, blank in blanks.items():
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)
            field.choices = [("", blank), *choices]
            field.coerce = datetime.date.fromisoformat

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("baseline_from"), cleaned.get("baseline_to")
        if start and end and end < start:
            self.add_error("baseline_to", BASELINE_OUT_OF_ORDER)
        return cleaned

    @staticmethod
    def initial_for(indicator) -> dict:
        return {
            "baseline_from": _iso(indicator.spc_baseline_from),
            "baseline_to": _iso(indicator.spc_baseline_to),
            "recalculate_from": _iso(indicator.spc_recalculate_from),
        }


def _iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""
