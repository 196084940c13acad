"""Reads for the yearly report's pages."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import PartnerContribution, YearlyReport


def reports_for(*, include_unpublished: bool) -> QuerySet[YearlyReport]:
    reports = YearlyReport.objects.select_related("corrects").prefetch_related("corrections")
    if not include_unpublished:
        reports = reports.filter(status=YearlyReport.Status.PUBLISHED)
    return reports


def latest_published_editions() -> list[YearlyReport]:
    """Each period's latest published edition: a corrected edition in place of the one it
    corrects, with its note."""
    published = list(
        YearlyReport.objects.filter(status=YearlyReport.Status.PUBLISHED).select_related("corrects")
    )
    replaced = {report.corrects_id for report in published if report.corrects_id}
    return [report for report in published if report.pk not in replaced]


def published_report(pk: int) -> YearlyReport | None:
    return (
        YearlyReport.objects.filter(pk=pk, status=YearlyReport.Status.PUBLISHED)
        .select_related("corrects", "signed_off_by__person", "published_by__person")
        .first()
    )


def later_edition(report: YearlyReport) -> YearlyReport | None:
    """The published corrected edition that replaces `report`, if any."""
    return (
        YearlyReport.objects.filter(corrects=report, status=YearlyReport.Status.PUBLISHED)
        .order_by("-pk")
        .first()
    )


def contributions_between(*, first_year: int, last_year: int) -> QuerySet[PartnerContribution]:
    return PartnerContribution.objects.filter(
        financial_year__gte=first_year, financial_year__lte=last_year
    ).select_related("agency")
