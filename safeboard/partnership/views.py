from __future__ import annotations

from django.views.generic import ListView

from safeboard.core.views_mixins import RulePermissionMixin

from .models import Agency, HandbookPage, InductionPlan


class AgencyListView(RulePermissionMixin, ListView):
    permission_required = "partnership.list_agencies"
    model = Agency
    template_name = "partnership/agency_list.html"


class InductionPlanListView(RulePermissionMixin, ListView):
    permission_required = "partnership.list_induction_plans"
    model = InductionPlan
    template_name = "partnership/induction_list.html"


class HandbookView(RulePermissionMixin, ListView):
    permission_required = "partnership.view_handbook"
    model = HandbookPage
    template_name = "partnership/handbook.html"
