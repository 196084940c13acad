"""The indicator catalogue: read by the board, kept by the business manager."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..models import Indicator
from ..queries.selectors import queries_for_indicator
from ..spc import selectors as spc_selectors
from ..spc.charts import xmr_chart_svg
from . import services
from .forms import IndicatorFilterForm, IndicatorForm

EXPORT_COLUMNS = [
    Column("Code", lambda i: i.code),
    Column("Name", lambda i: i.name),
    Column("Owning agency", lambda i: i.owning_agency.name),
    Column("Perspective", lambda i: i.get_perspective_display()),
    Column("Unit", lambda i: i.get_unit_display()),
    Column("Which way is better", lambda i: i.get_polarity_display()),
    Column("Frequency", lambda i: i.get_frequency_display()),
    Column("Target", lambda i: i.target),
    Column("Tolerance", lambda i: i.tolerance),
    Column("Definition", lambda i: i.definition),
    Column("Numerator", lambda i: i.numerator_definition),
    Column("Denominator", lambda i: i.denominator_definition),
    Column("Where the figure comes from", lambda i: i.data_source),
    Column("In use", lambda i: "Yes" if i.is_active else "No"),
]


def _crumbs(*items: dict) -> list[dict]:
    return [{"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")}, *items]


class IndicatorListView(RulePermissionMixin, View):
    permission_required = "scorecard.list_indicators"

    def get(self, request):
        filter_form = IndicatorFilterForm(request.GET or None)
        filters = selectors.IndicatorFilters()
        if filter_form.is_valid():
            data = filter_form.cleaned_data
            filters = selectors.IndicatorFilters(
                agency_id=data["agency"].pk if data["agency"] else None,
                perspective=data["perspective"],
                frequency=data["frequency"],
                search=data["search"],
                include_retired=data["include_retired"],
            )
        indicators = selectors.indicator_list(filters=filters)
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=indicators.iterator(chunk_size=500),
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename="scorecard-indicators",
            )
        query = request.GET.copy()
        query.pop("format", None)
        return render(
            request,
            "scorecard/indicator_list.html",
            {
                "indicators": indicators,
                "filter_form": filter_form,
                "query": query.urlencode(),
                "can_add": request.user.has_perm("scorecard.add_indicator"),
                "can_submit": request.user.has_perm("scorecard.submit_own_figures"),
            },
        )


class IndicatorMixin(RulePermissionMixin):
    def get_object(self) -> Indicator:
        if not hasattr(self, "_indicator"):
            self._indicator = get_object_or_404(
                Indicator.objects.select_related("owning_agency"), pk=self.kwargs["pk"]
            )
        return self._indicator


class IndicatorDetailView(IndicatorMixin, View):
    permission_required = "scorecard.view_indicator"

    def get(self, request, pk):
        indicator = self.get_object()
        figures = list(selectors.indicator_figures(indicator=indicator))
        chart = spc_selectors.indicator_spc(
            indicator=indicator, series=spc_selectors.series_from_figures(figures)
        )
        points = {point.period: point for point in chart.points}
        return render(
            request,
            "scorecard/indicator_detail.html",
            {
                "indicator": indicator,
                "priorities": indicator.priorities.select_related("plan"),
                "themes": indicator.themes.order_by("position", "name"),
                "rows": [(figure, points.get(figure.period.key)) for figure in figures],
                "chart": chart,
                "chart_svg": xmr_chart_svg(chart=chart, chart_id=f"indicator-{indicator.pk}-spc"),
                "comparators": selectors.indicator_comparators(indicator=indicator),
                "queries": queries_for_indicator(indicator),
                "can_edit": request.user.has_perm("scorecard.change_indicator", indicator),
                "can_revise": request.user.has_perm("scorecard.revise_figure", indicator),
                "crumbs": _crumbs({"text": indicator.code}),
            },
        )


class IndicatorCreateView(RulePermissionMixin, View):
    permission_required = "scorecard.add_indicator"
    heading = "Add an indicator"

    def get(self, request):
        return self.show(IndicatorForm())

    def post(self, request):
        form = IndicatorForm(request.POST)
        if form.is_valid():
            try:
                indicator = services.indicator_create(created_by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Indicator {indicator.code} added to the catalogue.")
                return redirect(indicator)
        return self.show(form, status=400)

    def show(self, form, status=200):
        return render(
            self.request,
            "scorecard/form.html",
            {"form": form, "heading": self.heading, "crumbs": _crumbs({"text": self.heading})},
            status=status,
        )


class IndicatorEditView(IndicatorMixin, View):
    permission_required = "scorecard.change_indicator"
    heading = "Change the indicator"

    def get(self, request, pk):
        indicator = self.get_object()
        return self.show(IndicatorForm(initial=IndicatorForm.initial_for(indicator), editing=True))

    def post(self, request, pk):
        indicator = self.get_object()
        form = IndicatorForm(request.POST, editing=True)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.indicator_update(
                    indicator=indicator,
                    reason=data.pop("reason"),
                    priorities=data.pop("priorities"),
                    themes=data.pop("themes"),
                    **data,
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, f"Indicator {indicator.code} has been changed.")
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
                "crumbs": _crumbs(
                    {"text": indicator.code, "href": indicator.get_absolute_url()},
                    {"text": self.heading},
                ),
            },
            status=status,
        )
