"""What case reviews may share with other boards (core/extension_points.shareable_sources):
their findings, recommendations and learning briefings, in the exchange format, and the
search of them with the reader's permissions.

Only what carries no detail of the case leaves: a finding's title and text (never its
evidence), a recommendation's text, a briefing's learning (never what happened), the year
of the review and the themes. The exchange checks the text again before it exports."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from safeboard.core.extension_points import SearchHit, ShareableSource

from .briefings.selectors import visible_briefings
from .models import Briefing, Finding, Recommendation, Review
from .search.selectors import search_findings

CASE_REVIEW = "case_review"
SEARCH_LIMIT = 50


def _themes(themes) -> list[dict]:
    return [{"slug": theme.slug, "name": theme.name} for theme in themes]


def _year(review: Review | None) -> int | None:
    if review is None:
        return None
    return (review.published_on or review.aware_date).year


def findings() -> QuerySet[Finding]:
    return Finding.objects.select_related("review").prefetch_related("themes")


def finding_item(finding: Finding) -> dict:
    return {
        "type": "finding",
        "source_kind": CASE_REVIEW,
        "year": _year(finding.review),
        "title": finding.title,
        "summary": finding.text,
        "went_well": "",
        "did_not_go_well": finding.text,
        "themes": _themes(finding.themes.all()),
    }


def recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.select_related("review", "finding").prefetch_related(
        "finding__themes"
    )


def recommendation_item(recommendation: Recommendation) -> dict:
    finding = recommendation.finding
    return {
        "type": "recommendation",
        "source_kind": CASE_REVIEW,
        "year": _year(recommendation.review),
        "title": f"Recommendation {recommendation.number}",
        "summary": recommendation.text,
        "themes": _themes(finding.themes.all() if finding else []),
    }


def briefings() -> QuerySet[Briefing]:
    return Briefing.objects.select_related("review", "theme")


def briefing_item(briefing: Briefing) -> dict:
    year = briefing.shared_on.year if briefing.shared_on else _year(briefing.review)
    return {
        "type": "briefing",
        "source_kind": CASE_REVIEW,
        "year": year,
        "title": briefing.title,
        "summary": briefing.what_we_learned,
        "what_to_do_differently": briefing.what_to_do_differently,
        "themes": _themes([briefing.theme] if briefing.theme else []),
    }


def _review_hits(text: str, user, *, kind: type) -> list[SearchHit]:
    return [
        SearchHit(
            kind="Case review finding" if result.is_finding else "Case review recommendation",
            title=str(result.title),
            url=result.url,
            text=str(result.snippet),
            where=result.review.reference,
            themes=tuple(theme.name for theme in result.themes),
        )
        for result in search_findings(user, text)
        if isinstance(result.record, kind)
    ]


def search_briefings(text: str, user) -> list[SearchHit]:
    if not text.strip():
        return []
    matching = Q(title__icontains=text) | Q(what_we_learned__icontains=text)
    matching |= Q(what_to_do_differently__icontains=text)
    found = visible_briefings(user).filter(matching).select_related("review", "theme")
    return [
        SearchHit(
            kind="Learning briefing",
            title=briefing.title,
            url=briefing.get_absolute_url(),
            text=briefing.what_we_learned,
            where=briefing.review.reference if briefing.review else "",
            themes=(briefing.theme.name,) if briefing.theme else (),
        )
        for briefing in found[:SEARCH_LIMIT]
    ]


SOURCES = [
    ShareableSource(
        key="reviews.finding",
        label="Case review finding",
        kind="finding",
        records=findings,
        to_item=finding_item,
        search=lambda text, user: _review_hits(text, user, kind=Finding),
        order=10,
    ),
    ShareableSource(
        key="reviews.recommendation",
        label="Case review recommendation",
        kind="recommendation",
        records=recommendations,
        to_item=recommendation_item,
        search=lambda text, user: _review_hits(text, user, kind=Recommendation),
        order=20,
    ),
    ShareableSource(
        key="reviews.briefing",
        label="Learning briefing",
        kind="briefing",
        records=briefings,
        to_item=briefing_item,
        search=search_briefings,
        order=40,
    ),
]
