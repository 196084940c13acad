"""Forms for the case review pages: each parses input for one service."""

from __future__ import annotations

from crispy_forms_gds.layout import HTML, Div, Layout, Submit
from django import forms
from django.utils import timezone
from django.utils.html import format_html

from safeboard.accounts.models import User
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField
from safeboard.partnership.models import Agency

from . import framework_services, review_services, services
from .models import (
    AgencyContribution,
    CriterionAnswer,
    Decision,
    FrameworkCriterion,
    FrameworkEdition,
    PractitionerEvent,
    RapidReviewBasis,
    Review,
    ReviewDocument,
    TeamMember,
)
from .selectors import KIND_CHOICES


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class EditionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, edition: FrameworkEdition) -> str:
        return f"{edition.name}{' (current)' if edition.is_current else ''}"


class ReferralForm(GovUKForm):
    submit_label = "Refer the case"

    edition = EditionChoiceField(
        queryset=FrameworkEdition.objects.order_by("-is_current", "-year"),
        label="Considered under",
        empty_label=None,
        help_text="The edition of Working Together whose criteria and timescales apply.",
        error_messages={"required": services.EDITION_REQUIRED},
    )
    child_pseudonym = forms.CharField(
        label="The child\u2019s pseudonym",
        max_length=60,
        help_text='A pseudonym only, such as "Child A". Never a real name or initials.',
        error_messages={"required": services.PSEUDONYM_REQUIRED},
    )
    age_band = forms.ChoiceField(
        label="Age", choices=Review.AgeBand.choices, widget=forms.RadioSelect
    )
    agencies = forms.ModelMultipleChoiceField(
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        label="Agencies involved with the child",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": services.AGENCIES_REQUIRED},
    )
    incident_date = forms.DateField(
        label="Date of the incident",
        widget=DateInput(),
        error_messages={"required": "Enter the date of the incident."},
    )
    aware_date = forms.DateField(
        label="Date the partnership became aware",
        help_text="The statutory timescales count in working days from this day.",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages={"required": "Enter the date the partnership became aware."},
    )
    summary = forms.CharField(
        help_text="What happened, in brief. No names, addresses, schools or other detail that "
        "could identify the child or family.",
        widget=_textarea(6),
        error_messages={"required": services.SUMMARY_REQUIRED},
    )


class ReviewFilterForm(GovUKForm):
    submit_label = "Apply filters"

    stage = forms.ChoiceField(choices=[("", "Any stage"), *Review.Stage.choices], required=False)
    kind = forms.ChoiceField(
        label="Kind of review", choices=[("", "Any kind"), *KIND_CHOICES], required=False
    )


