"""Induction plans: the list, a plan's checklist (ticked by the new member), and new plans."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import induction_services, selectors
from ..forms import InductionPlanForm
from ..models import InductionItem, InductionPlan

CHECKLIST_TEMPLATE = "partnership/includes/induction_checklist.html"


def _checklist_context(request, plan: InductionPlan) -> dict:
    items = list(plan.items.all())
    return {
        "plan": plan,
        "items": items,
        "done_count": sum(1 for item in items if item.completed_on),
        "can_tick": request.user.has_perm("partnership.tick_induction_item", plan),
    }


class InductionPlanListView(RulePermissionMixin, View):
    """The business manager sees every plan; a new member or buddy sees their own."""

    permission_required = "partnership.list_induction_plans"
    crumb_title = "Induction"

    def get(self, request):
        sees_all = request.user.has_perm("partnership.list_all_induction_plans")
        person_id = None if sees_all else request.user.person_id
        return render(
            request,
            "partnership/induction_list.html",
            {
                "plans": selectors.induction_plan_list(person_id=person_id),
                "sees_all": sees_all,
                "can_add": request.user.has_perm("partnership.manage_induction_plans"),
            },
        )


class InductionPlanDetailView(RulePermissionMixin, View):
    permission_required = "partnership.view_induction_plan"
    crumb_parent = "partnership:induction_list"

    @staticmethod
    def crumb_title(plan: InductionPlan) -> str:
        return plan.person.full_name

    def get_object(self) -> InductionPlan:
        if not hasattr(self, "_plan"):
            try:
                self._plan = selectors.induction_plan_detail(pk=self.kwargs["pk"])
            except InductionPlan.DoesNotExist:
                raise Http404("No such induction plan.")
        return self._plan

    def get(self, request, pk):
        plan = self.get_object()
        return render(
            request,
            "partnership/induction_detail.html",
            {
                **_checklist_context(request, plan),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class InductionItemTickView(RulePermissionMixin, View):
    """Tick an item as done, or untick it. With htmx, answer with the checklist to swap in;
    without JavaScript, go back to the plan."""

    permission_required = "partnership.tick_induction_item"
    http_method_names = ["post"]

    def get_permission_object(self) -> InductionPlan:
        if not hasattr(self, "item"):
            self.item = get_object_or_404(
                InductionItem.objects.select_related("plan"), pk=self.kwargs["pk"]
            )
        return self.item.plan

    def post(self, request, pk):
        item = induction_services.induction_item_tick(item=self.item)
        plan = selectors.induction_plan_detail(pk=item.plan_id)
        if request.headers.get("HX-Request"):
            context = {**_checklist_context(request, plan), "swap_progress": True}
            return render(request, CHECKLIST_TEMPLATE, context)
        state = "done" if item.completed_on else "not done"
        messages.success(request, f"\u201c{item.title}\u201d marked as {state}.")
        return redirect(f"{plan.get_absolute_url()}#item-{item.pk}")


class InductionPlanCreateView(ServiceFormView):
    permission_required = "partnership.manage_induction_plans"
    form_class = InductionPlanForm
    heading = "Start an induction plan"

    def initial(self):
        return {"started_on": timezone.localdate()}

    def call_service(self, data):
        return induction_services.induction_plan_create(**data)

    def success_message(self, record):
        return f"Induction plan for {record.person.full_name} started."

    crumb_parent = "partnership:induction_list"
