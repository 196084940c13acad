from __future__ import annotations

from django import forms

from safeboard.core.forms import DateInput, GovUKFormMixin
from safeboard.partnership.models import Agency

from .models import Recipient


class PeriodForm(GovUKFormMixin, forms.Form):
    submit_label = "Start the report"
    period_start = forms.DateField(label="Start of the period", widget=DateInput())
    period_end = forms.DateField(
        label="End of the period",
        widget=DateInput(),
        help_text="Twelve months after the start, less a day: 1 April 2025 to 31 March 2026.",
    )


class SummaryForm(GovUKFormMixin, forms.Form):
    plain_summary = forms.CharField(
        label="Summary for councillors",
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text="Short sentences in plain English. Explain any abbreviation the first time.",
    )


class NarrativeForm(GovUKFormMixin, forms.Form):
    text = forms.CharField(
        label="What the partnership says about this section",
        widget=forms.Textarea(attrs={"rows": 10}),
        required=False,
        help_text="Shown beside the figures, which SafeBoard computes from its records.",
    )


class RecipientForm(GovUKFormMixin, forms.Form):
    submit_label = "Record that it was sent"
    recipient = forms.ChoiceField(choices=Recipient.choices)
    sent_on = forms.DateField(label="Date sent", widget=DateInput())


class CorrectionForm(GovUKFormMixin, forms.Form):
    submit_label = "Start a corrected edition"
    note = forms.CharField(
        label="What the corrected edition puts right",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Shown at the top of the corrected edition and on the list of reports.",
    )


class ContributionForm(GovUKFormMixin, forms.Form):
    submit_label = "Save the contribution"
    agency = forms.ModelChoiceField(queryset=Agency.objects.all())
    financial_year = forms.IntegerField(
        label="Financial year (the year it starts)",
        help_text="2025 is April 2025 to March 2026.",
        min_value=2000,
        max_value=2100,
    )
    amount = forms.DecimalField(
        label="Amount in pounds", min_value=0, max_digits=12, decimal_places=2
    )
    in_kind = forms.CharField(label="Given in kind (optional)", required=False, max_length=300)
