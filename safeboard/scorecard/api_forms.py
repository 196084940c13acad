"""The buttons of the API token page: each a form with no fields, posted with its CSRF token."""

from __future__ import annotations

from crispy_forms_gds.layout import Submit

from safeboard.core.forms import GovUKForm


class ApiTokenIssueForm(GovUKForm):
    submit_label = "Create a token"

    def __init__(self, *args, replacing: bool = False, **kwargs) -> None:
        if replacing:
            self.submit_label = "Replace the token"
        super().__init__(*args, **kwargs)


class ApiTokenRevokeForm(GovUKForm):
    submit_label = "Revoke the token"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper.inputs = [
            Submit("submit", self.submit_label, css_class="govuk-button--warning")
        ]
