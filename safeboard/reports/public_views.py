"""The published yearly reports on the public site: read without signing in.

Only published editions exist here: any other report is 404, as if it did not exist."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import render
from django.utils.decorators import method_decorator
from django.views import View

from safeboard.core.pdf import pdf_response

from . import pages, selectors


def _published(pk: int):
    report = selectors.published_report(pk)
    if report is None:
        raise Http404("No published report")
    return report


@method_decorator(login_not_required, name="dispatch")
class PublicReportListView(View):
    def get(self, request):
        return render(
            request,
            "reports/public_list.html",
            {"reports": selectors.latest_published_editions()},
        )


@method_decorator(login_not_required, name="dispatch")
class PublicReportView(View):
    def get(self, request, pk):
        context = pages.report_context(_published(pk))
        return render(request, "reports/public_report.html", {**context, "public": True})


@method_decorator(login_not_required, name="dispatch")
class PublicReportPdfView(View):
    def get(self, request, pk):
        report = _published(pk)
        return pdf_response(
            "reports/report_pdf.html",
            pages.report_context(report),
            filename=pages.pdf_filename(report),
            request=request,
            tagged=True,
        )
