"""The partnership's yearly report: a 12-month period, its workflow, its narratives, and the
figures frozen when it is published.

A published report renders only from its `snapshot`: the figures every section computed at
the moment of publishing, with the narratives beside them. A later revision of a record never
changes it; a mistake is put right by a corrected edition pointing to the one it corrects.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class YearlyReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        BOARD_REVIEW = "board_review", "With the board for review"
        SIGNED_OFF = "signed_off", "Signed off by the chair"
        PUBLISHED = "published", "Published"

    period_start = models.DateField("Start of the period")
    period_end = models.DateField("End of the period")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    plain_summary = models.TextField(
        "Summary for councillors",
        blank=True,
        help_text="Short sentences in plain English; explain any abbreviation.",
    )
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        help_text="The published edition this one corrects.",
    )
    correction_note = models.TextField("What was corrected", blank=True)

    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    drafted_at = models.DateTimeField(auto_now_add=True)
    sent_for_review_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_for_review_at = models.DateTimeField(null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    # Every section's figures, summary sentences, acronyms and narrative as they were when the
    # report was published (services.publish_report): the published report's only source.
    snapshot = models.JSONField(null=True, blank=True, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gt=models.F("period_start")),
                name="reports_period_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        years = f"{self.period_start.year} to {self.period_end.year}"
        if self.period_start.year == self.period_end.year:
            years = str(self.period_start.year)
        return f"Yearly report {years}" + (" (corrected edition)" if self.corrects_id else "")

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class SectionNarrative(models.Model):
    """What the business manager writes beside one section's figures."""

    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="narratives")
    section_key = models.CharField(max_length=80)
    text = models.TextField(blank=True)
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    written_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section_key"], name="reports_one_narrative_per_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.section_key}"


class Recipient(models.TextChoices):
    """Who receives the report (DATA.md, "Yearly report: recipients and extras")."""

    COUNCIL_CHIEF_EXECUTIVE = "council_chief_executive", "The council's chief executive"
    COUNCIL_LEADER = "council_leader", "The leader of the council"
    POLICE_AND_CRIME_COMMISSIONER = "pcc", "The police and crime commissioner"
    HEALTH_AND_WELLBEING_CHAIR = "hwb_chair", "The chair of the health and wellbeing board"
    NATIONAL_PANEL = "national_panel", "The Child Safeguarding Practice Review Panel"
    WHAT_WORKS = "what_works", "The What Works centre for children's social care"


class ReportRecipient(models.Model):
    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="recipients")
    recipient = models.CharField(max_length=40, choices=Recipient.choices)
    sent_on = models.DateField("Date sent")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["sent_on", "recipient"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "recipient"], name="reports_sent_once_to_each_recipient"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_recipient_display()}, {self.sent_on}"


class PartnerContribution(models.Model):
    """What one agency gave the partnership for one financial year (April to March), in
    pounds, and what it gave in kind."""

    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="report_contributions"
    )
    financial_year = models.PositiveSmallIntegerField(
        help_text="The year the financial year starts: 2025 is April 2025 to March 2026."
    )
    amount = models.DecimalField("Amount in pounds", max_digits=12, decimal_places=2)
    in_kind = models.CharField("Given in kind", max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-financial_year", "agency__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "financial_year"], name="reports_one_contribution_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="reports_contribution_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency}, {self.financial_year}: £{self.amount}"
