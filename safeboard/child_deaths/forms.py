"""The forms of the child death learning. None asks for anything that identifies a child."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.themes.selectors import active_themes

from .models import DeathCategory, Finding


class FindingForm(GovUKForm):
    submit_label = "Save the learning"

    title = forms.CharField(max_length=200, help_text="The learning in a sentence.")
    text = forms.CharField(
        label="The learning",
        help_text="What the panel learned across the deaths it reviewed. Do not name a child, "
        "give a date of birth or death, or anything else that could identify a family.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    category = forms.ModelChoiceField(
        queryset=DeathCategory.objects.filter(is_active=True),
        label="Category of death",
        empty_label="Choose a category",
    )
    modifiable_factors = forms.ChoiceField(
        label="Were modifiable factors identified?",
        choices=Finding.Modifiable.choices,
        widget=forms.RadioSelect,
    )
    deaths_reviewed = forms.IntegerField(
        label="Number of deaths the learning draws on", min_value=1, initial=1
    )
    agreed_on = forms.DateField(label="Date the panel agreed it", widget=DateInput())
    themes = forms.ModelMultipleChoiceField(
        queryset=active_themes(), required=False, widget=forms.CheckboxSelectMultiple
    )


class RecommendationForm(GovUKForm):
    submit_label = "Add the recommendation"

    text = forms.CharField(label="What the panel asks", widget=forms.Textarea(attrs={"rows": 4}))
    made_on = forms.DateField(label="Date made", widget=DateInput(), initial=timezone.localdate)


class RecommendationActionForm(SourcedActionForm):
    pass
