"""The History tab: every recorded change to a domain record, with who, when and what."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Protocol, cast

from django.db import models


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    when: Any
    who: str
    kind: str
    reason: str
    changes: list[FieldChange]


_KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}


def history_entries(record) -> list[HistoryEntry]:
    """Newest first; each entry lists the fields that differ from the version before."""
    versions = list(record.history.select_related("history_user__person").order_by("-history_id"))
    entries = []
    for index, version in enumerate(versions):
        previous = versions[index + 1] if index + 1 < len(versions) else None
        changes = []
        if previous is not None:
            delta = version.diff_against(previous)
            changes = [
                FieldChange(
                    field=_verbose_name(record, change.field), old=change.old, new=change.new
                )
                for change in delta.changes
            ]
        entries.append(
            HistoryEntry(
                when=version.history_date,
                who=str(version.history_user) if version.history_user else "SafeBoard",
                kind=_KINDS.get(version.history_type, version.history_type),
                reason=version.history_change_reason or "",
                changes=changes,
            )
        )
    return entries


def _verbose_name(record, field_name: str) -> str:
    try:
        return str(record._meta.get_field(field_name).verbose_name).capitalize()
    except Exception:  # a field since removed from the model
        return field_name


# django-simple-history keeps a change reason in a 100-character column.
REASON_LENGTH = 100


def history_reason(reason: str) -> str:
    """The reason as it fits the history's column: shortened with an ellipsis if need be."""
    if len(reason) > REASON_LENGTH:
        return reason[: REASON_LENGTH - 1].rstrip() + "…"
    return reason


def save_with_reason(record, reason: str, *, fields: list[str] | None = None) -> None:
    """Save with a reason in the history record, then forget it so a later save has none."""
    record._change_reason = history_reason(reason)
    try:
        record.save(update_fields=fields)
    finally:
        del record._change_reason


class HistoryStamps(Protocol):
    """What django-simple-history reads off a record as it writes the record's next entry:
    when (else now), by whom (else the request's user) and why. They are plain attributes the
    library does not declare, so they are typed here."""

    _history_date: datetime.datetime
    _history_user: Any
    _change_reason: str


def history_stamps(record: models.Model) -> HistoryStamps:
    """The record, seen as the stamps of its next history entry (the same object)."""
    return cast(HistoryStamps, record)
