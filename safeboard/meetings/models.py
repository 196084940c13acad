"""Meetings of the board and its subgroups: agendas, papers, decisions, minutes, attendance."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from safeboard.partnership.models import Agency, Group, Person

MINUTES_APPROVED_BEFORE_MEETING = "The minutes cannot be approved before the meeting took place."
DEPUTY_NAME_REQUIRED = "Enter the name of the deputy."


class Meeting(models.Model):
    group = models.ForeignKey(Group, on_delete=models.PROTECT, related_name="meetings")
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField()
    location = models.CharField(max_length=200, blank=True)
    minutes = models.TextField(blank=True)
    minutes_approved_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["group", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d %b %Y})"

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def held_on(self) -> datetime.date:
        """The meeting's date where the partnership is, not in UTC."""
        return timezone.localdate(self.starts_at)

    def clean(self) -> None:
        if self.minutes_approved_on and self.starts_at and self.minutes_approved_on < self.held_on:
            raise ValidationError({"minutes_approved_on": MINUTES_APPROVED_BEFORE_MEETING})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    presenter = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="one_agenda_item_per_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"


def paper_upload_path(paper: Paper, filename: str) -> str:
    return f"papers/{paper.meeting_id}/{filename}"


class Paper(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="papers")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="papers"
    )
    title = models.CharField(max_length=200)
    file = models.FileField(upload_to=paper_upload_path)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # The business manager's choice: readers (councillors, inspectors) may open this paper,
    # and it shows on their dashboard; they see nothing else of the meeting.
    for_readers = models.BooleanField(
        "for readers",
        default=False,
        help_text="Councillors and inspectors with a reader's account may open it.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "title"]

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField()
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "recorded_at"]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        # Decisions are read in the context of their meeting, so link to them there.
        meeting_url = reverse("meetings:detail", args=[self.meeting_id])
        return f"{meeting_url}#decision-{self.pk}"

    @property
    def page_record(self) -> Meeting:
        """The meeting whose page shows this decision (core.links asks its page's rule)."""
        return self.meeting


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", "Present"
        DEPUTY = "deputy", "Sent a deputy"
        APOLOGIES = "apologies", "Apologies"
        ABSENT = "absent", "Absent without apologies"

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="attendances")
    # The agency at the time of the meeting, so a later move does not rewrite the record.
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="attendances")
    status = models.CharField(max_length=16, choices=Status.choices)
    deputy_name = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_per_person"),
            models.CheckConstraint(
                condition=~models.Q(status="deputy") | ~models.Q(deputy_name=""),
                name="attendance_deputy_is_named",
            ),
        ]
        indexes = [models.Index(fields=["agency", "status"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"

    def clean(self) -> None:
        if self.status == self.Status.DEPUTY and not self.deputy_name.strip():
            raise ValidationError({"deputy_name": DEPUTY_NAME_REQUIRED})
