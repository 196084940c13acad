"""One risk: its page, and the forms that add, change, review it and add actions to it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views import View

from safeboard.actions.forms import ActionForm
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import RiskForm, RiskReviewForm
from ..models import Risk
from ..trend import residual_trend_chart

FORM_TEMPLATE = "risks/risk_form.html"


class RiskObjectMixin(RulePermissionMixin):
    """Checks the view's rule against the risk named in the URL."""

    def get_object(self) -> Risk:
        if not hasattr(self, "_risk"):
            self._risk = get_object_or_404(
                Risk.objects.select_related("owner_agency", "owner_person"), pk=self.kwargs["pk"]
            )
        return self._risk

    def crumbs(self, current: str | None = None) -> list[dict]:
        risk = self.get_object()
        register = {"text": "Risk register"}
        # A risk's owner may have no right to the register, only to the risks they own.
        if self.request.user.has_perm("risks.list_risks"):
            register["href"] = reverse("risks:list")
        crumbs = [register, {"text": risk.reference, "href": risk.get_absolute_url()}]
        if current:
            crumbs.append({"text": current})
        else:
            del crumbs[-1]["href"]
        return crumbs


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
                "crumbs": self.crumbs(),
            },
        )


def _url_or_none(record) -> str | None:
    # The priorities pages may not be installed yet; a priority is then named, not linked.
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return None


def _show_form(request, form, *, heading: str, risk: Risk | None = None, crumbs=None, status=200):
    return render(
        request,
        FORM_TEMPLATE,
        {"form": form, "heading": heading, "risk": risk, "crumbs": crumbs},
        status=status,
    )


class RiskCreateView(RulePermissionMixin, View):
    permission_required = "risks.add_risk"
    heading = "Add a risk"

    def get(self, request):
        return self.show(RiskForm())

    def post(self, request):
        form = RiskForm(request.POST)
        if form.is_valid():
            try:
                risk = services.risk_create(created_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Risk {risk.reference} added to the register.")
                return redirect(risk)
        return self.show(form, status=400)

    def show(self, form, status=200):
        crumbs = [{"text": "Risk register", "href": reverse("risks:list")}, {"text": self.heading}]
        return _show_form(self.request, form, heading=self.heading, crumbs=crumbs, status=status)


class RiskFormView(RiskObjectMixin, View):
    """A form on one risk that calls one service; subclasses name the form and service."""

    heading = ""
    success_message = ""

    def make_form(self, data=None):
        raise NotImplementedError

    def call_service(self, data: dict) -> None:
        raise NotImplementedError

    def get(self, request, pk):
        return self.show(self.make_form())

    def post(self, request, pk):
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                self.call_service(form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, self.success_message)
                return redirect(self.get_object())
        return self.show(form, status=400)

    def show(self, form, status=200):
        return _show_form(
            self.request,
            form,
            heading=self.heading,
            risk=self.get_object(),
            crumbs=self.crumbs(self.heading),
            status=status,
        )


class RiskEditView(RiskFormView):
    permission_required = "risks.change_risk"
    heading = "Change the risk"
    success_message = "The risk has been changed."

    def make_form(self, data=None):
        risk = self.get_object()
        initial = None if data is not None else RiskForm.initial_for(risk)
        return RiskForm(data, initial=initial, risk=risk)

    def call_service(self, data):
        services.risk_update(risk=self.get_object(), **data)


class RiskReviewView(RiskFormView):
    permission_required = "risks.review_risk"
    heading = "Record a review"
    success_message = "The review has been recorded."

    def make_form(self, data=None):
        risk = self.get_object()
        initial = {"likelihood": risk.residual_likelihood, "impact": risk.residual_impact}
        return RiskReviewForm(data, risk=risk, initial=initial)

    def call_service(self, data):
        services.risk_review(risk=self.get_object(), reviewed_by=self.request.user, **data)


class RiskActionAddView(RiskFormView):
    permission_required = "risks.add_risk_action"
    heading = "Add an action to reduce the risk"
    success_message = "Action added."

    def make_form(self, data=None):
        risk = self.get_object()
        initial = {"owner_agency": risk.owner_agency, "owner_person": risk.owner_person}
        return ActionForm(data, initial=initial)

    def call_service(self, data):
        services.risk_add_action(risk=self.get_object(), created_by=self.request.user, **data)
