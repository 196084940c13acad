"""The access log's filter."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from ..models import Review


class AccessLogFilterForm(GovUKForm):
    submit_label = "Show"

    review = forms.ModelChoiceField(
        queryset=Review.objects.none(), required=False, empty_label="Every review"
    )

    def __init__(self, *args, reviews, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["review"].label_from_instance = lambda review: review.reference
