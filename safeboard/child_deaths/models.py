"""The child death overview panel's learning, as themed findings.

Nothing here identifies a child: a finding is the panel's learning across one or more deaths
it reviewed, with the category of death, whether it found modifiable factors, and how many
deaths the learning draws on. There is no field for a child's name, date of birth, date of
death or any case number. Findings lead to recommendations, and recommendations to actions
on the action spine, like every other source of learning.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class DeathCategory(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=200, unique=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["number"]
        verbose_name_plural = "death categories"

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"


class Finding(models.Model):
    class Modifiable(models.TextChoices):
        YES = "yes", "Yes: modifiable factors identified"
        NO = "no", "No modifiable factors identified"
        UNKNOWN = "unknown", "Not enough information to judge"

    title = models.CharField(max_length=200)
    text = models.TextField("the learning")
    category = models.ForeignKey(
        DeathCategory,
        on_delete=models.PROTECT,
        related_name="findings",
        verbose_name="category of death",
    )
    modifiable_factors = models.CharField(max_length=10, choices=Modifiable.choices)
    deaths_reviewed = models.PositiveSmallIntegerField(
        "number of deaths the learning draws on", default=1
    )
    agreed_on = models.DateField("date the panel agreed it")
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="child_death_findings")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["-agreed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deaths_reviewed__gte=1), name="child_death_finding_deaths_ge_1"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("child_deaths:finding_detail", kwargs={"pk": self.pk})


class Recommendation(models.Model):
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField("what the panel asks")
    made_on = models.DateField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["made_on", "id"]

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."

    def get_absolute_url(self) -> str:
        return self.finding.get_absolute_url()
