from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.core.history import REASON_LENGTH

from .services import REASON_REQUIRED


class IndicatorPublicForm(GovUKForm):
    submit_label = "Save"
    is_public = forms.TypedChoiceField(
        label="Show this indicator on the public scorecard?",
        choices=[("yes", "Yes, anyone may read its chart and figures"), ("no", "No")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select yes to show the indicator to the public."},
    )
    reason = forms.CharField(
        label="Why",
        max_length=REASON_LENGTH,
        help_text=f"Kept in the indicator's history. Up to {REASON_LENGTH} characters.",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": REASON_REQUIRED},
    )
