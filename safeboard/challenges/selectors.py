"""Reads of the challenge log for pages, exports, the home page and the reminder job."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.partnership.models import Group, Membership, Person

from .models import Challenge, ChallengeEscalation, ChallengeResponse, EscalationLevel


class State:
    """The states the log can be filtered by; overdue and escalated are derived."""

    AWAITING_RESPONSE = "awaiting_response"
    OVERDUE = "overdue"
    RESPONDED = "responded"
    ESCALATED = "escalated"
    CLOSED = "closed"

    choices = [
        (AWAITING_RESPONSE, "Awaiting response (not yet overdue)"),
        (OVERDUE, "Overdue"),
        (RESPONDED, "Response received"),
        (ESCALATED, "Escalated (still open)"),
        (CLOSED, "Closed"),
    ]


def _state_condition(state: str, today: datetime.date) -> Q:
    status = Challenge.Status
    awaiting = Q(status=status.AWAITING_RESPONSE)
    closed = Q(status=status.CLOSED)
    return {
        State.AWAITING_RESPONSE: awaiting & Q(response_due_on__gte=today),
        State.OVERDUE: awaiting & Q(response_due_on__lt=today),
        State.RESPONDED: Q(status=status.RESPONDED),
        State.ESCALATED: ~closed & Q(escalation_level__gt=EscalationLevel.NONE),
        State.CLOSED: closed,
    }[state]


@dataclass(frozen=True)
class ChallengeFilters:
    state: str = ""  # one of State, or "" for any
    agency_id: int | None = None
    search: str = ""


def visible_challenges(*, user: User) -> QuerySet[Challenge]:
    """Every challenge for board business readers; an agency's own for its representatives."""
    challenges = Challenge.objects.all()
    if user.has_perm("challenges.list_every_agency"):
        return challenges
    return challenges.filter(agency_id=user.agency_id) if user.agency_id else challenges.none()


def challenge_list(*, user: User, filters: ChallengeFilters | None = None) -> QuerySet[Challenge]:
    filters = filters or ChallengeFilters()
    challenges = visible_challenges(user=user).select_related("agency", "raised_by", "priority")
    if filters.state:
        challenges = challenges.filter(_state_condition(filters.state, timezone.localdate()))
    if filters.agency_id:
        challenges = challenges.filter(agency_id=filters.agency_id)
    if filters.search:
        words = filters.search.strip()
        challenges = challenges.filter(
            Q(reference__icontains=words)
            | Q(title__icontains=words)
            | Q(issue__icontains=words)
            | Q(evidence__icontains=words)
        )
    return challenges.order_by("-raised_on", "-id")


def challenges_awaiting_response(*, agency_id: int | None = None) -> QuerySet[Challenge]:
    """Challenges waiting for an agency's response, the soonest due (or most overdue) first."""
    challenges = Challenge.objects.select_related("agency", "raised_by").filter(
        status=Challenge.Status.AWAITING_RESPONSE
    )
    if agency_id is not None:
        challenges = challenges.filter(agency_id=agency_id)
    return challenges.order_by("response_due_on", "id")


def with_last_escalation(challenges: QuerySet[Challenge]) -> QuerySet[Challenge]:
    """Add `last_escalated_on`, the date of each challenge's latest escalation.

    A subquery rather than a join and Max, so the rows can still be locked for update.
    """
    latest = ChallengeEscalation.objects.filter(challenge=OuterRef("pk")).order_by("-escalated_on")
    return challenges.annotate(last_escalated_on=Subquery(latest.values("escalated_on")[:1]))


def challenges_that_may_escalate(
    *, today: datetime.date, escalation_days: int
) -> QuerySet[Challenge]:
    """Unanswered challenges below the chair, overdue by at least the escalation period.

    A narrowing for the daily job; escalation.next_escalation_date() decides each one.
    """
    cutoff = today - datetime.timedelta(days=escalation_days)
    return with_last_escalation(
        Challenge.objects.select_related("agency").filter(
            status=Challenge.Status.AWAITING_RESPONSE,
            escalation_level__lt=EscalationLevel.CHAIR,
            response_due_on__lte=cutoff,
        )
    ).order_by("response_due_on", "id")


def _active_on(day: datetime.date) -> Q:
    return Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gte=day))


def _board_memberships(day: datetime.date) -> QuerySet[Membership]:
    return Membership.objects.select_related("person").filter(
        _active_on(day), group__kind=Group.Kind.BOARD, person__is_active=True
    )


