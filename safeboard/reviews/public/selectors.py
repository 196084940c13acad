"""What the public site shows of case reviews: published reviews with their final reports,
and the learning briefings marked public. A review not published never appears."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from ..lifecycle import published_q
from ..models import Briefing, Review, ReviewDocument


def _final_reports() -> Prefetch:
    return Prefetch(
        "documents",
        queryset=ReviewDocument.objects.filter(kind=ReviewDocument.Kind.FINAL_REPORT),
        to_attr="final_reports",
    )


def public_briefings() -> QuerySet[Briefing]:
    """Shared briefings marked public: about a theme, or about a published review."""
    return (
        Briefing.objects.filter(is_public=True, shared_on__isnull=False)
        .filter(Q(review__isnull=True) | published_q("review__"))
        .select_related("review", "theme")
    )


def published_reviews() -> list[Review]:
    """Published reviews, newest first, each with its final reports and public briefings."""
    return list(
        Review.objects.filter(published_q())
        .select_related("decision")
        .prefetch_related(
            _final_reports(),
            Prefetch("briefings", queryset=public_briefings(), to_attr="public_briefings"),
        )
        .order_by("-published_on", "-id")
    )


def published_final_report(review_pk: int, document_pk: int) -> ReviewDocument | None:
    return (
        ReviewDocument.objects.filter(
            pk=document_pk, review_id=review_pk, kind=ReviewDocument.Kind.FINAL_REPORT
        )
        .filter(published_q("review__"))
        .first()
    )
