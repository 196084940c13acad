"""Submitting figures, for an agency's data contact: by web form, Excel template or CSV."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin
from safeboard.partnership.models import Agency

from . import selectors, services
from .excel_template import CONTENT_TYPE, build_template, template_filename
from .forms import FigureReviseForm, FiguresForm, FigureUploadForm
from .models import Figure
from .periods import PeriodError, PeriodKey
from .uploads import UploadRejected

UPLOAD_REJECTED = (
    "The file has {count} problem{s}, listed below. Nothing has been saved: fix them all and "
    "upload the file again."
)


def _saved_message(result: services.RecordResult) -> str:
    parts = [f"{len(result.created)} new figure{'s' if len(result.created) != 1 else ''}"]
    if result.revised:
        parts.append(f"{len(result.revised)} revised")
    if result.unchanged:
        parts.append(f"{len(result.unchanged)} unchanged")
    message = f"Figures for {result.period.label} saved: " + ", ".join(parts) + "."
    if result.queries:
        codes = ", ".join(sorted({query.indicator.code for query in result.queries}))
        count = len(result.queries)
        message += (
            f" The scorecard has opened {count} quer{'ies' if count != 1 else 'y'} for your "
            f"agency to answer ({codes}): see Queries."
        )
    return message


class SubmissionPeriodsView(RulePermissionMixin, View):
    """The data contact's own agency: recent periods, and how many figures are in for each."""

    permission_required = "scorecard.submit_own_figures"

    def get(self, request):
        agency = request.user.agency
        periods = selectors.agency_submission_periods(agency_id=agency.pk) if agency else []
        return render(
            request,
            "scorecard/submission_periods.html",
            {
                "agency": agency,
                "periods": periods,
                "crumbs": [{"text": "Submit figures"}],
            },
        )


class AgencyPeriodMixin(RulePermissionMixin):
    """A page for one agency's figures for one period; the rule is checked on the agency."""

    permission_required = "scorecard.submit_figures"

    def get_permission_object(self) -> Agency:
        if not hasattr(self, "agency"):
            self.agency = get_object_or_404(Agency, pk=self.kwargs["agency_pk"])
            try:
                self.period = PeriodKey.from_slug(self.kwargs["period"])
            except PeriodError:
                raise Http404("No such period.") from None
        return self.agency

    def indicators(self):
        return selectors.agency_indicators(
            agency_id=self.agency.pk, frequency=self.period.frequency
        )

    def held(self):
        return selectors.period_figures(agency_id=self.agency.pk, period=self.period)

    def context(self, **extra) -> dict:
        return {
            "agency": self.agency,
            "period": self.period,
            "slug": self.period.slug,
            "crumbs": [
                {"text": "Submit figures", "href": reverse("scorecard:submission_periods")},
                {"text": f"{self.agency.short_name or self.agency.name}, {self.period.label}"},
            ],
            **extra,
        }


class SubmissionFormView(AgencyPeriodMixin, View):
    def get(self, request, agency_pk, period):
        return self.show(self.form())

    def post(self, request, agency_pk, period):
        form = self.form(request.POST)
        if form.is_valid():
            try:
                result = services.figures_record(
                    agency=self.agency,
                    period=self.period,
                    values=form.figures(),
                    source=Figure.Source.FORM,
                    submitted_by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except ValidationError as error:
                form.add_figure_errors(error)
            else:
                messages.success(request, _saved_message(result))
                return redirect("scorecard:submission_periods")
        return self.show(form, status=400)

    def form(self, data=None) -> FiguresForm:
        return FiguresForm(data, indicators=self.indicators(), held=self.held())

    def show(self, form, status=200):
        return render(
            self.request,
            "scorecard/submission_form.html",
            self.context(form=form, has_indicators=bool(form.indicators)),
            status=status,
        )


class TemplateDownloadView(AgencyPeriodMixin, View):
    def get(self, request, agency_pk, period):
        content = build_template(
            agency=self.agency, period=self.period, indicators=self.indicators(), held=self.held()
        )
        response = HttpResponse(content, content_type=CONTENT_TYPE)
        filename = template_filename(agency=self.agency, period=self.period)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class SubmissionUploadView(AgencyPeriodMixin, View):
    def get(self, request, agency_pk, period):
        return self.show(FigureUploadForm())

    def post(self, request, agency_pk, period):
        form = FigureUploadForm(request.POST, request.FILES)
        problems = []
        if form.is_valid():
            try:
                result = services.figures_upload(
                    agency=self.agency,
                    period=self.period,
                    upload=form.cleaned_data["file"],
                    submitted_by=request.user,
                    reason=form.cleaned_data["reason"],
                )
            except UploadRejected as rejected:
                problems = rejected.errors
                count = len(problems)
                form.add_error(
                    "file", UPLOAD_REJECTED.format(count=count, s="" if count == 1 else "s")
                )
            else:
                messages.success(request, _saved_message(result))
                return redirect("scorecard:submission_periods")
        return self.show(form, problems=problems, status=400)

    def show(self, form, problems=(), status=200):
        return render(
            self.request,
            "scorecard/submission_upload.html",
            self.context(form=form, problems=problems),
            status=status,
        )


class FigureReviseView(RulePermissionMixin, View):
    permission_required = "scorecard.revise_figure"

    def get_permission_object(self) -> Figure:
        if not hasattr(self, "figure"):
            self.figure = get_object_or_404(
                Figure.objects.select_related("indicator__owning_agency", "period"),
                pk=self.kwargs["pk"],
            )
        return self.figure

    def get(self, request, pk):
        return self.show(FigureReviseForm())

    def post(self, request, pk):
        form = FigureReviseForm(request.POST)
        if form.is_valid():
            try:
                services.figure_revise(
                    figure=self.figure, revised_by=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                messages.success(request, "The figure has been revised and the reason recorded.")
                return redirect(self.figure.indicator)
        return self.show(form, status=400)

    def show(self, form, status=200):
        figure = self.figure
        indicator = figure.indicator
        return render(
            self.request,
            "scorecard/figure_revise.html",
            {
                "form": form,
                "figure": figure,
                "indicator": indicator,
                "history": selectors.figure_history(figure=figure),
                "crumbs": [
                    {"text": "Scorecard indicators", "href": reverse("scorecard:indicator_list")},
                    {"text": indicator.code, "href": indicator.get_absolute_url()},
                    {"text": f"Revise {figure.period.label}"},
                ],
            },
            status=status,
        )
