"""Reads of the partnership for pages and reports."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import InductionItem


def open_induction_items_for(*, person_id: int) -> QuerySet[InductionItem]:
    return InductionItem.objects.filter(
        plan__person_id=person_id, completed_on__isnull=True
    ).order_by("due_on")
