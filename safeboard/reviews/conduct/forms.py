"""Forms for the conduct of a review: each parses input for one service."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.models import Agency

from ..models import AgencyContribution, PractitionerEvent, Review, ReviewDocument, TeamMember
from . import services


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


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


class AccountChoiceField(forms.ModelChoiceField):
    """Accounts named by their person and agency, or by their email where they have none."""

    def label_from_instance(self, user: User) -> str:
        person = user.person
        if person is not None:
            return f"{person.full_name} ({person.agency})"
        return user.email


class TeamMemberForm(GovUKForm):
    submit_label = "Add to the team"

    user = AccountChoiceField(
        queryset=User.objects.filter(is_active=True).select_related("person__agency"),
        label="Person",
        empty_label="Choose a person",
        help_text="Only people with an account can join: they will be able to open the review.",
    )
    role = forms.ChoiceField(choices=TeamMember.Role.choices, widget=forms.RadioSelect)


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
    panel_notified_on = forms.DateField(
        label="Date the Panel was told of the publication",
        help_text="Before publication. Required for a local child safeguarding practice review.",
        widget=DateInput(),
        required=False,
    )
    secretary_of_state_notified_on = forms.DateField(
        label="Date the Secretary of State was told of the publication",
        help_text="Before publication. Required for a local child safeguarding practice review.",
        widget=DateInput(),
        required=False,
    )


class PanelFeedbackForm(GovUKForm):
    submit_label = "Save the feedback"
    panel_feedback = forms.CharField(
        label="The Panel\u2019s feedback", widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    panel_feedback_on = forms.DateField(
        label="Date of the feedback", widget=DateInput(), required=False
    )


class QualityGradeForm(GovUKForm):
    submit_label = "Save the grade"
    quality_grade = forms.ChoiceField(
        label="Ofsted\u2019s evaluation of the serious case review",
        choices=Review.QualityGrade.choices,
        widget=forms.RadioSelect,
        error_messages={"required": services.GRADE_REQUIRED},
    )
