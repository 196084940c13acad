"""Dates for the demo, relative to the day it is built, and a way to date its history.

The services stamp what they create with the time they run. The demo replays a year of
work in a second, so it dates each change to the day it would have happened: on the
record (created_at, changed_at...) and in its History tab (history_date, history_user).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.utils import timezone


@dataclass(frozen=True)
class Clock:
    today: datetime.date

    def days_ago(self, days: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days)

    def days_ahead(self, days: int) -> datetime.date:
        return self.today + datetime.timedelta(days=days)

    def at(self, day: datetime.date, hour: int = 10, minute: int = 0) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))

    @staticmethod
    def weekday_on_or_after(day: datetime.date) -> datetime.date:
        while day.weekday() >= 5:
            day += datetime.timedelta(days=1)
        return day


def as_of(record: models.Model, when: datetime.datetime, user) -> None:
    """Date and sign the next history entry of `record`, and forget any earlier reason."""
    record._history_date = when
    record._history_user = user
    record.__dict__.pop("_change_reason", None)


class Backdater:
    """Collects records made by services and dates them, and their first history entry."""

    def __init__(self) -> None:
        self._stamps: dict[type[models.Model], list[tuple]] = defaultdict(list)

    def stamp(
        self, record: models.Model, *, when: datetime.datetime, user, field: str = ""
    ) -> None:
        self._stamps[type(record)].append((record, when, user, field))

    def apply(self) -> None:
        for model, stamps in self._stamps.items():
            self._date_records(model, stamps)
            if hasattr(model, "history"):
                self._date_creation_history(model, stamps)
        self._stamps.clear()

    @staticmethod
    def _date_records(model, stamps) -> None:
        fields = {field for _, _, _, field in stamps if field}
        for field in fields:
            records = []
            for record, when, _, stamp_field in stamps:
                if stamp_field == field:
                    setattr(record, field, when)
                    records.append(record)
            model.objects.bulk_update(records, [field], batch_size=500)

    @staticmethod
    def _date_creation_history(model, stamps) -> None:
        history_model = model.history.model
        by_id = {record.pk: (when, user) for record, when, user, _ in stamps}
        entries = list(history_model.objects.filter(id__in=by_id, history_type="+"))
        for entry in entries:
            entry.history_date, entry.history_user = by_id[entry.id]
        history_model.objects.bulk_update(entries, ["history_date", "history_user"], batch_size=500)
