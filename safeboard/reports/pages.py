"""What every page of one report shows, signed in, public or printed."""

from __future__ import annotations

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
    }


def pdf_filename(report: YearlyReport) -> str:
    return f"yearly-report-{report.period_start:%Y}-{report.period_end:%Y}.pdf"
