"""The public scorecard (anyone, without signing in) and the business manager's choice of
what it shows."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.public_views import PublicPageMixin

from ..catalogue.views import IndicatorMixin
from . import selectors, services
from .forms import IndicatorPublicForm


class PublicScorecardView(PublicPageMixin, View):
    def get(self, request):
        return render(
            request,
            "scorecard/public/scorecard.html",
            {
                "rows": selectors.public_scorecard(),
                "crumbs": [
                    {"text": "Home", "href": reverse("public:front")},
                    {"text": "Scorecard"},
                ],
            },
        )


class IndicatorPublicView(IndicatorMixin, View):
    permission_required = "scorecard.change_indicator"
    heading = "Show on the public scorecard"

    def get(self, request, pk):
        indicator = self.get_object()
        initial = {"is_public": "yes" if indicator.is_public else "no"}
        return self.show(IndicatorPublicForm(initial=initial))

    def post(self, request, pk):
        indicator = self.get_object()
        form = IndicatorPublicForm(request.POST)
        if form.is_valid():
            try:
                services.indicator_set_public(
                    indicator=indicator, changed_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                shown = "is now shown" if indicator.is_public else "is no longer shown"
                messages.success(request, f"{indicator.code} {shown} on the public scorecard.")
                return redirect(indicator)
        return self.show(form, status=400)

    def show(self, form, status=200):
        indicator = self.get_object()
        return render(
            self.request,
            "scorecard/form.html",
            {
                "form": form,
                "heading": self.heading,
                "caption": str(indicator),
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": indicator.code, "href": indicator.get_absolute_url()},
                    {"text": self.heading},
                ],
            },
            status=status,
        )
