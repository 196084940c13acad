"""One risk: its page, and the forms that add, change, review it and add actions to it."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views import View

from safeboard.actions.forms import ActionForm
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

    def register_crumb(self) -> dict:
        register = {"text": "Risk register"}
        # A risk's owner may have no right to the register, only to the risks they own.
        if self.request.user.has_perm("risks.list_risks"):
            register["href"] = reverse("risks:list")
        return register

    def crumbs(self) -> list[dict]:
        """The register and the risk, the risk a link: a page about the risk comes after."""
        risk = self.get_object()
        return [self.register_crumb(), {"text": risk.reference, "href": risk.get_absolute_url()}]


class RiskDetailView(RiskObjectMixin, View):
    permission_required = "risks.view_risk"

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
                "crumbs": [self.register_crumb(), {"text": risk.reference}],
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

    def call_service(self, data):
        return services.risk_create(created_by=self.request.user, **data)

    def success_message(self, record):
        return f"Risk {record.reference} added to the register."

    def crumbs(self):
        return [{"text": "Risk register", "href": reverse("risks:list")}]

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
