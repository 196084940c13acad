"""Forms for queries to an indicator's owning agency: each parses input for one service."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.models import Agency

from ..models import Indicator, Period
from . import services
from .selectors import QueryState

DECISION_REQUIRED = "Choose whether the board accepts or challenges the answer."


class QueryRaiseForm(GovUKForm):
    submit_label = "Raise the query"

    period = forms.ModelChoiceField(
        queryset=Period.objects.none(),
        label="Period the query is about",
        empty_label=None,
        error_messages={"required": services.PERIOD_REQUIRED},
    )
    question = forms.CharField(
        help_text="What the board wants the agency to explain about the figure.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": services.QUESTION_REQUIRED},
    )
    response_due_on = forms.DateField(
        label="Answer due",
        widget=DateInput(),
        error_messages={"required": services.DUE_DATE_REQUIRED},
    )

    def __init__(self, *args, indicator: Indicator, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        periods = Period.objects.filter(figures__indicator=indicator).order_by("-starts_on")
        self.fields["period"].queryset = periods


class QueryAnswerForm(GovUKForm):
    submit_label = "Send the answer"

    explanation = forms.CharField(
        label="Your agency\u2019s explanation",
        help_text="What lies behind the figure, and what the agency is doing about it.",
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={"required": services.EXPLANATION_REQUIRED},
    )


class QueryActionForm(SourcedActionForm):
    owner_help_text = "The person in your agency who will make sure this is done."


class QueryJudgementForm(GovUKForm):
    ACCEPT = "accept"
    CHALLENGE = "challenge"

    submit_label = "Record the judgement"

    decision = forms.ChoiceField(
        label="The board\u2019s judgement of the answer",
        choices=[
            (ACCEPT, "Accept the answer"),
            (CHALLENGE, "Challenge the answer: the agency must answer again"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": DECISION_REQUIRED},
    )
    reason = forms.CharField(
        label="Reason for the judgement",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": services.JUDGEMENT_REASON_REQUIRED},
    )
    # Always shown, never revealed by a radio (docs/decisions/0004); the service refuses a
    # challenge without it.
    response_due_on = forms.DateField(
        label="New answer due date",
        help_text="Needed to challenge the answer: when the agency must answer again by.",
        required=False,
        widget=DateInput(),
    )


class QueryFilterForm(GovUKForm):
    submit_label = "Apply filters"

    state = forms.ChoiceField(
        label="Status", choices=[("", "Any status"), *QueryState.choices], required=False
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(), required=False, empty_label="Any agency"
    )
    indicator = forms.ModelChoiceField(
        queryset=Indicator.objects.all(), required=False, empty_label="Any indicator"
    )

    def __init__(self, *args, every_agency: bool = True, agency_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not every_agency:
            del self.fields["agency"]
            self.fields["indicator"].queryset = Indicator.objects.filter(owning_agency_id=agency_id)


def default_due_on():
    return services.response_due_on(timezone.localdate())
