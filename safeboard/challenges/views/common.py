"""What every view of one challenge shares: the challenge the permission is checked on."""

from __future__ import annotations

from django.urls import reverse

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Challenge

FORM_TEMPLATE = "challenges/challenge_form.html"


def log_crumb() -> dict:
    return {"text": "Challenge log", "href": reverse("challenges:list")}


class ChallengeObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the challenge named in the URL."""

    model = Challenge

    def get_queryset(self):
        return Challenge.objects.select_related("agency", "raised_by__agency", "priority")

    def crumbs(self) -> list[dict]:
        """The log and the challenge, both links: a page about the challenge comes after."""
        challenge = self.get_object()
        return [log_crumb(), {"text": challenge.reference, "href": challenge.get_absolute_url()}]


class ChallengeFormView(ChallengeObjectMixin, ServiceFormView):
    """A form on one challenge that calls one service; subclasses name the form and service."""

    intro = ""
    template_name = FORM_TEMPLATE

    def page_context(self) -> dict:
        return {"challenge": self.get_object(), "intro": self.intro}
