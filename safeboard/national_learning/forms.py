"""The forms of the log of national learning."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.themes.selectors import active_themes

from .models import NationalReview


class ReviewForm(GovUKForm):
    submit_label = "Save"

    kind = forms.ChoiceField(choices=NationalReview.Kind.choices, widget=forms.RadioSelect)
    title = forms.CharField(max_length=300)
    publisher = forms.CharField(
        max_length=200, help_text="For example: Child Safeguarding Practice Review Panel, Ofsted."
    )
    published_on = forms.DateField(label="Date published", widget=DateInput())
    link = forms.URLField(label="Link", required=False, max_length=500, assume_scheme="https")
    summary = forms.CharField(
        help_text="What it found, in a few sentences.", widget=forms.Textarea(attrs={"rows": 5})
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=active_themes(), required=False, widget=forms.CheckboxSelectMultiple
    )


class DecisionForm(GovUKForm):
    submit_label = "Save the decision"

    decision = forms.CharField(
        label="What the partnership decided",
        help_text="What it will do about the review, and who will do it.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    decided_on = forms.DateField(
        label="Date decided", widget=DateInput(), initial=timezone.localdate
    )


class RecommendationForm(GovUKForm):
    submit_label = "Add the recommendation"

    text = forms.CharField(
        label="What the partnership asks", widget=forms.Textarea(attrs={"rows": 4})
    )
    made_on = forms.DateField(label="Date made", widget=DateInput(), initial=timezone.localdate)


class RecommendationActionForm(SourcedActionForm):
    pass
