"""Reads of the risk register for its pages, exports, the home page and reminders."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from safeboard.actions.models import Action

from .models import Risk, RiskReview
from .scoring import IMPACT_LABELS, LIKELIHOOD_LABELS, SCORES, Band, band_for, band_named
from .scoring import score_range as band_score_range

RESIDUAL = "residual"
INHERENT = "inherent"
BASES = (RESIDUAL, INHERENT)

# Open and tolerated risks are the live register; closed ones are kept for their history.
LIVE = ""
ANY_STATUS = "any"


@dataclass(frozen=True)
class RiskFilters:
    status: str = LIVE  # LIVE, ANY_STATUS or one of Risk.Status
    category: str = ""
    agency_id: int | None = None
    band: str = ""  # a Band name, read on the `basis` scores
    review_overdue: bool = False
    search: str = ""
    basis: str = RESIDUAL  # which scores the band, cell and heat map read
    likelihood: int | None = None  # one cell of the heat map
    impact: int | None = None

    def without_cell(self) -> RiskFilters:
        return RiskFilters(**{**self.__dict__, "likelihood": None, "impact": None})


def _with_scores(risks: QuerySet[Risk]) -> QuerySet[Risk]:
    return risks.annotate(
        residual_points=F("residual_likelihood") * F("residual_impact"),
        inherent_points=F("inherent_likelihood") * F("inherent_impact"),
    )


def _filtered(filters: RiskFilters, *, today: datetime.date) -> QuerySet[Risk]:
    risks = _with_scores(Risk.objects.all())
    if filters.status == LIVE:
        risks = risks.exclude(status=Risk.Status.CLOSED)
    elif filters.status != ANY_STATUS:
        risks = risks.filter(status=filters.status)
    if filters.category:
        risks = risks.filter(category=filters.category)
    if filters.agency_id is not None:
        risks = risks.filter(owner_agency_id=filters.agency_id)
    if filters.review_overdue:
        risks = risks.exclude(status=Risk.Status.CLOSED).filter(review_date__lt=today)
    if filters.search:
        words = filters.search.strip()
        risks = risks.filter(
            Q(reference__iexact=words)
            | Q(title__icontains=words)
            | Q(description__icontains=words)
            | Q(cause__icontains=words)
            | Q(consequence__icontains=words)
            | Q(controls__icontains=words)
        )
    if filters.band:
        lowest, highest = band_score_range(band_named(filters.band))
        risks = risks.filter(
            **{f"{filters.basis}_points__gte": lowest, f"{filters.basis}_points__lte": highest}
        )
    if filters.likelihood:
        risks = risks.filter(**{f"{filters.basis}_likelihood": filters.likelihood})
    if filters.impact:
        risks = risks.filter(**{f"{filters.basis}_impact": filters.impact})
    return risks


def risk_list(
    *, filters: RiskFilters | None = None, today: datetime.date | None = None
) -> QuerySet[Risk]:
    """The register, highest score first on the chosen basis."""
    filters = filters or RiskFilters()
    today = today or timezone.localdate()
    return (
        _filtered(filters, today=today)
        .select_related("owner_agency", "owner_person")
        .order_by(f"-{filters.basis}_points", "reference")
    )


def risk_export_rows(*, filters: RiskFilters | None = None) -> QuerySet[Risk]:
    return risk_list(filters=filters).prefetch_related("priorities")


@dataclass(frozen=True)
class HeatMapCell:
    likelihood: int
    impact: int
    count: int
    band: Band

    @property
    def score(self) -> int:
        return self.likelihood * self.impact


@dataclass(frozen=True)
class HeatMapRow:
    impact: int
    impact_label: str
    cells: list[HeatMapCell]


@dataclass(frozen=True)
class HeatMap:
    basis: str
    rows: list[HeatMapRow]  # highest impact first, as the matrix is read
    likelihoods: list[tuple[int, str]]
    total: int


def risk_heat_map(*, filters: RiskFilters | None = None) -> HeatMap:
    """Risks counted by likelihood and impact on the chosen basis: one aggregate query.

    It counts the risks the filters select, except the heat map's own cell, so that picking a
    cell narrows the list and still shows the whole matrix.
    """
    filters = (filters or RiskFilters()).without_cell()
    likelihood, impact = f"{filters.basis}_likelihood", f"{filters.basis}_impact"
    counts = {
        (row[likelihood], row[impact]): row["count"]
        for row in _filtered(filters, today=timezone.localdate())
        .order_by()
        .values(likelihood, impact)
        .annotate(count=Count("id"))
    }
    rows = [
        HeatMapRow(
            impact=i,
            impact_label=IMPACT_LABELS[i],
            cells=[
                HeatMapCell(
                    likelihood=lk, impact=i, count=counts.get((lk, i), 0), band=band_for(lk * i)
                )
                for lk in SCORES
            ],
        )
        for i in reversed(SCORES)
    ]
    return HeatMap(
        basis=filters.basis,
        rows=rows,
        likelihoods=[(lk, LIKELIHOOD_LABELS[lk]) for lk in SCORES],
        total=sum(counts.values()),
    )


def risk_reviews(*, risk: Risk) -> list[RiskReview]:
    """The risk's reviews, oldest first: its trend."""
    return list(risk.reviews.select_related("reviewed_by__person").order_by("reviewed_on", "id"))


def risk_actions(*, risk: Risk) -> QuerySet[Action]:
    return (
        Action.objects.filter(
            source_type=ContentType.objects.get_for_model(Risk), source_id=risk.pk
        )
        .select_related("owner_agency", "owner_person")
        .order_by("due_on", "id")
    )


def risks_with_review_due(*, today: datetime.date, within_days: int = 14) -> QuerySet[Risk]:
    """Risks still held whose review is overdue or falls due within `within_days`."""
    horizon = today + datetime.timedelta(days=within_days)
    return (
        Risk.objects.exclude(status=Risk.Status.CLOSED)
        .filter(review_date__lt=horizon)
        .select_related("owner_person", "owner_agency")
        .order_by("review_date", "reference")
    )
