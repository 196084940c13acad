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
    """Newest first; each entry lists the fields that differ from the version before, in
    words: a choice by its label, a linked record by its name, never a stored code or id."""
    versions = list(record.history.select_related("history_user__person").order_by("-history_id"))
    deltas = [
        versions[index].diff_against(versions[index + 1]).changes
        if index + 1 < len(versions)
        else []
        for index in range(len(versions))
    ]
    words = _Words(record, [change for delta in deltas for change in delta])
    entries = []
    for version, delta in zip(versions, deltas, strict=True):
        changes = [
            FieldChange(
                field=_verbose_name(record, change.field),
                old=words.of(change.field, change.old),
                new=words.of(change.field, change.new),
            )
            for change in delta
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


class _Words:
    """Stored values as a reader knows them. The records that changed foreign keys name are
    read once per kind of record for the whole history, not once per change."""

    def __init__(self, record, changes: list) -> None:
        self.fields: dict[str, models.Field] = {}
        ids: dict[str, set] = {}
        for change in changes:
            field = _field(record, change.field)
            if field is None:
                continue
            self.fields[change.field] = field
            if field.many_to_one:
                ids.setdefault(change.field, set()).update(
                    value for value in (change.old, change.new) if value is not None
                )
        self.names: dict[str, dict] = {
            name: {
                pk: str(related)
                for pk, related in self.fields[name]
                .related_model._default_manager.in_bulk(list(values))  # type: ignore[union-attr]
                .items()
            }
            for name, values in ids.items()
            if values
        }

    def of(self, field_name: str, value: Any) -> Any:
        field = self.fields.get(field_name)
        if field is None or value is None or value == "":
            return value
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if field.many_to_one:
            return self.names.get(field_name, {}).get(value, "a record since deleted")
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return value


def _field(record, field_name: str) -> models.Field | None:
    try:
        return record._meta.get_field(field_name)
    except Exception:  # a field since removed from the model
        return None


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
