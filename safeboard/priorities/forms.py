"""Forms for the business plan: each parses input for one service in services.py."""

from __future__ import annotations

from typing import cast

from crispy_forms_gds.layout import Submit
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from safeboard.actions.forms import ActionForm
from safeboard.core.extension_points import measure_targets
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme

from .models import BusinessPlan, Priority
from .services import REVIEW_PROGRESS, SUMMARY_REQUIRED


class BusinessPlanForm(GovUKForm):
    submit_label = "Save the plan"
    title = forms.CharField(max_length=200, help_text="For example, Business plan 2025 to 2028.")
    starts_on = forms.DateField(label="Start date", widget=DateInput())
    ends_on = forms.DateField(label="End date", widget=DateInput())
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)
    max_active_priorities = forms.IntegerField(
        label="Most active priorities before a warning",
        min_value=1,
        max_value=20,
        initial=4,
        help_text="A few clearly defined priorities keep the board focused.",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
    )

    @staticmethod
    def initial_for(plan: BusinessPlan) -> dict:
        return {
            "title": plan.title,
            "starts_on": plan.starts_on,
            "ends_on": plan.ends_on,
            "summary": plan.summary,
            "max_active_priorities": plan.max_active_priorities,
        }


class PriorityForm(GovUKForm):
    """Add a priority to a plan, or change one (only then can its status change)."""

    submit_label = "Save the priority"
    number = forms.IntegerField(
        label="Priority number",
        min_value=1,
        max_value=99,
        help_text="Its place in the plan.",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
    )
    title = forms.CharField(max_length=200)
    description = forms.CharField(
        label="Why it matters", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    objectives = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the partnership will achieve. Put each objective on its own line.",
        error_messages={"required": "Enter at least one objective."},
    )
    lead_agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), label="Lead agency"
    )
    lead_person = PersonChoiceField(
        label="Lead",
        help_text="The person who answers for this priority. They must work for the lead agency.",
    )
    status = forms.ChoiceField(choices=Priority.Status.choices, widget=forms.RadioSelect)
    review_date = forms.DateField(label="Next review due", widget=DateInput())
    review_interval_months = forms.IntegerField(
        label="Months between reviews",
        min_value=1,
        max_value=24,
        initial=3,
        help_text="After each review, the next one is due this many months later.",
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-2"}),
    )

    themes = forms.ModelMultipleChoiceField(
        label="Themes it addresses",
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The priority\u2019s page gathers the findings, audits, training and indicators "
        "tagged with these themes. Select all that apply.",
    )

    def __init__(
        self, *args, is_new: bool = False, priority: Priority | None = None, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        # Themes in use, and any retired theme the priority already addresses, so an edit keeps it.
        offered = Q(is_active=True)
        if priority is not None:
            offered |= Q(pk__in=priority.themes.values("pk"))
        cast(forms.ModelMultipleChoiceField, self.fields["themes"]).queryset = Theme.objects.filter(
            offered
        ).order_by("position", "name")
        if is_new:
            # A new priority is active; its number defaults to the next in the plan.
            del self.fields["status"]
            self.fields["number"].required = False
            self.fields["number"].help_text = "Leave empty to number it after the last priority."

    @staticmethod
    def initial_for(priority: Priority) -> dict:
        return {
            "number": priority.number,
            "title": priority.title,
            "description": priority.description,
            "objectives": priority.objectives,
            "lead_agency": priority.lead_agency,
            "lead_person": priority.lead_person,
            "status": priority.status,
            "review_date": priority.review_date,
            "review_interval_months": priority.review_interval_months,
            "themes": list(priority.themes.all()),
        }


class PriorityReviewForm(GovUKForm):
    submit_label = "Record the review"
    reviewed_on = forms.DateField(
        label="Date of the review", widget=DateInput(), initial=timezone.localdate
    )
    progress = forms.ChoiceField(
        label="How is the priority progressing?",
        choices=[(choice.value, choice.label) for choice in REVIEW_PROGRESS],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the priority is on track, has some concerns or is off track."
        },
    )
    summary = forms.CharField(
        label="What the review found and what changed",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": SUMMARY_REQUIRED},
    )
    next_review_date = forms.DateField(
        label="Next review due",
        required=False,
        widget=DateInput(),
    )

    def __init__(self, *args, priority: Priority, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        months = priority.review_interval_months
        self.fields["next_review_date"].help_text = (
            f"Leave empty for {months} month{'s' if months != 1 else ''} after the review, "
            "the priority\u2019s usual interval."
        )


class MeasureForm(GovUKForm):
    submit_label = "Add the measure"
    description = forms.CharField(
        label="What shows progress",
        max_length=300,
        help_text="For example, the percentage of strategy discussions held within 3 working days.",
        error_messages={"required": "Describe the measure."},
    )
    target = forms.ChoiceField(label="Linked record", required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        targets = list(measure_targets)
        if not targets:
            del self.fields["target"]  # no module offers records to link to yet
            return
        choices: list = [("", "No linked record")]
        for target in targets:
            records = target.records()
            content_type = ContentType.objects.get_for_model(records.model)
            choices.append(
                (
                    target.label,
                    [(f"{content_type.pk}:{record.pk}", str(record)) for record in records],
                )
            )
        cast(forms.ChoiceField, self.fields["target"]).choices = choices
        self.fields["target"].help_text = "Optional. The record that shows this measure."

    def clean_target(self):
        value = self.cleaned_data.get("target")
        if not value:
            return None
        content_type_id, pk = value.split(":")
        content_type = ContentType.objects.get_for_id(int(content_type_id))
        return content_type.get_object_for_this_type(pk=int(pk))


class MeasureRemoveForm(GovUKForm):
    """Nothing to fill in: the button confirms."""

    submit_label = "Remove the measure"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.inputs = [
            Submit("submit", self.submit_label, css_class="govuk-button--warning")
        ]


class PriorityActionForm(ActionForm):
    """The action spine's own form: an action made here has the priority as its source."""

    submit_label = "Add the action"
