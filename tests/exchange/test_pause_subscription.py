"""The business manager pauses another board's feed (the daily run skips it, what it brought
stays) and resumes it; nobody else may, and a wrong request is answered cleanly."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.exchange import services
from safeboard.exchange.models import Pull, Subscription
from tests.conftest import signed_in_client

from .access_cases import subscription as make_subscription


@pytest.fixture
def subscription(cast) -> Subscription:
    return make_subscription(cast)


def test_the_business_manager_pauses_and_resumes_a_feed(cast, subscription):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    detail = manager.get(subscription.get_absolute_url()).content.decode()
    assert reverse("exchange:pause", kwargs={"pk": subscription.pk}) in detail
    assert "Pause the daily pull" in detail and "csrfmiddlewaretoken" in detail

    paused = manager.post(reverse("exchange:pause", kwargs={"pk": subscription.pk}), follow=True)
    assert paused.redirect_chain == [(subscription.get_absolute_url(), 302)]
    page = paused.content.decode()
    assert "Paused: Northshire Safeguarding Children Partnership\u2019s feed" in page
    assert "Resume the daily pull" in page and "Pause the daily pull" not in page
    subscription.refresh_from_db()
    assert not subscription.is_active

    listed = manager.get(reverse("exchange:subscriptions")).content.decode()
    assert '<strong class="govuk-tag govuk-tag--grey">Paused</strong>' in listed

    resumed = manager.post(reverse("exchange:resume", kwargs={"pk": subscription.pk}), follow=True)
    assert "Resumed: Northshire Safeguarding Children Partnership\u2019s feed" in (
        resumed.content.decode()
    )
    subscription.refresh_from_db()
    assert subscription.is_active
    listed = manager.get(reverse("exchange:subscriptions")).content.decode()
    assert '<strong class="govuk-tag govuk-tag--green">Pulled daily</strong>' in listed


def test_the_daily_pull_skips_a_paused_feed(cast, subscription):
    paused = services.subscribe(
        board_name="Eastshire",
        feed_url="http://127.0.0.1:9/eastshire/exchange/feed/",
        by=cast[Role.BUSINESS_MANAGER],
    )
    services.set_subscription_active(subscription=paused, active=False)

    services.pull_due()

    assert subscription.pulls.count() == 1  # pulled (and failed: the discard port)
    assert not paused.pulls.exists()
    services.set_subscription_active(subscription=paused, active=True)
    services.pull_due()
    assert paused.pulls.count() == 1
    assert Pull.objects.count() == 3  # the active one failed before, so it is tried again


@pytest.mark.parametrize("url_name", ["exchange:pause", "exchange:resume"])
def test_every_other_role_is_refused(cast, subscription, url_name):
    url = reverse(url_name, kwargs={"pk": subscription.pk})
    others = [user for role, user in cast.by_role.items() if role != Role.BUSINESS_MANAGER]
    for user in [*others, cast.other_agency_lead, cast.no_role]:
        assert signed_in_client(user).post(url).status_code == 403, user
    subscription.refresh_from_db()
    assert subscription.is_active


@pytest.mark.parametrize("url_name", ["exchange:pause", "exchange:resume"])
def test_a_signed_out_visitor_is_sent_to_sign_in(client, subscription, url_name):
    response = client.post(reverse(url_name, kwargs={"pk": subscription.pk}))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    subscription.refresh_from_db()
    assert subscription.is_active


def test_an_unknown_feed_or_a_get_is_answered_cleanly(cast, subscription):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    assert manager.post(reverse("exchange:pause", kwargs={"pk": 999999})).status_code == 404
    answer = manager.get(reverse("exchange:pause", kwargs={"pk": subscription.pk}))
    assert answer.status_code == 405
    assert answer["Allow"] == "POST, OPTIONS"
    subscription.refresh_from_db()
    assert subscription.is_active


def test_a_pause_without_the_forms_csrf_token_is_refused(cast, subscription):
    manager = signed_in_client(cast[Role.BUSINESS_MANAGER])
    manager.handler.enforce_csrf_checks = True
    response = manager.post(reverse("exchange:pause", kwargs={"pk": subscription.pk}))
    assert response.status_code == 403
    subscription.refresh_from_db()
    assert subscription.is_active
