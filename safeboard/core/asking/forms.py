"""The board's judgement of an agency's answer, as one form for every asked record."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import DateInput, GovUKForm

JUDGEMENT_REASON_REQUIRED = "Give the reason for the judgement."


class JudgementForm(GovUKForm):
    """The board's choice, its reason and, to ask again, a new due date.

    A subclass declares the choice (`judgement_choice`) and the new due date (`new_due_date`)
    under the names its service takes, and names them in `choice_field` and `due_field`;
    the form shows the choice first, then the reason, then the date.
    """

    submit_label = "Record the judgement"
    choice_field = "judgement"
    due_field = "new_response_due_on"

    reason = forms.CharField(
        label="Reason for the judgement",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": JUDGEMENT_REASON_REQUIRED},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields([self.choice_field, "reason", self.due_field])


def judgement_choice(*, label: str, choices, required_message: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


def new_due_date(*, label: str, help_text: str) -> forms.DateField:
    # Always shown, never revealed by a radio (docs/decisions/0004); the service refuses
    # asking again without it.
    return forms.DateField(label=label, help_text=help_text, required=False, widget=DateInput())
