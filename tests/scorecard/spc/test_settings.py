"""The business manager sets a chart's baseline and step change, with a reason kept."""

from __future__ import annotations

import html

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.spc import services
from tests.conftest import signed_in_client

from ..series import give_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(cast):
    indicator = IndicatorFactory(code="POL-01", owning_agency=cast.home_agency)
    indicator.keys = give_figures(indicator, [11, 9] * 6)  # April 2023 to March 2024
    return indicator


def _day(indicator, position: int) -> str:
    return indicator.keys[position].starts_on.isoformat()


def _url(indicator) -> str:
    return reverse("scorecard:indicator_spc_settings", args=[indicator.pk])


def _state(indicator) -> tuple:
    indicator.refresh_from_db()
    return (
        indicator.spc_baseline_from,
        indicator.spc_baseline_to,
        indicator.spc_recalculate_from,
        indicator.history.count(),
    )


def _text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_business_manager_sets_the_baseline_and_the_reason_is_kept(cast, indicator):
    manager = cast[Role.BUSINESS_MANAGER]
    response = signed_in_client(manager).post(
        _url(indicator),
        {
            "baseline_from": _day(indicator, 0),
            "baseline_to": _day(indicator, 5),
            "recalculate_from": "",
            "reason": "The first six months describe the usual process.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == indicator.get_absolute_url() + "#chart"
    indicator.refresh_from_db()
    assert indicator.spc_baseline_from == indicator.keys[0].starts_on
    assert indicator.spc_baseline_to == indicator.keys[5].starts_on
    latest = indicator.history.first()
    assert latest.history_change_reason == "The first six months describe the usual process."
    assert latest.history_user == manager


def test_the_form_offers_the_indicators_periods_and_shows_the_current_choice(cast, indicator):
    indicator.spc_recalculate_from = indicator.keys[6].starts_on
    indicator.save()
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).get(_url(indicator))
    text = _text(response)
    assert text.count("<option") == 3 * (12 + 1)
    assert f'<option value="{_day(indicator, 6)}" selected>October 2023</option>' in text


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"baseline_from": 5, "baseline_to": 2},
            "baseline_to",
            services.BASELINE_OUT_OF_ORDER,
        ),
        ({"baseline_from": 4, "baseline_to": 4}, "baseline_to", services.BASELINE_TOO_SHORT),
        ({"recalculate_from": 11}, "recalculate_from", services.CHANGE_NEEDS_FIGURES),
        ({"recalculate_from": 1}, "recalculate_from", services.CHANGE_NEEDS_FIGURES),
        (
            {"baseline_from": 0, "baseline_to": 8, "recalculate_from": 6},
            "baseline_from",
            services.BASELINE_CROSSES_CHANGE,
        ),
    ],
)
def test_bad_choices_are_named_and_change_nothing(cast, indicator, data, field, message):
    before = _state(indicator)
    posted = {name: _day(indicator, position) for name, position in data.items()}
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        _url(indicator), {**posted, "reason": "Trying a new baseline."}
    )
    assert response.status_code == 400
    assert message in _text(response)
    assert response.context["form"].errors[field] == [message]
    assert _state(indicator) == before


def test_a_period_without_a_figure_is_not_a_choice(cast, indicator):
    before = _state(indicator)
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        _url(indicator), {"baseline_from": "2020-04-01", "reason": "Earlier."}
    )
    assert response.status_code == 400
    assert "baseline_from" in response.context["form"].errors
    assert _state(indicator) == before


def test_a_change_needs_a_reason(cast, indicator):
    before = _state(indicator)
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        _url(indicator), {"recalculate_from": _day(indicator, 6), "reason": "  "}
    )
    assert response.status_code == 400
    assert "Say why the chart" in _text(response)
    assert _state(indicator) == before


def test_saving_the_same_choices_again_changes_nothing(cast, indicator):
    before = _state(indicator)
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        _url(indicator), {"reason": "No change."}
    )
    assert response.status_code == 400
    assert services.NOTHING_CHANGED in _text(response)
    assert _state(indicator) == before


@pytest.mark.parametrize("role", [Role.CHAIR, Role.AGENCY_LEAD, Role.BOARD_MEMBER])
def test_only_the_business_manager_changes_the_chart(cast, indicator, role):
    before = _state(indicator)
    response = signed_in_client(cast[role]).post(
        _url(indicator), {"recalculate_from": _day(indicator, 6), "reason": "A new front door."}
    )
    assert response.status_code == 403
    assert _state(indicator) == before


def test_the_service_refuses_a_baseline_ending_before_it_starts(indicator):
    with pytest.raises(ValidationError) as error:
        services.indicator_set_spc_settings(
            indicator=indicator,
            baseline_from=indicator.keys[5].starts_on,
            baseline_to=indicator.keys[2].starts_on,
            recalculate_from=None,
            reason="Backwards.",
        )
    assert error.value.message_dict == {"baseline_to": [services.BASELINE_OUT_OF_ORDER]}


def test_a_step_change_set_on_the_form_splits_the_chart_on_the_page(cast, indicator):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    client.post(
        _url(indicator), {"recalculate_from": _day(indicator, 6), "reason": "A new front door."}
    )
    text = _text(client.get(indicator.get_absolute_url()))
    assert "Limits recalculated" in text
    assert "April 2023 to September 2023" in text and "October 2023 to March 2024" in text
    assert "The chart of POL-01 has been changed." in text
