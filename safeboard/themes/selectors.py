"""Themes offered when tagging findings and courses, and what a theme's page shows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Model, QuerySet

from safeboard.accounts.models import User
from safeboard.core.evidence import GatheredSection, gather
from safeboard.core.extension_points import THEME, evidence_about

from .models import Theme


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def retired_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=False).order_by("name")


def theme_page_sections(*, theme: Theme, user: User | None) -> list[GatheredSection]:
    """Each registered section with the records tagged with `theme` that `user` may see, and a
    count of those the user may not."""
    return [gather(section, [theme], user) for section in evidence_about(THEME)]


def tagged_with(model: type[Model], themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet:
    """The ids (`values("pk")`) of the records of `model` (one with a `themes` field) tagged
    with any of `themes`, as a subquery."""
    return model._default_manager.filter(themes__in=themes).values("pk").distinct()


def themes_of(model: type[Model], ids: Iterable[int]) -> dict[int, list[Theme]]:
    """Each record's themes by record id, in theme order, in one query."""
    field: Any = model._meta.get_field("themes")
    source = field.m2m_field_name()  # the through table's link to the record, e.g. "challenge"
    links = (
        field.remote_field.through._default_manager.filter(**{f"{source}_id__in": list(ids)})
        .select_related("theme")
        .order_by("theme__position", "theme__name")
    )
    themes: dict[int, list[Theme]] = defaultdict(list)
    for link in links:
        themes[getattr(link, f"{source}_id")].append(link.theme)
    return dict(themes)


def tagged_through(
    model: type[Model], parent: str, themes: Iterable[Theme] | QuerySet[Theme]
) -> QuerySet:
    """The ids (`values("pk")`) of the records of `model` whose `parent` record (a
    recommendation's finding) is tagged with any of `themes`, as a subquery."""
    return (
        model._default_manager.filter(**{f"{parent}__themes__in": themes}).values("pk").distinct()
    )


def themes_through(model: type[Model], parent: str, ids: Iterable[int]) -> dict[int, list[Theme]]:
    """Each record's themes, those of its `parent` record (a recommendation's finding), by
    record id, in theme order: two queries."""
    links = list(
        model._default_manager.filter(pk__in=list(ids), **{f"{parent}__themes__isnull": False})
        .values_list("pk", f"{parent}__themes")
        .order_by()
    )
    themes = Theme.objects.in_bulk({theme_id for _, theme_id in links})
    by_record: dict[int, list[Theme]] = defaultdict(list)
    for record_id, theme_id in links:
        by_record[record_id].append(themes[theme_id])
    return {
        pk: sorted(found, key=lambda theme: (theme.position, theme.name))
        for pk, found in by_record.items()
    }
