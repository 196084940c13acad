"""Two boards on loopback: the publishing board serves its feed over HTTP (a live server),
the subscribing board pulls it through the real client (timeouts, byte cap), finds the
imported findings by search and on the theme's page; a second pull adds nothing.

Both boards share the test database (the live server's), so the imported items sit beside
the publisher's own records, as another board's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.exchange import services
from safeboard.exchange.models import ImportedItem, Pull
from tests.conftest import signed_in_client

pytestmark = pytest.mark.timeout(300)


@pytest.mark.django_db(transaction=True)
def test_a_board_pulls_a_neighbours_feed_once(live_server, cast, shared_findings):
    manager = cast[Role.BUSINESS_MANAGER]
    subscription = services.subscribe(
        board_name="Southshire Partnership",
        feed_url=live_server.url + reverse("exchange:feed"),
        by=manager,
    )

    first = services.pull_subscription(subscription=subscription)
    assert (first.status, first.error, first.imported, first.skipped) == (
        Pull.Status.SUCCEEDED,
        "",
        2,
        0,
    )
    second = services.pull_subscription(subscription=subscription)
    assert (second.status, second.imported, second.skipped) == (Pull.Status.SUCCEEDED, 0, 2)
    assert ImportedItem.objects.filter(source_board="Southshire Partnership").count() == 2

    client = signed_in_client(manager)
    found = client.get(reverse("exchange:search"), {"q": "men in the household"})
    page = found.content.decode()
    assert "Learning from other boards" in page
    assert "Southshire Partnership" in page

    theme = shared_findings["theme"]
    theme_page = client.get(theme.get_absolute_url()).content.decode()
    assert "Learning from other boards" in theme_page
    assert "Another board" in theme_page
    assert "Fathers were not seen" in theme_page
