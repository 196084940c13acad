"""Forms for the indicator catalogue: each parses input for one service in services.py."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from ..models import Indicator, Perspective, Polarity
from ..periods import Frequency
from ..values import Unit
from .services import UPDATABLE_FIELDS

NUMBER_INPUT = {"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}


class IndicatorForm(GovUKForm):
    """Add an indicator to the catalogue, or change one (then with a reason for the change)."""

    submit_label = "Save the indicator"
    code = forms.CharField(
        max_length=20,
        help_text=Indicator._meta.get_field("code").help_text,
        error_messages={"required": "Enter a code for the indicator."},
    )
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the name of the indicator."}
    )
    definition = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the indicator measures, in plain English, so every agency counts alike.",
        error_messages={"required": "Enter what the indicator measures."},
    )
    numerator_definition = forms.CharField(
        label="Numerator", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    denominator_definition = forms.CharField(
        label="Denominator", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    owning_agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True),
        label="Owning agency",
        help_text="Its data contact submits the figures.",
        error_messages={"required": "Select the agency that owns the indicator."},
    )
    unit = forms.ChoiceField(
        choices=Unit.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the unit of the figures."},
    )
    polarity = forms.ChoiceField(
        choices=Polarity.choices,
        widget=forms.RadioSelect,
        label="Which way is better",
        error_messages={"required": "Select which way is better."},
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how often figures are submitted."},
    )
    perspective = forms.ChoiceField(
        choices=Perspective.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the perspective the indicator belongs to."},
    )
    target = forms.DecimalField(
        required=False, widget=forms.TextInput(attrs=NUMBER_INPUT), help_text="Optional."
    )
    tolerance = forms.DecimalField(
        required=False,
        widget=forms.TextInput(attrs=NUMBER_INPUT),
        help_text="Optional. How far from the target still counts as near it.",
    )
    data_source = forms.CharField(
        max_length=200, required=False, label="Where the figure comes from"
    )
    census_key = forms.CharField(
        max_length=64,
        required=False,
        label="Children in Need census measure",
        help_text="Only for indicators computed from the census, e.g. re_referral_pct.",
    )
    screen_moving_ranges = forms.BooleanField(
        required=False, label="Leave unusually large moving ranges out of the chart's limits"
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.objects.filter(status=Priority.Status.ACTIVE).select_related("plan"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Priorities it shows progress on",
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.filter(is_active=True).order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes it tells of",
        help_text="Each theme\u2019s page shows the indicator\u2019s latest figure and what it shows.",
    )

    def __init__(self, *args, editing: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["is_active"] = forms.BooleanField(
                required=False, label="In use (untick to retire the indicator)"
            )
            self.fields["reason"] = forms.CharField(
                label="Why it is changing",
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="Needed when the definition or the owning agency changes.",
            )

    @staticmethod
    def initial_for(indicator: Indicator) -> dict:
        initial = {name: getattr(indicator, name) for name in UPDATABLE_FIELDS}
        initial["priorities"] = list(indicator.priorities.all())
        initial["themes"] = list(indicator.themes.all())
        return initial


class IndicatorFilterForm(GovUKForm):
    submit_label = "Apply filters"
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, empty_label="Any agency", label="Agency"
    )
    perspective = forms.ChoiceField(
        choices=[("", "Any perspective"), *Perspective.choices], required=False
    )
    frequency = forms.ChoiceField(
        choices=[("", "Any frequency"), *Frequency.choices], required=False
    )
    search = forms.CharField(label="Words in the code, name or definition", required=False)
    include_retired = forms.BooleanField(label="Include retired indicators", required=False)
