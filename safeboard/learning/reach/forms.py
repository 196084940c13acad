"""The reach page's question: training linked to what, over which period."""

from __future__ import annotations

from typing import cast

from django import forms

from safeboard.accounts.models import User
from safeboard.core.forms import DateInput, GovUKForm

from . import selectors

CHOOSE_SUBJECT = "Choose a theme, a priority or a case review."
PERIOD_BACKWARDS = "The end of the period must be on or after its start."


class ReachForm(GovUKForm):
    submit_label = "Show reach"
    subject = forms.ChoiceField(
        label="Training linked to",
        help_text="A theme, a priority of the business plan, or a case review.",
        error_messages={"required": CHOOSE_SUBJECT, "invalid_choice": CHOOSE_SUBJECT},
    )
    from_date = forms.DateField(label="From", widget=DateInput())
    to_date = forms.DateField(label="To", widget=DateInput())

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        subjects = cast(forms.ChoiceField, self.fields["subject"])
        subjects.choices = [("", "Choose one"), *selectors.subject_choices(user)]

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("from_date") and data.get("to_date") and data["from_date"] > data["to_date"]:
            self.add_error("to_date", PERIOD_BACKWARDS)
        return data
