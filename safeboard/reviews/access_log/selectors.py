"""Reads for the access log: who opened which restricted review's pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ..models import Review, ReviewViewLog


def access_log(*, review_id: int | None = None) -> QuerySet[ReviewViewLog]:
    """Who opened which restricted review's pages, and when: newest first."""
    entries = ReviewViewLog.objects.select_related("review", "user__person")
    if review_id is not None:
        entries = entries.filter(review_id=review_id)
    return entries.order_by("-viewed_at", "-id")


def logged_reviews() -> QuerySet[Review]:
    """The reviews that appear in the access log, to filter it by."""
    return Review.objects.filter(Q(view_log__isnull=False)).distinct().order_by("reference")
