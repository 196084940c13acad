"""The partnership's working with other strategic boards: the protocols agreed with each
(the health and wellbeing board, the safeguarding adults board, the community safety
partnership...), kept under review, and the challenges raised with them or by them, which
live in the challenge log and are linked here."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords


class Board(models.Model):
    class Kind(models.TextChoices):
        HEALTH_AND_WELLBEING = "health_wellbeing", "Health and wellbeing board"
        ADULTS = "adults", "Safeguarding adults board"
        COMMUNITY_SAFETY = "community_safety", "Community safety partnership"
        CORPORATE_PARENTING = "corporate_parenting", "Corporate parenting board"
        OTHER = "other", "Other board"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    contact = models.CharField(
        max_length=200, blank=True, help_text="Who to contact there: a role and an email address."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("other_boards:board_detail", kwargs={"pk": self.pk})


class Protocol(models.Model):
    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="protocols")
    title = models.CharField(max_length=200)
    agreed_on = models.DateField("date agreed")
    review_on = models.DateField("review due")
    document_link = models.URLField(max_length=500, blank=True)
    lead_person = models.ForeignKey(
        "partnership.Person",
        on_delete=models.PROTECT,
        related_name="board_protocols",
        help_text="Who keeps the protocol under review; they are reminded when it falls due.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["review_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_on__gt=models.F("agreed_on")),
                name="protocol_review_after_agreed",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.board.get_absolute_url()


class BoardChallenge(models.Model):
    """A challenge of the challenge log between the partnership and another board."""

    class Direction(models.TextChoices):
        RAISED_BY_US = "by_us", "Raised by the partnership"
        RAISED_BY_THEM = "by_them", "Raised by the other board"

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="challenge_links")
    challenge = models.ForeignKey(
        "challenges.Challenge", on_delete=models.CASCADE, related_name="board_links"
    )
    direction = models.CharField(max_length=10, choices=Direction.choices)

    class Meta:
        ordering = ["board", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["board", "challenge"], name="one_link_per_board_and_challenge"
            )
        ]

    def __str__(self) -> str:
        return f"{self.challenge} ({self.get_direction_display()}, {self.board})"

    def get_absolute_url(self) -> str:
        return self.board.get_absolute_url()
