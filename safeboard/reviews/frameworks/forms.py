"""Forms for the framework table: an edition's timescales and its criteria."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm

from ..models import FrameworkCriterion, FrameworkEdition, RapidReviewBasis
from . import services


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class EditionForm(GovUKForm):
    submit_label = "Save the timescales"

    notification_body = forms.CharField(
        label="Serious incidents are notified to",
        max_length=200,
        required=False,
        help_text="Leave empty if the edition has no notification.",
    )
    notification_working_days = forms.IntegerField(
        label="Notification due (working days after becoming aware)",
        required=False,
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    rapid_review_working_days = forms.IntegerField(
        label="Rapid review due (working days)",
        required=False,
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    rapid_review_basis = forms.ChoiceField(
        label="The rapid review counts",
        choices=RapidReviewBasis.choices,
        widget=forms.RadioSelect,
    )
    decision_working_days = forms.IntegerField(
        label="Decision due (working days after becoming aware)",
        required=False,
        min_value=1,
        help_text="Leave empty where the rapid review makes the decision.",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    review_months = forms.IntegerField(
        label="Months from the start of a review to its completion",
        min_value=1,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    guidance = forms.CharField(widget=_textarea(8), required=False)
    is_current = forms.BooleanField(
        label="The current edition, offered first for new referrals", required=False
    )
    reason = forms.CharField(
        label="Reason for the change",
        help_text="Cases already referred keep the timescales they were referred under.",
        widget=_textarea(3),
        error_messages={"required": services.REASON_REQUIRED},
    )

    @staticmethod
    def initial_for(edition: FrameworkEdition) -> dict:
        return {field: getattr(edition, field) for field in services.TIMESCALE_FIELDS}


class CriterionForm(GovUKForm):
    submit_label = "Save the criterion"

    code = forms.CharField(max_length=20, help_text="A short code, such as C1.")
    kind = forms.ChoiceField(choices=FrameworkCriterion.Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(label="The criterion", widget=_textarea(4))


class CriterionEditForm(CriterionForm):
    position = forms.IntegerField(
        label="Order",
        min_value=0,
        help_text="Criteria are listed by this number.",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
