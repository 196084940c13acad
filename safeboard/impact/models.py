"""Evidence of impact: a claim that something the partnership did made a difference.

A claim is attached to what it is evidence for (an action, a review's recommendation, a
challenge or a priority) and is of one kind. Except for a story, a claim names the data it
rests on, and SafeBoard judges it against that data each time it is shown (judging.py): the
verdict is never stored, so nobody can type it and a revised figure changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

# The records a claim may be attached to, as "app_label.model".
SUBJECT_MODELS = (
    "actions.action",
    "reviews.recommendation",
    "challenges.challenge",
    "priorities.priority",
)


class Claim(models.Model):
    class Kind(models.TextChoices):
        INDICATOR = "indicator", "Indicator change"
        REAUDIT = "reaudit", "Re-audit change"
        TRAINING = "training", "Training change"
        SECTION11 = "section11", "Section 11 change"
        STORY = "story", "A child's or family's story"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    subject_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    statement = models.TextField(
        help_text="What changed, in a sentence, as the board would say it."
    )

    # Indicator change: the runs of periods before and after.
    indicator = models.ForeignKey(
        "scorecard.Indicator", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    before_first = models.ForeignKey(
        "scorecard.Period", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    before_last = models.ForeignKey(
        "scorecard.Period", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    after_first = models.ForeignKey(
        "scorecard.Period", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    after_last = models.ForeignKey(
        "scorecard.Period", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Re-audit change: two rounds of audit with the same tool.
    earlier_round = models.ForeignKey(
        "audits.AuditRound", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    later_round = models.ForeignKey(
        "audits.AuditRound", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Training change: a course's follow-up answers, or one session's.
    course = models.ForeignKey(
        "learning.Course", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    session = models.ForeignKey(
        "learning.Session", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # Section 11 change: one standard (by its code, stable across cycles) in two cycles.
    standard_code = models.CharField(max_length=20, blank=True)
    earlier_cycle = models.ForeignKey(
        "section11.Cycle", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    later_cycle = models.ForeignKey(
        "section11.Cycle", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # A story: anonymised narrative, never a measurement.
    narrative = models.TextField(blank=True)
    told_by = models.CharField(
        max_length=200, blank=True, help_text="Who told it, by role: 'a young person', 'a parent'."
    )
    consent_recorded = models.BooleanField(default=False)
    # Free-text impact written before claims were checked; kept as a story, marked unchecked.
    carried_over = models.BooleanField(default=False)

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_on = models.DateField()
    # A claim is withdrawn, never deleted: its history shows what was claimed and why it went.
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["recorded_on", "id"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="indicator")
                | Q(
                    indicator__isnull=False,
                    before_first__isnull=False,
                    before_last__isnull=False,
                    after_first__isnull=False,
                    after_last__isnull=False,
                ),
                name="indicator_claim_names_its_periods",
            ),
            models.CheckConstraint(
                condition=~Q(kind="reaudit")
                | Q(earlier_round__isnull=False, later_round__isnull=False),
                name="reaudit_claim_names_two_rounds",
            ),
            models.CheckConstraint(
                condition=~Q(kind="training") | Q(course__isnull=False),
                name="training_claim_names_a_course",
            ),
            models.CheckConstraint(
                condition=~Q(kind="section11")
                | (
                    ~Q(standard_code="") & Q(earlier_cycle__isnull=False, later_cycle__isnull=False)
                ),
                name="section11_claim_names_a_standard_and_two_cycles",
            ),
            models.CheckConstraint(
                condition=~Q(kind="story") | ~Q(narrative=""),
                name="story_claim_has_a_narrative",
            ),
            models.CheckConstraint(
                condition=Q(withdrawn_on__isnull=True, withdrawal_reason="")
                | (Q(withdrawn_on__isnull=False) & ~Q(withdrawal_reason="")),
                name="claim_withdrawn_with_a_reason",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["indicator", "reaudit", "training", "section11", "story"]),
                name="claim_kind_known",
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_on is not None
