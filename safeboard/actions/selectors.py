"""Reads of the action spine for pages, exports and the home page."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.core.extension_points import (
    THEMES,
    confidential_sources,
    tag_vocabularies,
    themed_sources,
)
from safeboard.core.links import may_open, record_url

from .counting import ActionCounts, count_actions, is_open, is_overdue
from .models import Action


@dataclass(frozen=True)
class SourceLink:
    """What an action's reader is told about the record it came from."""

    kind: str
    text: str
    url: str = ""


def source_link(action: Action, user: User | None) -> SourceLink | None:
    """A source may guard itself: a record that is confidential to some readers (a case
    review's recommendation) defines `describe_for(user)` and returns a SourceLink that names
    no more than that reader may know. The action spine never imports the modules it serves.
    Without a user (a job, the yearly report's figures) the source is named, never linked."""
    source = action.source
    if source is None or action.source_type_id is None:
        return None
    return _link(source, action.source_type_id, user)


def visible_to(actions: QuerySet[Action], *, user: User | None) -> QuerySet[Action]:
    """`actions` without those that answer a source `user` may not know of; an owner always
    sees their own. One query still: the hidden sources are subqueries."""
    hidden = Q()
    for source in confidential_sources:
        hidden_ids = source.hidden_from(user)
        if hidden_ids.query.is_empty():
            continue  # nothing of that kind is hidden from this reader: no subquery to build
        hidden |= _of_kind(source.key) & Q(source_id__in=hidden_ids)
    if not hidden:
        return actions
    if user is not None and user.person_id:
        hidden &= ~Q(owner_person_id=user.person_id)
    return actions.exclude(hidden)


def _of_kind(key: str) -> Q:
    """Actions whose source is of the kind "app_label.model", by its content type's id (kept
    in memory by Django), not by a join to the content types on every list."""
    app_label, model_name = key.split(".")
    return Q(source_type_id=ContentType.objects.get_by_natural_key(app_label, model_name).pk)


# Themes: an action carries the themes of its source (a finding, a challenge, a priority...),
# derived through the sources registered in core/extension_points.themed_sources, never typed.


def _from_sources_tagged_with(themes: Any) -> Q:
    """Actions whose source is tagged with any of `themes` (one subquery per kind of source)."""
    about = Q(pk__in=[])
    for source in themed_sources:
        about |= _of_kind(source.key) & Q(source_id__in=source.tagged_with(themes))
    return about


def actions_about(themes: Any, *, user: User | None = None) -> QuerySet[Action]:
    """The actions whose source is tagged with any of `themes` (a list or queryset of themes),
    as far as `user` may know of them, soonest due first."""
    actions = Action.objects.select_related("owner_agency", "owner_person")
    return visible_to(actions.filter(_from_sources_tagged_with(themes)), user=user).order_by(
        "due_on", "id"
    )


SourceKey = tuple[int, int]  # a source's (content type id, record id)


def themes_of_sources(sources: Iterable[tuple[int | None, int | None]]) -> dict[SourceKey, list]:
    """The themes of each source, by (content type id, record id): one or two queries for each
    kind of source, whatever their number. Sources of a kind that carries no themes, and
    missing ones, are left out."""
    by_kind: dict[str, set[int]] = defaultdict(set)
    type_of_kind: dict[str, int] = {}
    for source_type_id, source_id in sources:
        if source_type_id is not None and source_id is not None:
            kind = ContentType.objects.get_for_id(source_type_id)
            key = f"{kind.app_label}.{kind.model}"
            by_kind[key].add(source_id)
            type_of_kind[key] = source_type_id
    themes: dict[SourceKey, list] = {}
    for key, ids in by_kind.items():
        if key not in themed_sources:
            continue
        of_source = themed_sources[key].themes_of(ids)
        for source_id in ids:
            themes[(type_of_kind[key], source_id)] = of_source.get(source_id, [])
    return themes


def actions_answering(records: Sequence[models.Model]) -> dict[int, list[Action]]:
    """The actions answering each of `records` (all of one model: a kind of recommendation),
    soonest due first, by record id: one query."""
    if not records:
        return {}
    answering = (
        Action.objects.select_related("owner_agency", "owner_person")
        .filter(
            source_type=ContentType.objects.get_for_model(records[0]),
            source_id__in=[record.pk for record in records],
        )
        .order_by("due_on", "id")
    )
    by_record: dict[int, list[Action]] = defaultdict(list)
    for action in answering:
        if action.source_id is not None:  # the filter above asked for a source
            by_record[action.source_id].append(action)
    return dict(by_record)


def themes_of_actions(actions: Iterable[Action]) -> dict[int, list[Any]]:
    """Each action's themes, those of its source, by action id: one or two queries for each
    kind of source among the actions, whatever their number."""
    actions = list(actions)
    of_sources = themes_of_sources((a.source_type_id, a.source_id) for a in actions)
    themes: dict[int, list[Any]] = {}
    for action in actions:
        found = of_sources.get((action.source_type_id, action.source_id))  # type: ignore[arg-type]
        if found is not None:
            themes[action.pk] = found
    return themes


def with_themes(actions: list[Action]) -> list[Action]:
    """The actions, each with `theme_list`: the themes of its source."""
    themes = themes_of_actions(actions)
    for action in actions:
        action.theme_list = themes.get(action.pk, [])
    return actions


