"""The challenge log: the board holding a named agency to account.

A challenge is answered by the agency's own staff, judged by the board (accepted, further
challenge, escalated) and closed with its outcome; its evidence of impact is a set of claims (the impact module). A challenge
left unanswered past its due date is overdue and, after a set period, escalates: first to
the agency's board member, then to the chair. Every escalation is recorded.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from safeboard.core.asking.stages import AskedRecord, Stage


class EscalationLevel(models.IntegerChoices):
    NONE = 0, "Not escalated"
    BOARD_MEMBER = 1, "Escalated to the agency's board member"
    CHAIR = 2, "Escalated to the chair"


class Challenge(AskedRecord, models.Model):
    class Status(models.TextChoices):
        AWAITING_RESPONSE = "awaiting_response", "Awaiting response"
        RESPONDED = "responded", "Response received"
        CLOSED = "closed", "Closed"

    # A response the board accepts leaves the challenge responded, waiting to be closed.
    STAGES = {
        Status.AWAITING_RESPONSE: Stage.ASKED,
        Status.RESPONDED: Stage.ANSWERED,
        Status.CLOSED: Stage.CLOSED,
    }

    reference = models.CharField(max_length=20, unique=True)
    agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="challenges"
    )
    title = models.CharField(max_length=200)
    issue = models.TextField(help_text="What the board is asking the agency to account for.")
    evidence = models.TextField(help_text="What the challenge rests on.")
    raised_by = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="challenges_raised"
    )
    raised_on = models.DateField()
    response_due_on = models.DateField("response due")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.AWAITING_RESPONSE
    )
    escalation_level = models.PositiveSmallIntegerField(
        choices=EscalationLevel.choices, default=EscalationLevel.NONE
    )
    priority = models.ForeignKey(
        "priorities.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenges",
    )
    outcome = models.TextField(blank=True)
    # Free-text impact, no longer written: evidence of impact is now a set of claims checked
    # against the data, and what was written here was carried over into them as stories.
    impact_evidence = models.TextField("evidence of impact", blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="challenges")
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-raised_on", "-id"]
        indexes = [
            models.Index(fields=["status", "response_due_on"]),
            models.Index(fields=["agency", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(response_due_on__gte=models.F("raised_on")),
                name="challenge_response_due_after_raised",
            ),
            models.CheckConstraint(
                condition=models.Q(status="closed", closed_on__isnull=False)
                | (~models.Q(status="closed") & models.Q(closed_on__isnull=True)),
                name="challenge_closed_on_only_when_closed",
            ),
            models.CheckConstraint(
                condition=models.Q(escalation_level__gte=0, escalation_level__lte=2),
                name="challenge_escalation_level_0_to_2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.agency_id

    def clean(self) -> None:
        if self.raised_on and self.response_due_on and self.response_due_on < self.raised_on:
            raise ValidationError(
                {"response_due_on": "The response due date must be on or after the date raised."}
            )

    @property
    def is_escalated(self) -> bool:
        return self.status != self.Status.CLOSED and self.escalation_level > EscalationLevel.NONE


class ChallengeResponse(models.Model):
    """One round: the agency's response and the board's judgement of it."""

    class Judgement(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        FURTHER_CHALLENGE = "further_challenge", "Further challenge"
        ESCALATED = "escalated", "Escalated"

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="responses")
    text = models.TextField("response")
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_on = models.DateField()
    judgement = models.CharField(max_length=20, choices=Judgement.choices, blank=True)
    judgement_reason = models.TextField(blank=True)
    judged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judged_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["responded_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(judgement="") & models.Q(judged_on__isnull=True))
                | (~models.Q(judgement="") & models.Q(judged_on__isnull=False)),
                name="challenge_response_judged_on_with_judgement",
            )
        ]

    def __str__(self) -> str:
        return f"Response to {self.challenge.reference} on {self.responded_on}"


class ChallengeEscalation(models.Model):
    """A step up the ladder, made by the daily job (no answer in time) or by the board."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="escalations")
    level = models.PositiveSmallIntegerField(choices=EscalationLevel.choices)
    escalated_on = models.DateField()
    escalated_to = models.ForeignKey(
        "partnership.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="challenge_escalations",
    )
    reason = models.TextField()
    is_automatic = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["escalated_on", "level"]
        constraints = [
            # One escalation per level: a job that runs twice cannot escalate twice.
            models.UniqueConstraint(fields=["challenge", "level"], name="one_escalation_per_level"),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=2),
                name="challenge_escalation_to_level_1_or_2",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.challenge.reference}: {self.get_level_display()} on {self.escalated_on}"
