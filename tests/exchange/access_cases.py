"""Who may open each page of the exchange of learning between boards, and its API.

The feed and the schema are public (tests/test_permissions.py PUBLIC)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from safeboard.accounts.roles import PARTNERSHIP_TEAM, Role
from safeboard.actions.factories import ActionFactory
from safeboard.exchange.models import ImportedItem, Pull, Shared, Subscription
from safeboard.partnership.factories import PersonFactory
from safeboard.themes.models import Theme
from tests.access import EVERY_ROLE, AccessCase

MANAGER = frozenset({Role.BUSINESS_MANAGER})
TEAM = frozenset(PARTNERSHIP_TEAM)


def subscription(cast) -> Subscription:
    # The loopback's discard port: a pull fails at once, without the network.
    return Subscription.objects.create(
        board_name="Northshire Safeguarding Children Partnership",
        feed_url="http://127.0.0.1:9/exchange/feed/",
        added_by=cast[Role.BUSINESS_MANAGER],
    )


def _subscription(cast) -> dict:
    return {"pk": subscription(cast).pk}


def _shared(cast) -> dict:
    theme = Theme.objects.first()
    shared = Shared.objects.create(
        content_type=ContentType.objects.get_for_model(Theme),
        object_id=theme.pk,
        marked_by=cast[Role.BUSINESS_MANAGER],
    )
    return {"pk": shared.pk}


def imported_item(cast) -> ImportedItem:
    pull = Pull.objects.create(source_name="Northshire", status=Pull.Status.SUCCEEDED)
    return ImportedItem.objects.create(
        item_id="northshire:finding:00000000-0000-4000-8000-000000000001",
        kind=ImportedItem.Kind.FINDING,
        source_kind="case_review",
        source_board="Northshire",
        pull=pull,
        year=2025,
        title="Fathers were not seen",
        summary="Agencies rarely spoke to the men in the household.",
    )


def _imported(cast) -> dict:
    return {"pk": imported_item(cast).pk}


def _home_action(cast) -> dict:
    action = ActionFactory(owner_person=PersonFactory(agency=cast.home_agency))
    return {"pk": action.pk}


ACCESS_CASES = [
    AccessCase("exchange:sharing", MANAGER),
    AccessCase(
        "exchange:share",
        MANAGER,
        lambda cast: {"source": "reviews.finding", "pk": 999999},
        method="post",
    ),
    AccessCase("exchange:unshare", MANAGER, _shared, method="post"),
    AccessCase("exchange:subscriptions", MANAGER),
    AccessCase("exchange:subscribe", MANAGER),
    AccessCase("exchange:subscription", MANAGER, _subscription),
    AccessCase("exchange:pull", MANAGER, _subscription, method="post"),
    AccessCase("exchange:pause", MANAGER, _subscription, method="post"),
    AccessCase("exchange:resume", MANAGER, _subscription, method="post"),
    AccessCase("exchange:search", TEAM),
    AccessCase("exchange:imported", TEAM, _imported),
    AccessCase("learning_api:action_list", EVERY_ROLE),
    AccessCase("learning_api:action", EVERY_ROLE, _home_action, other_agency_refused=True),
    AccessCase("learning_api:finding_list", TEAM),
    AccessCase("learning_api:theme_list", TEAM),
]
