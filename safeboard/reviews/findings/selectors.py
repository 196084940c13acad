"""Reads of a review's findings, recommendations and action plan, limited to what a user may
see through `visible_reviews(user)` (cases/selectors.py)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.counting import ActionCounts, count_annotations
from safeboard.actions.models import Action
from safeboard.actions.selectors import actions_answering
from safeboard.partnership.models import Agency
from safeboard.themes.models import Theme
from safeboard.themes.selectors import tagged_through, themes_through

from ..cases.selectors import sees_every_review, visible_reviews
from ..models import Finding, Recommendation, Review


class RecordId(TypedDict):
    """A row of `values("pk")`."""

    pk: int


def recommendations_hidden_from(user: User) -> QuerySet[Recommendation, RecordId]:
    """The ids of the recommendations of reviews `user` may not open: the actions answering
    them stay out of that user's action lists, unless the user owns them (decision 7)."""
    if sees_every_review(user):
        return Recommendation.objects.none().values("pk")
    return Recommendation.objects.exclude(review__in=visible_reviews(user)).values("pk")


def review_findings(*, review: Review) -> list[Finding]:
    """The review's findings in order, each with its themes and recommendations."""
    return list(
        review.findings.prefetch_related("themes", "recommendations").order_by("position", "id")
    )


def review_recommendations(*, review: Review) -> list[Recommendation]:
    return list(
        review.recommendations.select_related("finding")
        .prefetch_related("agencies")
        .order_by("number")
    )


@dataclass(frozen=True)
class RecommendationRow:
    recommendation: Recommendation
    actions: list[Action]
    # Agencies named in the recommendation that have no action from it yet.
    agencies_awaiting: list[Agency]


def recommendation_rows(*, recommendations: list[Recommendation]) -> list[RecommendationRow]:
    """Each recommendation with its actions, in two queries whatever their number."""
    actions = actions_answering(recommendations)
    rows = []
    for recommendation in recommendations:
        answering = actions.get(recommendation.pk, [])
        answered = {action.owner_agency_id for action in answering}
        awaiting = [a for a in recommendation.agencies.all() if a.pk not in answered]
        rows.append(RecommendationRow(recommendation, answering, awaiting))
    return rows


@dataclass
class Progress:
    """Actions counted as every page counts them (safeboard.actions.counting): open (overdue
    included), of which overdue, and complete."""

    label: str
    open: int = 0
    overdue: int = 0
    complete: int = 0
    anchor: str = ""

    @property
    def total(self) -> int:
        return self.open + self.complete

    @property
    def open_words(self) -> str:
        return ActionCounts(open=self.open, overdue=self.overdue).open_words

    @property
    def percent_complete(self) -> int:
        return round(100 * self.complete / self.total) if self.total else 0

    def add(self, *, open: int, overdue: int, complete: int) -> None:
        self.open += open
        self.overdue += overdue
        self.complete += complete


@dataclass
class ActionPlanProgress:
    by_recommendation: list[Progress]
    by_agency: list[Progress]
    overall: Progress = field(default_factory=lambda: Progress("All recommendations"))


def action_plan_progress(
    *, recommendations: list[Recommendation], today: datetime.date | None = None
) -> ActionPlanProgress:
    """A review's action plan (the actions answering its `recommendations`) counted per
    recommendation and per agency in one aggregate query; a recommendation with no action yet
    shows as a row of noughts."""
    today = today or timezone.localdate()
    counts = count_annotations(today)
    rows = (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(Recommendation),
            source_id__in=[recommendation.pk for recommendation in recommendations],
        )
        .values("source_id", "owner_agency_id", "owner_agency__name")
        .annotate(open=counts["open"], overdue=counts["overdue"], complete=counts["complete"])
        .order_by("owner_agency__name", "source_id")
    )
    by_recommendation = {
        recommendation.pk: Progress(
            f"Recommendation {recommendation.number}", anchor=f"recommendation-{recommendation.pk}"
        )
        for recommendation in sorted(recommendations, key=lambda r: r.number)
    }
    by_agency: dict[int, Progress] = {}
    overall = Progress("All recommendations")
    for row in rows:
        tallies = {name: int(row[name]) for name in ("open", "overdue", "complete")}
        if row["source_id"] in by_recommendation:
            by_recommendation[row["source_id"]].add(**tallies)
        agency = by_agency.setdefault(row["owner_agency_id"], Progress(row["owner_agency__name"]))
        agency.add(**tallies)
        overall.add(**tallies)
    return ActionPlanProgress(
        by_recommendation=list(by_recommendation.values()),
        by_agency=list(by_agency.values()),
        overall=overall,
    )


def findings_tagged(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet[Finding]:
    """Findings tagged with any of `themes`, each once."""
    return Finding.objects.filter(pk__in=Finding.objects.filter(themes__in=themes).values("pk"))


def theme_findings(
    *, themes: Iterable[Theme] | QuerySet[Theme], user: User | None
) -> QuerySet[Finding]:
    """Findings tagged with any of `themes` in the reviews `user` may see (every review
    without a user), newest review first."""
    findings = findings_tagged(themes)
    if user is not None:
        findings = findings.filter(review__in=visible_reviews(user))
    return findings.select_related("review").order_by(
        "-review__aware_date", "review_id", "position", "id"
    )


def theme_findings_hidden(*, themes: Iterable[Theme] | QuerySet[Theme], user: User) -> int:
    """How many findings tagged with `themes` are in reviews `user` may not open: counted on
    the page, never shown, and with nothing of the review they come from."""
    return findings_tagged(themes).exclude(review__in=visible_reviews(user)).count()


def recommendations_tagged(themes: Iterable[Theme] | QuerySet[Theme]) -> QuerySet:
    """The ids of the recommendations whose finding is tagged with any of `themes`."""
    return tagged_through(Recommendation, "finding", themes)


def themes_of_recommendations(ids: Iterable[int]) -> dict[int, list[Theme]]:
    """Each recommendation's themes, those of its finding, by recommendation id (two queries)."""
    return themes_through(Recommendation, "finding", ids)
