"""The log's reads: the states it filters by, who sees what, and the summary for the board."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.challenges import selectors
from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.models import Challenge, EscalationLevel
from safeboard.challenges.selectors import ChallengeFilters, State
from safeboard.partnership.factories import AgencyFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def log(cast):
    """One challenge in each state, to the home agency unless said otherwise."""
    home, other = cast.home_agency, cast.other_agency
    return {
        "awaiting": ChallengeFactory(agency=home, title="Awaiting"),
        "due_today": ChallengeFactory(
            agency=home, title="Due today", raised_on=TODAY - 10 * DAY, response_due_on=TODAY
        ),
        "overdue": ChallengeFactory(agency=home, overdue=True, title="Overdue"),
        "escalated": ChallengeFactory(
            agency=other,
            overdue=True,
            escalation_level=EscalationLevel.BOARD_MEMBER,
            title="Escalated",
        ),
        "responded": ChallengeFactory(agency=other, responded=True, title="Responded"),
        "closed": ChallengeFactory(agency=home, closed=True, title="Closed"),
        "closed_escalated": ChallengeFactory(
            agency=home, closed=True, escalation_level=EscalationLevel.CHAIR, title="Was escalated"
        ),
        "impact": ChallengeFactory(agency=other, closed=True, title="Impact"),
    }


def _titles(user, **filters) -> set[str]:
    return {
        challenge.title
        for challenge in selectors.challenge_list(user=user, filters=ChallengeFilters(**filters))
    }


@pytest.mark.parametrize(
    ("state", "titles"),
    [
        (State.AWAITING_RESPONSE, {"Awaiting", "Due today"}),
        (State.OVERDUE, {"Overdue", "Escalated"}),
        (State.RESPONDED, {"Responded"}),
        (State.ESCALATED, {"Escalated"}),
        (State.CLOSED, {"Closed", "Was escalated", "Impact"}),
    ],
)
def test_each_state_filter_finds_its_challenges(cast, log, state, titles):
    assert _titles(cast[Role.BUSINESS_MANAGER], state=state) == titles


def test_the_agency_filter_and_the_search(cast, log):
    manager = cast[Role.BUSINESS_MANAGER]
    assert _titles(manager, agency_id=cast.other_agency.pk) == {
        "Escalated",
        "Responded",
        "Impact",
    }
    assert _titles(manager, search="due TODAY") == {"Due today"}
    assert _titles(manager, search=log["impact"].reference) == {"Impact"}


def test_board_business_readers_see_every_agencys_challenges(cast, log):
    assert len(_titles(cast[Role.LAY_MEMBER])) == len(log)


def test_an_agency_lead_sees_only_the_challenges_to_their_agency(cast, log):
    titles = _titles(cast.other_agency_lead)
    assert titles == {"Escalated", "Responded", "Impact"}
    assert _titles(cast.other_agency_lead, agency_id=cast.home_agency.pk) == set()


def test_challenges_awaiting_response_soonest_due_first(cast, log):
    awaiting = list(selectors.challenges_awaiting_response())
    assert [c.title for c in awaiting] == ["Overdue", "Escalated", "Due today", "Awaiting"]
    home = selectors.challenges_awaiting_response(agency_id=cast.home_agency.pk)
    assert {c.title for c in home} == {"Overdue", "Due today", "Awaiting"}


def test_the_summary_counts_each_agencys_challenges(cast, log):
    rows = {row["agency__name"]: row for row in selectors.challenge_summary()}
    figures = ("total", "open", "overdue", "escalated", "closed")

    def counts(agency):
        return tuple(rows[agency.name][figure] for figure in figures)

    assert counts(cast.home_agency) == (5, 3, 1, 0, 2)
    assert counts(cast.other_agency) == (3, 2, 1, 1, 1)
    totals = selectors.summary_totals(list(rows.values()))
    assert tuple(totals[figure] for figure in figures) == (8, 5, 2, 1, 3)


def test_the_summary_leaves_out_agencies_never_challenged(cast, log):
    AgencyFactory(name="Shire Youth Justice Service")
    names = [row["agency__name"] for row in selectors.challenge_summary()]
    assert names == sorted([cast.home_agency.name, cast.other_agency.name])


def test_the_summary_is_one_query(cast, log, django_assert_num_queries):
    with django_assert_num_queries(1):
        selectors.challenge_summary()


def test_a_closed_challenge_is_neither_overdue_nor_escalated(log):
    closed = Challenge.objects.get(pk=log["closed_escalated"].pk)
    assert not closed.is_overdue()
    assert not closed.is_escalated
