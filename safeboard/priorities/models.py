"""The business plan and its priorities: what the partnership has chosen to improve.

A priority gathers the actions that deliver it and the measures that show progress; it is
reviewed on a date that rolls forward with each review, and every review is kept.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

PROGRESS_TAG_COLOURS = {
    "on_track": "green",
    "some_concerns": "yellow",
    "off_track": "red",
    "not_assessed": "grey",
}
STATUS_TAG_COLOURS = {"active": "blue", "achieved": "green", "withdrawn": "grey"}


class BusinessPlan(models.Model):
    title = models.CharField(max_length=200)
    starts_on = models.DateField()
    ends_on = models.DateField()
    summary = models.TextField(blank=True)
    max_active_priorities = models.PositiveSmallIntegerField(
        "most active priorities before a warning",
        default=4,
        help_text="A plan with more active priorities than this is flagged: focus is lost.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")),
                name="business_plan_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(max_active_priorities__gte=1),
                name="business_plan_allows_a_priority",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("priorities:plan_detail", kwargs={"pk": self.pk})

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": "The plan must end after it starts."})


class Priority(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ACHIEVED = "achieved", "Achieved"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Progress(models.TextChoices):
        ON_TRACK = "on_track", "On track"
        SOME_CONCERNS = "some_concerns", "Some concerns"
        OFF_TRACK = "off_track", "Off track"
        NOT_ASSESSED = "not_assessed", "Not yet assessed"

    plan = models.ForeignKey(BusinessPlan, on_delete=models.PROTECT, related_name="priorities")
    number = models.PositiveSmallIntegerField(help_text="Its place in the plan: priority 1, 2...")
    title = models.CharField(max_length=200)
    description = models.TextField("why it matters", blank=True)
    objectives = models.TextField(help_text="What the partnership will achieve, one per line.")
    lead_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="led_priorities"
    )
    lead_person = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="led_priorities"
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    progress = models.CharField(
        max_length=16, choices=Progress.choices, default=Progress.NOT_ASSESSED
    )
    review_date = models.DateField("next review due")
    review_interval_months = models.PositiveSmallIntegerField(
        default=3, help_text="How far the review date rolls forward after each review."
    )
    # What the priority is about: its page gathers everything tagged with these themes.
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="priorities")
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["plan", "number"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="priority_number_in_plan"),
            models.CheckConstraint(
                condition=models.Q(review_interval_months__gte=1, review_interval_months__lte=24),
                name="priority_review_interval_1_to_24_months",
            ),
        ]
        indexes = [models.Index(fields=["status", "review_date"])]

    def __str__(self) -> str:
        return f"Priority {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("priorities:detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.lead_agency_id

    @property
    def owner_person_id(self) -> int:
        return self.lead_person_id

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def is_review_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.ACTIVE and self.review_date < today

    @property
    def status_tag_colour(self) -> str:
        return STATUS_TAG_COLOURS[self.status]

    @property
    def progress_tag_colour(self) -> str:
        return PROGRESS_TAG_COLOURS[self.progress]


class PriorityReview(models.Model):
    """A review of a priority: who reviewed it, what they found and what changed."""

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    progress = models.CharField(max_length=16, choices=Priority.Progress.choices)
    summary = models.TextField("what was found and what changed")
    next_review_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_date__gt=models.F("reviewed_on")),
                name="priority_next_review_after_review",
            )
        ]

    def __str__(self) -> str:
        return f"Review of {self.priority} on {self.reviewed_on}"

    @property
    def progress_tag_colour(self) -> str:
        return PROGRESS_TAG_COLOURS[self.progress]


class PriorityMeasure(models.Model):
    """A measure that shows progress on a priority.

    It may point at any record (a scorecard indicator, an audit question...) through a
    generic link, so measures can be linked before those records exist.
    """

    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="measures")
    description = models.CharField(max_length=300)
    target_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    history = HistoricalRecords()

    class Meta:
        ordering = ["priority", "id"]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return self.description