def theme_choices() -> list[tuple[str, str]]:
    """The themes an action list may be filtered by, as (slug, name), if themes are kept."""
    return tag_vocabularies[THEMES].choices() if THEMES in tag_vocabularies else []


@dataclass(frozen=True)
class ActionFilters:
    status: str = ""  # one of Action.Status, or "overdue"
    agency_id: int | None = None
    owner_person_id: int | None = None
    due_before: datetime.date | None = None
    search: str = ""
    theme: str = ""  # a theme's slug: actions whose source is tagged with it


def action_list(
    *, user: User | None = None, filters: ActionFilters | None = None
) -> QuerySet[Action]:
    """The actions `user` may see in a list or export, filtered; with no user, none whose
    source is confidential."""
    filters = filters or ActionFilters()
    today = timezone.localdate()
    actions = visible_to(Action.objects.select_related("owner_agency", "owner_person"), user=user)
    if filters.status == "overdue":
        actions = actions.filter(is_overdue(today))
    elif filters.status == "open":
        actions = actions.filter(is_open())
    elif filters.status:
        actions = actions.filter(status=filters.status)
        if filters.status != Action.Status.COMPLETE:
            actions = actions.filter(due_on__gte=today)
    if filters.agency_id:
        actions = actions.filter(owner_agency_id=filters.agency_id)
    if filters.owner_person_id:
        actions = actions.filter(owner_person_id=filters.owner_person_id)
    if filters.due_before:
        actions = actions.filter(due_on__lte=filters.due_before)
    if filters.search:
        actions = actions.filter(
            Q(title__icontains=filters.search) | Q(description__icontains=filters.search)
        )
    if filters.theme and THEMES in tag_vocabularies:
        themes = tag_vocabularies[THEMES].named([filters.theme])
        actions = actions.filter(_from_sources_tagged_with(themes))
    return actions.order_by("due_on", "id")


def actions_needing_attention(*, person_id: int, within_days: int = 14) -> QuerySet[Action]:
    """A person's open actions that are overdue or due soon."""
    horizon = timezone.localdate() + datetime.timedelta(days=within_days)
    return (
        Action.objects.select_related("owner_agency", "owner_person")
        .filter(owner_person_id=person_id, due_on__lte=horizon)
        .exclude(status=Action.Status.COMPLETE)
        .order_by("due_on")
    )


def agency_overdue_actions(*, agency_id: int, user: User) -> QuerySet[Action]:
    """The agency's overdue actions that `user` may see."""
    actions = Action.objects.select_related("owner_agency", "owner_person")
    return (
        visible_to(actions, user=user)
        .filter(is_overdue(timezone.localdate()), owner_agency_id=agency_id)
        .order_by("due_on")
    )


def action_counts() -> ActionCounts:
    """Every action of the partnership, counted as every page counts them."""
    return count_actions(Action.objects.all())


def sources_shown(
    sources: Iterable[tuple[int | None, int | None]], *, user: User | None
) -> dict[SourceKey, SourceLink | None]:
    """Each source record as `user` may know it (a SourceLink, or None when it is gone), by
    (content type id, record id), each described once. One query per kind of source, whatever
    their number: each kind's records are read with the records they name directly (a
    recommendation's review, a query's indicator), which is all a record's name uses, and
    with those a kind names as its `name_reads` when its name reads further."""
    records = _source_records(sources)
    return {key: _link(record, key[0], user) for key, record in records.items()}


def _source_records(sources: Iterable[tuple[int | None, int | None]]) -> dict[SourceKey, Any]:
    by_kind: dict[int, set[int]] = defaultdict(set)
    for source_type_id, source_id in sources:
        if source_type_id is not None and source_id is not None:
            by_kind[source_type_id].add(source_id)
    records: dict[SourceKey, Any] = {}
    for type_id, ids in by_kind.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        direct = [
            field.name
            for field in model._meta.concrete_fields
            if field.many_to_one and field.related_model is not ContentType
        ]
        related = [*direct, *getattr(model, "name_reads", ())]
        for record in model._default_manager.select_related(*related).filter(pk__in=ids):
            records[(type_id, record.pk)] = record
    return records


def _link(source: Any, source_type_id: int, user: User | None) -> SourceLink | None:
    describe_for = getattr(source, "describe_for", None)
    if describe_for is not None and user is not None:
        return describe_for(user)
    url = record_url(source)
    if not may_open(user, url, source):
        url = ""  # named, but not linked: its page would refuse this reader
    kind = ContentType.objects.get_for_id(source_type_id).name
    return SourceLink(kind=kind.capitalize(), text=str(source), url=url)


def with_sources(actions: list[Action], *, user: User | None) -> list[Action]:
    """The actions, each with `source_shown`: its source record as `user` may know it (a
    SourceLink, or None), as `sources_shown` reads them."""
    keys = [(action.source_type_id, action.source_id) for action in actions]
    records = _source_records(keys)
    shown: dict[SourceKey, SourceLink | None] = {}
    for action, key in zip(actions, keys, strict=True):
        source = records.get(key)  # type: ignore[arg-type]
        if source is None:
            action.source_shown = None
            continue
        action.source = source  # the generic relation's cache: no query of its own
        if key not in shown:
            shown[key] = _link(source, key[0], user)  # type: ignore[index, arg-type]
        action.source_shown = shown[key]  # type: ignore[index]
    return actions
