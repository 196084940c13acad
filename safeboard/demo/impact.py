"""Evidence of impact in the demo: claims SafeBoard checks against the demo's own data.

- The challenges closed with impact: the claim that plans lasting two years or more fell is
  an indicator claim, and the annual figures the census import computed (rising each year)
  contradict it;
  the others' impact, written as free text, is carried over as stories not checked against
  data, as the free text of a real partnership would be.
- One complete chain for the theme "Fathers and unseen men" (a review's recommendation that
  every adult in the household is named and checked, and its actions) and one for priority 1
  (neglect): each with a supported indicator change, the strategy-meeting re-audit and the
  follow-up answers of the course that teaches it.

Every claim is added through the impact services, as the business manager would.
"""

from __future__ import annotations

import datetime
import random

from django.contrib.contenttypes.models import ContentType

from safeboard.actions.models import Action
from safeboard.audits.models import AuditRound
from safeboard.challenges.models import Challenge
from safeboard.impact import services
from safeboard.impact.models import Claim
from safeboard.learning.models import Course
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Recommendation
from safeboard.scorecard.models import Figure, Indicator, Period

from . import challenge_texts
from .people import Directory
from .plan import BuiltPlan
from .scorecard import build_household_adults_indicator
from .timeline import Clock

CONTRADICTED_CHALLENGE = "Children on child protection plans for two years or more"
FATHERS_RECOMMENDATION = "Every assessment names each adult in the household"
STRATEGY_AUDIT = "Strategy meetings: do they plan the enquiry?"
STRATEGY_REAUDIT = "Strategy meetings: re-audit"
FATHERS_COURSE = "Seeing the unseen men: working with fathers and male carers"
NEGLECT_COURSE = "Recognising and responding to neglect: the Graded Care Profile 2"
NEGLECT_ACTION = "Reduce drift in child in need plans open for more than six months"
GRADED_CARE_ACTION = "Embed the graded care profile in child in need assessments"
TEMPLATE_ACTION = "Add 'the planned investigation' to the strategy meeting record template"
# The monthly runs of an indicator claim, in months before the latest figure.
BEFORE_MONTHS = (35, 12)  # from 35 months ago to 12 months ago
AFTER_MONTHS = (9, 0)


def build_impact(
    *, rng: random.Random, clock: Clock, directory: Directory, plan: BuiltPlan
) -> list[Claim]:
    manager = directory.users.get("manager")
    household = build_household_adults_indicator(
        rng=rng, clock=clock, directory=directory, plan=plan
    )
    claims = _challenge_claims(clock, manager)
    claims += _fathers_chain(clock, manager, household, directory)
    claims += _neglect_chain(clock, manager, Priority.objects.get(plan=plan.plan, number=1))
    return claims


def _challenge_claims(clock: Clock, manager) -> list[Claim]:
    claims = []
    written = [spec for spec in challenge_texts.CHALLENGES if spec.impact]
    for spec in written:
        challenge = Challenge.objects.get(title=spec.title)
        # A challenge with impact written is closed, and challenge_closed_on_only_when_closed
        # gives every closed challenge its closing date.
        assert challenge.closed_on is not None
        recorded_on = min(challenge.closed_on + datetime.timedelta(days=30), clock.today)
        if spec.title == CONTRADICTED_CHALLENGE:
            indicator = Indicator.objects.get(code="CIN-04")
            years = _periods_with_figures(indicator)
            claims.append(
                services.claim_add(
                    subject=challenge,
                    kind=Claim.Kind.INDICATOR,
                    by=manager,
                    statement=spec.impact,
                    recorded_on=recorded_on,
                    indicator=indicator,
                    before_first=years[0],
                    before_last=years[-2],
                    after_first=years[-1],
                    after_last=years[-1],
                )
            )
        else:
            claims.append(
                services.claim_add(
                    subject=challenge,
                    kind=Claim.Kind.STORY,
                    by=manager,
                    statement=spec.impact,
                    recorded_on=recorded_on,
                    narrative=spec.impact,
                    carried_over=True,
                )
            )
    return claims


def _fathers_chain(
    clock: Clock, manager, household: Indicator, directory: Directory
) -> list[Claim]:
    recommendation = Recommendation.objects.get(text__startswith=FATHERS_RECOMMENDATION)
    actions = Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
    ).order_by("pk")
    la_action = actions.filter(owner_agency=directory.agencies["la"]).first() or actions.first()
    return [
        _indicator_claim(
            la_action,
            manager,
            clock,
            household,
            "Assessments now name and check every adult in the household: the share rose "
            "after the recommendation took effect.",
        ),
        _reaudit_claim(
            recommendation,
            manager,
            clock,
            "Strategy meetings now plan the enquiry for everyone in the household: the "
            "re-audit found the standard met far more often.",
        ),
        services.claim_add(
            subject=recommendation,
            kind=Claim.Kind.TRAINING,
            by=manager,
            statement="Practitioners trained to work with fathers and male carers say their "
            "practice changed.",
            recorded_on=clock.days_ago(20),
            course=Course.objects.get(title=FATHERS_COURSE),
        ),
    ]


def _neglect_chain(clock: Clock, manager, priority: Priority) -> list[Claim]:
    drift = Action.objects.get(title=NEGLECT_ACTION)
    graded_care = Action.objects.get(title=GRADED_CARE_ACTION)
    template = Action.objects.get(title=TEMPLATE_ACTION)
    return [
        _indicator_claim(
            drift,
            manager,
            clock,
            Indicator.objects.get(code="CSC-02"),
            "Fewer children are referred again within a year: re-referrals fell as plans "
            "stopped drifting.",
        ),
        _reaudit_claim(
            template,
            manager,
            clock,
            "Strategy records now state the planned investigation: the re-audit found the "
            "standard met in most answers.",
        ),
        _reaudit_claim(
            priority,
            manager,
            clock,
            "Strategy meetings about children at risk of neglect now plan the enquiry: the "
            "re-audit found the standard met far more often.",
        ),
        services.claim_add(
            subject=graded_care,
            kind=Claim.Kind.TRAINING,
            by=manager,
            statement="Practitioners trained in the Graded Care Profile say they use it.",
            recorded_on=clock.days_ago(20),
            course=Course.objects.get(title=NEGLECT_COURSE),
        ),
    ]


def _indicator_claim(subject, manager, clock: Clock, indicator: Indicator, statement: str):
    months = _periods_with_figures(indicator)
    return services.claim_add(
        subject=subject,
        kind=Claim.Kind.INDICATOR,
        by=manager,
        statement=statement,
        recorded_on=clock.days_ago(10),
        indicator=indicator,
        before_first=months[-1 - BEFORE_MONTHS[0]],
        before_last=months[-1 - BEFORE_MONTHS[1]],
        after_first=months[-1 - AFTER_MONTHS[0]],
        after_last=months[-1 - AFTER_MONTHS[1]],
    )


def _reaudit_claim(subject, manager, clock: Clock, statement: str) -> Claim:
    return services.claim_add(
        subject=subject,
        kind=Claim.Kind.REAUDIT,
        by=manager,
        statement=statement,
        recorded_on=clock.days_ago(50),
        earlier_round=AuditRound.objects.get(title=STRATEGY_AUDIT),
        later_round=AuditRound.objects.get(title=STRATEGY_REAUDIT),
    )


def _periods_with_figures(indicator: Indicator) -> list[Period]:
    ids = Figure.objects.filter(indicator=indicator).values("period_id")
    return list(Period.objects.filter(pk__in=ids).order_by("starts_on"))
