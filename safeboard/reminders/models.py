"""What the daily reminder job sent, to whom, about what.

One digest per person per day (a unique constraint, so a second run cannot send another),
and one line per item: the same item is never reminded twice on the same day.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse


class ReminderKind(models.TextChoices):
    ACTION_DUE_SOON = "action_due_soon", "Action due within 7 days"
    ACTION_OVERDUE = "action_overdue", "Action overdue"
    CHALLENGE_RESPONSE_DUE = "challenge_response_due", "Challenge response due"
    CHALLENGE_OVERDUE = "challenge_overdue", "Challenge response overdue"
    CHALLENGE_ESCALATED = "challenge_escalated", "Challenge escalated to you"
    RISK_REVIEW_DUE = "risk_review_due", "Risk review due"
    PRIORITY_REVIEW_DUE = "priority_review_due", "Priority review due"
    QUERY_ANSWER_DUE = "query_answer_due", "Scorecard query: answer due"
    QUERY_OVERDUE = "query_overdue", "Scorecard query: answer overdue"
    FIGURES_DUE = "figures_due", "Scorecard figures due within 7 days"
    FIGURES_LATE = "figures_late", "Scorecard figures late"
    REVIEW_STEP_DUE = "review_step_due", "Case review step due"
    REVIEW_STEP_OVERDUE = "review_step_overdue", "Case review step overdue"
    AUDIT_ANSWERS_DUE = "audit_answers_due", "Case audit answers due"
    AUDIT_ANSWERS_OVERDUE = "audit_answers_overdue", "Case audit answers overdue"
    S11_RETURN_DUE = "s11_return_due", "Section 11 return due"
    S11_RETURN_OVERDUE = "s11_return_overdue", "Section 11 return overdue"
    S11_EVIDENCE_REQUESTED = "s11_evidence_requested", "Section 11 evidence requested"
    TRAINING_SESSION_SOON = "training_session_soon", "Training session coming up"
    TRAINING_EVALUATION_DUE = "training_evaluation_due", "Training evaluation to complete"
    TRAINING_FOLLOW_UP_DUE = "training_follow_up_due", "Training follow-up survey"
    PROTOCOL_REVIEW_DUE = "protocol_review_due", "Protocol with another board: review due"


class ReminderDigest(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_digests"
    )
    day = models.DateField()
    email = models.EmailField(help_text="The address it was sent to.")
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-day", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "day"], name="one_digest_per_person_per_day"
            )
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("reminders:detail", kwargs={"pk": self.pk})


class ReminderItem(models.Model):
    digest = models.ForeignKey(ReminderDigest, on_delete=models.CASCADE, related_name="items")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    kind = models.CharField(max_length=32, choices=ReminderKind.choices)
    item_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    item_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("item_type", "item_id")
    due_on = models.DateField(help_text="The due date the reminder was about.")
    text = models.CharField(max_length=400)
    url = models.CharField(max_length=300)

    class Meta:
        ordering = ["kind", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "item_type", "item_id", "day"],
                name="one_reminder_per_item_per_person_per_day",
            )
        ]
        indexes = [models.Index(fields=["item_type", "item_id", "kind", "recipient", "day"])]

    def __str__(self) -> str:
        return self.text
