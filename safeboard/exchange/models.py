"""The exchange of learning between boards: what this board shares, the feeds of other boards
it subscribes to, each pull of them, and the learning imported from them (read-only)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse


class Shared(models.Model):
    """A record the business manager marked shareable with other boards. The mark lives here,
    not on the record, so the modules that hold the records know nothing of the exchange.
    `uid` is the record's lasting identity in the exchange: a neighbour re-importing it
    recognises it by its id (board + kind + uid)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-marked_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="exchange_shared_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.app_label}.{self.content_type.model} {self.object_id}"


class Subscription(models.Model):
    """Another board's feed, which the daily run pulls."""

    board_name = models.CharField(max_length=200)
    feed_url = models.URLField("feed address", max_length=500, unique=True)
    is_active = models.BooleanField(default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["board_name", "id"]

    def __str__(self) -> str:
        return self.board_name

    def get_absolute_url(self) -> str:
        return reverse("exchange:subscription", kwargs={"pk": self.pk})


class Pull(models.Model):
    """One pull of a subscription's feed (or one import of a file): when, how it went."""

    class Status(models.TextChoices):
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(
        Subscription, null=True, blank=True, on_delete=models.CASCADE, related_name="pulls"
    )
    source_name = models.CharField(max_length=200)
    pulled_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=12, choices=Status.choices)
    imported = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-pulled_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} at {self.pulled_at:%Y-%m-%d %H:%M}"


class ImportedItem(models.Model):
    """A finding, recommendation or briefing of another board, as it sent it. Read-only: no
    form changes it; a later pull of the same id is skipped."""

    class Kind(models.TextChoices):
        FINDING = "finding", "Finding"
        RECOMMENDATION = "recommendation", "Recommendation"
        BRIEFING = "briefing", "Learning briefing"

    item_id = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    source_kind = models.CharField(max_length=20)
    source_board = models.CharField(max_length=200)
    source_link = models.CharField(max_length=500, blank=True)
    subscription = models.ForeignKey(
        Subscription, null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )
    pull = models.ForeignKey(Pull, on_delete=models.PROTECT, related_name="items")
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    title = models.CharField(max_length=300)
    summary = models.TextField()
    went_well = models.TextField(blank=True)
    did_not_go_well = models.TextField(blank=True)
    what_to_do_differently = models.TextField(blank=True)
    theme_names = models.JSONField(default=list, help_text="The themes as the board named them.")
    themes = models.ManyToManyField("themes.Theme", blank=True, related_name="imported_learning")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-imported_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchange:imported", kwargs={"pk": self.pk})

    @property
    def source_kind_label(self) -> str:
        return {"case_review": "case review", "audit": "case audit"}.get(
            self.source_kind, self.source_kind.replace("_", " ")
        )
