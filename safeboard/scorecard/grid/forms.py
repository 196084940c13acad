"""The balanced scorecard's filters: by agency, perspective, frequency, variation and target."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency

from ..models import Perspective
from ..periods import Frequency
from ..spc.selectors import SpcState
from .selectors import NO_CHART, NO_CHART_LABEL, GridFilters, GroupBy, Rag


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
