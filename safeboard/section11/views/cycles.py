"""The section's landing page, a cycle's page, and the business manager's set-up pages."""

from __future__ import annotations

from django import forms
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from .. import selectors, services
from ..forms import (
    ConfirmForm,
    CycleEditForm,
    CycleForm,
    ScaleForm,
    ScheduleForm,
    StandardForm,
)
from ..models import Cycle, CycleStandard
from .common import FORM_TEMPLATE, CycleFormView, CycleObjectMixin


class CycleListView(RulePermissionMixin, View):
    """The landing page: the cycles for the board, an organisation's own returns for it."""

    permission_required = "section11.list_cycles"
    crumb_title = "Section 11"

    def get(self, request):
        user = request.user
        answers = user.has_perm("section11.answer_for_agency")
        context = {
            "answers_for_agency": answers,
            "own_returns": list(selectors.returns_of_agency(user.agency_id)[:10])
            if answers
            else [],
            "own_requests": list(selectors.requests_of_agency(user.agency_id)[:20])
            if answers
            else [],
            "can_view_cycles": user.has_perm("section11.view_cycle"),
            "can_manage": user.has_perm("section11.manage_cycles"),
            "can_view_chasing": user.has_perm("section11.view_chasing"),
        }
        if context["can_view_cycles"]:
            context["cycles"] = list(selectors.cycle_list())
            context["current"] = selectors.current_cycles()
        return render(request, "section11/cycle_list.html", context)


class CycleCreateView(ServiceFormView):
    permission_required = "section11.manage_cycles"
    form_class = CycleForm
    heading = "Set up a cycle"
    template_name = FORM_TEMPLATE

    def initial(self):
        return {
            "kind": "section_11",
            "frequency": "two_yearly",
            "agencies": Agency.objects.filter(is_active=True).exclude(
                type__in=[Agency.Type.EDUCATION, Agency.Type.OTHER]
            ),
        }

    def call_service(self, data):
        return services.cycle_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"{record.title} is set up. Check its standards, scale and schedule, then open it."

    crumb_parent = "section11:cycle_list"


