"""The buttons of the API token page: each a form posted with its CSRF token."""

from __future__ import annotations

from crispy_forms_gds.layout import Submit
from django import forms

from safeboard.core.forms import GovUKForm


class ApiTokenIssueForm(GovUKForm):
    submit_label = "Create a token"


class ApiTokenRevokeForm(GovUKForm):
    """Revokes one token, named by the start of its key that SafeBoard keeps (token_key)."""

    submit_label = "Revoke"
    token = forms.CharField(widget=forms.HiddenInput, max_length=25)

    def __init__(self, *args, shown_as: str = "", **kwargs) -> None:
        # One form a token on the page: no element ids, which would repeat.
        super().__init__(*args, auto_id=False, **kwargs)
        label = f"Revoke the token starting {shown_as}" if shown_as else self.submit_label
        button = Submit(
            "submit", label, css_class="govuk-button--warning", css_id=f"revoke-{shown_as}"
        )
        self.helper.inputs = [button]


class ApiTokenRevokeAllForm(GovUKForm):
    submit_label = "Revoke all your tokens"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.inputs = [
            Submit("submit", self.submit_label, css_class="govuk-button--warning")
        ]
