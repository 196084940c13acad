"""What every view of one challenge shares: the challenge the permission is checked on."""

from __future__ import annotations

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Challenge

FORM_TEMPLATE = "challenges/challenge_form.html"


class ChallengeObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the challenge named in the URL."""

    model = Challenge

    def get_queryset(self):
        return Challenge.objects.select_related("agency", "raised_by__agency", "priority")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class ChallengeFormView(ChallengeObjectMixin, ServiceFormView):
    """A form on one challenge that calls one service; subclasses name the form and service."""

    intro = ""
    template_name = FORM_TEMPLATE

    def page_context(self) -> dict:
        return {"challenge": self.get_object(), "intro": self.intro}