class CycleDetailView(CycleObjectMixin, View):
    permission_required = "section11.view_cycle"
    crumb_parent = "section11:cycle_list"
    crumb_unpermitted = "hidden"

    @staticmethod
    def crumb_title(cycle: Cycle) -> str:
        return cycle.title

    def get(self, request, pk):
        cycle = self.get_object()
        user = request.user
        returns = selectors.cycle_returns(cycle)
        submitted = sum(agency_return.is_submitted for agency_return in returns)
        return render(
            request,
            "section11/cycle_detail.html",
            {
                "cycle": cycle,
                "returns": returns,
                "submitted": submitted,
                "not_submitted": len(returns) - submitted,
                "standards": list(cycle.standards.order_by("position", "id")),
                "scale_key": cycle.scale.key(),
                "can_manage": user.has_perm("section11.manage_cycles"),
                "can_view_chasing": user.has_perm("section11.view_chasing"),
                "can_view_requests": user.has_perm("section11.view_requests"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class CycleEditView(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class = CycleEditForm
    heading = "Change the cycle"
    success_text = "The cycle has been changed."

    def form_kwargs(self):
        return {"cycle": self.get_object()}

    def initial(self):
        cycle = self.get_object()
        return {
            "title": cycle.title,
            "frequency": cycle.frequency,
            "returns_due_on": cycle.returns_due_on,
            "previous_cycle": cycle.previous_cycle,
            "agencies": [agency_return.agency for agency_return in cycle.returns.all()],
        }

    def call_service(self, data):
        services.cycle_update(cycle=self.get_object(), **data)


class CycleScaleView(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class = ScaleForm
    heading = "Change the scale"
    intro = "Organisations score each standard on this scale. It is fixed once the cycle opens."
    success_text = "The scale has been changed."

    def initial(self):
        cycle = self.get_object()
        return {
            "scale_min": cycle.scale_min,
            "scale_max": cycle.scale_max,
            "met_score": cycle.met_score,
            "scale_labels": "\n".join(cycle.scale_labels),
        }

    def call_service(self, data):
        services.cycle_set_scale(cycle=self.get_object(), **data)


class CycleScheduleView(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class = ScheduleForm
    heading = "Change the chasing schedule"
    intro = (
        "Organisations that have not returned are reminded on these days, counted from their "
        "deadline; escalation letters go to their chief officer. Steps already taken stay."
    )
    success_text = "The chasing schedule has been changed."

    def initial(self):
        cycle = self.get_object()
        return {
            "reminder_days_before": ", ".join(str(days) for days in cycle.reminder_days_before),
            "overdue_reminder_every_days": cycle.overdue_reminder_every_days,
            "first_letter_days_after": cycle.first_letter_days_after,
            "second_letter_days_after": cycle.second_letter_days_after,
        }

    def call_service(self, data):
        services.cycle_set_schedule(cycle=self.get_object(), **data)


class CycleStandardsView(CycleObjectMixin, View):
    permission_required = "section11.view_cycle"
    crumb_title = "Standards"

    def get(self, request, pk):
        cycle = self.get_object()
        return render(
            request,
            "section11/standards.html",
            {
                "cycle": cycle,
                "title": f"Standards of {cycle.title}",
                "standards": list(cycle.standards.order_by("position", "id")),
                "can_edit": cycle.is_setting_up
                and request.user.has_perm("section11.manage_cycles"),
                "add_url": reverse("section11:cycle_standard_add", args=[cycle.pk]),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class CycleStandardMixin(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class: type[forms.Form] = StandardForm

    def get_standard(self) -> CycleStandard:
        if "standard_pk" not in self.kwargs:
            return CycleStandard(cycle=self.get_object())
        return get_object_or_404(
            CycleStandard, pk=self.kwargs["standard_pk"], cycle=self.get_object()
        )

    def success_url(self, record):
        return reverse("section11:cycle_standards", args=[self.get_object().pk])

    @staticmethod
    def crumb_parent(cycle: Cycle) -> tuple[str, Cycle]:
        return ("section11:cycle_standards", cycle)


class CycleStandardAddView(CycleStandardMixin):
    heading = "Add a standard"
    success_text = "The standard has been added."

    def call_service(self, data):
        services.standard_save(standard=self.get_standard(), **data)


class CycleStandardEditView(CycleStandardMixin):
    heading = "Change the standard"
    success_text = "The standard has been changed."

    def initial(self):
        return standard_initial(self.get_standard())

    def call_service(self, data):
        services.standard_save(standard=self.get_standard(), **data)


class CycleStandardRemoveView(CycleStandardMixin):
    heading = "Remove the standard"
    form_class = ConfirmForm
    success_text = "The standard has been removed."

    def form_kwargs(self):
        return {"submit_label": "Remove the standard"}

    def page_context(self):
        standard = self.get_standard()
        return {
            **super().page_context(),
            "intro": f"Remove {standard.code} {standard.title} from this cycle? "
            "The library keeps its own copy.",
        }

    def call_service(self, data):
        services.standard_remove(standard=self.get_standard())


def standard_initial(standard) -> dict:
    return {
        "code": standard.code,
        "title": standard.title,
        "description": standard.description,
        "sub_standards": "\n".join(standard.sub_standards),
    }


class CycleOpenView(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class = ConfirmForm
    heading = "Open the cycle for returns"
    success_text = "The cycle is open: organisations can now answer."

    def form_kwargs(self):
        return {"submit_label": "Open the cycle"}

    def page_context(self):
        cycle = self.get_object()
        previous = cycle.previous_cycle
        carried = (
            f" Each return is pre-filled with the organisation's answers to {previous.title}, "
            "marked for it to confirm or update."
            if previous
            else ""
        )
        return {
            **super().page_context(),
            "intro": f"Once open, the standards, scale and organisations can no longer change."
            f"{carried} Reminders follow the chasing schedule up to the deadline, "
            f"{cycle.returns_due_on:%d %B %Y}.",
        }

    def call_service(self, data):
        services.cycle_open(cycle=self.get_object())


class CycleCloseView(CycleFormView):
    permission_required = "section11.manage_cycles"
    form_class = ConfirmForm
    heading = "Close the cycle"
    intro = (
        "Closing ends the chasing. Returns not submitted by now are recorded as not returned; "
        "the compliance picture keeps the cycle's results."
    )
    success_text = "The cycle is closed."

    def form_kwargs(self):
        return {"submit_label": "Close the cycle"}

    def call_service(self, data):
        services.cycle_close(cycle=self.get_object())
