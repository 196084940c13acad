"""Reads for the framework table: an edition's page and the history of its changes."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.urls import reverse

from safeboard.core.history import HistoryEntry, history_entries

from ..models import FrameworkCriterion, FrameworkEdition, Review


def edition_url(edition: FrameworkEdition) -> str:
    return reverse("reviews:framework_detail", kwargs={"pk": edition.pk})


def reviews_under(edition: FrameworkEdition) -> list[dict]:
    """How many cases run under the edition, by stage: they keep their own timescales."""
    rows = (
        Review.objects.filter(edition=edition)
        .order_by()
        .values("stage")
        .annotate(count=Count("pk"))
        .order_by("stage")
    )
    labels = dict(Review.Stage.choices)
    return [{"stage": labels[row["stage"]], "count": row["count"]} for row in rows]


@dataclass(frozen=True)
class EditionChange:
    """One entry of the edition's history: the edition itself or one of its criteria."""

    subject: str
    entry: HistoryEntry


def edition_history(edition: FrameworkEdition) -> list[EditionChange]:
    """Every recorded change to the edition and its criteria (removed ones too), newest first."""
    changes = [
        EditionChange("Timescales and guidance", entry) for entry in history_entries(edition)
    ]
    criterion_ids = (
        FrameworkCriterion.history.filter(edition_id=edition.pk)
        .order_by()
        .values_list("id", flat=True)
        .distinct()
    )
    for criterion_id in criterion_ids:
        # A criterion since removed has no row left: its history is read by its id alone.
        criterion = FrameworkCriterion(pk=criterion_id)
        latest = FrameworkCriterion.history.filter(id=criterion_id).order_by("-history_id").first()
        subject = f"Criterion {latest.code}"
        changes += [EditionChange(subject, entry) for entry in history_entries(criterion)]
    return sorted(changes, key=lambda change: change.entry.when, reverse=True)


def edition_list() -> QuerySet[FrameworkEdition]:
    return FrameworkEdition.objects.prefetch_related(
        Prefetch("criteria", queryset=FrameworkCriterion.objects.order_by("position", "id"))
    ).order_by("-year", "name")


def edition_criteria(edition: FrameworkEdition) -> list[FrameworkCriterion]:
    return list(edition.criteria.order_by("position", "id"))
