"""The child death learning's pages: the findings, one finding with its recommendations and
actions, and the forms that record them."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from . import selectors, services
from .forms import FindingForm, RecommendationActionForm, RecommendationForm
from .models import Finding, Recommendation


class FindingListView(RulePermissionMixin, View):
    permission_required = "child_deaths.view"
    crumb_title = "Learning from child deaths"
    crumb_parent = None

    def get(self, request):
        return render(
            request,
            "child_deaths/finding_list.html",
            {
                "findings": list(selectors.finding_list()),
                "can_record": request.user.has_perm("child_deaths.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class FindingMixin(RecordMixin, RulePermissionMixin):
    model = Finding
    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def get_queryset(self):
        return Finding.objects.select_related("category")


class FindingDetailView(FindingMixin, View):
    permission_required = "child_deaths.view"
    crumb_parent = "child_deaths:finding_list"

    @staticmethod
    def crumb_title(finding: Finding) -> str:
        return finding.title

    def get(self, request, pk):
        finding = self.get_object()
        return render(
            request,
            "child_deaths/finding_detail.html",
            {
                "finding": finding,
                "themes": list(finding.themes.order_by("position", "name")),
                "recommendations": selectors.finding_recommendations(finding=finding),
                "can_record": request.user.has_perm("child_deaths.record"),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class FindingCreateView(ServiceFormView):
    permission_required = "child_deaths.record"
    form_class = FindingForm
    heading = "Record learning from child deaths"
    crumb_parent = "child_deaths:finding_list"

    def call_service(self, data):
        return services.finding_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return "Learning recorded."


class FindingFormView(FindingMixin, ServiceFormView):
    def page_context(self):
        return {"caption": self.get_object().title}


class FindingEditView(FindingFormView):
    permission_required = "child_deaths.record"
    form_class = FindingForm
    heading = "Change the learning"
    success_text = "The learning has been changed."

    def initial(self):
        finding = self.get_object()
        fields = ("title", "text", "category", "modifiable_factors", "deaths_reviewed", "agreed_on")
        return {field: getattr(finding, field) for field in fields} | {
            "themes": list(finding.themes.all())
        }

    def call_service(self, data):
        services.finding_update(finding=self.get_object(), **data)


class RecommendationAddView(FindingFormView):
    permission_required = "child_deaths.record"
    form_class = RecommendationForm
    heading = "Add a recommendation"
    success_text = "Recommendation added."

    def call_service(self, data):
        services.recommendation_add(finding=self.get_object(), **data)


class RecommendationActionAddView(RecordMixin, ServiceFormView):
    model = Recommendation
    permission_required = "child_deaths.record"
    form_class = RecommendationActionForm
    heading = "Add an action"
    success_text = "Action added."

    def get_queryset(self):
        return Recommendation.objects.select_related("finding")

    @staticmethod
    def crumb_parent(recommendation: Recommendation):
        return recommendation.finding

    def page_context(self):
        return {
            "caption": str(self.get_object()),
            "lead": "The action joins the partnership\u2019s action plan, answering this "
            "recommendation, and carries the themes of its learning.",
        }

    def call_service(self, data):
        services.recommendation_add_action(
            recommendation=self.get_object(), created_by=self.request.user, **data
        )

    def success_url(self, record):
        return self.get_object().get_absolute_url()
