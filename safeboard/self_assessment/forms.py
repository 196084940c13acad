from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.forms import DateInput, GovUKForm

from .models import Area, Question, Score
from .services import TITLE_REQUIRED


class OpenForm(GovUKForm):
    submit_label = "Open the self-assessment"
    title = forms.CharField(
        max_length=200,
        help_text="For example, Board self-assessment 2026.",
        error_messages={"required": TITLE_REQUIRED},
    )
    opened_on = forms.DateField(label="Date opened", widget=DateInput(), initial=timezone.localdate)


class CompleteForm(GovUKForm):
    submit_label = "Complete the self-assessment"
    completed_on = forms.DateField(
        label="Date completed", widget=DateInput(), initial=timezone.localdate
    )


class RatingForm(GovUKForm):
    """One member's ratings: for each question a score, and evidence (a SafeBoard page)."""

    submit_label = "Save your ratings"

    def __init__(self, *args, questions: list[Question], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"score_{question.pk}"] = forms.TypedChoiceField(
                label=question.text,
                choices=[("", "Not rated"), *Score.choices],
                coerce=int,
                empty_value=None,
                required=False,
                help_text=question.area.name,
            )
            self.fields[f"evidence_{question.pk}"] = forms.CharField(
                label="Evidence (optional)",
                max_length=300,
                required=False,
                help_text="The address of a SafeBoard page that shows it, e.g. /audits/4/.",
            )

    @staticmethod
    def initial_for(ratings: dict) -> dict:
        initial = {}
        for question_id, rating in ratings.items():
            initial[f"score_{question_id}"] = rating.score
            initial[f"evidence_{question_id}"] = rating.evidence_url
        return initial


class QuestionForm(GovUKForm):
    submit_label = "Save the question"
    area = forms.ModelChoiceField(queryset=Area.objects.all(), empty_label="Choose an area")
    text = forms.CharField(label="The question", widget=forms.Textarea(attrs={"rows": 3}))
    position = forms.IntegerField(
        label="Place in its area", min_value=0, initial=0, help_text="Lower numbers come first."
    )
    is_active = forms.BooleanField(label="Ask this question", required=False, initial=True)


class ImprovementForm(SourcedActionForm):
    owner_help_text = (
        "The person who will make sure the improvement is made. Their agency owns the action."
    )
