"""The base of every app's factories: one record at a time, or many made elsewhere at once."""

from __future__ import annotations

from collections.abc import Iterable

import factory
from django.db import models
from simple_history.utils import bulk_create_with_history, bulk_update_with_history


class TypographicFaker(factory.Faker):
    """Faker text with typographic apostrophes (O’Connor), which HTML escaping leaves as they are.

    Tests look for names and job titles in rendered pages; a straight apostrophe comes out
    as `&#x27;` and would make such a check fail only on the runs that drew one.
    """

    def evaluate(self, instance, step, extra):
        return super().evaluate(instance, step, extra).replace("'", "\u2019")


class ModelFactory(factory.django.DjangoModelFactory):
    """A factory that can also save, in a few queries, records already made in memory.

    The demo partnership makes thousands of records whose whole life it has planned;
    saving them one at a time would take minutes. `create_in_bulk` checks the rules that
    saving in bulk skips (field choices, lengths, validators and clean()), then writes them.
    """

    class Meta:
        abstract = True

    @classmethod
    def create_in_bulk(
        cls,
        records: Iterable[models.Model],
        *,
        batch_size: int | None = None,
        with_history: bool = False,
        history_user=None,
        validate: bool = False,
    ) -> list[models.Model]:
        """Save `records` as they are; `with_history` also writes each one's first history entry."""
        records = list(records)
        if validate:
            check_rules(records)
        model = cls._meta.model
        if with_history:
            return bulk_create_with_history(
                records, model, batch_size=batch_size, default_user=history_user
            )
        return model._default_manager.bulk_create(records, batch_size=batch_size)

    @classmethod
    def update_in_bulk(
        cls,
        records: Iterable[models.Model],
        fields: list[str],
        *,
        batch_size: int | None = None,
        with_history: bool = False,
        history_user=None,
    ) -> None:
        """Save `fields` of records already saved; `with_history` also records the change."""
        records = list(records)
        model = cls._meta.model
        if with_history:
            bulk_update_with_history(
                records, model, fields, batch_size=batch_size, default_user=history_user
            )
        else:
            model._default_manager.bulk_update(records, fields, batch_size=batch_size)


def check_rules(records: Iterable[models.Model]) -> None:
    """Check each record's fields (choices, lengths, validators) and its clean() rule.

    Saving in bulk goes straight to the database, which keeps the constraints but not these.
    Related records are left out: they may be made alongside and not be saved yet.
    """
    for record in records:
        related = [field.name for field in record._meta.concrete_fields if field.is_relation]
        record.clean_fields(exclude=related)
        record.clean()
