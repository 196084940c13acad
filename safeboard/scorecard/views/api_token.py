"""An agency data contact's API token, for the agency's own systems to submit figures."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from .. import api_tokens
from ..api_forms import ApiTokenIssueForm, ApiTokenRevokeForm

TOKEN_REVOKED = "Your API token has been revoked: requests made with it are now refused."
NO_TOKEN_TO_REVOKE = "You had no API token to revoke."


class ApiTokenView(RulePermissionMixin, View):
    """Shows whether the user holds a token; posting creates one, replacing any held."""

    permission_required = "scorecard.hold_api_token"

    def get(self, request):
        return self.show()

    def post(self, request):
        token = api_tokens.api_token_issue(user=request.user)
        response = self.show(new_key=token.key)
        # The key is shown this once: keep it out of every cache.
        response["Cache-Control"] = "no-store"
        return response

    def show(self, new_key: str = ""):
        held = api_tokens.api_token_held(user=self.request.user)
        return render(
            self.request,
            "scorecard/api/token.html",
            {
                "held": held,
                "new_key": new_key,
                "issue_form": ApiTokenIssueForm(replacing=held is not None),
                "revoke_form": ApiTokenRevokeForm(),
                "api_url": self.request.build_absolute_uri(reverse("api:guide")),
                "crumbs": [
                    {"text": "Submit figures", "href": reverse("scorecard:submission_periods")},
                    {"text": "API token"},
                ],
            },
        )


class ApiTokenRevokeView(RulePermissionMixin, View):
    permission_required = "scorecard.hold_api_token"

    def post(self, request):
        revoked = api_tokens.api_token_revoke(user=request.user)
        messages.success(request, TOKEN_REVOKED if revoked else NO_TOKEN_TO_REVOKE)
        return redirect("scorecard:api_token")
