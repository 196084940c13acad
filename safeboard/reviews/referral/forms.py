"""Forms for the referral of a case and the statutory steps before the decision."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.models import Agency

from ..models import FrameworkEdition, Review
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
