"""The course forms: a course, one learning outcome, and the catalogue's filters."""

from __future__ import annotations

from typing import Any, cast

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size, Submit
from django import forms
from django.db.models import Q, QuerySet

from safeboard.accounts.models import User
from safeboard.core.forms import GovUKForm
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Review
from safeboard.themes.models import Theme

from ..models import Course, JobRole
from . import selectors

YES_NO = [("yes", "Yes"), ("no", "No")]
AMOUNT_ERROR = "Enter an amount in pounds and pence of £0 or more, for example 45.00."
REFRESHER_ERROR = "Enter the months before a refresher as a whole number from 1 to 120."


def _required(message: str) -> dict[str, str]:
    return {"required": message}


def _amount(label: str, help_text: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        initial="0.00",
        error_messages={
            "required": AMOUNT_ERROR,
            "invalid": AMOUNT_ERROR,
            "min_value": AMOUNT_ERROR,
            "max_digits": AMOUNT_ERROR,
            "max_decimal_places": AMOUNT_ERROR,
            "max_whole_digits": AMOUNT_ERROR,
        },
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class CourseForm(GovUKForm):
    """Add or change a course. A new course takes its learning outcomes as lines of text;
    after that they are added, changed, moved and removed one at a time."""

    title = forms.CharField(max_length=200, error_messages=_required("Enter the course title."))
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="What the course covers and who should come, as the catalogue shows it.",
        error_messages=_required("Enter a summary of the course."),
    )
    outcomes = forms.CharField(
        label="Learning outcomes",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What someone will be able to do after it: one on each line, in order. "
        "Attendees rate their confidence on each before and after the session.",
        error_messages=_required("Enter at least one learning outcome, one on each line."),
    )
    level = forms.ChoiceField(
        choices=Course.Level.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Select the level of the course."),
    )
    is_multi_agency = forms.TypedChoiceField(
        label="Is it multi-agency?",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text="Staff of several agencies train together.",
        error_messages=_required("Say whether the course is multi-agency."),
    )
    job_roles = forms.ModelMultipleChoiceField(
        queryset=JobRole.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Roles it is meant for",
        help_text="Select all that apply.",
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Themes it teaches",
        help_text="Select all that apply.",
    )
    reviews = forms.ModelMultipleChoiceField(
        queryset=Review.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Case reviews whose lessons it teaches",
        help_text="The review's page shows the training it led to.",
    )
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Priorities it serves",
        help_text="Select all that apply.",
    )
    fee_per_place = _amount("Fee per place (£)", "What the learner's agency pays when they attend.")
    no_show_charge = _amount(
        "No-show charge (£)", "What the learner's agency pays when they book but do not come."
    )
    refresher_months = forms.IntegerField(
        label="Months before a refresher is due",
        required=False,
        min_value=1,
        max_value=120,
        help_text="Leave empty if it never needs refreshing.",
        error_messages={
            "invalid": REFRESHER_ERROR,
            "min_value": REFRESHER_ERROR,
            "max_value": REFRESHER_ERROR,
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    is_active = forms.TypedChoiceField(
        label="Is the course still offered?",
        choices=[("yes", "Yes, it is in the catalogue"), ("no", "No, it has been withdrawn")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages=_required("Say whether the course is still offered."),
    )

    def __init__(self, *args, user: User, course: Course | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.course = course
        linked = Q(courses=course) if course is not None else Q(pk__in=[])
        themes = cast(forms.ModelMultipleChoiceField, self.fields["themes"])
        themes.queryset = Theme.objects.filter(Q(is_active=True) | linked).distinct()
        priorities = (
            Priority.objects.filter(Q(status=Priority.Status.ACTIVE) | linked)
            .distinct()
            .order_by("plan", "number")
        )
        cast(forms.ModelMultipleChoiceField, self.fields["priorities"]).queryset = priorities
        self.visible_reviews = selectors.reviews_user_may_link(user)
        cast(forms.ModelMultipleChoiceField, self.fields["reviews"]).queryset = self.visible_reviews
        offered: dict[str, QuerySet[Any]] = {
            "reviews": self.visible_reviews,
            "priorities": priorities,
            "job_roles": JobRole.objects.all(),
        }
        for name, choices in offered.items():
            if not choices.exists():
                del self.fields[name]
        if course is None:
            del self.fields["is_active"]
        else:
            del self.fields["outcomes"]
        self.helper.layout = Layout(
            *(name for name in ("title", "summary", "outcomes") if name in self.fields),
            Field.radios("level", legend_size=Size.SMALL),
            Field.radios("is_multi_agency", legend_size=Size.SMALL, inline=True),
            *(
                Field.checkboxes(name, legend_size=Size.SMALL, small=True)
                for name in ("job_roles", "themes", "reviews", "priorities")
                if name in self.fields
            ),
            Fieldset(
                Field.text("fee_per_place", field_width=5),
                Field.text("no_show_charge", field_width=5),
                Field.text("refresher_months", field_width=3),
                legend="Charges and refreshers",
                legend_size=Size.MEDIUM,
            ),
            *([Field.radios("is_active", legend_size=Size.SMALL)] if course is not None else []),
            Submit("submit", self.submit_label),
        )
        self.helper.inputs = []

    @classmethod
    def initial_for(cls, course: Course) -> dict:
        return {
            "title": course.title,
            "summary": course.summary,
            "level": course.level,
            "is_multi_agency": "yes" if course.is_multi_agency else "no",
            "is_active": "yes" if course.is_active else "no",
            "job_roles": list(course.job_roles.all()),
            "themes": list(course.themes.all()),
            "reviews": list(course.reviews.all()),
            "priorities": list(course.priorities.all()),
            "fee_per_place": course.fee_per_place,
            "no_show_charge": course.no_show_charge,
            "refresher_months": course.refresher_months,
        }

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        if "outcomes" in data:
            data["outcomes"] = data["outcomes"].splitlines()
        for name in ("job_roles", "themes", "priorities"):
            data.setdefault(name, [])
        # Reviews the user may not see stay linked: the form could not show them.
        chosen = list(data.get("reviews", []))
        if self.course is not None:
            chosen += list(self.course.reviews.exclude(pk__in=self.visible_reviews))
        data["reviews"] = chosen
        return data


class OutcomeForm(GovUKForm):
    text = forms.CharField(
        label="Learning outcome",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What someone will be able to do after the course, in 300 characters or fewer.",
        error_messages={
            "required": "Enter the learning outcome.",
            "max_length": "The learning outcome must be 300 characters or fewer.",
        },
    )


class CatalogueFilterForm(GovUKForm):
    submit_label = "Show courses"

    search = forms.CharField(label="Words in the title or summary", required=False)
    level = forms.ChoiceField(choices=[("", "Any level"), *Course.Level.choices], required=False)
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.filter(is_active=True), required=False, empty_label="Any theme"
    )
    job_role = forms.ModelChoiceField(
        queryset=JobRole.objects.all(), required=False, empty_label="Any role", label="Role"
    )
    include_withdrawn = forms.BooleanField(
        label="Include courses no longer offered", required=False
    )

    def __init__(self, *args, with_withdrawn: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not with_withdrawn:
            del self.fields["include_withdrawn"]

    def filters(self) -> selectors.CatalogueFilters:
        data = self.cleaned_data if self.is_valid() else {}
        theme, job_role = data.get("theme"), data.get("job_role")
        return selectors.CatalogueFilters(
            search=data.get("search", ""),
            level=data.get("level", ""),
            theme_id=theme.pk if theme else None,
            job_role_id=job_role.pk if job_role else None,
            include_withdrawn=data.get("include_withdrawn", False),
        )
