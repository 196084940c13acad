"""The charges list's filters."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.models import Agency

from ..models import Charge
from . import selectors

DATES_REVERSED = "The end of the period cannot be before its start."


class ChargeFilterForm(GovUKForm):
    submit_label = "Show charges"

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, empty_label="Every agency"
    )
    kind = forms.ChoiceField(
        label="Charge", choices=[("", "Every charge"), *Charge.Kind.choices], required=False
    )
    raised_from = forms.DateField(label="Raised from", required=False, widget=DateInput())
    raised_to = forms.DateField(label="Raised up to", required=False, widget=DateInput())

    def __init__(self, *args, every_agency: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not every_agency:
            del self.fields["agency"]

    def clean(self):
        data = super().clean()
        start, end = data.get("raised_from"), data.get("raised_to")
        if start and end and end < start:
            self.add_error("raised_to", DATES_REVERSED)
        return data

    def filters(self, *, agency_id: int | None = None) -> selectors.ChargeFilters:
        """The filters chosen; `agency_id`, when given, limits the list to that agency."""
        data = self.cleaned_data if self.is_valid() else {}
        agency = data.get("agency")
        return selectors.ChargeFilters(
            agency_id=agency_id if agency_id is not None else (agency.pk if agency else None),
            kind=data.get("kind", ""),
            raised_from=data.get("raised_from"),
            raised_to=data.get("raised_to"),
        )
