"""The compliance page's filter: which agency, for those who may see every agency."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency


class ComplianceFilterForm(GovUKForm):
    submit_label = "Show"
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), required=False, empty_label="Every agency"
    )
