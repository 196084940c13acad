"""The model rules that records written in bulk skip, checked before they are written."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models


def validate(records: Iterable[models.Model]) -> None:
    """Check each record's fields (choices, lengths, validators) and its clean() rule.

    bulk_create goes straight to the database, which keeps the constraints but not these.
    Related records are left out: they come from the demo itself and may not be saved yet.
    """
    for record in records:
        related = [field.name for field in record._meta.concrete_fields if field.is_relation]
        record.clean_fields(exclude=related)
        record.clean()
