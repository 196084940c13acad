"""One meaning of "open" everywhere: not complete, overdue included; worded the same way."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from safeboard.actions import selectors
from safeboard.actions.counting import ActionCounts, count_actions, count_listed
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _action(due_in: int, *, complete: bool = False) -> Action:
    return ActionFactory(
        due_on=TODAY + datetime.timedelta(days=due_in),
        status=Action.Status.COMPLETE if complete else Action.Status.IN_PROGRESS,
        completed_on=TODAY if complete else None,
    )


@pytest.fixture
def mix() -> list[Action]:
    return [_action(-5), _action(-1), _action(3), _action(40), _action(-9, complete=True)]


def test_an_overdue_action_is_counted_as_open(mix):
    counts = count_actions(Action.objects.all())
    assert counts == ActionCounts(open=4, overdue=2, complete=1, due_soon=1)


def test_counting_read_actions_agrees_with_counting_in_the_database(mix):
    assert count_listed(Action.objects.all()) == count_actions(Action.objects.all())


def test_the_counts_are_read_in_one_query(mix, django_assert_num_queries):
    with django_assert_num_queries(1):
        count_actions(Action.objects.all())


def test_open_is_worded_with_the_overdue_it_includes():
    counts = ActionCounts(open=12, overdue=3, complete=2)
    assert counts.open_words == "12 open (of which 3 overdue)"
    assert counts.summary == "14 actions: 2 complete, 12 open (of which 3 overdue)."


def test_the_home_panel_counts_as_every_page_counts(mix):
    assert selectors.action_counts() == count_actions(Action.objects.all())


def test_the_open_filter_lists_every_open_action_overdue_included(mix):
    listed = selectors.action_list(filters=selectors.ActionFilters(status="open"))
    assert listed.count() == 4


def test_the_overdue_filter_lists_the_overdue_among_the_open(mix):
    listed = selectors.action_list(filters=selectors.ActionFilters(status="overdue"))
    assert listed.count() == 2


def test_the_home_page_words_open_with_the_overdue_it_includes(mix, cast):
    from safeboard.accounts.roles import Role
    from tests.conftest import signed_in_client

    page = signed_in_client(cast[Role.BUSINESS_MANAGER]).get("/").content.decode()
    assert "4 open (of which 2 overdue)" in page
