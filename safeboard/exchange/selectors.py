"""Reads of the exchange: this board's shareable items in the exchange format (export and
feed), the imported learning for theme pages, search and the yearly report."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.extension_points import SearchHit, ShareableSource, shareable_sources
from safeboard.partnership.models import Person
from safeboard.themes.models import Theme

from . import anonymity
from .models import ImportedItem, Pull, Shared, Subscription
from .schema import FORMAT, VERSION

PAGE_SIZE = 100
SEARCH_LIMIT = 50


@dataclass(frozen=True)
class SharedItem:
    shared: Shared
    source: ShareableSource
    record: Any
    item: dict  # in the exchange format, with its id

    @property
    def label(self) -> str:
        return f"{self.source.label} \u201c{self.item['title']}\u201d"


def item_id(shared: Shared, kind: str) -> str:
    return f"{settings.SAFEBOARD_BOARD_ID}:{kind}:{shared.uid}"


def shared_items(shared: Iterable[Shared] | None = None) -> list[SharedItem]:
    """Every shared record (or those of `shared`) in the exchange format: one query per
    source, whatever the number of items. A record deleted since it was marked is left out."""
    marks = list(shared if shared is not None else Shared.objects.select_related("content_type"))
    items = []
    for source in shareable_sources:
        app_label, model = source.key.split(".")
        mine = {
            mark.object_id: mark
            for mark in marks
            if (mark.content_type.app_label, mark.content_type.model) == (app_label, model)
        }
        if not mine:
            continue
        for record in source.records().filter(pk__in=list(mine)):
            mark = mine[record.pk]
            item = {"id": item_id(mark, source.kind), **source.to_item(record)}
            items.append(SharedItem(mark, source, record, item))
    items.sort(key=lambda shared_item: (shared_item.shared.marked_at, shared_item.shared.pk))
    return items


def themes_of(items: Iterable[dict]) -> list[dict]:
    by_slug = {theme["slug"]: theme for item in items for theme in item["themes"]}
    return [by_slug[slug] for slug in sorted(by_slug)]


def document(items: list[dict], *, page: dict | None = None) -> dict:
    doc: dict = {
        "format": FORMAT,
        "version": VERSION,
        "board": {"id": settings.SAFEBOARD_BOARD_ID, "name": settings.SAFEBOARD_BOARD_NAME},
        "generated_at": timezone.now().replace(microsecond=0).isoformat(),
        "themes": themes_of(items),
        "items": items,
    }
    if page is not None:
        doc["page"] = page
    return doc


def last_shared_at() -> datetime.datetime | None:
    return Shared.objects.aggregate(latest=Max("marked_at"))["latest"]


def identifying_names() -> Any:
    return anonymity.names_pattern(Person.objects.values_list("full_name", flat=True))


def export_problems(items: list[SharedItem]) -> list[anonymity.Problem]:
    return anonymity.check_items(
        ((shared.label, shared.item) for shared in items), names=identifying_names()
    )


# What may be marked: the business manager's page.


@dataclass(frozen=True)
class Candidate:
    source: ShareableSource
    record: Any
    shared: Shared | None


def candidates() -> list[tuple[ShareableSource, list[Candidate]]]:
    """Each source's records, with their mark if shared: one query per source and one for
    the marks."""
    marks = {
        (mark.content_type.app_label, mark.content_type.model, mark.object_id): mark
        for mark in Shared.objects.select_related("content_type")
    }
    grouped = []
    for source in shareable_sources:
        app_label, model = source.key.split(".")
        grouped.append(
            (
                source,
                [
                    Candidate(source, record, marks.get((app_label, model, record.pk)))
                    for record in source.records()
                ],
            )
        )
    return grouped


def content_type_of(source: ShareableSource) -> ContentType:
    app_label, model = source.key.split(".")
    return ContentType.objects.get_by_natural_key(app_label, model)


# Imported learning.


def imported_about(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[ImportedItem]:
    tagged = ImportedItem.objects.filter(themes__in=themes).values("pk")
    return ImportedItem.objects.filter(pk__in=tagged).order_by("source_board", "-year", "id")


def search_imported(text: str) -> list[SearchHit]:
    if not text.strip():
        return []
    matching = Q(title__icontains=text) | Q(summary__icontains=text)
    matching |= Q(went_well__icontains=text) | Q(did_not_go_well__icontains=text)
    found = ImportedItem.objects.filter(matching)[:SEARCH_LIMIT]
    return [
        SearchHit(
            kind=f"Another board's {item.get_kind_display().lower()}",
            title=item.title,
            url=item.get_absolute_url(),
            text=item.summary,
            where=item.source_board,
            themes=tuple(theme["name"] for theme in item.theme_names),
        )
        for item in found
    ]


@dataclass(frozen=True)
class SearchGroup:
    label: str
    hits: list[SearchHit]


def search(*, text: str, user: User) -> list[SearchGroup]:
    """Every registered source's matches that `user` may see, then other boards' learning."""
    groups = [SearchGroup(source.label, source.search(text, user)) for source in shareable_sources]
    groups.append(SearchGroup("Learning from other boards", search_imported(text)))
    return groups


def subscriptions() -> QuerySet[Subscription]:
    return Subscription.objects.annotate(item_count=Count("items")).order_by("board_name")


def pulls_of(subscription: Subscription) -> QuerySet[Pull]:
    return subscription.pulls.all()[:50]


def other_boards_figures(*, start: datetime.date, end: datetime.date) -> dict:
    """The yearly report's "learning from other boards": what was imported in the period, by
    board and by kind, and the themes it touched."""
    imported = ImportedItem.objects.filter(imported_at__date__gte=start, imported_at__date__lte=end)
    by_board = list(
        imported.values("source_board").annotate(items=Count("id")).order_by("source_board")
    )
    by_kind = {row["kind"]: row["n"] for row in imported.values("kind").annotate(n=Count("id"))}
    themes = list(
        Theme.objects.filter(imported_learning__in=imported)
        .annotate(items=Count("imported_learning", distinct=True))
        .order_by("-items", "name")
        .values("name", "items")[:10]
    )
    return {
        "total": sum(row["items"] for row in by_board),
        "boards": [{"board": row["source_board"], "items": row["items"]} for row in by_board],
        "findings": by_kind.get(ImportedItem.Kind.FINDING, 0),
        "recommendations": by_kind.get(ImportedItem.Kind.RECOMMENDATION, 0),
        "briefings": by_kind.get(ImportedItem.Kind.BRIEFING, 0),
        "themes": themes,
    }
