"""Forms of the risk register: each parses input for one service or selector."""

from __future__ import annotations

from typing import cast

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.db.models import Q
from django.utils import timezone

from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority

from . import selectors
from .models import Risk
from .scoring import BANDS, IMPACT_LABELS, LIKELIHOOD_LABELS, SCORES
from .services import score_error

INTERVAL_ERROR = "Enter the months between reviews as a whole number from 1 to 24."
LIKELIHOOD_CHOICES = [(score, f"{score} – {LIKELIHOOD_LABELS[score]}") for score in SCORES]
IMPACT_CHOICES = [(score, f"{score} – {IMPACT_LABELS[score]}") for score in SCORES]


def score_field(name: str, *, label: str, choices, help_text: str = "") -> forms.TypedChoiceField:
    """A 1-5 score as radios; a missing or impossible score gets an error naming the field."""
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={
            "required": f"Select the {label.lower()}, a score of 1 to 5.",
            "invalid_choice": score_error(name),
        },
    )


def _required(message: str) -> dict[str, str]:
    return {"required": message}


def _radios(*names: str) -> list[Field]:
    return [Field.radios(name, legend_size=Size.SMALL, small=True) for name in names]


def linkable_priorities(risk: Risk | None = None):
    """Active priorities, and any the risk is already linked to, so an edit keeps them."""
    linked = Q(status=Priority.Status.ACTIVE)
    if risk is not None:
        linked |= Q(risks=risk)
    return Priority.objects.filter(linked).distinct().order_by("plan", "number")


