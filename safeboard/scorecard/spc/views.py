"""The business manager's choices for an indicator's chart: its baseline and a step change."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from ..catalogue.views import IndicatorMixin
from ..models import Period
from . import services
from .forms import SpcSettingsForm


class IndicatorSpcSettingsView(IndicatorMixin, View):
    permission_required = "scorecard.change_indicator"
    heading = "Set the chart's baseline and step change"

    def get(self, request, pk):
        indicator = self.get_object()
        return self.show(
            SpcSettingsForm(initial=SpcSettingsForm.initial_for(indicator), periods=self._periods())
        )

    def post(self, request, pk):
        indicator = self.get_object()
        form = SpcSettingsForm(request.POST, periods=self._periods())
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.indicator_set_spc_settings(
                    indicator=indicator,
                    baseline_from=data["baseline_from"],
                    baseline_to=data["baseline_to"],
                    recalculate_from=data["recalculate_from"],
                    reason=data["reason"],
                    changed_by=request.user,
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"The chart of {indicator.code} has been changed.")
                return redirect(indicator.get_absolute_url() + "#chart")
        return self.show(form, status=400)

    def _periods(self):
        periods = Period.objects.filter(figures__indicator=self.get_object()).order_by("starts_on")
        return [period.key for period in periods]

    def show(self, form, status=200):
        indicator = self.get_object()
        return render(
            self.request,
            "scorecard/spc_settings.html",
            {
                "form": form,
                "heading": self.heading,
                "indicator": indicator,
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": indicator.code, "href": indicator.get_absolute_url()},
                    {"text": "Chart settings"},
                ],
            },
            status=status,
        )
