"""The risk register: twelve risks, each reviewed three to six times in the last eighteen months.

A risk's residual scores are those its latest review found, and its review date is the one
that review set. Its History tab shows the scores changing review by review.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.apps import apps

from safeboard.risks.models import Risk, RiskReview

from .checks import validate
from .people import Directory
from .plan import BuiltPlan
from .risk_texts import RISKS, RiskSpec
from .timeline import Clock, Versions, add_months, review_days

HISTORY_REASON_LENGTH = 100  # the longest reason a history entry keeps


def build_risks(
    *, rng: random.Random, clock: Clock, directory: Directory, plan: BuiltPlan
) -> list[Risk]:
    versions = Versions()
    risks, reviewed_at = [], []
    for number, spec in enumerate(RISKS, start=1):
        risk, risk_reviews = _risk(rng, clock, directory, spec, f"R{number:02d}", versions)
        risks.append(risk)
        reviewed_at += risk_reviews
    reviews = [review for review, _ in reviewed_at]
    validate([*risks, *reviews])
    Risk.objects.bulk_create(risks)
    RiskReview.objects.bulk_create(reviews)
    # created_at is stamped on creation; date each review to the day it was held.
    for review, when in reviewed_at:
        review.created_at = when
    RiskReview.objects.bulk_update(reviews, ["created_at"])

    through = Risk.priorities.through
    links = through.objects.bulk_create(
        through(risk=risk, priority=plan.priorities[key])
        for risk, spec in zip(risks, RISKS, strict=True)
        for key in spec.priorities
    )
    entries = versions.write()[Risk]
    _write_links_history(entries, links)
    return risks


def _risk(
    rng: random.Random,
    clock: Clock,
    directory: Directory,
    spec: RiskSpec,
    reference: str,
    versions: Versions,
) -> tuple[Risk, list[tuple[RiskReview, datetime.datetime]]]:
    owner = directory.people[spec.owner]
    days = review_days(
        rng,
        clock,
        count=len(spec.reviews),
        interval_months=spec.review_interval_months,
        next_due_in=spec.review_due_in,
    )
    # Added to the register with its first review, as the risk services do.
    raised_on = days[0]
    risk = Risk(
        reference=reference,
        title=spec.title,
        description=spec.description,
        cause=spec.cause,
        consequence=spec.consequence,
        category=spec.category,
        owner_agency=owner.agency,
        owner_person=owner,
        inherent_likelihood=spec.inherent[0],
        inherent_impact=spec.inherent[1],
        controls=spec.controls,
        status=Risk.Status.OPEN,
        raised_on=raised_on,
        review_interval_months=spec.review_interval_months,
    )
    status_from = range(len(spec.reviews))[spec.status_from_review]
    reviewers = (directory.manager, directory.user_of(owner))
    reviews = []
    for index, (day, (likelihood, impact, note)) in enumerate(zip(days, spec.reviews, strict=True)):
        if likelihood * impact > risk.inherent_score:
            raise ValueError(f"{reference}: a review scores above the inherent score.")
        reviewer = directory.manager if index == 0 else rng.choice(reviewers)
        when = clock.at(day, hour=rng.randint(10, 14), minute=rng.randint(0, 59))
        review = RiskReview(
            risk=risk,
            reviewed_on=day,
            reviewed_by=reviewer,
            likelihood=likelihood,
            impact=impact,
            note=note,
            next_review_date=add_months(day, spec.review_interval_months),
        )
        reviews.append((review, when))
        risk.residual_likelihood, risk.residual_impact = likelihood, impact
        risk.review_date = review.next_review_date
        if index == 0:
            versions.created(risk, when=when, user=reviewer)
        else:
            reason = f"Reviewed on {day.day} {day:%B %Y}: {note}"[:HISTORY_REASON_LENGTH]
            versions.changed(risk, when=when, user=reviewer, reason=reason)
        if index == status_from and spec.status != Risk.Status.OPEN:
            risk.status = spec.status
            when += datetime.timedelta(hours=1)
            versions.changed(risk, when=when, user=directory.user_of(owner))
    return risk, reviews


def _write_links_history(entries: list, links: list) -> None:
    """Each history entry of a risk records the priorities it was linked to at the time."""
    links_history = apps.get_model("risks", "HistoricalRisk_priorities")
    by_risk = defaultdict(list)
    for link in links:
        by_risk[link.risk_id].append(link)
    links_history.objects.bulk_create(
        (
            links_history(
                history=entry, id=link.pk, risk_id=link.risk_id, priority_id=link.priority_id
            )
            for entry in entries
            for link in by_risk[entry.id]
        ),
        batch_size=500,
    )
