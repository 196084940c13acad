"""Forms for the scorecard: each parses input for one service in services.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import ValidationError

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority

from .models import Figure, Indicator, Perspective, Polarity
from .periods import Frequency
from .values import Unit

FIGURE_INPUT = {"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}
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
        fields = [
            "code",
            "name",
            "definition",
            "numerator_definition",
            "denominator_definition",
            "owning_agency",
            "unit",
            "polarity",
            "frequency",
            "perspective",
            "target",
            "tolerance",
            "data_source",
            "census_key",
            "screen_moving_ranges",
            "is_active",
        ]
        initial = {name: getattr(indicator, name) for name in fields}
        initial["priorities"] = list(indicator.priorities.all())
        return initial


def figure_field_name(indicator: Indicator) -> str:
    return f"figure_{indicator.pk}"


class FiguresForm(GovUKForm):
    """An agency's figures for one period: one box per indicator, and a reason to revise."""

    submit_label = "Submit the figures"
    NO_FIGURES = "Enter at least one figure."

    def __init__(
        self,
        *args,
        indicators: Iterable[Indicator],
        held: Mapping[int, Figure],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.held = held
        for indicator in self.indicators:
            figure = held.get(indicator.pk)
            hint = indicator.get_unit_display()
            if figure is not None:
                hint += f". Figure held: {figure.display_value}"
            self.fields[figure_field_name(indicator)] = forms.CharField(
                label=f"{indicator.code} {indicator.name}",
                required=False,
                help_text=hint,
                initial=_plain(figure.value) if figure else None,
                widget=forms.TextInput(attrs=FIGURE_INPUT),
            )
        self.fields["reason"] = forms.CharField(
            label="Why figures already held are changing",
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text="Needed only if you change a figure already submitted.",
        )

    def figures(self) -> dict[str, str]:
        """{indicator code: text entered}, leaving out boxes left blank."""
        return {
            indicator.code: self.cleaned_data[figure_field_name(indicator)].strip()
            for indicator in self.indicators
            if self.cleaned_data.get(figure_field_name(indicator), "").strip()
        }

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.figures():
            raise ValidationError(self.NO_FIGURES)
        return cleaned

    def add_figure_errors(self, error: ValidationError) -> None:
        """Show figures_record's errors, keyed by indicator code, against their boxes."""
        by_code = {indicator.code: figure_field_name(indicator) for indicator in self.indicators}
        if not hasattr(error, "error_dict"):
            self.add_service_errors(error)
            return
        for key, messages in error.message_dict.items():
            target = by_code.get(key)
            for message in messages:
                self.add_error(target, message)


def _plain(value) -> str:
    return format(value.normalize(), "f")


class FigureUploadForm(GovUKForm):
    submit_label = "Upload the figures"
    file = forms.FileField(
        label="Upload a file",
        help_text="The Excel template filled in (.xlsx), or a CSV file with the columns "
        "Indicator code, Period and Value.",
        error_messages={
            "required": "Select a file to upload.",
            "empty": "The selected file is empty.",
        },
    )
    reason = forms.CharField(
        label="Why figures already held are changing",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Needed only if the file changes a figure already submitted.",
    )


class FigureReviseForm(GovUKForm):
    submit_label = "Revise the figure"
    value = forms.CharField(
        label="New figure",
        widget=forms.TextInput(attrs=FIGURE_INPUT),
        error_messages={"required": "Enter the new figure."},
    )
    reason = forms.CharField(
        label="Why the figure is changing",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason for revising the figure."},
    )


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
