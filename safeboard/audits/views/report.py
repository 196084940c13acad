"""The round report: the standard met by question and agency, the grades, the findings and
actions, and the comparison with an earlier round. As a page, a PDF and a spreadsheet."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.pdf import pdf_response

from .. import report_charts, results, selectors
from ..forms import EarlierRoundForm
from ..models import AuditRound
from .common import RoundObjectMixin

EXPORT_COLUMNS = [
    Column("Question", lambda row: row["number"]),
    Column("Question text", lambda row: row["text"]),
    Column("Agency", lambda row: row["agency"]),
    Column("Met the standard", lambda row: row["tally"].met),
    Column("Answered", lambda row: row["tally"].counted),
    Column("Per cent met", lambda row: row["tally"].rounded),
]


def _export_rows(round_results: results.RoundResults) -> list[dict]:
    rows = []
    for result in round_results.measured:
        question = result.question
        for agency, tally in zip(round_results.agencies, result.by_agency, strict=True):
            if tally is not None:
                rows.append(
                    {
                        "number": question.number,
                        "text": question.text,
                        "agency": agency.name,
                        "tally": tally,
                    }
                )
        rows.append(
            {
                "number": question.number,
                "text": question.text,
                "agency": "All agencies",
                "tally": result.overall,
            }
        )
    return rows


def report_context(request, audit_round: AuditRound) -> dict:
    """Everything the report shows, for the page and the PDF alike."""
    round_results = results.round_results(audit_round=audit_round)
    # Only rounds the reader may read the report of: a comparison shows their results too.
    earlier_rounds = results.earlier_rounds(audit_round=audit_round).filter(
        pk__in=selectors.visible_rounds(user=request.user).values("pk")
    )
    # The latest earlier round unless the reader chose another, or none.
    earlier = earlier_rounds.first()
    chosen = request.GET if "earlier" in request.GET else None
    form = EarlierRoundForm(chosen, initial={"earlier": earlier}, rounds=earlier_rounds)
    if chosen is not None and form.is_valid():
        earlier = form.cleaned_data["earlier"]
    comparison = None
    if earlier is not None:
        comparison = results.compare_rounds(
            earlier=results.round_results(audit_round=earlier), later=round_results
        )
    return {
        "audit_round": audit_round,
        "results": round_results,
        "findings": selectors.findings_with_actions(audit_round=audit_round),
        "question_chart": report_charts.by_question_chart(round_results),
        "agency_chart": report_charts.by_agency_chart(round_results),
        "grades_chart": report_charts.grades_chart(round_results),
        "comparison": comparison,
        "comparison_chart": report_charts.comparison_chart(comparison) if comparison else None,
        "earlier_form": form if earlier_rounds else None,
        "earlier": earlier,
    }


class RoundReportView(RoundObjectMixin, View):
    permission_required = "audits.view_report"
    crumb_title = "Report"

    def get(self, request, pk):
        audit_round = self.get_object()
        export_format = request.GET.get("format")
        if export_format in EXPORT_FORMATS:
            return export_response(
                rows=_export_rows(results.round_results(audit_round=audit_round)),
                columns=EXPORT_COLUMNS,
                file_format=export_format,
                filename=f"{audit_round.reference}-results",
            )
        context = report_context(request, audit_round)
        context["crumbs"] = breadcrumbs.page_trail(self)
        context["can_write_findings"] = request.user.has_perm("audits.write_finding")
        query = request.GET.copy()
        query.pop("format", None)
        context["query"] = query.urlencode()
        return render(request, "audits/round_report.html", context)


class RoundReportPdfView(RoundObjectMixin, View):
    permission_required = "audits.view_report"

    def get(self, request, pk):
        audit_round = self.get_object()
        return pdf_response(
            "audits/pdf/round_report.html",
            report_context(request, audit_round),
            filename=f"{audit_round.reference}-report.pdf",
            request=request,
        )
