"""Forms for submitting and revising figures: each parses input for one service in services.py."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django import forms
from django.core.exceptions import ValidationError

from safeboard.core.forms import GovUKForm

from .models import Figure, Indicator

FIGURE_INPUT = {"class": "govuk-input govuk-input--width-10", "inputmode": "decimal"}


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
