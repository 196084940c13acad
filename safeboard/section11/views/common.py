"""What the Section 11 views share: the record the permission is checked on."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Cycle, Rating, Return

FORM_TEMPLATE = "section11/form.html"


class CycleObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the cycle named in the URL."""

    model = Cycle

    def get_queryset(self):
        return Cycle.objects.select_related("standard_set", "previous_cycle")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class CycleFormView(CycleObjectMixin, ServiceFormView):
    intro = ""
    template_name = FORM_TEMPLATE

    def page_context(self) -> dict:
        cycle = self.get_object()
        return {"caption": cycle.title, "intro": self.intro, "cycle": cycle}


class ReturnObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the return named in the URL: an organisation's own."""

    model = Return

    def get_queryset(self):
        return Return.objects.select_related("cycle", "agency")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def get_rating(self) -> Rating:
        """The standard named in the URL, which must be one of this return's."""
        if not hasattr(self, "_rating"):
            self._rating = get_object_or_404(
                Rating.objects.select_related("standard"),
                pk=self.kwargs["rating_pk"],
                agency_return=self.get_object(),
            )
            self._rating.agency_return = self.get_object()
        return self._rating


class ReturnFormView(ReturnObjectMixin, ServiceFormView):
    intro = ""
    multipart = False
    template_name = FORM_TEMPLATE
    # Pages that change the organisation's answers say so when the return is locked.
    changes_answers = False

    def locked_notice(self) -> str:
        agency_return = self.get_object()
        if not self.changes_answers:
            return ""
        if agency_return.is_submitted:
            return (
                f"This return was submitted on {agency_return.submitted_at:%d %B %Y}: "
                "it can no longer be changed."
            )
        if not agency_return.cycle.is_open:
            return "The cycle is not open for returns: the return cannot be changed."
        return ""

    def page_context(self) -> dict:
        agency_return = self.get_object()
        context = {
            "caption": f"{agency_return.agency}: {agency_return.cycle}",
            "intro": self.intro,
            "multipart": self.multipart,
            "agency_return": agency_return,
            "locked": self.locked_notice(),
        }
        if "rating_pk" in self.kwargs:
            context["standard"] = self.get_rating().standard
        return context

    def success_url(self, record) -> str:
        url = self.get_object().get_absolute_url()
        if "rating_pk" in self.kwargs:
            url += f"#standard-{self.get_rating().standard_id}"
        return url


def child_or_404(queryset, **lookup):
    record = queryset.filter(**lookup).first()
    if record is None:
        raise Http404("No such record on this return.")
    return record
