"""Forms for a review's findings and recommendations: each parses input for one service."""

from __future__ import annotations

from typing import cast

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.db.models import Q

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField, active_people
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme

from ..models import Finding, Recommendation, Review
from .services import (
    AGENCY_REQUIRED,
    DUE_DATE_REQUIRED,
    OWNER_REQUIRED,
    THEME_REQUIRED,
    default_action_title,
)

NUMBER_ERROR = "Enter the recommendation\u2019s number, a whole number from 1."


def _required(message: str) -> dict[str, str]:
    return {"required": message}


def offered_themes(finding: Finding | None = None):
    """Themes in use, and any retired theme the finding already carries, so an edit keeps it."""
    offered = Q(is_active=True)
    if finding is not None:
        offered |= Q(pk__in=finding.themes.values("pk"))
    return Theme.objects.filter(offered).order_by("position", "name")


class FindingForm(GovUKForm):
    submit_label = "Save the finding"

    title = forms.CharField(
        max_length=200,
        help_text="The finding in a sentence, for example \u201cThe baby\u2019s father was not "
        "seen by any agency\u201d.",
        error_messages=_required("Enter a title for the finding."),
    )
    text = forms.CharField(
        label="What the review found",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=_required("Say what the review found."),
    )
    evidence = forms.CharField(
        label="The evidence",
        help_text="What in the case shows it. Use pseudonyms only, never real names.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Give the evidence for the finding."),
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply.",
        error_messages=_required(THEME_REQUIRED),
    )

    def __init__(self, *args, finding: Finding | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["themes"]).queryset = offered_themes(
            finding
        )
        self.helper.layout = Layout(
            "title",
            "text",
            "evidence",
            Field.checkboxes("themes", legend_size=Size.SMALL, small=True),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    @staticmethod
    def initial_for(finding: Finding) -> dict:
        return {
            "title": finding.title,
            "text": finding.text,
            "evidence": finding.evidence,
            "themes": list(finding.themes.all()),
        }


def offered_agencies(recommendation: Recommendation | None = None):
    offered = Q(is_active=True)
    if recommendation is not None:
        offered |= Q(pk__in=recommendation.agencies.values("pk"))
    return Agency.objects.filter(offered).order_by("name")


class RecommendationForm(GovUKForm):
    submit_label = "Save the recommendation"

    number = forms.IntegerField(
        min_value=1,
        max_value=999,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": NUMBER_ERROR,
            "invalid": NUMBER_ERROR,
            "min_value": NUMBER_ERROR,
            "max_value": NUMBER_ERROR,
        },
    )
    text = forms.CharField(
        label="The recommendation",
        help_text="What the agencies should do, so that it can be seen to be done.",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Enter the recommendation."),
    )
    finding = forms.ModelChoiceField(
        queryset=Finding.objects.none(),
        required=False,
        label="The finding it answers",
        empty_label="Not linked to one finding",
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Agencies it is for",
        help_text="Each agency named answers with an action on the action plan.",
        error_messages=_required(AGENCY_REQUIRED),
    )

    def __init__(
        self, *args, review: Review, recommendation: Recommendation | None = None, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["finding"]).queryset = review.findings.order_by(
            "position", "id"
        )
        cast(forms.ModelMultipleChoiceField, self.fields["agencies"]).queryset = offered_agencies(
            recommendation
        )
        self.helper.layout = Layout(
            Field.text("number", field_width=3),
            "text",
            "finding",
            Field.checkboxes("agencies", legend_size=Size.SMALL, small=True),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    @staticmethod
    def initial_for(recommendation: Recommendation) -> dict:
        return {
            "number": recommendation.number,
            "text": recommendation.text,
            "finding": recommendation.finding,
            "agencies": list(recommendation.agencies.all()),
        }


class RecommendationActionsForm(GovUKForm):
    """One owner and due date for each agency that has no action from the recommendation yet;
    the title and description are shared by the actions."""

    submit_label = "Create the actions"

    title = forms.CharField(
        label="What the actions are",
        max_length=200,
        required=False,
        help_text="Leave as it is to name the actions after the recommendation.",
    )
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Leave empty to use the recommendation\u2019s words.",
    )

    def __init__(
        self, *args, recommendation: Recommendation, agencies: list[Agency], **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].initial = default_action_title(recommendation)
        people = active_people()
        sections = []
        for agency in agencies:
            owner, due_on = f"owner_{agency.pk}", f"due_on_{agency.pk}"
            self.fields[owner] = PersonChoiceField(
                queryset=people.filter(agency=agency),
                label="Owner",
                empty_label="Choose a person",
                help_text=f"The person at {agency.name} who will make sure it is done.",
                error_messages=_required(OWNER_REQUIRED.format(agency=agency.name)),
            )
            self.fields[due_on] = forms.DateField(
                label="Due date",
                widget=DateInput(),
                error_messages=_required(DUE_DATE_REQUIRED.format(agency=agency.name)),
            )
            sections.append(Fieldset(owner, due_on, legend=agency.name, legend_size=Size.MEDIUM))
        self.helper.layout = Layout(
            "title", "description", *sections, Submit("submit", self.submit_label)
        )
        self.helper.inputs = []

    @staticmethod
    def service_arguments(data: dict, agencies: list[Agency]) -> dict:
        """The form's cleaned data as recommendation_create_actions() takes it."""
        return {
            "title": data["title"],
            "description": data["description"],
            "owners": {agency: data.get(f"owner_{agency.pk}") for agency in agencies},
            "due_dates": {agency: data.get(f"due_on_{agency.pk}") for agency in agencies},
        }


class ConfirmDeleteForm(GovUKForm):
    """Nothing to fill in: the button confirms."""

    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.inputs = [Submit("submit", submit_label, css_class="govuk-button--warning")]
