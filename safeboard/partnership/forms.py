"""Forms of the partnership's pages; they parse input, and the services hold the rules."""

from __future__ import annotations

from django import forms

from safeboard.accounts.roles import Role
from safeboard.core.forms import DateInput, GovUKForm

from .fields import PersonChoiceField, active_people
from .models import Agency, Group, Membership

# Agencies ----------------------------------------------------------------------------------


class AgencyForm(GovUKForm):
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the name of the agency."}
    )
    short_name = forms.CharField(
        max_length=40, required=False, help_text="Optional. For example, \u201cShire CSC\u201d."
    )
    type = forms.ChoiceField(
        choices=Agency.Type.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the type of agency."},
    )
    is_statutory_partner = forms.BooleanField(
        label="Statutory safeguarding partner",
        required=False,
        help_text="One of the three safeguarding partners: the local authority, the police "
        "and the integrated care board.",
    )
    is_active = forms.BooleanField(label="Active", required=False, initial=True)


class FilterForm(GovUKForm):
    """A GET form: no CSRF token, which would otherwise end up in the address."""

    submit_label = "Apply filters"


class AgencyFilterForm(FilterForm):
    submit_label = "Apply filter"
    type = forms.ChoiceField(
        choices=[("", "Any type"), *Agency.Type.choices], required=False, label="Type of agency"
    )


# People ------------------------------------------------------------------------------------


class PersonForm(GovUKForm):
    full_name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the person\u2019s full name."}
    )
    job_title = forms.CharField(max_length=200, required=False)
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.order_by("name"),
        error_messages={"required": "Select the agency the person works for."},
    )
    email = forms.EmailField(
        label="Email address",
        help_text="Their account, if they have one, signs in with it.",
        error_messages={
            "required": "Enter the person\u2019s email address.",
            "invalid": "Enter an email address in the right format, like name@example.org.",
        },
    )
    phone = forms.CharField(label="Telephone", max_length=40, required=False)
    is_active = forms.BooleanField(
        label="Active",
        required=False,
        initial=True,
        help_text="Untick when the person leaves; their account stops signing in.",
    )


class PersonFilterForm(FilterForm):
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.order_by("name"), required=False, empty_label="Any agency"
    )
    search = forms.CharField(label="Name", required=False, max_length=200)


class AccountForm(GovUKForm):
    is_active = forms.BooleanField(label="The account can sign in", required=False, initial=True)
    roles = forms.MultipleChoiceField(
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Select all that apply. Each role opens the pages that role needs.",
    )
    send_password_email = forms.BooleanField(
        label="Send a new email to set a password",
        required=False,
        help_text="For example, when the first email has expired.",
    )

    def __init__(self, *args, is_new: bool, **kwargs) -> None:
        self.submit_label = "Create account and send email" if is_new else "Save account"
        super().__init__(*args, **kwargs)
        if is_new:  # a new account always gets the email
            del self.fields["send_password_email"]


# Groups and memberships --------------------------------------------------------------------


class GroupForm(GovUKForm):
    name = forms.CharField(
        max_length=200, error_messages={"required": "Enter the name of the group."}
    )
    kind = forms.ChoiceField(
        choices=Group.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether this is the board or a subgroup."},
    )
    parent = forms.ModelChoiceField(
        queryset=Group.objects.order_by("kind", "name"),
        required=False,
        label="Part of",
        empty_label="Not part of another group",
        help_text="The group a subgroup reports to, usually the board.",
    )
    purpose = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), required=False)


class MembershipForm(GovUKForm):
    submit_label = "Add member"
    person = PersonChoiceField(
        error_messages={"required": "Select the person joining the group."},
    )
    role = forms.ChoiceField(
        choices=Membership.Role.choices, widget=forms.RadioSelect, label="Role in the group"
    )
    seniority = forms.ChoiceField(
        choices=Membership.Seniority.choices,
        widget=forms.RadioSelect,
        help_text="Reported to show whether agencies send people senior enough to decide.",
    )
    started_on = forms.DateField(
        label="Member from",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the membership starts.",
            "invalid": "Enter a real date for the start of the membership.",
        },
    )


class MembershipEndForm(GovUKForm):
    submit_label = "End membership"
    ended_on = forms.DateField(
        label="Last day of membership",
        widget=DateInput(),
        error_messages={
            "required": "Enter the last day of the membership.",
            "invalid": "Enter a real date for the last day of the membership.",
        },
    )


# Induction ---------------------------------------------------------------------------------


class InductionPlanForm(GovUKForm):
    submit_label = "Create plan"
    person = PersonChoiceField(
        queryset=active_people().filter(induction_plan__isnull=True),
        label="New member",
        help_text="Lay members (by their group membership or account role) get extra items.",
    )
    buddy = PersonChoiceField(
        required=False,
        empty_label="No buddy yet",
        help_text="An experienced member who helps the new member settle in.",
    )
    started_on = forms.DateField(
        label="Start date",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the induction starts.",
            "invalid": "Enter a real start date.",
        },
    )
    target_completion_on = forms.DateField(
        label="Target date to finish",
        widget=DateInput(),
        error_messages={
            "required": "Enter the date the induction should be finished by.",
            "invalid": "Enter a real target date.",
        },
    )


# Handbook ----------------------------------------------------------------------------------


class HandbookPageForm(GovUKForm):
    submit_label = "Save page"
    title = forms.CharField(
        max_length=200, error_messages={"required": "Enter a title for the page."}
    )
    body = forms.CharField(
        label="Text",
        widget=forms.Textarea(attrs={"rows": 15}),
        help_text="Plain text. Leave a blank line between paragraphs.",
        error_messages={"required": "Enter the text of the page."},
    )
