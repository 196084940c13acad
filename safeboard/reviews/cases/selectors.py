"""Reads of cases for the list, a review's page, the home panel and the reminders, each
limited to what the user may see.

`visible_reviews(user)` is the queryset form of the `reviews.view_review` rule (rules.py): the
list, the theme pages, the briefing list and search use it, so that nothing of a review a
user may not open ever reaches them.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Prefetch, Q, QuerySet

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role

from ..lifecycle import FINISHED_STAGES, published_q
from ..models import (
    AgencyContribution,
    Decision,
    Milestone,
    PractitionerEvent,
    Review,
    ReviewDocument,
    TeamMember,
)
from . import steps as review_steps
from .steps import DueStep, Step

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

AWAITING_DECISION = "awaiting_decision"
KIND_CHOICES = [(AWAITING_DECISION, "Awaiting a decision"), *Decision.Outcome.choices]
# Who hears of a review's steps besides the business manager.
STEP_OWNER_ROLES = (TeamMember.Role.PANEL_CHAIR, TeamMember.Role.LEAD_REVIEWER)


@dataclass(frozen=True)
class ReviewFilters:
    stage: str = ""
    kind: str = ""


def sees_every_review(user: User) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.has_role(Role.BUSINESS_MANAGER, Role.CHAIR)
    )


def visible_reviews(user: User) -> QuerySet[Review]:
    """The reviews `user` may open: all for the business manager and the chair; the reviews
    whose team they are on; and, for anyone signed in with a role, the published ones."""
    if not getattr(user, "is_authenticated", False):
        return Review.objects.none()
    if sees_every_review(user):
        return Review.objects.all()
    on_team = Q(pk__in=TeamMember.objects.filter(user=user).values("review"))
    if user.roles:
        return Review.objects.filter(on_team | published_q())
    return Review.objects.filter(on_team)


def _with_pending_work(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """What pending_steps() reads, fetched for every review at once."""
    return reviews.select_related("edition", "decision").prefetch_related(
        Prefetch(
            "contributions",
            queryset=AgencyContribution.objects.filter(received_on__isnull=True).select_related(
                "agency"
            ),
        ),
        Prefetch("milestones", queryset=Milestone.objects.filter(completed_on__isnull=True)),
    )


def review_list(*, user: User, filters: ReviewFilters = ReviewFilters()) -> QuerySet[Review]:
    """The reviews the user may open, newest first: all for the business manager and chair,
    their own for team members, and published reviews for everyone signed in with a role."""
    reviews = visible_reviews(user)
    if filters.stage:
        reviews = reviews.filter(stage=filters.stage)
    if filters.kind == AWAITING_DECISION:
        reviews = reviews.filter(decision__isnull=True)
    elif filters.kind:
        reviews = reviews.filter(decision__outcome=filters.kind)
    return _with_pending_work(reviews).order_by("-aware_date", "-id")


def with_next_step(
    reviews: Iterable[Review], *, today: datetime.date
) -> list[tuple[Review, DueStep | None]]:
    """Each review with the soonest step still to do (None when nothing waits)."""
    rows = []
    for review in reviews:
        pending = review_steps.pending_steps(review, today=today)
        rows.append((review, pending[0] if pending else None))
    return rows


@dataclass
class ReviewPage:
    """Everything a review's page shows, in a fixed number of queries."""

    review: Review
    decision: Decision | None
    timeline: list[Step]
    team: list[TeamMember]
    contributions: list[Step]
    events: list[PractitionerEvent]
    milestones: list[Step]
    documents: list[ReviewDocument]
    agencies: list = field(default_factory=list)

    @property
    def team_user_ids(self) -> set[int]:
        return {member.user_id for member in self.team}


def review_for_page(pk: int) -> Review:
    """The review with what its page shows of it; its team as `team_members`, which is also
    what the page's own rule reads to know whether the reader is on it (reviews/rules.py)."""
    return (
        Review.objects.select_related(
            "edition",
            "referred_by__person",
            "decision__decided_by",
            "decision__signed_off_by__person",
            "rapid_review",
        )
        .prefetch_related(
            Prefetch(
                "team",
                queryset=_with_people(TeamMember.objects.all()),
                to_attr="team_members",
            ),
        )
        .get(pk=pk)
    )


def review_page(*, review: Review, today: datetime.date) -> ReviewPage:
    decision = getattr(review, "decision", None)
    contributions = review.contributions.select_related("agency").order_by("due_on", "id")
    milestones = review.milestones.order_by("due_on", "id")
    documents = list(review.documents.select_related("uploaded_by__person"))
    final_reports = [doc for doc in documents if doc.kind == ReviewDocument.Kind.FINAL_REPORT]
    timeline = review_steps.timeline_steps(review, today=today)
    if final_reports:
        received_on = min(doc.uploaded_at for doc in final_reports).date()
        # The review's step is done when its final report came in.
        timeline = [
            replace(step, done_on=received_on) if step.key == "review" and step.done else step
            for step in timeline
        ]
    return ReviewPage(
        review=review,
        decision=decision,
        timeline=timeline,
        team=_team(review),
        contributions=[review_steps.contribution_step(c, today=today) for c in contributions],
        events=list(review.events.order_by("held_on", "id")),
        milestones=[review_steps.milestone_step(m, today=today) for m in milestones],
        documents=documents,
        agencies=list(review.agencies.all()),
    )


def _with_people(team: QuerySet[TeamMember]) -> QuerySet[TeamMember]:
    """A team with who each member is and their agency, as the review's page names them."""
    return team.select_related("user__person__agency")


def _team(review: Review) -> list[TeamMember]:
    read = getattr(review, "team_members", None)  # read with the review for its page
    return read if read is not None else list(_with_people(review.team.all()))


def reviews_worked_on_by(user: User) -> QuerySet[Review]:
    """Open cases the user works on: all for the business manager and chair, else their team's."""
    reviews = Review.objects.exclude(stage__in=FINISHED_STAGES)
    if not sees_every_review(user):
        reviews = reviews.filter(team__user=user)
    return reviews


def steps_due_for(
    *, user: User, today: datetime.date, within_days: int
) -> list[tuple[Review, DueStep]]:
    """Steps of the user's open cases that are overdue or due within the days, soonest first."""
    horizon = today + datetime.timedelta(days=within_days)
    due = [
        (review, step)
        for review in _with_pending_work(reviews_worked_on_by(user))
        for step in review_steps.pending_steps(review, today=today)
        if step.due_on <= horizon
    ]
    return sorted(due, key=lambda pair: (pair[1].due_on, pair[0].reference))


class StepOwners(TypedDict):
    """What reviews_to_chase() adds to each review: who answers for its steps."""

    step_owners: list[TeamMember]


def reviews_to_chase() -> QuerySet[WithAnnotations[Review, StepOwners]]:
    """Every open case with its pending work and the team members who answer for its steps."""
    owners = TeamMember.objects.filter(
        role__in=STEP_OWNER_ROLES, user__is_active=True
    ).select_related("user")
    return _with_pending_work(Review.objects.exclude(stage__in=FINISHED_STAGES)).prefetch_related(
        Prefetch("team", queryset=owners, to_attr="step_owners")
    )


def business_managers() -> list[User]:
    return list(
        User.objects.filter(is_active=True, role_assignments__role=Role.BUSINESS_MANAGER)
        .select_related("person")
        .distinct()
    )


def published_final_reports(review: Review) -> list[ReviewDocument]:
    """The final report of a published review, which every reader may download."""
    if not review.is_published:
        return []
    return list(review.documents.filter(kind=ReviewDocument.Kind.FINAL_REPORT))
