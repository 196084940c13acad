"""The business plan: three priorities, each reviewed on its date, with measures and actions.

The plan runs for three years from the 1 April at least 400 days before the build, so it is
always current and each priority has had its reviews. One priority's review is overdue.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from safeboard.core.dates import add_months, long_date
from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityMeasureFactory,
    PriorityReviewFactory,
    PriorityThemeFactory,
)
from safeboard.priorities.models import BusinessPlan, Priority, PriorityMeasure, PriorityReview
from safeboard.scorecard.models import Indicator
from safeboard.themes.models import Theme

from .people import Directory
from .plan_texts import MEASURE_INDICATORS, PLAN_SUMMARY, PRIORITIES, PrioritySpec
from .timeline import Clock, Versions, review_days

MAX_ACTIVE_PRIORITIES = 4
PLAN_YEARS = 3
AGREED_DAYS_BEFORE_START = 21


@dataclass(frozen=True)
class BuiltPlan:
    plan: BusinessPlan
    priorities: dict[str, Priority]  # by PrioritySpec.key
    by_theme: dict[str, Priority]  # an action's theme (action_texts) → the priority it delivers


def plan_start(today: datetime.date) -> datetime.date:
    """The 1 April, the start of a financial year, at least 400 days before today."""
    earliest = today - datetime.timedelta(days=400)
    year = earliest.year if earliest >= datetime.date(earliest.year, 4, 1) else earliest.year - 1
    return datetime.date(year, 4, 1)


def build_plan(*, rng: random.Random, clock: Clock, directory: Directory) -> BuiltPlan:
    starts_on = plan_start(clock.today)
    ends_on = add_months(starts_on, 12 * PLAN_YEARS) - datetime.timedelta(days=1)
    plan = BusinessPlan(
        title=f"Business plan {starts_on.year}–{ends_on.year}",
        starts_on=starts_on,
        ends_on=ends_on,
        summary=PLAN_SUMMARY,
        max_active_priorities=MAX_ACTIVE_PRIORITIES,
    )
    versions = Versions()
    agreed = clock.at(starts_on - datetime.timedelta(days=AGREED_DAYS_BEFORE_START), hour=11)
    versions.created(plan, when=agreed, user=directory.manager)
    priorities, reviewed_at, measures = {}, [], []
    for number, spec in enumerate(PRIORITIES, start=1):
        priority, priority_reviews = _priority(rng, clock, directory, plan, number, spec, versions)
        priorities[spec.key] = priority
        reviewed_at += priority_reviews
        measures += [PriorityMeasure(priority=priority, description=text) for text in spec.measures]
    for measure in measures:
        versions.created(measure, when=clock.at(starts_on, hour=9), user=directory.manager)
    reviews = [review for review, _ in reviewed_at]
    BusinessPlanFactory.create_in_bulk([plan], validate=True)
    PriorityFactory.create_in_bulk(priorities.values(), validate=True)
    _address_themes(priorities)
    PriorityReviewFactory.create_in_bulk(reviews, validate=True)
    PriorityMeasureFactory.create_in_bulk(measures, validate=True)
    # created_at is stamped on creation; date each review to the day it was held.
    for review, when in reviewed_at:
        review.created_at = when
    PriorityReviewFactory.update_in_bulk(reviews, ["created_at"])
    versions.write()

    by_theme = {theme: priorities[spec.key] for spec in PRIORITIES for theme in spec.themes}
    return BuiltPlan(plan=plan, priorities=priorities, by_theme=by_theme)


def link_measures_to_indicators(plan: BuiltPlan) -> None:
    """Point each measure the scorecard shows at its indicator, so the priority's page links it."""
    indicators = {
        indicator.code: indicator
        for indicator in Indicator.objects.filter(code__in=MEASURE_INDICATORS.values())
    }
    indicator_type = ContentType.objects.get_for_model(Indicator)
    measures = list(
        PriorityMeasure.objects.filter(
            priority__plan=plan.plan, description__in=MEASURE_INDICATORS.keys()
        )
    )
    for measure in measures:
        measure.target_type = indicator_type
        measure.target_id = indicators[MEASURE_INDICATORS[measure.description]].pk
    PriorityMeasureFactory.update_in_bulk(measures, ["target_type", "target_id"])


def _address_themes(priorities: dict[str, Priority]) -> None:
    """Each priority addresses its themes, so its page gathers what is tagged with them."""
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    through = PriorityThemeFactory._meta.model
    PriorityThemeFactory.create_in_bulk(
        through(priority_id=priorities[spec.key].pk, theme_id=themes[slug].pk)
        for spec in PRIORITIES
        for slug in spec.addresses
    )


def _priority(
    rng: random.Random,
    clock: Clock,
    directory: Directory,
    plan: BusinessPlan,
    number: int,
    spec: PrioritySpec,
    versions: Versions,
) -> tuple[Priority, list[tuple[PriorityReview, datetime.datetime]]]:
    lead = directory.people[spec.lead]
    interval = spec.review_interval_months
    days = review_days(
        rng,
        clock,
        count=len(spec.reviews),
        interval_months=interval,
        next_due_in=spec.review_due_in,
    )
    priority = Priority(
        plan=plan,
        number=number,
        title=spec.title,
        description=spec.description,
        objectives="\n".join(spec.objectives),
        lead_agency=lead.agency,
        lead_person=lead,
        status=Priority.Status.ACTIVE,
        progress=Priority.Progress.NOT_ASSESSED,
        review_date=days[0],
        review_interval_months=interval,
    )
    versions.created(priority, when=clock.at(plan.starts_on, hour=9), user=directory.manager)
    reviewers = (directory.manager, directory.user_of(lead))
    reviews = []
    for day, review_spec in zip(days, spec.reviews, strict=True):
        reviewer = rng.choice(reviewers)
        when = clock.at(day, hour=rng.randint(10, 15), minute=rng.randint(0, 59))
        review = PriorityReview(
            priority=priority,
            reviewed_on=day,
            reviewed_by=reviewer,
            progress=review_spec.progress,
            summary=review_spec.summary,
            next_review_date=add_months(day, interval),
        )
        versions.created(review, when=when, user=reviewer)
        reviews.append((review, when))
        priority.progress = review.progress
        priority.review_date = review.next_review_date
        reason = f"Reviewed on {long_date(day)}"  # as the priority services put it
        versions.changed(priority, when=when, user=reviewer, reason=reason)
    return priority, reviews
