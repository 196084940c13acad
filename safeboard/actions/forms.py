from __future__ import annotations

from typing import cast

from django import forms
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField, active_people
from safeboard.partnership.models import Agency

from .models import Action
from .selectors import theme_choices

NO_DUE_DATE = "Enter a due date: every action needs one (\u201congoing\u201d is not a due date)."


class ActionForm(GovUKForm):
    """Create or edit an action; the due date is only set here when the action is new."""

    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), label="Owning agency"
    )
    owner_person = PersonChoiceField(
        label="Owner",
        help_text="The person who will make sure this is done. They must work for the owning agency.",
    )
    due_on = forms.DateField(
        label="Due date", widget=DateInput(), error_messages={"required": NO_DUE_DATE}
    )

    def __init__(self, *args, with_due_date: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not with_due_date:
            del self.fields["due_on"]


class ProgressUpdateForm(GovUKForm):
    submit_label = "Add update"
    text = forms.CharField(label="What has happened", widget=forms.Textarea(attrs={"rows": 4}))
    written_on = forms.DateField(
        label="Date of the update", widget=DateInput(), initial=timezone.localdate
    )


class EvidenceForm(GovUKForm):
    submit_label = "Add evidence"
    description = forms.CharField(
        label="What the evidence shows", widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence_dated = forms.DateField(
        label="Date of the evidence",
        help_text="When the evidence itself arose (for example the date of a re-audit), not today's date.",
        widget=DateInput(),
    )
    file = forms.FileField(
        required=False,
        help_text="Optional. PDF, Word, Excel, PowerPoint, OpenDocument, CSV, text, PNG or JPEG.",
    )


class MoveDueDateForm(GovUKForm):
    submit_label = "Move the due date"
    new_due_on = forms.DateField(label="New due date", widget=DateInput())
    reason = forms.CharField(
        label="Why the date is moving",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Give a reason for moving the due date."},
    )


class SourcedActionForm(GovUKForm):
    """An action added from the record it answers (a challenge, a query...): the owner's
    agency owns it, so only the owner is asked for; `agency` narrows the choice of owner."""

    submit_label = "Add the action"
    owner_help_text = "The person who will make sure this is done. Their agency owns the action."

    title = forms.CharField(label="What the action is", max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    owner_person = PersonChoiceField(label="Owner", empty_label="Choose a person")
    due_on = forms.DateField(
        label="Due date", widget=DateInput(), error_messages={"required": NO_DUE_DATE}
    )

    def __init__(self, *args, agency: Agency | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_person"].help_text = self.owner_help_text
        if agency is not None:
            cast(
                forms.ModelChoiceField, self.fields["owner_person"]
            ).queryset = active_people().filter(agency=agency)


class CompleteActionForm(GovUKForm):
    submit_label = "Mark as complete"
    completed_on = forms.DateField(
        label="Date completed", widget=DateInput(), initial=timezone.localdate
    )


STATUS_FILTER_CHOICES = [
    ("", "Any status"),
    ("open", "Open (overdue included)"),
    *Action.Status.choices,
    ("overdue", "Overdue"),
]


class ActionFilterForm(GovUKForm):
    submit_label = "Apply filters"

    status = forms.ChoiceField(choices=STATUS_FILTER_CHOICES, required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(),
        required=False,
        empty_label="Any agency",
        label="Owning agency",
    )
    due_before = forms.DateField(label="Due on or before", required=False, widget=DateInput())
    search = forms.CharField(label="Words in the title or description", required=False)
    theme = forms.ChoiceField(
        required=False,
        help_text="Actions from a finding, recommendation, challenge or priority tagged with it.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["theme"]).choices = [
            ("", "Any theme"),
            *theme_choices(),
        ]
