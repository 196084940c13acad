"""One risk: its page, and the forms that add, change, review it and add actions to it."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import NoReverseMatch
from django.views import View

from safeboard.actions.forms import ActionForm
from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import RiskForm, RiskReviewForm
from ..models import Risk
from ..trend import residual_trend_chart

FORM_TEMPLATE = "risks/risk_form.html"


class RiskObjectMixin(RecordMixin, RulePermissionMixin):
    """Checks the view's rule against the risk named in the URL."""

    model = Risk

    def get_queryset(self):
        return Risk.objects.select_related("owner_agency", "owner_person")

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record


class RiskDetailView(RiskObjectMixin, View):
    permission_required = "risks.view_risk"
    crumb_parent = "risks:list"

    @staticmethod
    def crumb_title(risk: Risk) -> str:
        return risk.reference

    def get(self, request, pk):
        risk = self.get_object()
        reviews = selectors.risk_reviews(risk=risk)
        user = request.user
        return render(
            request,
            "risks/risk_detail.html",
            {
                "risk": risk,
                "priorities": [
                    (priority, _url_or_none(priority)) for priority in risk.priorities.all()
                ],
                "reviews": reviews,
                "chart": residual_trend_chart(risk=risk, reviews=reviews),
                "actions": list(selectors.risk_actions(risk=risk)),
                "can_review": user.has_perm("risks.review_risk", risk),
                "can_change": user.has_perm("risks.change_risk", risk),
                "can_add_action": user.has_perm("risks.add_risk_action", risk),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


def _url_or_none(record) -> str | None:
    # The priorities pages may not be installed yet; a priority is then named, not linked.
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return None


class RiskCreateView(ServiceFormView):
    permission_required = "risks.add_risk"
    form_class = RiskForm
    heading = "Add a risk"
    template_name = FORM_TEMPLATE
    crumb_parent = "risks:list"

    def call_service(self, data):
        return services.risk_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"Risk {record.reference} added to the register."

    def page_context(self):
        return {"risk": None}


class RiskFormView(RiskObjectMixin, ServiceFormView):
    """A form on one risk that calls one service; subclasses name the form and service."""

    template_name = FORM_TEMPLATE

    def page_context(self):
        return {"risk": self.get_object()}


class RiskEditView(RiskFormView):
    permission_required = "risks.change_risk"
    form_class = RiskForm
    heading = "Change the risk"
    success_text = "The risk has been changed."

    def initial(self):
        return RiskForm.initial_for(self.get_object())

    def form_kwargs(self):
        return {"risk": self.get_object()}

    def call_service(self, data):
        services.risk_update(risk=self.get_object(), **data)


class RiskReviewView(RiskFormView):
    permission_required = "risks.review_risk"
    form_class = RiskReviewForm
    heading = "Record a review"
    success_text = "The review has been recorded."

    def initial(self):
        risk = self.get_object()
        return {"likelihood": risk.residual_likelihood, "impact": risk.residual_impact}

    def form_kwargs(self):
        return {"risk": self.get_object()}

    def call_service(self, data):
        services.risk_review(risk=self.get_object(), reviewed_by=self.request.user, **data)


class RiskActionAddView(RiskFormView):
    permission_required = "risks.add_risk_action"
    form_class = ActionForm
    heading = "Add an action to reduce the risk"
    success_text = "Action added."

    def initial(self):
        risk = self.get_object()
        return {"owner_agency": risk.owner_agency, "owner_person": risk.owner_person}

    def call_service(self, data):
        services.risk_add_action(risk=self.get_object(), created_by=self.request.user, **data)
