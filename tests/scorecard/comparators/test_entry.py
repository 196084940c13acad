"""Entering a comparator by hand: the business manager's form on an indicator."""

from __future__ import annotations

import datetime
import html
from decimal import Decimal

import pytest
from django.urls import reverse

from safeboard.scorecard.comparators.forms import OTHER_FREQUENCY
from safeboard.scorecard.comparators.views import REPLACES_HINT
from safeboard.scorecard.factories import ComparatorFactory, PeriodFactory
from safeboard.scorecard.models import Comparator
from safeboard.scorecard.periods import NOT_A_PERIOD, Frequency, PeriodKey
from safeboard.scorecard.values import PERCENTAGE_OUT_OF_RANGE, RATE_OUT_OF_RANGE

from .conftest import comparator_state

pytestmark = pytest.mark.django_db

YEAR_2025_26 = PeriodKey(datetime.date(2025, 4, 1), Frequency.ANNUAL)


def _url(indicator) -> str:
    return reverse("scorecard:comparator_add", kwargs={"pk": indicator.pk})


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _form(**overrides) -> dict:
    data = {
        "source": Comparator.Source.ENGLAND,
        "frequency": Frequency.ANNUAL,
        "period": "2025-26",
        "value": "21.3",
        "reference": "Children in need 2025, DfE",
    }
    return {**data, **overrides}


def _refused(client, indicator, data) -> str:
    """Post a bad comparator: prove it changed nothing, and return the page's text."""
    before = comparator_state()
    response = client.post(_url(indicator), data)
    assert response.status_code == 400
    assert comparator_state() == before
    return _text(response)


def test_the_form_starts_at_the_indicators_frequency(manager_client, indicators):
    response = manager_client.get(_url(indicators.referrals))
    assert response.status_code == 200
    assert response.context["form"].initial["frequency"] == Frequency.QUARTERLY


def test_the_form_says_that_recording_again_replaces_the_figure(manager_client, indicators):
    assert REPLACES_HINT in _text(manager_client.get(_url(indicators.re_referrals)))


def test_an_annual_england_figure_is_recorded_for_a_monthly_indicator(
    manager_client, manager, indicators
):
    response = manager_client.post(_url(indicators.re_referrals), _form())
    assert response.status_code == 302
    assert response["Location"] == indicators.re_referrals.get_absolute_url() + "#comparators"
    comparator = Comparator.objects.get()
    assert comparator.indicator == indicators.re_referrals
    assert comparator.period.key == YEAR_2025_26
    assert comparator.source == Comparator.Source.ENGLAND
    assert comparator.value == Decimal("21.30")
    assert comparator.origin == Comparator.Origin.ENTERED
    assert comparator.reference == "Children in need 2025, DfE"
    assert comparator.recorded_by == manager


def test_the_success_message_names_the_comparator_and_period(manager_client, indicators):
    response = manager_client.post(_url(indicators.re_referrals), _form(), follow=True)
    assert "England figure for 2025-26 recorded." in _text(response)


def test_a_quarter_is_read_from_its_label(manager_client, indicators):
    data = _form(
        source=Comparator.Source.STATISTICAL_NEIGHBOURS,
        frequency=Frequency.QUARTERLY,
        period="2025-26 Q3",
        value="120",
        reference="",
    )
    manager_client.post(_url(indicators.referrals), data)
    comparator = Comparator.objects.get()
    assert comparator.period.key == PeriodKey(datetime.date(2025, 10, 1), Frequency.QUARTERLY)
    assert comparator.source == Comparator.Source.STATISTICAL_NEIGHBOURS


def test_recording_again_for_the_same_period_and_source_replaces_the_value(
    manager_client, indicators
):
    ComparatorFactory(
        indicator=indicators.re_referrals,
        period=PeriodFactory(key=YEAR_2025_26),
        value=Decimal("19"),
        origin=Comparator.Origin.IMPORTED,
    )
    manager_client.post(_url(indicators.re_referrals), _form(value="22.4"))
    comparator = Comparator.objects.get()
    assert comparator.value == Decimal("22.40")
    assert comparator.origin == Comparator.Origin.ENTERED


def test_a_period_that_cannot_be_read_is_named_with_the_form_expected(manager_client, indicators):
    text = _refused(manager_client, indicators.re_referrals, _form(period="2025 to 2026"))
    assert NOT_A_PERIOD.format(text="2025 to 2026", kind="an annual", example="2025-26") in text
    assert "There is a problem" in text


def test_a_period_of_another_frequency_is_refused_saying_which_to_choose(
    manager_client, indicators
):
    text = _refused(manager_client, indicators.re_referrals, _form(period="October 2025"))
    assert NOT_A_PERIOD.format(text="October 2025", kind="an annual", example="2025-26") in text
    assert OTHER_FREQUENCY.format(text="October 2025", frequency="Monthly") in text


def test_a_percentage_over_100_is_refused(manager_client, indicators):
    text = _refused(manager_client, indicators.re_referrals, _form(value="120"))
    assert PERCENTAGE_OUT_OF_RANGE.format(value="120") in text


def test_a_value_is_checked_by_the_indicators_own_unit(manager_client, indicators):
    text = _refused(manager_client, indicators.cin_rate, _form(value="12000"))
    assert RATE_OUT_OF_RANGE.format(value="12000") in text


def test_a_value_that_is_not_a_number_is_refused(manager_client, indicators):
    text = _refused(manager_client, indicators.re_referrals, _form(value="about a fifth"))
    assert "Enter a number, not \u201cabout a fifth\u201d." in text


def test_every_missing_answer_is_named(manager_client, indicators):
    data = {"source": "", "frequency": "", "period": "", "value": "", "reference": ""}
    text = _refused(manager_client, indicators.re_referrals, data)
    for message in (
        "Select what the figure is for.",
        "Select whether the figure is for a month, quarter or year.",
        "Enter the period, for example 2025-26.",
        "Enter the figure.",
    ):
        assert message in text


def test_an_unknown_indicator_is_not_found(manager_client, indicators):
    url = reverse("scorecard:comparator_add", kwargs={"pk": 999_999})
    assert manager_client.get(url).status_code == 404
