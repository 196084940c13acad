"""Reference numbers of the year: "CH-2026-001", "MACA-2026-01", "CR-2026-01"."""

from __future__ import annotations

from django.db import models
from django.db.models import IntegerField, Max
from django.db.models.functions import Cast, Substr


def next_reference(
    records: models.QuerySet, *, prefix: str, digits: int, field: str = "reference"
) -> str:
    """The next free reference after `prefix`, its number padded to at least `digits`.

    The numbers are compared as numbers, so "CH-2026-1000" follows "CH-2026-999". Two
    records made at the same moment may draw the same reference: give the field a unique
    constraint, which refuses the second.
    """
    last = (
        records.filter(**{f"{field}__startswith": prefix})
        .annotate(number=Cast(Substr(field, len(prefix) + 1), IntegerField()))
        .aggregate(last=Max("number"))["last"]
    )
    return f"{prefix}{(last or 0) + 1:0{digits}d}"
