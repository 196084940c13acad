"""The log of national reviews and reports the partnership has considered (the Child
Safeguarding Practice Review Panel's national reviews, inspectorates' thematic reports,
research), each with what the partnership decided to do about it: its local recommendations,
and the actions answering them on the action spine."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class NationalReview(models.Model):
    class Kind(models.TextChoices):
        PANEL_REVIEW = "panel_review", "Panel national review"
        THEMATIC = "thematic", "Inspectorate thematic report"
        RESEARCH = "research", "Research"
        GUIDANCE = "guidance", "National guidance"
        OTHER = "other", "Other report"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    published_on = models.DateField("date published")
    link = models.URLField(max_length=500, blank=True)
    summary = models.TextField(help_text="What it found, in a few sentences.")
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="national_reviews")
    decision = models.TextField(
        "what the partnership decided", blank=True, help_text="What the partnership will do."
    )
    decided_on = models.DateField("date decided", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-published_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(decision="") & models.Q(decided_on__isnull=True))
                | (~models.Q(decision="") & models.Q(decided_on__isnull=False)),
                name="national_review_decided_on_with_decision",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("national_learning:review_detail", kwargs={"pk": self.pk})


class Recommendation(models.Model):
    """What the partnership asks of its agencies because of a national review."""

    review = models.ForeignKey(
        NationalReview, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField("what the partnership asks")
    made_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_on", "id"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."

    def get_absolute_url(self) -> str:
        return self.review.get_absolute_url()
