"""The board's self-assessment against good-practice questions, grouped by area.

The question bank is the partnership's own data (seeded in SafeBoard's words, then edited by
the business manager). Each member rates each question on a four-point scale and may link
the evidence: a page of SafeBoard. The results (averages per area) are computed, never typed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords


class Area(models.Model):
    name = models.CharField(max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="questions")
    text = models.TextField(help_text="A plain question the board can answer from its own work.")
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(
        "in use", default=True, help_text="Questions no longer asked keep their past ratings."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["area__position", "area__name", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Score(models.IntegerChoices):
    NOT_YET = 1, "1: not yet in place"
    STARTING = 2, "2: starting, with gaps"
    MOSTLY = 3, "3: mostly in place"
    FULLY = 4, "4: fully in place, with evidence of difference made"


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open for ratings"
        COMPLETED = "completed", "Completed"

    title = models.CharField(max_length=200)
    opened_on = models.DateField()
    completed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="open", completed_on__isnull=True)
                | models.Q(status="completed", completed_on__isnull=False),
                name="self_assessment_completed_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("self_assessment:detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class Rating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="ratings")
    rater = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="self_assessment_ratings"
    )
    score = models.PositiveSmallIntegerField(choices=Score.choices)
    evidence_url = models.CharField(
        "evidence", max_length=300, blank=True, help_text="A page of SafeBoard, e.g. /audits/4/."
    )
    comment = models.TextField(blank=True)
    rated_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["assessment", "question", "rater"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "question", "rater"], name="one_rating_per_member"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=4), name="rating_score_in_scale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rater}: {self.score}"