def _person_with_role(role: str, **filters: Any) -> Person | None:
    user = (
        User.objects.select_related("person")
        .filter(is_active=True, person__isnull=False, person__is_active=True, **filters)
        .filter(role_assignments__role=role)
        .order_by("pk")
        .first()
    )
    return user.person if user else None


def escalation_recipient(
    challenge: Challenge, level: int, *, on: datetime.date | None = None
) -> Person | None:
    """Who a challenge escalates to at a level, on a day (today unless given).

    Level 1: the challenged agency's person on the board, else an account holding the board
    member role at that agency. Level 2: the independent chair (an account holding the chair
    role), else whoever chairs the board. None when there is no one to name.
    """
    day = on or timezone.localdate()
    if level == EscalationLevel.BOARD_MEMBER:
        membership = (
            _board_memberships(day)
            .filter(person__agency_id=challenge.agency_id)
            .exclude(role__in=[Membership.Role.LAY_MEMBER, Membership.Role.ADVISER])
            .order_by("started_on", "pk")
            .first()
        )
        if membership is not None:
            return membership.person
        return _person_with_role(Role.BOARD_MEMBER, person__agency_id=challenge.agency_id)
    if level == EscalationLevel.CHAIR:
        chair = _person_with_role(Role.CHAIR)
        if chair is not None:
            return chair
        membership = (
            _board_memberships(day)
            .filter(role=Membership.Role.CHAIR)
            .order_by("started_on", "pk")
            .first()
        )
        return membership.person if membership else None
    raise ValueError(f"No one receives escalations at level {level}.")


@dataclass
class Round:
    """One round: the agency's response and, once made, the board's judgement of it."""

    number: int
    response: ChallengeResponse


@dataclass
class ChallengePage:
    challenge: Challenge
    rounds: list[Round]
    escalations: list[ChallengeEscalation]
    actions: list[Action]

    @property
    def pending_response(self) -> ChallengeResponse | None:
        """The latest response if the board has not judged it yet."""
        if self.rounds and not self.rounds[-1].response.judgement:
            return self.rounds[-1].response
        return None


def challenge_page(*, challenge: Challenge) -> ChallengePage:
    """Everything the challenge page shows, in a fixed number of queries."""
    responses = challenge.responses.select_related(
        "responded_by__person", "judged_by__person"
    ).order_by("responded_on", "id")
    escalations = challenge.escalations.select_related(
        "escalated_to__agency", "recorded_by__person"
    ).order_by("escalated_on", "level")
    actions = Action.objects.select_related("owner_person", "owner_agency").filter(
        source_type=ContentType.objects.get_for_model(Challenge), source_id=challenge.pk
    )
    return ChallengePage(
        challenge=challenge,
        rounds=[Round(number, response) for number, response in enumerate(responses, start=1)],
        escalations=list(escalations),
        actions=list(actions.order_by("due_on", "pk")),
    )


def latest_unjudged_response(*, challenge: Challenge) -> ChallengeResponse | None:
    latest = (
        challenge.responses.select_related("responded_by__person")
        .order_by("-responded_on", "-id")
        .first()
    )
    return latest if latest is not None and not latest.judgement else None


SUMMARY_FIGURES = ("total", "open", "overdue", "escalated", "closed")


def challenge_summary(*, today: datetime.date | None = None) -> list[Mapping[str, Any]]:
    """One row per challenged agency with its counts, by one aggregate query.

    Open is everything not closed (awaiting a response, overdue or with the board);
    overdue and escalated are counted among the open.
    """
    today = today or timezone.localdate()
    figures = {
        "total": Count("pk"),
        "open": Count("pk", filter=~Q(status=Challenge.Status.CLOSED)),
        "overdue": Count("pk", filter=_state_condition(State.OVERDUE, today)),
        "escalated": Count("pk", filter=_state_condition(State.ESCALATED, today)),
        "closed": Count("pk", filter=_state_condition(State.CLOSED, today)),
    }
    return list(
        Challenge.objects.order_by()
        .values("agency_id", "agency__name")
        .annotate(**figures)
        .order_by("agency__name")
    )


def summary_totals(rows: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """The column totals of the summary, from its rows (no second query)."""
    return {figure: sum(row[figure] for row in rows) for figure in SUMMARY_FIGURES}


def responses_awaiting_judgement() -> QuerySet[Challenge]:
    """Challenges an agency has answered and the board has still to judge, oldest first."""
    return (
        Challenge.objects.select_related("agency")
        .filter(status=Challenge.Status.RESPONDED)
        .order_by("response_due_on", "id")
    )
