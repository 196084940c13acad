"""Reads of the Section 11 self-assessment for pages, the home page, letters and reminders."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.partnership.models import Person

from .chasing import ChaseSchedule, Step, steps_until
from .models import (
    Chase,
    Cycle,
    CycleStandard,
    EvidenceRequest,
    ImprovementItem,
    Rating,
    Return,
)
from .scale import Scale


def agency_contacts(agency_ids: Iterable[int]) -> dict[int, list[User]]:
    """Who hears about each organisation's return: its active agency leads, or, where it
    has none, its board members."""
    agency_ids = set(agency_ids)
    by_role: dict[tuple[int | None, str], list[User]] = {}
    users = (
        User.objects.filter(
            is_active=True,
            person__is_active=True,
            person__agency_id__in=agency_ids,
            role_assignments__role__in=[Role.AGENCY_LEAD, Role.BOARD_MEMBER],
        )
        .select_related("person")
        .prefetch_related("role_assignments")
        .distinct()
        .order_by("person__full_name", "pk")
    )
    for user in users:
        for assignment in user.role_assignments.all():
            by_role.setdefault((user.agency_id, assignment.role), []).append(user)
    contacts = {}
    for agency_id in agency_ids:
        leads = by_role.get((agency_id, Role.AGENCY_LEAD)) or by_role.get(
            (agency_id, Role.BOARD_MEMBER), []
        )
        if leads:
            contacts[agency_id] = leads
    return contacts


def signatory() -> Person | None:
    """Who signs the partnership's letters: the independent chair, else the business manager."""
    for role in (Role.CHAIR, Role.BUSINESS_MANAGER):
        user = (
            User.objects.select_related("person")
            .filter(is_active=True, person__is_active=True, role_assignments__role=role)
            .order_by("pk")
            .first()
        )
        if user is not None:
            return user.person
    return None


def with_return_counts(cycles: QuerySet[Cycle]) -> QuerySet[Cycle]:
    return cycles.annotate(
        return_count=Count("returns", distinct=True),
        submitted_count=Count(
            "returns", filter=Q(returns__status=Return.Status.SUBMITTED), distinct=True
        ),
        outstanding_count=Count(
            "returns", filter=~Q(returns__status=Return.Status.SUBMITTED), distinct=True
        ),
    )


def cycle_list() -> QuerySet[Cycle]:
    return with_return_counts(Cycle.objects.select_related("standard_set")).order_by(
        "-returns_due_on", "-id"
    )


def current_cycles() -> list[Cycle]:
    """The open cycles, with their counts: where the chase list lives."""
    return list(
        with_return_counts(Cycle.objects.filter(status=Cycle.Status.OPEN)).order_by(
            "returns_due_on", "id"
        )
    )


def returns_of_agency(agency_id: int | None) -> QuerySet[Return]:
    """An organisation's returns to cycles that have opened, newest cycle first."""
    if agency_id is None:
        return Return.objects.none()
    return (
        Return.objects.filter(agency_id=agency_id)
        .exclude(cycle__status=Cycle.Status.SETTING_UP)
        .select_related("cycle", "agency")
        .order_by("-cycle__returns_due_on", "-cycle_id")
    )


def cycle_returns(cycle: Cycle) -> list[Return]:
    """The cycle's returns with what its page shows of each, in a fixed number of queries."""
    return list(
        cycle.returns.select_related("agency", "agency__section11_chief_officer", "cycle")
        .annotate(
            chase_count=Count("chases", distinct=True),
            open_requests=Count(
                "ratings__requests",
                filter=~Q(ratings__requests__status=EvidenceRequest.Status.CONCLUDED),
                distinct=True,
            ),
        )
        .order_by("agency__name")
    )


@dataclass(frozen=True)
class ScoreTag:
    text: str
    colour: str


@dataclass
class StandardRow:
    rating: Rating
    previous: Rating | None
    scale: Scale

    @property
    def standard(self) -> CycleStandard:
        return self.rating.standard

    def _tag(self, score: int | None) -> ScoreTag:
        return ScoreTag(self.scale.describe(score), self.scale.colour(score))

    @property
    def self_tag(self) -> ScoreTag:
        return self._tag(self.rating.self_score)

    @property
    def moderated_tag(self) -> ScoreTag | None:
        score = self.rating.moderated_score
        return None if score is None else self._tag(score)

    @property
    def previous_text(self) -> str:
        if self.previous is None:
            return ""
        text = f"Self-assessed {self.previous.self_score}"
        if self.previous.moderated_score is not None:
            text += f", moderated {self.previous.moderated_score}"
        return text

    @property
    def is_met(self) -> bool:
        return self.scale.is_met(self.rating.self_score)


