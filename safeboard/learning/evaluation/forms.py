"""The evaluation after a session and the follow-up survey three months on."""

from __future__ import annotations

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms

from safeboard.core.forms import GovUKForm

from ..models import RATING_MAX, RATING_MIN, FollowUp, LearningOutcome
from .services import NOT_RATED, OUT_OF_RANGE, Rating, after_field, before_field

SCALE = [(value, str(value)) for value in range(RATING_MIN, RATING_MAX + 1)]
CONFIDENCE_HINT = "1 is not at all confident, 5 is very confident."


def _rating(label: str, *, missing: str, out_of_range: str, help_text: str = "") -> forms.Field:
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": missing, "invalid_choice": out_of_range},
    )


class EvaluationForm(GovUKForm):
    submit_label = "Send the evaluation"

    satisfaction = _rating(
        "Overall, how satisfied are you with the session?",
        missing="Select how satisfied you are with the session, from 1 to 5.",
        out_of_range=OUT_OF_RANGE.format(what="your overall satisfaction"),
        help_text="1 is very dissatisfied, 5 is very satisfied.",
    )
    comments = forms.CharField(
        label="Anything else you want to tell us?",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="What worked, what did not, what you will do differently.",
    )

    def __init__(self, *args, outcomes: list[LearningOutcome], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        sections = []
        for number, outcome in enumerate(outcomes, start=1):
            before, after = before_field(outcome.pk), after_field(outcome.pk)
            missing = NOT_RATED.format(outcome=outcome.text)
            self.fields[before] = _rating(
                "Before the session, how confident were you?",
                missing=missing,
                out_of_range=OUT_OF_RANGE.format(
                    what=f"your confidence before the session on “{outcome.text}”"
                ),
                help_text=CONFIDENCE_HINT,
            )
            self.fields[after] = _rating(
                "Now, after the session, how confident are you?",
                missing=missing,
                out_of_range=OUT_OF_RANGE.format(
                    what=f"your confidence after the session on “{outcome.text}”"
                ),
                help_text=CONFIDENCE_HINT,
            )
            sections.append(
                Fieldset(
                    Field.radios(before, legend_size=Size.SMALL, inline=True),
                    Field.radios(after, legend_size=Size.SMALL, inline=True),
                    legend=f"Outcome {number}: {outcome.text}",
                    legend_size=Size.MEDIUM,
                )
            )
        self.helper.layout = Layout(
            *sections,
            Field.radios("satisfaction", legend_size=Size.MEDIUM, inline=True),
            "comments",
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "ratings": {
                outcome.pk: Rating(
                    before=data[before_field(outcome.pk)], after=data[after_field(outcome.pk)]
                )
                for outcome in self.outcomes
            },
            "satisfaction": data["satisfaction"],
            "comments": data["comments"],
        }


class FollowUpForm(GovUKForm):
    submit_label = "Send your answer"

    practice_changed = forms.ChoiceField(
        label="Has your practice changed because of the training?",
        choices=FollowUp.Change.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether your practice has changed: yes, partly or no."},
    )
    what_changed = forms.CharField(
        label="What do you do differently?",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text="If it has changed, even partly. For example a question you now ask, or "
        "someone you now involve. Do not name any child or family.",
    )
    confidence = forms.TypedChoiceField(
        label="How confident do you feel now? (optional)",
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text="In what the training covered. " + CONFIDENCE_HINT,
        error_messages={"invalid_choice": OUT_OF_RANGE.format(what="how confident you feel now")},
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            Field.radios("practice_changed", legend_size=Size.MEDIUM),
            "what_changed",
            Field.radios("confidence", legend_size=Size.SMALL, inline=True),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []
