"""Forms shared by the pages of a case: the list's filters and a confirming button."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from ..models import Review
from .selectors import KIND_CHOICES


class ReviewFilterForm(GovUKForm):
    submit_label = "Apply filters"

    stage = forms.ChoiceField(choices=[("", "Any stage"), *Review.Stage.choices], required=False)
    kind = forms.ChoiceField(
        label="Kind of review", choices=[("", "Any kind"), *KIND_CHOICES], required=False
    )


class ConfirmForm(GovUKForm):
    """A button only: for a step that needs a deliberate click."""

    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
