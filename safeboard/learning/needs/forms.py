"""The needs matrix's checkboxes and an agency's headcounts."""

from __future__ import annotations

from typing import cast

from django import forms

from safeboard.core.forms import GovUKForm

from ..models import JobRole
from . import selectors, services


class NeedsMatrixForm(forms.Form):
    need = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, matrix: selectors.Matrix, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["need"]).choices = [
            (selectors.cell_value(role.pk, row.course.pk), "")
            for row in matrix.rows
            for role, _ in row.cells
        ]

    def cells(self) -> set[tuple[int, int]]:
        return {selectors.parse_cell(value) for value in self.cleaned_data["need"]}


def role_field_name(role: JobRole) -> str:
    return f"role_{role.pk}"


class HeadcountForm(GovUKForm):
    submit_label = "Save headcounts"

    def __init__(self, *args, roles: list[JobRole], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.roles = roles
        for role in roles:
            self.fields[role_field_name(role)] = forms.IntegerField(
                label=role.name,
                required=False,
                min_value=0,
                max_value=services.MAX_HEADCOUNT,
                error_messages={
                    "invalid": f"Enter the number of {role.name.lower()} staff as a whole number.",
                    "min_value": services.NEGATIVE_HEADCOUNT,
                    "max_value": services.HEADCOUNT_TOO_LARGE,
                },
                widget=forms.TextInput(
                    attrs={"class": "govuk-input govuk-input--width-5", "inputmode": "numeric"}
                ),
            )
