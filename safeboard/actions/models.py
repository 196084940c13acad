"""The action spine: every recommendation, decision or challenge ends as an Action here.

An action always has a due date ("ongoing" is not a status) and its due date only moves
with a recorded reason, so the history of dates shows any drift.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeboard.core.dates import today_for_a_listing


class Action(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        COMPLETE = "complete", "Complete"

    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    owner_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="actions"
    )
    owner_person = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="actions"
    )
    due_on = models.DateField("due date")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)

    # Where the action came from: a meeting decision, a review recommendation, a challenge...
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()
    theme_list: list[Any]  # the themes of its source, set by selectors.with_themes()
    source_shown: Any  # its source as a reader may know it, set by selectors.with_sources()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["owner_agency", "status", "due_on"]),
            models.Index(fields=["owner_person", "status", "due_on"]),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["source_type", "source_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="complete", completed_on__isnull=False)
                | (~models.Q(status="complete") & models.Q(completed_on__isnull=True)),
                name="action_completed_on_only_when_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.owner_agency_id

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status != self.Status.COMPLETE and self.due_on < today

    @property
    def display_status(self) -> str:
        """Overdue is derived from the due date, never stored."""
        return self.status_words(self.status, self.due_on)

    @classmethod
    def status_words(cls, status: str, due_on: datetime.date) -> str:
        """The status as a list or export shows it, from the stored status and due date."""
        if status != cls.Status.COMPLETE and due_on < today_for_a_listing():
            return "Overdue"
        return _STATUS_LABELS.get(status, status)

    @property
    def status_tag_colour(self) -> str:
        if self.is_overdue(today_for_a_listing()):
            return "red"
        return {"not_started": "grey", "in_progress": "blue", "complete": "green"}[self.status]


_STATUS_LABELS = {str(value): str(label) for value, label in Action.Status.choices}


class ProgressUpdate(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress_updates")
    written_on = models.DateField()
    text = models.TextField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-written_on", "-created_at"]

    def __str__(self) -> str:
        return f"{self.written_on}: {self.text[:60]}"


def evidence_upload_path(evidence: Evidence, filename: str) -> str:
    return f"evidence/{evidence.action_id}/{filename}"


class Evidence(models.Model):
    """Evidence that an action made a difference, dated by when the evidence itself arose."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    description = models.TextField()
    evidence_dated = models.DateField(help_text="The date of the evidence itself.")
    file = models.FileField(upload_to=evidence_upload_path, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-evidence_dated"]
        verbose_name_plural = "evidence"

    def __str__(self) -> str:
        return self.description[:60]


class DueDateChange(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="due_date_changes")
    previous_due_on = models.DateField()
    new_due_on = models.DateField()
    reason = models.TextField()
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(previous_due_on=models.F("new_due_on")),
                name="due_date_change_changes_the_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(reason=""), name="due_date_change_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.previous_due_on} → {self.new_due_on}"
