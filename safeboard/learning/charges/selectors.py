"""Reads of what agencies owe: the charges, filtered, and their totals."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from ..models import Charge


@dataclass(frozen=True)
class ChargeFilters:
    agency_id: int | None = None
    kind: str = ""
    raised_from: datetime.date | None = None
    raised_to: datetime.date | None = None


def charge_list(*, filters: ChargeFilters | None = None) -> QuerySet[Charge]:
    filters = filters or ChargeFilters()
    charges = Charge.objects.select_related(
        "agency", "booking__learner", "booking__session__course"
    )
    if filters.agency_id is not None:
        charges = charges.filter(agency_id=filters.agency_id)
    if filters.kind:
        charges = charges.filter(kind=filters.kind)
    if filters.raised_from:
        charges = charges.filter(raised_on__gte=filters.raised_from)
    if filters.raised_to:
        charges = charges.filter(raised_on__lte=filters.raised_to)
    return charges.order_by("-raised_on", "agency__name", "id")


def charge_totals(charges: QuerySet[Charge]) -> dict:
    """How many charges and how much, in all and by kind: one query."""
    totals = charges.order_by().aggregate(
        count=Count("id"),
        total=Sum("amount"),
        places=Sum("amount", filter=Q(kind=Charge.Kind.PLACE)),
        no_shows=Sum("amount", filter=Q(kind=Charge.Kind.NO_SHOW)),
    )
    return {key: value or 0 for key, value in totals.items()}
