"""Comparators, for the business manager: England's, the region's and statistical
neighbours' figures, entered one at a time or imported from a file."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Comparator, Indicator
from ..uploads import UploadRejected
from ..views import UPLOAD_REJECTED
from . import services
from .forms import ComparatorForm, ComparatorImportForm
from .imports import (
    COMPARATORS_SHEET,
    EXAMPLE_FILENAME,
    comparators_import,
    example_csv,
)

REPLACES_HINT = "Recording a figure again for the same period and comparator replaces the one held."


def _crumbs(*items: dict) -> list[dict]:
    return [{"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")}, *items]


class ComparatorAddView(RecordMixin, ServiceFormView):
    """Enter one comparator for an indicator, by hand."""

    permission_required = "scorecard.record_comparators"
    model = Indicator
    form_class = ComparatorForm
    heading = "Add a comparator"

    def form_kwargs(self) -> dict:
        return {"indicator": self.get_object()}

    def initial(self) -> dict:
        return {"frequency": self.get_object().frequency}

    def call_service(self, data: dict) -> Comparator:
        return services.comparator_record(
            indicator=self.get_object(),
            period=data["period"],
            source=data["source"],
            value=data["value"],
            reference=data["reference"].strip(),
            origin=Comparator.Origin.ENTERED,
            recorded_by=self.request.user,
        )

    def success_message(self, record: Comparator) -> str:
        return f"{record.get_source_display()} figure for {record.period.label} recorded."

    def success_url(self, record: Comparator) -> str:
        return self.get_object().get_absolute_url() + "#comparators"

    def crumbs(self) -> list[dict]:
        indicator = self.get_object()
        return _crumbs({"text": indicator.code, "href": indicator.get_absolute_url()})

    def page_context(self) -> dict:
        indicator = self.get_object()
        return {"caption": f"{indicator.code} {indicator.name}", "lead": REPLACES_HINT}


class ComparatorImportView(RulePermissionMixin, View):
    """Import a file of comparators: all its rows are recorded, or none and every problem shown.

    `?example=csv` downloads a file to start from.
    """

    permission_required = "scorecard.record_comparators"
    heading = "Import comparators"

    def get(self, request):
        if request.GET.get("example") == "csv":
            response = HttpResponse(example_csv(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{EXAMPLE_FILENAME}"'
            return response
        return self.show(ComparatorImportForm())

    def post(self, request):
        form = ComparatorImportForm(request.POST, request.FILES)
        problems = []
        if form.is_valid():
            try:
                recorded = comparators_import(
                    upload=form.cleaned_data["file"], recorded_by=request.user
                )
            except UploadRejected as rejected:
                problems = rejected.errors
                count = len(problems)
                form.add_error(
                    "file", UPLOAD_REJECTED.format(count=count, s="" if count == 1 else "s")
                )
            else:
                count = len(recorded)
                messages.success(
                    request, f"{count} comparator{'' if count == 1 else 's'} imported."
                )
                return redirect("scorecard:indicator_list")
        return self.show(form, problems=problems, status=400)

    def show(self, form, problems=(), status=200):
        return render(
            self.request,
            "scorecard/comparators/comparator_import.html",
            {
                "form": form,
                "heading": self.heading,
                "problems": problems,
                "sheet": COMPARATORS_SHEET,
                "hint": REPLACES_HINT,
                "crumbs": _crumbs({"text": self.heading}),
            },
            status=status,
        )
