"""The business manager chooses the indicators the public scorecard shows, with a reason kept
in the indicator's history; the public scorecard shows their charts and figures."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Frequency
from safeboard.scorecard.periods import PeriodKey
from safeboard.scorecard.public import selectors, services


def _with_figures(indicator, values):
    for month, value in enumerate(values, start=1):
        key = PeriodKey(datetime.date(2025, month, 1), Frequency.MONTHLY)
        FigureFactory(indicator=indicator, period=PeriodFactory(key=key), value=Decimal(value))
    return indicator


def test_marking_an_indicator_public_is_kept_in_its_history(cast):
    manager = cast[Role.BUSINESS_MANAGER]
    indicator = IndicatorFactory()
    services.indicator_set_public(
        indicator=indicator,
        is_public=True,
        reason="The board agreed to share it",
        changed_by=manager,
    )
    indicator.refresh_from_db()
    assert indicator.is_public
    latest = indicator.history.first()
    assert latest.history_change_reason == "The board agreed to share it"
    assert latest.history_user == manager


def test_a_change_needs_a_reason_and_must_change_something(db):
    indicator = IndicatorFactory()
    with pytest.raises(ValidationError) as error:
        services.indicator_set_public(indicator=indicator, is_public=True, reason=" ")
    assert error.value.message_dict["reason"] == [services.REASON_REQUIRED]
    with pytest.raises(ValidationError):
        services.indicator_set_public(indicator=indicator, is_public=False, reason="No change")


def test_a_retired_indicator_cannot_be_made_public(db):
    indicator = IndicatorFactory(is_active=False)
    with pytest.raises(ValidationError) as error:
        services.indicator_set_public(indicator=indicator, is_public=True, reason="Share")
    assert error.value.message_dict["is_public"] == [services.RETIRED_NOT_PUBLIC]


def test_the_business_manager_marks_an_indicator_public_from_its_page(client_for, cast):
    indicator = IndicatorFactory()
    client = client_for(cast[Role.BUSINESS_MANAGER])
    detail = client.get(indicator.get_absolute_url()).content.decode()
    assert reverse("scorecard:indicator_public", kwargs={"pk": indicator.pk}) in detail
    response = client.post(
        reverse("scorecard:indicator_public", kwargs={"pk": indicator.pk}),
        {"is_public": "yes", "reason": "Shared in the yearly report"},
    )
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.is_public


@pytest.mark.parametrize("role", [Role.CHAIR, Role.AGENCY_LEAD, Role.READER])
def test_nobody_else_marks_an_indicator_public(client_for, cast, role):
    indicator = IndicatorFactory(owning_agency=cast.home_agency)
    response = client_for(cast[role]).post(
        reverse("scorecard:indicator_public", kwargs={"pk": indicator.pk}),
        {"is_public": "yes", "reason": "Sharing"},
    )
    assert response.status_code == 403
    indicator.refresh_from_db()
    assert not indicator.is_public


def test_the_public_scorecard_charts_each_public_indicator_with_its_table(client, db):
    shown = _with_figures(IndicatorFactory(name="Children seen within ten days"), [5, 6, 7, 8])
    services.indicator_set_public(indicator=shown, is_public=True, reason="Share")
    _with_figures(IndicatorFactory(name="Internal measure"), [1, 2, 3])
    rows = selectors.public_scorecard()
    assert [row.indicator for row in rows] == [shown]
    assert rows[0].chart_svg is not None
    body = client.get(reverse("scorecard_public:scorecard")).content.decode()
    assert "XmR chart of" in body
    assert "Internal measure" not in body


def test_the_public_scorecard_does_not_grow_in_queries_with_its_indicators(
    client, db, django_assert_max_num_queries
):
    def share(name):
        indicator = _with_figures(IndicatorFactory(name=name), [5, 6, 7, 8])
        services.indicator_set_public(indicator=indicator, is_public=True, reason="Share")

    share("First")
    with django_assert_max_num_queries(10) as context:
        client.get(reverse("scorecard_public:scorecard"))
    baseline = len(context.captured_queries)
    for number in range(5):
        share(f"Another {number}")
    with django_assert_max_num_queries(baseline):
        client.get(reverse("scorecard_public:scorecard"))
