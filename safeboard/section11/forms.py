"""Forms for the Section 11 self-assessment: each parses input for one service."""

from __future__ import annotations

from typing import cast

from crispy_forms_gds.layout import Div, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField
from safeboard.partnership.models import Agency, Person
from safeboard.themes.models import Theme

from . import chase_services, return_services, scrutiny_services
from .models import Cycle, EvidenceRequest, Kind, Rating, StandardSet

EVIDENCE_FILE_HINT = (
    "Optional. A PDF, Word, Excel, PowerPoint, OpenDocument, PNG or JPEG file, up to 10MB."
)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class CycleForm(GovUKForm):
    submit_label = "Set up the cycle"

    title = forms.CharField(
        max_length=200, help_text="For example, Section 11 self-assessment 2026."
    )
    kind = forms.ChoiceField(
        label="Kind of self-assessment", choices=Kind.choices, widget=forms.RadioSelect
    )
    frequency = forms.ChoiceField(
        label="How often the cycle runs", choices=Cycle.Frequency.choices, widget=forms.RadioSelect
    )
    standard_set = forms.ModelChoiceField(
        queryset=StandardSet.objects.filter(is_active=True),
        label="Standards",
        empty_label="Choose a standard set",
        help_text="The cycle takes its own copy, which you can change until the cycle opens.",
    )
    returns_due_on = forms.DateField(label="Returns due", widget=DateInput())
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(is_active=True),
        label="Organisations asked",
        help_text="Statutory and voluntary organisations; for a Section 175 audit, the schools "
        "and colleges.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one organisation to ask."},
    )


