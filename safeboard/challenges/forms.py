"""Forms for the challenge log: each parses input for one service in services.py."""

from __future__ import annotations

from typing import cast

from django import forms
from django.db.models import Q
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.asking import forms as asking_forms
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.themes.models import Theme

from . import services
from .models import Challenge, ChallengeResponse
from .selectors import State

NO_RESPONSE_DUE = "Enter the date the agency must respond by."


class ChallengeRaiseForm(GovUKForm):
    submit_label = "Raise the challenge"

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True),
        label="Agency challenged",
        empty_label="Choose an agency",
    )
    title = forms.CharField(max_length=200, help_text="A short name for the challenge.")
    issue = forms.CharField(
        label="The issue",
        help_text="What the board is asking the agency to account for.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    evidence = forms.CharField(
        help_text="What the challenge rests on: figures, audit findings, a case review.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    raised_by = PersonChoiceField(label="Raised by", empty_label="Choose a person")
    raised_on = forms.DateField(label="Date raised", widget=DateInput(), initial=timezone.localdate)
    response_due_on = forms.DateField(
        label="Response due",
        help_text="On or after the date raised.",
        widget=DateInput(),
        error_messages={"required": NO_RESPONSE_DUE},
    )
    priority = forms.ModelChoiceField(
        queryset=Priority.objects.filter(status=Priority.Status.ACTIVE),
        required=False,
        label="Linked priority",
        empty_label="No linked priority",
        help_text="Optional: the board priority this challenge is about.",
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.filter(is_active=True).order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="What the challenge is about: each theme\u2019s page shows it. Select all that apply.",
    )


def offered_themes(challenge: Challenge):
    """Themes in use, and any retired theme the challenge already carries, so a change keeps it."""
    offered = Q(is_active=True) | Q(pk__in=challenge.themes.values("pk"))
    return Theme.objects.filter(offered).order_by("position", "name")


class ChallengeThemesForm(GovUKForm):
    submit_label = "Save the themes"
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each theme\u2019s page shows the challenge. Select all that apply.",
    )

    def __init__(self, *args, challenge: Challenge, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["themes"]).queryset = offered_themes(
            challenge
        )


class ChallengeResponseForm(GovUKForm):
    submit_label = "Send the response"

    text = forms.CharField(
        label="Your agency\u2019s response",
        help_text="What the agency has found and what it is doing about it.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": services.RESPONSE_REQUIRED},
    )


class JudgementForm(asking_forms.JudgementForm):
    judgement = asking_forms.judgement_choice(
        label="The board\u2019s judgement of the response",
        choices=ChallengeResponse.Judgement.choices,
        required_message=services.JUDGEMENT_REQUIRED,
    )
    new_response_due_on = asking_forms.new_due_date(
        label="New response due date",
        help_text="Needed for further challenge or escalation: when the agency must respond by.",
    )


class ChallengeCloseForm(GovUKForm):
    submit_label = "Close the challenge"

    outcome = forms.CharField(
        help_text="What the challenge achieved, and what was agreed.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": services.OUTCOME_REQUIRED},
    )
    closed_on = forms.DateField(label="Date closed", widget=DateInput(), initial=timezone.localdate)


class ChallengeActionForm(SourcedActionForm):
    pass


class ChallengeFilterForm(GovUKForm):
    submit_label = "Apply filters"

    state = forms.ChoiceField(choices=[("", "Any state"), *State.choices], required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, empty_label="Any agency"
    )
    search = forms.CharField(
        label="Words in the reference, title, issue or evidence", required=False
    )

    def __init__(self, *args, every_agency: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not every_agency:
            del self.fields["agency"]
