"""The risk register: what could undermine the protection of children, and how it is held.

Likelihood and impact are scored 1-5 each. The inherent score is before controls, the
residual score after them; every review keeps the residual scores, so each risk has a trend.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .scoring import Band, band_for

SCORE_RANGE = "Score it from 1 (lowest) to 5 (highest)."
RESIDUAL_ABOVE_INHERENT = (
    "The residual score cannot be higher than the inherent score: controls do not make a "
    "risk worse."
)


def score_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[
            MinValueValidator(1, "The score must be 1 or more."),
            MaxValueValidator(5, "The score must be 5 or less."),
        ],
        help_text=SCORE_RANGE,
    )


def scores_in_range(prefix: str, *fields: str) -> list[models.BaseConstraint]:
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
            name=f"{prefix}_{field}_1_to_5",
        )
        for field in fields
    ]


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        TOLERATED = "tolerated", "Tolerated"
        CLOSED = "closed", "Closed"

    class Category(models.TextChoices):
        PRACTICE = "practice", "Quality of practice"
        WORKFORCE = "workforce", "Workforce and capacity"
        PARTNERSHIP = "partnership", "Partnership engagement"
        INFORMATION = "information", "Data and information sharing"
        FINANCE = "finance", "Funding"
        GOVERNANCE = "governance", "Governance and accountability"

    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField()
    cause = models.TextField()
    consequence = models.TextField()
    category = models.CharField(max_length=16, choices=Category.choices)
    owner_agency = models.ForeignKey(
        "partnership.Agency", on_delete=models.PROTECT, related_name="owned_risks"
    )
    owner_person = models.ForeignKey(
        "partnership.Person", on_delete=models.PROTECT, related_name="owned_risks"
    )
    inherent_likelihood = score_field("inherent likelihood")
    inherent_impact = score_field("inherent impact")
    residual_likelihood = score_field("residual likelihood")
    residual_impact = score_field("residual impact")
    controls = models.TextField(help_text="What is in place to reduce the risk.")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    raised_on = models.DateField()
    review_date = models.DateField("next review due")
    review_interval_months = models.PositiveSmallIntegerField(default=3)
    priorities = models.ManyToManyField("priorities.Priority", blank=True, related_name="risks")
    history = HistoricalRecords(m2m_fields=[priorities])

    class Meta:
        ordering = ["reference"]
        indexes = [
            models.Index(fields=["status", "review_date"]),
            models.Index(fields=["owner_agency", "status"]),
            models.Index(fields=["category", "status"]),
        ]
        constraints = scores_in_range(
            "risk",
            "inherent_likelihood",
            "inherent_impact",
            "residual_likelihood",
            "residual_impact",
        ) + [
            models.CheckConstraint(
                condition=models.Q(review_interval_months__gte=1, review_interval_months__lte=24),
                name="risk_review_interval_1_to_24_months",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("risks:detail", kwargs={"pk": self.pk})

    @property
    def owning_agency_id(self) -> int:
        return self.owner_agency_id

    @property
    def inherent_score(self) -> int:
        return self.inherent_likelihood * self.inherent_impact

    @property
    def residual_score(self) -> int:
        return self.residual_likelihood * self.residual_impact

    @property
    def inherent_band(self) -> Band:
        return band_for(self.inherent_score)

    @property
    def residual_band(self) -> Band:
        return band_for(self.residual_score)

    def is_review_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status != self.Status.CLOSED and self.review_date < today

    # The shared status tag (core/includes/status_tag.html) reads these two.
    @property
    def display_status(self) -> str:
        return self.get_status_display()

    @property
    def status_tag_colour(self) -> str:
        return {"open": "blue", "tolerated": "purple", "closed": "grey"}[self.status]

    def clean(self) -> None:
        scores = (
            self.inherent_likelihood,
            self.inherent_impact,
            self.residual_likelihood,
            self.residual_impact,
        )
        if all(isinstance(score, int) and 1 <= score <= 5 for score in scores) and (
            self.residual_score > self.inherent_score
        ):
            raise ValidationError({"residual_impact": RESIDUAL_ABOVE_INHERENT})


class RiskReview(models.Model):
    """A review of a risk, keeping the residual scores it found: the risk's trend."""

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField()
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    likelihood = score_field("residual likelihood")
    impact = score_field("residual impact")
    note = models.TextField("what changed")
    next_review_date = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reviewed_on", "id"]
        constraints = scores_in_range("risk_review", "likelihood", "impact") + [
            models.CheckConstraint(
                condition=models.Q(next_review_date__gt=models.F("reviewed_on")),
                name="risk_next_review_after_review",
            )
        ]
        indexes = [models.Index(fields=["risk", "reviewed_on"])]

    def __str__(self) -> str:
        return f"Review of {self.risk.reference} on {self.reviewed_on}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> Band:
        return band_for(self.score)
