"""The yearly report's section on case reviews: the serious incidents notified, the reviews
the partnership decided to hold and those it published in the period, with the published
reviews' recommendations and how far the actions answering them have got.

Progress is counted by the action plan's own selector (findings/selectors.py), as at the end
of the period or today, whichever is earlier: an action not yet due then is open, one past its
date and not complete is overdue.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from safeboard.core.extension_points import ReportSection

from .decision.services import REVIEW_OUTCOMES
from .findings.selectors import action_plan_progress, review_recommendations
from .lifecycle import published_q
from .models import Review


def _name(review: Review) -> str:
    return review.title or review.child_pseudonym


def _progress(progress) -> dict:
    return {
        "complete": progress.complete,
        "open": progress.open,
        "overdue": progress.overdue,
        "total": progress.total,
    }


def _published(review: Review, *, today: datetime.date) -> dict:
    recommendations = review_recommendations(review=review)
    plan = action_plan_progress(recommendations=recommendations, today=today)
    progress = {row.label: row for row in plan.by_recommendation}
    return {
        "reference": review.reference,
        "name": _name(review),
        "published_on": review.published_on.isoformat() if review.published_on else None,
        "recommendations": [
            {
                "number": recommendation.number,
                "text": recommendation.text,
                "agencies": [agency.name for agency in recommendation.agencies.all()],
                **_progress(progress[f"Recommendation {recommendation.number}"]),
            }
            for recommendation in recommendations
        ],
        "progress": _progress(plan.overall),
    }


def review_figures(*, start: datetime.date, end: datetime.date) -> dict:
    today = min(end, timezone.localdate())
    notified = Review.objects.filter(
        notification_sent_on__gte=start, notification_sent_on__lte=end
    ).order_by("notification_sent_on", "reference")
    started = (
        Review.objects.filter(
            decision__outcome__in=REVIEW_OUTCOMES,
            decision__decided_on__gte=start,
            decision__decided_on__lte=end,
        )
        .select_related("decision")
        .order_by("decision__decided_on", "reference")
    )
    published = Review.objects.filter(
        published_q(), published_on__gte=start, published_on__lte=end
    ).order_by("published_on", "reference")
    reviews = [_published(review, today=today) for review in published]
    complete = sum(r["progress"]["complete"] for r in reviews)
    open_ = sum(r["progress"]["open"] for r in reviews)
    overdue = sum(r["progress"]["overdue"] for r in reviews)
    return {
        "as_at": today.isoformat(),
        "notified": [
            {
                "reference": review.reference,
                "notified_on": review.notification_sent_on.isoformat(),
            }
            for review in notified
            if review.notification_sent_on
        ],
        "started": [
            {
                "reference": review.reference,
                "name": _name(review),
                "kind": review.decision.get_outcome_display(),
                "decided_on": review.decision.decided_on.isoformat(),
            }
            for review in started
        ],
        "published": reviews,
        "recommendations": sum(len(r["recommendations"]) for r in reviews),
        "actions": {"complete": complete, "open": open_, "overdue": overdue},
        # Open counts the overdue too, as on every page; the chart parts them.
        "chart": [
            ["Complete", complete],
            ["Open, not yet due", open_ - overdue],
            ["Overdue", overdue],
        ],
    }


def review_summary(figures: dict) -> str:
    counts = (len(figures["notified"]), len(figures["started"]), len(figures["published"]))
    if not any(counts):
        return "No serious incident was notified and no case review was started or published."
    sentences = [
        f"{counts[0]} serious incidents were notified. The partnership "
        f"started {counts[1]} case reviews and published {counts[2]}."
    ]
    if figures["published"]:
        actions = figures["actions"]
        sentences.append(
            f"The published reviews made {figures['recommendations']} recommendations: of the "
            f"actions agreed in answer, {actions['complete']} are complete and "
            f"{actions['overdue']} are late."
        )
    return " ".join(sentences)


REVIEWS = ReportSection(
    key="reviews",
    heading="Case reviews and their recommendations",
    template_name="reviews/report/reviews.html",
    figures=review_figures,
    plain_summary=review_summary,
    acronyms=(
        ("LCSPR", "Local child safeguarding practice review"),
        ("SCR", "Serious case review"),
    ),
    order=200,
)
