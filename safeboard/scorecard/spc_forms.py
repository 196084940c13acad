"""Forms of the balanced scorecard and of an indicator's chart settings."""

from __future__ import annotations

import datetime

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.core.history import REASON_LENGTH
from safeboard.partnership.models import Agency

from .grid_selectors import NO_CHART, NO_CHART_LABEL, GridFilters, GroupBy, Rag
from .models import Perspective
from .periods import Frequency, PeriodKey
from .spc_selectors import SpcState
from .spc_services import BASELINE_OUT_OF_ORDER


class GridFilterForm(GovUKForm):
    submit_label = "Apply filters"
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, empty_label="Any agency", label="Agency"
    )
    perspective = forms.ChoiceField(
        choices=[("", "Any perspective"), *Perspective.choices], required=False
    )
    frequency = forms.ChoiceField(
        choices=[("", "Any frequency"), *Frequency.choices], required=False
    )
    spc_state = forms.ChoiceField(
        label="Variation in the latest figure",
        choices=[("", "Any variation"), *SpcState.choices, (NO_CHART, NO_CHART_LABEL)],
        required=False,
    )
    rag = forms.ChoiceField(
        label="Against the target",
        choices=[("", "Any"), *Rag.choices],
        required=False,
    )
    group_by = forms.ChoiceField(
        label="Group the indicators by",
        choices=GroupBy.choices,
        initial=GroupBy.PERSPECTIVE,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, agencies=None, with_spc: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        agency_field = self.fields["agency"]
        assert isinstance(agency_field, forms.ModelChoiceField)
        agency_field.queryset = (
            agencies if agencies is not None else Agency.objects.all()
        ).order_by("name")
        if not with_spc:
            del self.fields["spc_state"]

    def filters(self) -> GridFilters:
        if not self.is_valid():
            return GridFilters()
        data = self.cleaned_data
        return GridFilters(
            agency_id=data["agency"].pk if data["agency"] else None,
            perspective=data["perspective"],
            frequency=data["frequency"],
            spc_state=data.get("spc_state", ""),
            rag=data["rag"],
            group_by=data["group_by"] or GroupBy.PERSPECTIVE,
        )


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
