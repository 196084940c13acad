"""What every page of one report shows, signed in, public or printed."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from . import assembly, selectors
from .models import YearlyReport


def report_context(report: YearlyReport) -> dict:
    sections = assembly.sections_of(report)
    return {
        "report": report,
        "sections": sections,
        "glossary": assembly.glossary(sections),
        "recipients": list(report.recipients.all()) if report.is_published else [],
        "later_edition": selectors.later_edition(report) if report.is_published else None,
        "web_address": web_address(report),
    }


def web_address(report: YearlyReport) -> str:
    """Where the report is read in full: the public site once published, else SafeBoard. A
    printed table cut short sends its reader here for every row."""
    name = "reports:public_detail" if report.is_published else "reports:detail"
    return settings.SAFEBOARD_SITE_URL.rstrip("/") + reverse(name, kwargs={"pk": report.pk})


def pdf_filename(report: YearlyReport) -> str:
    return f"yearly-report-{report.period_start:%Y}-{report.period_end:%Y}.pdf"
