"""Reading the queries put to agencies about their indicators: lists, a query, the home page."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from safeboard.actions.models import Action

from ..models import Figure, Indicator, IndicatorQuery


def queries_for_indicator(indicator: Indicator) -> QuerySet[IndicatorQuery]:
    """Every query on one indicator, newest first, ready for a table."""
    return indicator.queries.select_related("period", "agency").order_by("-opened_on", "-id")


class QueryState:
    """The states the list can be filtered by; overdue is derived from the due date."""

    OPEN = "open"
    OVERDUE = "overdue"
    ANSWERED = "answered"
    ACCEPTED = "accepted"

    choices = [
        (OPEN, "Awaiting an answer (overdue included)"),
        (OVERDUE, "Overdue"),
        (ANSWERED, "Answered: waiting for the board\u2019s judgement"),
        (ACCEPTED, "Accepted"),
    ]


def _state_condition(state: str, today: datetime.date) -> Q:
    status = IndicatorQuery.Status
    return {
        QueryState.OPEN: Q(status=status.OPEN),
        QueryState.OVERDUE: Q(status=status.OPEN, response_due_on__lt=today),
        QueryState.ANSWERED: Q(status=status.ANSWERED),
        QueryState.ACCEPTED: Q(status=status.ACCEPTED),
    }[state]


@dataclass(frozen=True)
class QueryFilters:
    state: str = ""  # one of QueryState, or "" for any
    agency_id: int | None = None
    indicator_id: int | None = None


def visible_queries(*, user) -> QuerySet[IndicatorQuery]:
    """Every query for board business readers; their own agency's for its representatives."""
    queries = IndicatorQuery.objects.all()
    if user.has_perm("scorecard.list_every_agencys_queries"):
        return queries
    return queries.filter(agency_id=user.agency_id) if user.agency_id else queries.none()


def query_list(
    *, user, filters: QueryFilters | None = None, today: datetime.date | None = None
) -> QuerySet[IndicatorQuery]:
    filters = filters or QueryFilters()
    today = today or timezone.localdate()
    queries = visible_queries(user=user).select_related("indicator", "period", "agency")
    if filters.state:
        queries = queries.filter(_state_condition(filters.state, today))
    if filters.agency_id:
        queries = queries.filter(agency_id=filters.agency_id)
    if filters.indicator_id:
        queries = queries.filter(indicator_id=filters.indicator_id)
    return queries.order_by("-opened_on", "-id")


def queries_awaiting_answer(*, agency_id: int | None) -> QuerySet[IndicatorQuery]:
    """An agency's open queries, the most overdue (or soonest due) first."""
    if agency_id is None:
        return IndicatorQuery.objects.none()
    return (
        IndicatorQuery.objects.select_related("indicator", "period")
        .filter(agency_id=agency_id, status=IndicatorQuery.Status.OPEN)
        .order_by("response_due_on", "id")
    )


def answers_awaiting_judgement() -> QuerySet[IndicatorQuery]:
    """Queries an agency has answered and the board has still to judge, oldest answer first."""
    return (
        IndicatorQuery.objects.select_related("indicator", "period", "agency")
        .filter(status=IndicatorQuery.Status.ANSWERED)
        .order_by("answered_on", "id")
    )


@dataclass
class QueryPage:
    query: IndicatorQuery
    figure: Figure | None  # the figure asked about (None only if it has since gone)
    actions: list[Action]


def query_page(*, query: IndicatorQuery) -> QueryPage:
    """Everything a query's page shows, in a fixed number of database queries."""
    figure = Figure.objects.filter(indicator_id=query.indicator_id, period_id=query.period_id)
    actions = Action.objects.select_related("owner_person", "owner_agency").filter(
        source_type=ContentType.objects.get_for_model(IndicatorQuery), source_id=query.pk
    )
    return QueryPage(
        query=query, figure=figure.first(), actions=list(actions.order_by("due_on", "pk"))
    )
