"""Every list page runs a small, fixed number of queries over a full partnership.

The demo partnership (80 actions, 60 people, 29 meetings) is big enough that a query per
row would blow any of these budgets. Each budget is what the page needs today plus a
little room: session, user, device and roles (4), the partnership's name and logo for the
header and footer (1), the page's own reads, and a count.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.models import User
from tests.conftest import signed_in_client

QUERY_BUDGETS = {
    # One query per panel (actions, meetings, induction, challenges, reviews, queries), and
    # one to three for each panel a later module registers (case reviews, briefings, audits,
    # Section 11, training): a fixed cost, whatever the partnership's size.
    "core:home": 31,
    # The action lists also read the themes of each kind of source on the page (a query per
    # kind: recommendations, audit findings, challenges, priorities), never one per action.
    "actions:mine": 15,
    "actions:agency": 15,
    "actions:all": 15,
    "meetings:list": 10,
    "meetings:attendance_report": 10,
    "partnership:agency_list": 10,
    "partnership:person_list": 10,
    "partnership:group_list": 10,
    "partnership:induction_list": 10,
}


@pytest.fixture
def manager_client(demo_db):
    return signed_in_client(User.objects.get(email="manager@demo.safeboard.test"))


@pytest.mark.parametrize(("url_name", "budget"), QUERY_BUDGETS.items())
def test_list_page_queries_stay_within_budget(
    manager_client, django_assert_max_num_queries, url_name, budget
):
    url = reverse(url_name)
    with django_assert_max_num_queries(budget):
        response = manager_client.get(url)
    assert response.status_code == 200
