"""Reads of meetings for pages and reports."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils import timezone

from .models import Meeting


def upcoming_meetings_for(*, person_id: int) -> QuerySet[Meeting]:
    today = timezone.localdate()
    return (
        Meeting.objects.select_related("group")
        .filter(group__memberships__person_id=person_id, starts_at__date__gte=today)
        .distinct()
        .order_by("starts_at")
    )
