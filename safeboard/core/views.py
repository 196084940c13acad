from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from . import selectors
from .history import history_entries

# The models whose History tab can be shown, and the rule that guards the record itself.
HISTORY_VIEW_PERMISSIONS = {
    "actions.action": "actions.view_action",
    "partnership.agency": "partnership.view_agency",
    "partnership.person": "partnership.view_person",
    "partnership.group": "partnership.view_group",
    "meetings.meeting": "meetings.view_meeting",
    "partnership.inductionplan": "partnership.view_induction_plan",
    "partnership.handbookpage": "partnership.view_handbook",
    "priorities.businessplan": "priorities.view_plan",
    "priorities.priority": "priorities.view_priority",
    "risks.risk": "risks.view_risk",
    "challenges.challenge": "challenges.view_challenge",
    "scorecard.indicator": "scorecard.view_indicator",
    "scorecard.indicatorquery": "scorecard.view_query",
    "section11.cycle": "section11.view_cycle",
    "section11.return": "section11.view_return",
    "learning.course": "learning.view_course",
    "learning.session": "learning.view_session",
    "audits.audittool": "audits.view_tools",
    "audits.auditround": "audits.view_round",
    "audits.samplecase": "audits.view_case",
    "audits.assignment": "audits.view_assignment",
    "audits.finding": "audits.view_finding",
    "themes.theme": "themes.view_theme",
    "reviews.review": "reviews.work_on_review",
    "reviews.decision": "reviews.view_decision",
}

# Records whose very existence is confidential (decision 7): a refused user gets 404, as on the
# record's own pages, and each permitted look is logged by the record's module.
HISTORY_CONFIDENTIAL: dict[str, Callable] = {}
NO_SUCH_RECORD = "No such record."


def register_confidential_history(model: str, on_view: Callable) -> None:
    """`on_view(record, request)` runs for each permitted look at the record's history."""
    HISTORY_CONFIDENTIAL[model] = on_view


class HomeView(TemplateView):
    """What needs the user's attention, by the roles they hold."""

    template_name = "core/home.html"
    permission_required = None  # every signed-in user has a home page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.home_panels(user=self.request.user))
        return context


@method_decorator(login_not_required, name="dispatch")
class AccessibilityView(TemplateView):
    template_name = "core/accessibility.html"


class HistoryView(View):
    """The History tab of any domain record the user may see."""

    def get(self, request, model: str, pk: int):
        permission = HISTORY_VIEW_PERMISSIONS.get(model)
        if permission is None:
            raise Http404("No history for this kind of record.")
        model_class = apps.get_model(model)
        on_view = HISTORY_CONFIDENTIAL.get(model)
        if on_view is None:
            record = get_object_or_404(model_class, pk=pk)
        else:
            record = model_class._default_manager.filter(pk=pk).first()
        if record is None or not request.user.has_perm(permission, record):
            if on_view is not None:
                # One answer, word for word, whether the record is hidden or missing.
                raise Http404(NO_SUCH_RECORD)
            raise PermissionDenied
        if on_view is not None:
            on_view(record, request)
        return render(
            request,
            "core/history.html",
            {
                "record": record,
                "entries": history_entries(record),
                "model_name": model_class._meta.verbose_name,
            },
        )
