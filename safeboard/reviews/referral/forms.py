"""Forms for the referral of a case and the statutory steps before the decision."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.models import Agency

from ..models import FrameworkEdition, RapidReview, Review
from . import services


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class EditionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, edition: FrameworkEdition) -> str:
        return f"{edition.name}{' (current)' if edition.is_current else ''}"


class ReferralForm(GovUKForm):
    submit_label = "Refer the case"

    edition = EditionChoiceField(
        queryset=FrameworkEdition.objects.order_by("-is_current", "-year"),
        label="Considered under",
        empty_label=None,
        help_text="The edition of Working Together whose criteria and timescales apply.",
        error_messages={"required": services.EDITION_REQUIRED},
    )
    child_pseudonym = forms.CharField(
        label="The child\u2019s pseudonym",
        max_length=60,
        help_text='A pseudonym only, such as "Child A". Never a real name or initials.',
        error_messages={"required": services.PSEUDONYM_REQUIRED},
    )
    age_band = forms.ChoiceField(
        label="Age", choices=Review.AgeBand.choices, widget=forms.RadioSelect
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        label="Agencies involved with the child",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": services.AGENCIES_REQUIRED},
    )
    incident_date = forms.DateField(
        label="Date of the incident",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the incident."},
    )
    aware_date = forms.DateField(
        label="Date the partnership became aware",
        help_text="The statutory timescales count in working days from this day.",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages={"required": "Enter the date the partnership became aware."},
    )
    summary = forms.CharField(
        help_text="What happened, in brief. No names, addresses, schools or other detail that "
        "could identify the child or family.",
        widget=_textarea(6),
        error_messages={"required": services.SUMMARY_REQUIRED},
    )


class SentOnForm(GovUKForm):
    """The day the notification or the rapid review was sent."""

    sent_on = forms.DateField(label="Date sent", widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class RapidReviewForm(GovUKForm):
    """The rapid review's record; the date sent and the Panel's response come when they do."""

    submit_label = "Save the rapid review"

    facts = forms.CharField(label="The facts known so far", widget=_textarea(6), required=False)
    immediate_actions = forms.CharField(
        label="Immediate actions taken to keep children safe", widget=_textarea(), required=False
    )
    learning = forms.CharField(
        label="Learning identified so far", widget=_textarea(), required=False
    )
    national_review = forms.ChoiceField(
        label="Could the case suit a national review?",
        choices=RapidReview.NationalReview.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    local_review = forms.ChoiceField(
        label="Decision on a local child safeguarding practice review",
        choices=RapidReview.LocalReview.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    local_review_reasons = forms.CharField(
        label="Reasons for the decision on a local review", widget=_textarea(), required=False
    )
    sent_on = forms.DateField(
        label="Date sent to the Panel",
        help_text="Leave blank until the rapid review is sent.",
        widget=DateInput(),
        required=False,
    )
    panel_response = forms.CharField(
        label="The Panel\u2019s response",
        help_text="Leave blank until the Panel replies.",
        widget=_textarea(),
        required=False,
    )
    panel_response_on = forms.DateField(
        label="Date of the Panel\u2019s response", widget=DateInput(), required=False
    )

    @staticmethod
    def initial_for(review: Review) -> dict:
        record = getattr(review, "rapid_review", None)
        initial = {"sent_on": review.rapid_review_sent_on}
        if record is not None:
            for name in (
                "facts",
                "immediate_actions",
                "learning",
                "national_review",
                "local_review",
                "local_review_reasons",
                "panel_response",
                "panel_response_on",
            ):
                initial[name] = getattr(record, name)
        return initial
