"""The risk register: twelve risks, each reviewed three to six times in the last eighteen months.

A risk's residual scores are those its latest review found, and its review date is the one
that review set. Its History tab shows the scores changing review by review.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict

from django.apps import apps

from safeboard.actions import services as action_services
from safeboard.core.dates import add_months, long_date
from safeboard.risks.models import Risk, RiskReview
from safeboard.risks.services import risk_add_action

from .checks import validate
from .people import Directory
from .plan import BuiltPlan
from .risk_texts import RISKS, MitigationSpec, RiskSpec
from .timeline import Backdater, Clock, Versions, as_of, review_days

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
    _mitigate(risks, clock, directory)
    return risks


def _mitigate(risks: list[Risk], clock: Clock, directory: Directory) -> None:
    """The actions the owners took to bring their risks down, dated to when they happened."""
    backdater = Backdater()
    for risk, spec in zip(risks, RISKS, strict=True):
        for mitigation in spec.mitigations:
            _mitigation(risk, mitigation, clock, directory, backdater)
    backdater.apply()


def _mitigation(
    risk: Risk, spec: MitigationSpec, clock: Clock, directory: Directory, backdater: Backdater
) -> None:
    owner = directory.people[spec.owner]
    owner_user = directory.user_of(owner)
    raised_on = clock.days_ago(spec.raised_days_ago)
    action = risk_add_action(
        risk=risk,
        title=spec.title,
        owner_agency=owner.agency,
        owner_person=owner,
        due_on=clock.days_ahead(spec.due_in),
        created_by=directory.manager,
    )
    backdater.stamp(
        action, when=clock.at(raised_on, 10), user=directory.manager, field="created_at"
    )
    if spec.progress:
        written_on = clock.days_ago(max(spec.raised_days_ago // 3, 1))
        update = action_services.action_add_progress(
            action=action, text=spec.progress, written_on=written_on, author=owner_user
        )
        backdater.stamp(update, when=clock.at(written_on, 14), user=owner_user, field="created_at")
    if spec.completed_days_ago is not None:
        completed_on = clock.days_ago(spec.completed_days_ago)
        evidence = action_services.action_add_evidence(
            action=action,
            description=spec.evidence,
            evidence_dated=completed_on,
            added_by=owner_user,
        )
        backdater.stamp(
            evidence, when=clock.at(completed_on, 11), user=owner_user, field="added_at"
        )
        as_of(action, clock.at(completed_on, 15), owner_user)
        action_services.action_complete(action=action, completed_on=completed_on)


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
            reason = f"Reviewed on {long_date(day)}: {note}"[:HISTORY_REASON_LENGTH]
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
