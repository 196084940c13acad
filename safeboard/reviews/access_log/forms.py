"""The access log's filter."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import QuerySet

from safeboard.core.forms import GovUKForm

from ..models import Review


class ReviewChoiceField(forms.ModelChoiceField):
    """Reviews named by their reference alone."""

    def label_from_instance(self, review: Review) -> str:
        return review.reference


class AccessLogFilterForm(GovUKForm):
    submit_label = "Show"

    review = ReviewChoiceField(
        queryset=Review.objects.none(), required=False, empty_label="Every review"
    )

    def __init__(self, *args, reviews: QuerySet[Review], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(ReviewChoiceField, self.fields["review"]).queryset = reviews
