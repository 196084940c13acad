"""Dates for the demo, relative to the day it is built, and a way to date its history.

The services stamp what they create with the time they run. The demo replays a year of
work in a second, so it dates each change to the day it would have happened: on the
record (created_at, changed_at...) and in its History tab (history_date, history_user).
"""

from __future__ import annotations

import copy
import datetime
import random
from collections import defaultdict
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from safeboard.core.dates import add_months
from safeboard.core.history import history_stamps


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


def review_days(
    rng: random.Random, clock: Clock, *, count: int, interval_months: int, next_due_in: int
) -> list[datetime.date]:
    """The days of `count` reviews held about every `interval_months`, oldest first.

    The last review is one interval before the next one falls due, `next_due_in` days from
    today (negative when it is overdue); the earlier ones fall on weekdays, a few days either
    side of their date.
    """
    days = [add_months(clock.days_ahead(next_due_in), -interval_months)]
    for _ in range(count - 1):
        earlier = add_months(days[-1], -interval_months)
        days.append(Clock.weekday_on_or_after(earlier + datetime.timedelta(rng.randint(-6, 6))))
    return days[::-1]


def as_of(record: models.Model, when: datetime.datetime, user) -> None:
    """Date and sign the next history entry of `record`, and forget any earlier reason."""
    stamps = history_stamps(record)
    stamps._history_date, stamps._history_user = when, user
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


class Versions:
    """The History tab of records written in bulk: how each looked after each change, and when.

    The demo builds a record's whole life in memory, taking a version after each change
    (`created`, then `changed`), saves the final records in bulk, then `write` saves every
    version as a dated history entry. Returns the entries made, by model.
    """

    def __init__(self) -> None:
        self._versions: dict[type[models.Model], list[tuple]] = defaultdict(list)

    def created(self, record: models.Model, *, when: datetime.datetime, user, reason: str = ""):
        self._take(record, "+", when, user, reason)

    def changed(self, record: models.Model, *, when: datetime.datetime, user, reason: str = ""):
        self._take(record, "~", when, user, reason)

    def _take(self, record, history_type, when, user, reason) -> None:
        version = copy.copy(record)
        version._history_date = when
        version._history_user = user
        version._change_reason = reason
        self._versions[type(record)].append((record, history_type, version))

    def write(self) -> dict[type[models.Model], list[models.Model]]:
        written = {}
        for model, versions in self._versions.items():
            stamped = [
                field.attname
                for field in model._meta.concrete_fields
                if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            ]
            for record, _, version in versions:
                version.pk = record.pk
                # Related records saved since the version was taken now have their ids.
                version._prepare_related_fields_for_save(operation_name="history")
                for attname in stamped:  # stamped when saved: dated on the record by then
                    if getattr(version, attname) is None:
                        setattr(version, attname, getattr(record, attname))
            written[model] = [
                entry
                for history_type in ("+", "~")
                # django-simple-history adds `history` to the model; it has no type hints.
                for entry in model.history.bulk_history_create(  # type: ignore[attr-defined]
                    [version for _, kind, version in versions if kind == history_type],
                    update=history_type == "~",
                    batch_size=500,
                )
            ]
        self._versions.clear()
        return written
