"""The registration forms (public pages) and the training team's form for agencies' email
domains."""

from __future__ import annotations

from django import forms

from safeboard.core.forms import GovUKForm
from safeboard.partnership.models import Agency

from ..models import JobRole

PASSWORDS_DIFFER = "The two passwords must be the same."


class RegistrationForm(GovUKForm):
    submit_label = "Send me a link"
    full_name = forms.CharField(
        label="Full name", max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label="Work email address",
        max_length=254,
        help_text="Your address at the agency you work for. We will send a link to it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    job_role = forms.ModelChoiceField(
        queryset=JobRole.objects.all(), label="Your role", empty_label="Choose your role"
    )


class ChoosePasswordForm(GovUKForm):
    submit_label = "Create my account"
    password = forms.CharField(
        label="Choose a password",
        strip=False,
        help_text="At least 8 characters. Not a common password, and not only numbers.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label="Type the password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        if data.get("password") and data.get("password_again") != data["password"]:
            self.add_error("password_again", PASSWORDS_DIFFER)
        return data


class AgencyDomainForm(GovUKForm):
    submit_label = "Add the domain"
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.filter(is_active=True), empty_label="Choose an agency"
    )
    domain = forms.CharField(
        label="Email domain",
        max_length=200,
        help_text="What comes after the @ in the agency's addresses, such as police.example.",
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    allow_subdomains = forms.BooleanField(
        label="Addresses at its subdomains may register too",
        required=False,
        help_text=(
            "Only if the agency gives staff addresses such as name@mail.police.example. "
            "Anyone who runs a subdomain could otherwise register as the agency's staff."
        ),
    )


class AgencyDomainSubdomainsForm(forms.Form):
    allow = forms.BooleanField(required=False)
