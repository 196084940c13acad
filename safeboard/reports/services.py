"""Changes to yearly reports: keyword-only, atomic, each refusing what its state forbids."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.core import extension_points as points
from safeboard.partnership.models import Agency

from . import assembly, periods, states
from .models import (
    PartnerContribution,
    Recipient,
    ReportRecipient,
    SectionNarrative,
    YearlyReport,
)


def _locked(report: YearlyReport) -> YearlyReport:
    return YearlyReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def create_report(
    *, period_start: datetime.date, period_end: datetime.date, created_by: User
) -> YearlyReport:
    """A draft report for a 12-month period no other edition covers."""
    if not periods.is_twelve_months(period_start, period_end):
        expected = periods.twelve_months_from(period_start)
        raise ValidationError(
            {
                "period_end": f"A yearly report covers 12 months: a period starting on "
                f"{period_start:%-d %B %Y} ends on {expected:%-d %B %Y}."
            }
        )
    overlapping = YearlyReport.objects.filter(
        period_start__lte=period_end, period_end__gte=period_start
    ).first()
    if overlapping is not None:
        raise ValidationError(
            {
                "period_start": f"The period overlaps {overlapping.title} "
                f"({overlapping.period_start:%-d %B %Y} to {overlapping.period_end:%-d %B %Y}). "
                "To put right a published report, issue a corrected edition of it."
            }
        )
    return YearlyReport.objects.create(
        period_start=period_start, period_end=period_end, drafted_by=created_by
    )


@transaction.atomic
def set_summary(*, report: YearlyReport, plain_summary: str, written_by: User) -> YearlyReport:
    report = _locked(report)
    states.EDIT.refuse_unless_allowed(report)
    report.plain_summary = plain_summary.strip()
    report.save(update_fields=["plain_summary"])
    return report


@transaction.atomic
def set_narrative(
    *, report: YearlyReport, section_key: str, text: str, written_by: User
) -> SectionNarrative:
    report = _locked(report)
    states.EDIT.refuse_unless_allowed(report)
    if section_key not in points.report_sections:
        raise ValidationError(f"The report has no section {section_key!r}.")
    narrative, _ = SectionNarrative.objects.update_or_create(
        report=report,
        section_key=section_key,
        defaults={"text": text.strip(), "written_by": written_by},
    )
    return narrative


@transaction.atomic
def send_for_review(*, report: YearlyReport, sent_by: User) -> YearlyReport:
    report = _locked(report)
    states.SEND_FOR_REVIEW.refuse_unless_allowed(report)
    report.status = YearlyReport.Status.BOARD_REVIEW
    report.sent_for_review_by = sent_by
    report.sent_for_review_at = timezone.now()
    report.save()
    return report


@transaction.atomic
def return_to_draft(*, report: YearlyReport, returned_by: User) -> YearlyReport:
    """The board asked for changes: the report goes back to the business manager."""
    report = _locked(report)
    states.RETURN_TO_DRAFT.refuse_unless_allowed(report)
    report.status = YearlyReport.Status.DRAFT
    report.signed_off_by = None
    report.signed_off_at = None
    report.save()
    return report


@transaction.atomic
def sign_off(*, report: YearlyReport, signed_off_by: User) -> YearlyReport:
    """The chair signs the report off once the board has reviewed it."""
    report = _locked(report)
    states.SIGN_OFF.refuse_unless_allowed(report)
    if not signed_off_by.has_role(Role.CHAIR):
        raise ValidationError("Only the independent chair or scrutineer signs the report off.")
    report.status = YearlyReport.Status.SIGNED_OFF
    report.signed_off_by = signed_off_by
    report.signed_off_at = timezone.now()
    report.save()
    return report


@transaction.atomic
def publish_report(*, report: YearlyReport, published_by: User) -> YearlyReport:
    """Publish a signed-off report, freezing every section's figures as they are now."""
    report = _locked(report)
    states.PUBLISH.refuse_unless_allowed(report)
    now = timezone.now()
    sections = assembly.compute_sections(
        start=report.period_start,
        end=report.period_end,
        narratives=assembly.narratives_of(report),
    )
    report.snapshot = assembly.snapshot_of(sections, taken_at=now)
    report.status = YearlyReport.Status.PUBLISHED
    report.published_by = published_by
    report.published_at = now
    report.save()
    return report


@transaction.atomic
def issue_correction(*, report: YearlyReport, note: str, issued_by: User) -> YearlyReport:
    """A corrected edition of a published report: a new draft for the same period, with the
    narratives and summary carried over and a note saying what it corrects."""
    report = _locked(report)
    states.CORRECT.refuse_unless_allowed(report)
    if not note.strip():
        raise ValidationError({"note": "Say what the corrected edition puts right."})
    correction = YearlyReport.objects.create(
        period_start=report.period_start,
        period_end=report.period_end,
        plain_summary=report.plain_summary,
        corrects=report,
        correction_note=note.strip(),
        drafted_by=issued_by,
    )
    SectionNarrative.objects.bulk_create(
        SectionNarrative(
            report=correction, section_key=n.section_key, text=n.text, written_by=issued_by
        )
        for n in report.narratives.all()
    )
    return correction


@transaction.atomic
def record_recipient(
    *,
    report: YearlyReport,
    recipient: str,
    sent_on: datetime.date,
    recorded_by: User,
    today: datetime.date | None = None,
) -> ReportRecipient:
    report = _locked(report)
    states.SEND_TO_RECIPIENTS.refuse_unless_allowed(report)
    today = today or timezone.localdate()
    if recipient not in Recipient.values:
        raise ValidationError({"recipient": f"{recipient!r} is not a recipient of the report."})
    if sent_on > today:
        raise ValidationError({"sent_on": "The date sent cannot be in the future."})
    assert report.published_at is not None  # published, as the transition checked
    if sent_on < timezone.localtime(report.published_at).date():
        raise ValidationError({"sent_on": "The report cannot be sent before it was published."})
    if report.recipients.filter(recipient=recipient).exists():
        raise ValidationError(
            {"recipient": f"Sending to {Recipient(recipient).label} is already recorded."}
        )
    return ReportRecipient.objects.create(
        report=report, recipient=recipient, sent_on=sent_on, recorded_by=recorded_by
    )


@transaction.atomic
def record_contribution(
    *,
    agency: Agency,
    financial_year: int,
    amount: Decimal,
    in_kind: str = "",
    recorded_by: User,
) -> PartnerContribution:
    """An agency's contribution for one financial year; a second entry replaces the first."""
    if amount is None or amount < 0:
        raise ValidationError({"amount": "A contribution cannot be less than £0."})
    if not 2000 <= financial_year <= 2100:
        raise ValidationError({"financial_year": "Give the year the financial year starts."})
    contribution, _ = PartnerContribution.objects.update_or_create(
        agency=agency,
        financial_year=financial_year,
        defaults={"amount": amount, "in_kind": in_kind.strip(), "recorded_by": recorded_by},
    )
    return contribution
