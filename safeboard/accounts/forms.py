from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from safeboard.core.forms import GovUKForm, GovUKFormMixin

INVALID_TOKEN = "Enter the 6-digit code shown in your authenticator app; that code was not right."


class EmailLoginForm(GovUKFormMixin, AuthenticationForm):
    submit_label = "Sign in"
    error_messages = {
        "invalid_login": "Enter a correct email address and password.",
        "inactive": "This account is not active.",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"] = forms.EmailField(
            label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
        )


class TokenForm(GovUKForm):
    submit_label = "Continue"
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app.",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit():
            raise forms.ValidationError("The security code must be 6 digits.")
        return token


class GovUKPasswordResetForm(GovUKFormMixin, PasswordResetForm):
    submit_label = "Send reset link"


class GovUKSetPasswordForm(GovUKFormMixin, SetPasswordForm):
    submit_label = "Change password"


class LogoutForm(GovUKForm):
    submit_label = "Sign out"
