from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from . import selectors
from .extension_points import history_access
from .history import history_entries

NO_SUCH_RECORD = "No such record."


class HomeView(TemplateView):
    """What needs the user's attention, by the roles they hold."""

    template_name = "core/home.html"
    permission_required = None  # every signed-in user has a home page

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.home_page(user=self.request.user))
        return context


@method_decorator(login_not_required, name="dispatch")
class AccessibilityView(TemplateView):
    template_name = "core/accessibility.html"


class HistoryView(View):
    """The History tab of any domain record the user may see."""

    def get(self, request, model: str, pk: int):
        if model not in history_access:
            raise Http404("No history for this kind of record.")
        access = history_access[model]
        permission, on_view = access.permission, access.on_view
        model_class = apps.get_model(model)
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