def previous_ratings(agency_return: Return) -> dict[str, Rating]:
    """The organisation's answers to the previous cycle, by standard code."""
    previous_cycle_id = agency_return.cycle.previous_cycle_id
    if previous_cycle_id is None:
        return {}
    ratings = Rating.objects.filter(
        agency_return__cycle_id=previous_cycle_id,
        agency_return__agency_id=agency_return.agency_id,
        agency_return__status=Return.Status.SUBMITTED,
    ).select_related("standard")
    return {rating.standard.code: rating for rating in ratings}


def return_rows(agency_return: Return) -> list[StandardRow]:
    """Every standard of the return with its answer, evidence, plan, requests and last
    cycle's answer, in a fixed number of queries."""
    ratings = (
        agency_return.ratings.select_related("standard", "moderated_by__person")
        .prefetch_related(
            "evidence",
            Prefetch(
                "improvements",
                queryset=ImprovementItem.objects.select_related("owner_person", "action"),
            ),
            Prefetch("requests", queryset=EvidenceRequest.objects.order_by("-requested_on", "-id")),
        )
        .order_by("standard__position", "standard_id")
    )
    previous = previous_ratings(agency_return)
    scale = agency_return.cycle.scale
    return [StandardRow(rating, previous.get(rating.standard.code), scale) for rating in ratings]


@dataclass
class NonReturn:
    """A return not yet in, with its chase history and the next step of its schedule."""

    agency_return: Return
    chases: list[Chase]
    next_step: Step | None
    overdue_days: int
    has_chief_officer: bool
    contacts: list[User] = field(default_factory=list)


def non_returns(cycle: Cycle, *, today: datetime.date) -> list[NonReturn]:
    """The cycle's returns not submitted, most overdue first, with every chase so far."""
    returns = list(
        cycle.returns.exclude(status=Return.Status.SUBMITTED)
        .select_related("agency", "agency__section11_chief_officer", "cycle")
        .prefetch_related(
            Prefetch("chases", queryset=Chase.objects.select_related("recorded_by__person"))
        )
        .with_due_on()
        .order_by("effective_due_on", "agency__name")
    )
    contacts = agency_contacts(agency_return.agency_id for agency_return in returns)
    schedule = ChaseSchedule.of(cycle)
    rows = []
    for agency_return in returns:
        due_on = agency_return.due_on
        taken = {chase.step for chase in agency_return.chases.all() if chase.step}
        horizon = today + datetime.timedelta(days=400)
        upcoming = [
            step
            for step in steps_until(schedule, due_on=due_on, until=horizon)
            if step.on > today and step.key not in taken
        ]
        rows.append(
            NonReturn(
                agency_return=agency_return,
                chases=list(agency_return.chases.all()),
                next_step=upcoming[0] if cycle.is_open and upcoming else None,
                overdue_days=max((today - due_on).days, 0),
                has_chief_officer=hasattr(agency_return.agency, "section11_chief_officer"),
                contacts=contacts.get(agency_return.agency_id, []),
            )
        )
    return rows


def cycle_requests(cycle: Cycle) -> QuerySet[EvidenceRequest]:
    return (
        EvidenceRequest.objects.filter(rating__agency_return__cycle=cycle)
        .select_related("rating__standard", "rating__agency_return__agency")
        .order_by("status", "response_due_on", "id")
    )


def requests_of_agency(agency_id: int | None) -> QuerySet[EvidenceRequest]:
    """Requests for evidence waiting for the organisation's response."""
    if agency_id is None:  # a user of no organisation has none
        return EvidenceRequest.objects.none()
    return (
        EvidenceRequest.objects.filter(
            rating__agency_return__agency_id=agency_id, status=EvidenceRequest.Status.OPEN
        )
        .select_related("rating__standard", "rating__agency_return__cycle")
        .order_by("response_due_on", "id")
    )
