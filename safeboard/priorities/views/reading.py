"""Pages for the partnership team: the business plans, a plan, and a priority's evidence."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, export_response
from safeboard.core.selectors import shown_page_sections
from safeboard.core.service_views import RecordMixin
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..models import BusinessPlan, Priority
from ..plan_export import PLAN_COLUMNS, plan_rows
from .common import focus_warning


class PlanListView(RulePermissionMixin, View):
    permission_required = "priorities.list_plans"
    crumb_title = "Business plans"

    def get(self, request):
        return render(
            request,
            "priorities/plan_list.html",
            {
                "plans": selectors.plan_list(),
                "can_add": request.user.has_perm("priorities.add_plan"),
            },
        )


class PlanDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "priorities.view_plan"
    crumb_parent = "priorities:plan_list"

    @staticmethod
    def crumb_title(plan: BusinessPlan) -> str:
        return plan.title

    model = BusinessPlan

    def get(self, request, pk):
        plan = self.get_object()
        user = request.user
        file_format = request.GET.get("format")
        if file_format in EXPORT_FORMATS:
            return export_response(
                rows=plan_rows(plan=plan, user=user),
                columns=PLAN_COLUMNS,
                file_format=file_format,
                filename=f"business-plan-{plan.pk}",
            )
        page = selectors.plan_page(plan=plan)
        return render(
            request,
            "priorities/plan_detail.html",
            {
                "page": page,
                "focus_warning": focus_warning(plan, page.active_count)
                if page.too_many_active
                else "",
                "plan": plan,
                "can_change": user.has_perm("priorities.change_plan", plan),
                "can_add_priority": user.has_perm("priorities.add_priority", plan),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class PriorityDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "priorities.view_priority"

    @staticmethod
    def crumb_title(priority: Priority) -> str:
        return f"Priority {priority.number}"

    @staticmethod
    def crumb_parent(priority: Priority) -> BusinessPlan:
        return priority.plan

    model = Priority

    def get_queryset(self):
        return Priority.objects.select_related("plan", "lead_agency", "lead_person")

    def get(self, request, pk):
        priority = self.get_object()
        user = request.user
        plan = priority.plan
        active_count = selectors.active_priority_count(plan=plan)
        too_many = selectors.too_many_active_priorities(plan=plan, active_count=active_count)
        return render(
            request,
            "priorities/priority_detail.html",
            {
                "priority": priority,
                "evidence": selectors.priority_evidence(priority, user=user),
                "page_links": shown_page_sections(
                    page="priority_links", record=priority, user=user
                ),
                "focus_warning": focus_warning(plan, active_count) if too_many else "",
                "can_review": user.has_perm("priorities.review_priority", priority),
                "can_change": user.has_perm("priorities.change_priority", priority),
                "can_manage_measures": user.has_perm("priorities.manage_measures", priority),
                "can_add_action": user.has_perm("priorities.add_action", priority),
                "sections": shown_page_sections(page="priority", record=priority, user=user),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )
