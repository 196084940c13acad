"""The chain and the scrutiny list run as many queries for 30 links as for 3."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.priorities.factories import PriorityFactory
from tests.conftest import signed_in_client
from tests.impact.chains.builders import audit_link, review_link, story
from tests.reviews import builders as reviews

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    client.get(url)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _links(theme, priority, count: int) -> None:
    """`count` links of every kind: a review's (with a claim, restricted or not), an audit's
    and a priority's own action."""
    for number in range(count):
        _, _, action = review_link(
            theme, published=number % 2 == 0, action_status=Action.Status.COMPLETE
        )
        story(action)
        audit_link(theme)
        ActionFactory(source=priority)


@pytest.mark.parametrize(
    "url_of",
    [
        lambda theme, priority: reverse("impact:theme_chain", kwargs={"slug": theme.slug}),
        lambda theme, priority: reverse("impact:priority_chain", kwargs={"pk": priority.pk}),
        lambda theme, priority: reverse("impact:scrutiny"),
    ],
    ids=["theme chain", "priority chain", "scrutiny list"],
)
def test_the_pages_do_not_grow_with_the_links(cast, django_assert_num_queries, url_of):
    theme = reviews.theme()
    priority = PriorityFactory()
    if hasattr(priority, "themes"):
        priority.themes.set([theme])
    # A board member may not open the restricted reviews: their findings are counted.
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    url = url_of(theme, priority)
    _links(theme, priority, 3)
    few = _queries(client, url)
    _links(theme, priority, 27)
    with django_assert_num_queries(few):
        assert client.get(url).status_code == 200