class CycleEditForm(GovUKForm):
    submit_label = "Save the changes"

    title = forms.CharField(max_length=200)
    frequency = forms.ChoiceField(
        label="How often the cycle runs", choices=Cycle.Frequency.choices, widget=forms.RadioSelect
    )
    returns_due_on = forms.DateField(
        label="Returns due",
        help_text="Organisations given an extension keep their own deadline.",
        widget=DateInput(),
    )
    previous_cycle = forms.ModelChoiceField(
        queryset=Cycle.objects.none(),
        required=False,
        label="Previous cycle",
        empty_label="None",
        help_text="Its answers are carried forward when this cycle opens, and compared with.",
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(is_active=True),
        label="Organisations asked",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one organisation to ask."},
    )

    def __init__(self, *args, cycle: Cycle, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if cycle.is_setting_up:
            cast(
                forms.ModelChoiceField, self.fields["previous_cycle"]
            ).queryset = Cycle.objects.filter(kind=cycle.kind).exclude(pk=cycle.pk)
        else:
            del self.fields["previous_cycle"]
            del self.fields["agencies"]


class ScaleForm(GovUKForm):
    submit_label = "Save the scale"

    scale_min = forms.IntegerField(label="Lowest score", min_value=0, max_value=10)
    scale_max = forms.IntegerField(label="Highest score", min_value=1, max_value=10)
    met_score = forms.IntegerField(
        label="Score that counts as met",
        min_value=1,
        max_value=10,
        help_text="A standard scored below it needs an improvement plan.",
    )
    scale_labels = forms.CharField(
        label="Labels",
        help_text="One a line, from the lowest score to the highest.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_scale_labels(self) -> list[str]:
        return _lines(self.cleaned_data["scale_labels"])


class ScheduleForm(GovUKForm):
    submit_label = "Save the schedule"

    reminder_days_before = forms.CharField(
        label="Reminders before the deadline",
        required=False,
        help_text="Days before the deadline, separated by commas, for example 14, 3.",
    )
    overdue_reminder_every_days = forms.IntegerField(
        label="Once overdue, a reminder every (days)",
        min_value=0,
        max_value=90,
        help_text="0 for no reminders after the deadline.",
    )
    first_letter_days_after = forms.IntegerField(
        label="First escalation letter, days after the deadline", min_value=1, max_value=365
    )
    second_letter_days_after = forms.IntegerField(
        label="Second escalation letter, days after the deadline",
        min_value=2,
        max_value=365,
        required=False,
        help_text="Leave empty for no second letter.",
    )

    def clean_reminder_days_before(self) -> list[int]:
        text = self.cleaned_data["reminder_days_before"]
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        try:
            return [int(part) for part in parts]
        except ValueError:
            raise ValidationError(
                "Enter whole numbers of days separated by commas, for example 14, 3."
            )


class StandardForm(GovUKForm):
    submit_label = "Save the standard"

    code = forms.CharField(
        max_length=20,
        help_text="Answers are carried forward from cycle to cycle by this code.",
    )
    title = forms.CharField(max_length=300)
    description = forms.CharField(
        label="What meeting the standard looks like",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sub_standards = forms.CharField(
        label="Sub-standards",
        required=False,
        help_text="One a line, in order; they are numbered under the standard's code.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_sub_standards(self) -> list[str]:
        return _lines(self.cleaned_data["sub_standards"])


class LibraryStandardForm(StandardForm):
    """A library standard, with the themes it is about (matched to each cycle's copy by code)."""

    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.filter(is_active=True).order_by("position", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Each theme\u2019s page shows the cycles in which organisations fell below "
        "\u201cmet\u201d on this standard. Select all that apply.",
    )


class ConfirmForm(GovUKForm):
    """A button alone: the page says what pressing it does."""

    def __init__(self, *args, submit_label: str = "Continue", **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class RatingForm(GovUKForm):
    submit_label = "Save and return to the return"

    self_score = forms.TypedChoiceField(
        label="Your score", coerce=int, widget=forms.RadioSelect, choices=()
    )
    commentary = forms.CharField(
        label="How you meet the standard",
        required=False,
        help_text="In your own words; add the evidence itself on the return's page.",
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, rating: Rating, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        scale = rating.agency_return.cycle.scale
        field = cast(forms.ChoiceField, self.fields["self_score"])
        field.choices = scale.choices()
        off_scale = return_services.SCORE_OFF_SCALE.format(
            minimum=scale.minimum, maximum=scale.maximum
        )
        field.error_messages = {
            "required": return_services.SCORE_REQUIRED,
            "invalid_choice": off_scale,
        }


class EvidenceForm(GovUKForm):
    submit_label = "Add the evidence"

    description = forms.CharField(
        label="What the evidence shows",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": return_services.EVIDENCE_DESCRIPTION_REQUIRED},
    )
    dated_on = forms.DateField(
        label="Date of the evidence",
        help_text="When the evidence itself arose (a policy's approval, an audit), not today.",
        widget=DateInput(),
        initial=timezone.localdate,
    )
    file = forms.FileField(required=False, help_text=EVIDENCE_FILE_HINT)


class ImprovementForm(GovUKForm):
    submit_label = "Add to the plan"

    text = forms.CharField(
        label="What will be done",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": return_services.PLAN_TEXT_REQUIRED},
    )
    owner_person = PersonChoiceField(
        label="Who is responsible",
        empty_label="Choose a person",
        help_text="Someone in your organisation: the step becomes their action once the "
        "return is submitted.",
    )
    due_on = forms.DateField(label="Due date", widget=DateInput())

    def __init__(self, *args, agency: Agency, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner_person"]).queryset = Person.objects.filter(
            agency=agency, is_active=True
        ).select_related("agency")


def moderation_field(kind: str, rating_pk: int) -> str:
    return f"{kind}_{rating_pk}"


class ModerationForm(GovUKForm):
    """The panel's score and reason beside each self-assessed score."""

    submit_label = "Save the moderation"

    def __init__(self, *args, ratings: list[Rating], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.ratings = ratings
        layout = []
        for rating in ratings:
            scale = rating.agency_return.cycle.scale
            score_name = moderation_field("score", rating.pk)
            reason_name = moderation_field("reason", rating.pk)
            standard = rating.standard
            self.fields[score_name] = forms.TypedChoiceField(
                label=f"Moderated score for {standard.code} {standard.title}",
                help_text=f"Self-assessed: {scale.describe(rating.self_score)}.",
                choices=[("", "Not moderated"), *scale.choices()],
                coerce=int,
                empty_value=None,
                required=False,
                initial=rating.moderated_score,
                error_messages={
                    "invalid_choice": scrutiny_services.MODERATED_OFF_SCALE.format(
                        minimum=scale.minimum, maximum=scale.maximum
                    )
                },
            )
            self.fields[reason_name] = forms.CharField(
                label=f"Reason for the moderated score of {standard.code}",
                required=False,
                initial=rating.moderation_reason,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            layout.append(Div(score_name, reason_name, css_class="govuk-!-margin-bottom-6"))
        self.helper.layout = Layout(*layout, Submit("submit", self.submit_label))
        self.helper.inputs = []

    def scores(self) -> list[scrutiny_services.ModeratedScore]:
        data = self.cleaned_data
        return [
            scrutiny_services.ModeratedScore(
                rating=rating,
                score=data[moderation_field("score", rating.pk)],
                reason=data[moderation_field("reason", rating.pk)],
            )
            for rating in self.ratings
        ]


class EvidenceRequestForm(GovUKForm):
    submit_label = "Ask for the evidence"

    question = forms.CharField(
        label="What the board asks to see",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": scrutiny_services.QUESTION_REQUIRED},
    )
    response_due_on = forms.DateField(label="Response due", widget=DateInput())


class SampleForm(EvidenceRequestForm):
    submit_label = "Draw the sample"

    size = forms.IntegerField(
        label="How many self-declarations to sample",
        min_value=1,
        max_value=100,
        help_text="Drawn at random from the standards returns say they meet.",
    )
    field_order = ["size", "question", "response_due_on"]


class RequestResponseForm(GovUKForm):
    submit_label = "Send the response"

    response = forms.CharField(
        label="Your response",
        help_text="What the evidence shows, and where it can be seen.",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": scrutiny_services.RESPONSE_REQUIRED},
    )
    file = forms.FileField(required=False, help_text=EVIDENCE_FILE_HINT)
    dated_on = forms.DateField(
        label="Date of the evidence in the file",
        required=False,
        help_text="Only with a file; today if left empty.",
        widget=DateInput(),
    )


class ConclusionForm(GovUKForm):
    submit_label = "Record the conclusion"

    conclusion = forms.ChoiceField(
        label="The board\u2019s conclusion",
        choices=EvidenceRequest.Conclusion.choices,
        widget=forms.RadioSelect,
        error_messages={"required": scrutiny_services.CONCLUSION_REQUIRED},
    )
    note = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": scrutiny_services.CONCLUSION_NOTE_REQUIRED},
    )


class ExtensionForm(GovUKForm):
    submit_label = "Extend the deadline"

    extended_to = forms.DateField(label="New deadline", widget=DateInput())
    reason = forms.CharField(
        label="Reason for the extension", widget=forms.Textarea(attrs={"rows": 3})
    )


class ChaseForm(GovUKForm):
    submit_label = "Chase the organisation"

    how = forms.ChoiceField(
        label="How",
        choices=chase_services.HOW_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": chase_services.HOW_REQUIRED},
    )
    with_whom = forms.CharField(
        label="Who you spoke to",
        max_length=200,
        required=False,
        help_text="For a call or a meeting.",
    )
    note = forms.CharField(
        label="What was said or agreed, or a message to add to the email",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ChiefOfficerForm(GovUKForm):
    submit_label = "Save the chief officer"

    full_name = forms.CharField(label="Name", max_length=200)
    job_title = forms.CharField(max_length=200)
    email = forms.EmailField(label="Email address")