class RiskForm(GovUKForm):
    """Add or change a risk. New risks carry their first residual scores and review date;
    after that the residual scores and review date move only by recording a review."""

    title = forms.CharField(max_length=200, error_messages=_required("Enter a title for the risk."))
    description = forms.CharField(
        label="The risk",
        error_messages=_required("Describe the risk."),
        help_text="What could happen that would undermine the protection of children.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    cause = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages=_required("Enter what causes the risk."),
    )
    consequence = forms.CharField(
        error_messages=_required("Enter what would happen if the risk came about."),
        help_text="What it would mean for children and families.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    category = forms.ChoiceField(
        choices=[("", "Choose a category"), *Risk.Category.choices],
        error_messages=_required("Select a category."),
    )
    owner_agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True),
        label="Owning agency",
        empty_label="Choose an agency",
        error_messages=_required("Select the owning agency."),
    )
    owner_person = PersonChoiceField(
        label="Risk owner",
        empty_label="Choose a person",
        error_messages=_required("Select the risk owner."),
        help_text="The person who keeps the risk under review. They must work for the owning agency.",
    )
    inherent_likelihood = score_field(
        "inherent_likelihood",
        label="Inherent likelihood",
        choices=LIKELIHOOD_CHOICES,
        help_text="How likely the risk is before any controls.",
    )
    inherent_impact = score_field(
        "inherent_impact",
        label="Inherent impact",
        choices=IMPACT_CHOICES,
        help_text="How serious it would be before any controls.",
    )
    controls = forms.CharField(
        help_text="What is in place to reduce the risk.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages=_required("Describe the controls in place, or write that there are none."),
    )
    residual_likelihood = score_field(
        "residual_likelihood",
        label="Residual likelihood",
        choices=LIKELIHOOD_CHOICES,
        help_text="How likely the risk is with the controls in place.",
    )
    residual_impact = score_field(
        "residual_impact",
        label="Residual impact",
        choices=IMPACT_CHOICES,
        help_text="How serious it would be with the controls in place.",
    )
    status = forms.ChoiceField(
        choices=Risk.Status.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Select the status of the risk."),
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Priorities this risk threatens",
        help_text="Select all that apply.",
    )
    raised_on = forms.DateField(
        label="Date raised",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages=_required("Enter the date the risk was raised."),
    )
    review_interval_months = forms.IntegerField(
        label="Months between reviews",
        help_text="From 1 to 24. Each review sets the next one this far ahead unless you choose a date.",
        min_value=1,
        max_value=24,
        initial=3,
        error_messages={
            "required": INTERVAL_ERROR,
            "invalid": INTERVAL_ERROR,
            "min_value": INTERVAL_ERROR,
            "max_value": INTERVAL_ERROR,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    review_date = forms.DateField(
        label="First review due",
        required=False,
        widget=DateInput(),
        help_text="Leave empty to review it one interval after the date raised.",
    )

    def __init__(self, *args, risk: Risk | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        new = risk is None
        priorities = cast(forms.ModelMultipleChoiceField, self.fields["priorities"])
        priorities.queryset = linkable_priorities(risk)
        if not priorities.queryset.exists():
            del self.fields["priorities"]
        if new:
            del self.fields["status"]
        else:
            for name in ("residual_likelihood", "residual_impact", "raised_on", "review_date"):
                del self.fields[name]
        self.helper.layout = Layout(
            "title",
            "description",
            "cause",
            "consequence",
            "category",
            "owner_agency",
            "owner_person",
            Fieldset(
                *_radios("inherent_likelihood", "inherent_impact"),
                "controls",
                *(_radios("residual_likelihood", "residual_impact") if new else []),
                legend="Scores and controls",
                legend_size=Size.MEDIUM,
            ),
            *([] if new else [Field.radios("status", legend_size=Size.SMALL, inline=True)]),
            *(
                [Field.checkboxes("priorities", legend_size=Size.SMALL, small=True)]
                if "priorities" in self.fields
                else []
            ),
            *(["raised_on"] if new else []),
            Field.text("review_interval_months", field_width=2),
            *(["review_date"] if new else []),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    @classmethod
    def initial_for(cls, risk: Risk) -> dict:
        return {
            **{
                name: getattr(risk, name)
                for name in (
                    "title",
                    "description",
                    "cause",
                    "consequence",
                    "category",
                    "owner_agency",
                    "owner_person",
                    "inherent_likelihood",
                    "inherent_impact",
                    "controls",
                    "status",
                    "review_interval_months",
                )
            },
            "priorities": list(risk.priorities.all()),
        }


class RiskReviewForm(GovUKForm):
    submit_label = "Record the review"

    reviewed_on = forms.DateField(
        label="Date of the review",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages=_required("Enter the date of the review."),
    )
    likelihood = score_field("likelihood", label="Residual likelihood", choices=LIKELIHOOD_CHOICES)
    impact = score_field("impact", label="Residual impact", choices=IMPACT_CHOICES)
    note = forms.CharField(
        label="What has changed",
        help_text="For example a control that now works, or new evidence of the risk.",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Say what has changed since the last review."},
    )
    next_review_date = forms.DateField(
        label="Next review due",
        required=False,
        widget=DateInput(),
    )

    def __init__(self, *args, risk: Risk, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        months = risk.review_interval_months
        self.fields[
            "next_review_date"
        ].help_text = (
            f"Leave empty to review it {months} month{'s' if months > 1 else ''} after this review."
        )
        self.helper.layout = Layout(
            "reviewed_on",
            *_radios("likelihood", "impact"),
            "note",
            "next_review_date",
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []


STATUS_FILTER_CHOICES = [
    (selectors.LIVE, "Open or tolerated"),
    *Risk.Status.choices,
    (selectors.ANY_STATUS, "Any status"),
]
LIKELIHOOD_FILTER_ERROR = "Select a likelihood from 1 to 5, or any likelihood."
IMPACT_FILTER_ERROR = "Select an impact from 1 to 5, or any impact."


class RiskFilterForm(GovUKForm):
    submit_label = "Apply filters"

    status = forms.ChoiceField(choices=STATUS_FILTER_CHOICES, required=False)
    category = forms.ChoiceField(
        choices=[("", "Any category"), *Risk.Category.choices], required=False
    )
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.all(),
        required=False,
        empty_label="Any agency",
        label="Owning agency",
    )
    band = forms.ChoiceField(
        choices=[("", "Any band"), *((band.name, band.name) for band in BANDS)],
        required=False,
        help_text="Read on the scores the heat map shows.",
    )
    likelihood = forms.TypedChoiceField(
        choices=[("", "Any likelihood"), *LIKELIHOOD_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": LIKELIHOOD_FILTER_ERROR},
    )
    impact = forms.TypedChoiceField(
        choices=[("", "Any impact"), *IMPACT_CHOICES],
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": IMPACT_FILTER_ERROR},
    )
    review_overdue = forms.BooleanField(label="Only risks whose review is overdue", required=False)
    search = forms.CharField(label="Reference or words in the risk", required=False)

    def __init__(self, *args, with_agency: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not with_agency:
            del self.fields["agency"]

    def filters(
        self, *, basis: str = selectors.RESIDUAL, agency_id: int | None = None
    ) -> selectors.RiskFilters:
        """The filters chosen, on the `basis` scores; `agency_id`, when given, limits the
        register to one agency whatever was asked for."""
        data = self.cleaned_data if self.is_valid() else {}
        agency = data.get("agency")
        return selectors.RiskFilters(
            status=data.get("status", selectors.LIVE),
            category=data.get("category", ""),
            agency_id=agency_id if agency_id is not None else (agency.pk if agency else None),
            band=data.get("band", ""),
            review_overdue=data.get("review_overdue", False),
            search=data.get("search", ""),
            basis=basis,
            likelihood=data.get("likelihood"),
            impact=data.get("impact"),
        )
