"""Every change to an asked record starts from its row, locked: two people may act at once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from django.db import models

Record = TypeVar("Record", bound=models.Model)


def lock_row(record: Record, *, queryset: models.QuerySet | None = None) -> Record:
    """The record's row as it stands now, locked until the transaction ends.

    Call inside `transaction.atomic`; the state checks then read what no one else can change.
    """
    rows = queryset if queryset is not None else type(record)._default_manager.all()
    return rows.select_for_update().get(pk=record.pk)


def show_saved_state(record: Record, locked: Record, fields: Iterable[str]) -> Record:
    """Show the caller's object the state the service saved on the locked row."""
    for name in fields:
        setattr(record, name, getattr(locked, name))
    return record
