"""Forms for briefings: each parses input for one service."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.themes.selectors import active_themes

from ..models import Briefing
from .services import QUESTION_REQUIRED


def _required(message: str) -> dict[str, str]:
    return {"required": message}


class BriefingForm(GovUKForm):
    submit_label = "Save the briefing"

    title = forms.CharField(
        max_length=200,
        help_text="For example \u201cLearning from the review of Child A: seeing the baby\u201d.",
        error_messages=_required("Enter a title for the briefing."),
    )
    what_happened = forms.CharField(
        label="What happened, in brief",
        help_text="A few sentences, with no detail that could identify the child or family.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_required("Say briefly what happened."),
    )
    what_we_learned = forms.CharField(
        label="What we learned",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Say what was learned."),
    )
    what_to_do_differently = forms.CharField(
        label="What to do differently",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages=_required("Say what practitioners should do differently."),
    )
    questions_for_supervision = forms.CharField(
        label="Questions for supervision",
        help_text="One question a line, for practitioners to take to supervision.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_required(QUESTION_REQUIRED),
    )
    is_public = forms.BooleanField(
        label="Show this briefing on the public site",
        help_text="Once it is shared; a review\u2019s briefing only once the review is published.",
        required=False,
    )

    @staticmethod
    def initial_for(briefing: Briefing) -> dict:
        return {
            name: getattr(briefing, name)
            for name in (
                "title",
                "what_happened",
                "what_we_learned",
                "what_to_do_differently",
                "questions_for_supervision",
                "is_public",
            )
        }


class ThemeBriefingForm(BriefingForm):
    """A briefing about a theme across reviews, audits and training, not about one review."""

    theme = forms.ModelChoiceField(
        queryset=active_themes().order_by("position", "name"),
        empty_label="Choose a theme",
        error_messages=_required("Choose the theme the briefing is about."),
    )
    field_order = ["theme"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["theme"]).queryset = active_themes().order_by(
            "position", "name"
        )


class ShareForm(GovUKForm):
    submit_label = "Mark as shared"

    shared_on = forms.DateField(
        label="Date shared with practitioners",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages=_required("Enter the date the briefing was shared."),
    )
