"""An agency data contact's API tokens, for the agency's own systems to submit figures."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from . import tokens
from .forms import ApiTokenIssueForm, ApiTokenRevokeAllForm, ApiTokenRevokeForm

TOKEN_REVOKED = "Your API token has been revoked: requests made with it are now refused."
TOKENS_REVOKED = "All your API tokens have been revoked: requests made with them are now refused."
NO_TOKEN_TO_REVOKE = "You had no API token to revoke."


class ApiTokenView(RulePermissionMixin, View):
    """Lists the user's tokens; posting creates one, whose key is shown this once."""

    permission_required = "scorecard.hold_api_token"

    def get(self, request):
        return self.show()

    def post(self, request):
        issued = tokens.api_token_issue(user=request.user)
        response = self.show(issued=issued)
        # The key is shown this once: keep it out of every cache.
        response["Cache-Control"] = "no-store"
        return response

    def show(self, issued: tokens.IssuedToken | None = None):
        held = [
            {
                "token": token,
                "shown_as": token.token_key[: tokens.SHOWN_PREFIX_LENGTH],
                "revoke_form": ApiTokenRevokeForm(
                    initial={"token": token.token_key},
                    shown_as=token.token_key[: tokens.SHOWN_PREFIX_LENGTH],
                ),
            }
            for token in tokens.api_tokens_held(user=self.request.user)
        ]
        return render(
            self.request,
            "scorecard/api/token.html",
            {
                "held": held,
                "issued": issued,
                "issue_form": ApiTokenIssueForm(),
                "revoke_all_form": ApiTokenRevokeAllForm(),
                "api_url": self.request.build_absolute_uri(reverse("api:guide")),
                "crumbs": [
                    {"text": "Submit figures", "href": reverse("scorecard:submission_periods")},
                    {"text": "API token"},
                ],
            },
        )


class ApiTokenRevokeView(RulePermissionMixin, View):
    """Revokes one of the user's own tokens; anyone else's is not found."""

    permission_required = "scorecard.hold_api_token"

    def post(self, request):
        form = ApiTokenRevokeForm(request.POST)
        if not form.is_valid() or not tokens.api_token_revoke(
            user=request.user, token_key=form.cleaned_data["token"]
        ):
            raise Http404("You hold no such API token.")
        messages.success(request, TOKEN_REVOKED)
        return redirect("scorecard:api_token")


class ApiTokenRevokeAllView(RulePermissionMixin, View):
    permission_required = "scorecard.hold_api_token"

    def post(self, request):
        revoked = tokens.api_tokens_revoke_all(user=request.user)
        messages.success(request, TOKENS_REVOKED if revoked else NO_TOKEN_TO_REVOKE)
        return redirect("scorecard:api_token")