class SentOnForm(GovUKForm):
    """The day the notification or the rapid review was sent."""

    sent_on = forms.DateField(label="Date sent", widget=DateInput(), initial=timezone.localdate)

    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class DecisionForm(GovUKForm):
    """Every criterion of the review's edition, then the decision.

    The answers are not required here: the service checks that each criterion has an answer
    and a reason, and names the criterion when one is missing.
    """

    submit_label = "Record the decision"

    outcome = forms.ChoiceField(
        label="The decision", widget=forms.RadioSelect, required=False, choices=()
    )
    reasons = forms.CharField(label="Reasons for the decision", widget=_textarea(5), required=False)
    decided_by = PersonChoiceField(
        label="Decided by", empty_label="Choose a person", required=False
    )
    decided_on = forms.DateField(
        label="Date of the decision",
        widget=DateInput(),
        initial=timezone.localdate,
        error_messages={"required": "Enter the date of the decision."},
    )

    def __init__(self, *args, review: Review, criteria: list[FrameworkCriterion], **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.fields["outcome"].choices = [
            (outcome.value, outcome.label) for outcome in services.outcomes_for(review.edition)
        ]
        layout = [
            HTML(
                format_html(
                    '<h2 class="govuk-heading-m">The criteria of {}</h2>', review.edition.name
                )
            )
        ]
        for criterion in criteria:
            answer = services.criterion_field(criterion, "answer")
            reason = services.criterion_field(criterion, "reason")
            self.fields[answer] = forms.ChoiceField(
                label=f"Is criterion {criterion.code} met?",
                choices=CriterionAnswer.Answer.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[reason] = forms.CharField(
                label=f"Reason for the answer to {criterion.code}",
                widget=_textarea(3),
                required=False,
            )
            layout.append(
                Div(
                    HTML(
                        format_html(
                            '<h3 class="govuk-heading-s">{}: {}</h3><p class="govuk-body">{}</p>',
                            criterion.code,
                            criterion.get_kind_display(),
                            criterion.text,
                        )
                    ),
                    answer,
                    reason,
                    css_class="safeboard-criterion",
                )
            )
        layout += [
            HTML('<h2 class="govuk-heading-m">The decision</h2>'),
            "outcome",
            "reasons",
            "decided_by",
            "decided_on",
            Submit("submit", self.submit_label),
        ]
        self.helper.layout = Layout(*layout)
        self.helper.inputs = []

    @staticmethod
    def initial_for(decision: Decision) -> dict:
        initial = {
            "outcome": decision.outcome,
            "reasons": decision.reasons,
            "decided_by": decision.decided_by_id,
            "decided_on": decision.decided_on,
        }
        for answer in decision.answers.all():
            initial[services.criterion_field(answer.criterion, "answer")] = answer.answer
            initial[services.criterion_field(answer.criterion, "reason")] = answer.reason
        return initial

    @staticmethod
    def answers_from(data: dict, criteria: list[FrameworkCriterion]) -> dict[int, dict[str, str]]:
        """The service's answers, by criterion, from the form's cleaned data."""
        return {
            criterion.pk: {
                "answer": data.get(services.criterion_field(criterion, "answer")) or "",
                "reason": data.get(services.criterion_field(criterion, "reason")) or "",
            }
            for criterion in criteria
        }


class ConfirmForm(GovUKForm):
    """A button only: for a step that needs a deliberate click."""

    def __init__(self, *args, submit_label: str, **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class ReviewSetUpForm(GovUKForm):
    submit_label = "Save the review\u2019s details"

    title = forms.CharField(
        max_length=200, help_text='How the review is known, for example "Child A".'
    )
    methodology = forms.ChoiceField(choices=Review.Methodology.choices, widget=forms.RadioSelect)
    lead_reviewer = forms.CharField(
        label="Lead reviewer", max_length=200, help_text="The independent reviewer\u2019s name."
    )
    started_on = forms.DateField(label="Date the review started", widget=DateInput())
    due_on = forms.DateField(
        label="Date the review is due to finish",
        help_text="The board sets the timescale of a near-miss or learning review.",
        widget=DateInput(),
        required=False,
    )
    family_involvement = forms.CharField(
        label="Family involvement",
        help_text="How the family was invited to take part, and how they contributed.",
        widget=_textarea(4),
        required=False,
    )

    def __init__(self, *args, statutory: bool, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if statutory:
            # A serious case or practice review is due by the statutory clock, not by choice.
            del self.fields["due_on"]


class TeamMemberForm(GovUKForm):
    submit_label = "Add to the team"

    user = forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).select_related("person__agency"),
        label="Person",
        empty_label="Choose a person",
        help_text="Only people with an account can join: they will be able to open the review.",
    )
    role = forms.ChoiceField(choices=TeamMember.Role.choices, widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].label_from_instance = _account_label


def _account_label(user: User) -> str:
    if user.person_id:
        return f"{user.person.full_name} ({user.person.agency})"
    return user.email


class ContributionForm(GovUKForm):
    submit_label = "Ask the agency"

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
        empty_label="Choose an agency",
    )
    kind = forms.ChoiceField(
        label="What is asked for",
        choices=AgencyContribution.Kind.choices,
        widget=forms.RadioSelect,
    )
    requested_on = forms.DateField(
        label="Date asked", widget=DateInput(), initial=timezone.localdate
    )
    due_on = forms.DateField(label="Due by", widget=DateInput())


class ReceivedForm(GovUKForm):
    submit_label = "Mark as received"
    received_on = forms.DateField(
        label="Date received", widget=DateInput(), initial=timezone.localdate
    )


class EventForm(GovUKForm):
    submit_label = "Add the event"

    kind = forms.ChoiceField(
        label="Kind of event", choices=PractitionerEvent.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(max_length=200)
    held_on = forms.DateField(label="Date", widget=DateInput())
    attendees = forms.IntegerField(
        label="Number who took part",
        min_value=0,
        max_value=1000,
        required=False,
        widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-4"}),
    )
    notes = forms.CharField(widget=_textarea(4), required=False)


class MilestoneForm(GovUKForm):
    submit_label = "Add the milestone"
    title = forms.CharField(
        label="Milestone", max_length=200, help_text="For example: draft report to the panel."
    )
    due_on = forms.DateField(label="Due by", widget=DateInput())


class MilestoneCompleteForm(GovUKForm):
    submit_label = "Mark as done"
    completed_on = forms.DateField(
        label="Date done", widget=DateInput(), initial=timezone.localdate
    )


class DocumentForm(GovUKForm):
    submit_label = "Upload"

    kind = forms.ChoiceField(
        label="Document", choices=ReviewDocument.Kind.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(
        help_text="A PDF or Word (.docx) file.",
        required=False,
    )


class PublishForm(GovUKForm):
    submit_label = "Record the publication"
    published_on = forms.DateField(
        label="Date published",
        help_text="Once published, everyone signed in can read the review\u2019s summary and "
        "learning. The referral, decision, team and documents stay with the team.",
        widget=DateInput(),
        initial=timezone.localdate,
    )


class QualityGradeForm(GovUKForm):
    submit_label = "Save the grade"
    quality_grade = forms.ChoiceField(
        label="Quality of the review",
        choices=Review.QualityGrade.choices,
        widget=forms.RadioSelect,
        error_messages={"required": review_services.GRADE_REQUIRED},
    )


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
        error_messages={"required": framework_services.REASON_REQUIRED},
    )

    @staticmethod
    def initial_for(edition: FrameworkEdition) -> dict:
        return {field: getattr(edition, field) for field in framework_services.TIMESCALE_FIELDS}


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


class AccessLogFilterForm(GovUKForm):
    submit_label = "Show"

    review = forms.ModelChoiceField(
        queryset=Review.objects.none(), required=False, empty_label="Every review"
    )

    def __init__(self, *args, reviews, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["review"].label_from_instance = lambda review: review.reference
