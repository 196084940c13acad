"""What children and young people told the partnership, and what it did about it.

A participation activity (a consultation, a survey, a young advisers' group, a session in a
school) records who took part only as counts by age band and group: no child's name or date
of birth is held anywhere here, so nothing said can be traced back to a child through it.
Each thing said (a "view") is coded to themes, and may get a response, "you said, we did",
which is published to the public site only when the business manager says so.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class AgeBand(models.TextChoices):
    UNDER_11 = "under_11", "Under 11"
    AGE_11_15 = "11_15", "11 to 15"
    AGE_16_17 = "16_17", "16 or 17"
    AGE_18_25 = "18_25", "18 to 25 (care leavers and young adults)"
    NOT_GIVEN = "not_given", "Not given"


class Activity(models.Model):
    class Kind(models.TextChoices):
        CONSULTATION = "consultation", "Consultation"
        SURVEY = "survey", "Survey"
        ADVISERS = "advisers", "Young advisers' group"
        SCHOOL = "school", "Session in a school"
        FOCUS_GROUP = "focus_group", "Focus group"
        OTHER = "other", "Other"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("date held")
    description = models.TextField(help_text="What was asked, how, and by whom.")
    consent_notes = models.TextField(
        blank=True, help_text="How consent was sought from children, young people and parents."
    )
    safeguarding_notes = models.TextField(
        blank=True, help_text="How children taking part were kept safe, and any concern raised."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("voice:activity_detail", kwargs={"pk": self.pk})


class Participation(models.Model):
    """How many children of one age band and group took part: a count, never a list."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participation")
    age_band = models.CharField(max_length=20, choices=AgeBand.choices)
    group = models.CharField(
        max_length=100, help_text="For example: children in care council, year 9 pupils."
    )
    count = models.PositiveIntegerField("number who took part")

    class Meta:
        ordering = ["age_band", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "age_band", "group"], name="voice_one_count_per_band_and_group"
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=1), name="voice_participation_count_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.count} {self.get_age_band_display()}, {self.group}"


class Contribution(models.Model):
    """A view: one thing children or young people said, in their words, coded to themes."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="contributions")
    text = models.TextField("what was said")
    question = models.CharField(max_length=300, blank=True, help_text="What they were asked.")
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, default=AgeBand.NOT_GIVEN)
    group = models.CharField(max_length=100, blank=True)
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="voice_contributions")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["activity", "id"]
        verbose_name = "view"

    def __str__(self) -> str:
        return self.text if len(self.text) <= 80 else f"{self.text[:77]}..."

    def get_absolute_url(self) -> str:
        return reverse("voice:contribution_detail", kwargs={"pk": self.pk})


class Response(models.Model):
    """ "You said, we did": what the partnership did about a view, and what it led to."""

    contribution = models.OneToOneField(
        Contribution, on_delete=models.CASCADE, related_name="response"
    )
    what_we_did = models.TextField("what we did")
    responded_on = models.DateField("date of the response")
    priority = models.ForeignKey(
        "priorities.Priority",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voice_responses",
    )
    action = models.ForeignKey(
        "actions.Action",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voice_responses",
    )
    policy_change = models.TextField(blank=True, help_text="A policy or practice that changed.")
    is_published = models.BooleanField(default=False)
    published_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-responded_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_published=False, published_on__isnull=True)
                | models.Q(is_published=True, published_on__isnull=False),
                name="voice_published_on_only_when_published",
            )
        ]

    def __str__(self) -> str:
        return f"Response to: {self.contribution}"

    def get_absolute_url(self) -> str:
        return self.contribution.get_absolute_url()
