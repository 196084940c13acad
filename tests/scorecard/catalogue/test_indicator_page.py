"""The indicator page: its XmR chart with the figures behind it, priorities and queries."""

from __future__ import annotations

import datetime
import html
from decimal import Decimal

import pytest

from safeboard.accounts.roles import Role
from safeboard.priorities.factories import PriorityFactory
from safeboard.scorecard import services
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import IndicatorQuery, Period, Polarity, QueryTrigger, Unit
from tests.conftest import signed_in_client

from ..series import SHIFTED, give_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicator(cast):
    indicator = IndicatorFactory(
        code="POL-01",
        name="Missing episodes",
        owning_agency=cast.home_agency,
        unit=Unit.PERCENTAGE,
        polarity=Polarity.DOWN,
        target=Decimal(12),
    )
    give_figures(indicator, SHIFTED)
    return indicator


def _page(cast, indicator, role=Role.CHAIR) -> str:
    response = signed_in_client(cast[role]).get(indicator.get_absolute_url())
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_the_page_draws_the_chart_with_a_table_of_its_limits_and_signals(cast, indicator):
    text = _page(cast, indicator)
    assert 'role="img"' in text and "<title id=" in text
    assert "XmR chart of POL-01 Missing episodes" in text
    assert "a run of 7 or more on one side of the mean" in text.lower()
    assert text.count(">Concern</strong>") == 7  # one tag per point of the shift
    assert "7.3%" in text and "10.2%" in text and "13.2%" in text  # lower, mean, upper
    assert "Hit and miss" in text  # the target of 12% lies between the limits


def test_the_latest_figures_variation_is_summarised_in_words(cast, indicator):
    text = _page(cast, indicator)
    assert "June 2024: 10.5%" in text
    assert "Concern (higher)" in text


def test_the_page_lists_the_linked_priorities(cast, indicator):
    priority = PriorityFactory(title="Children missing from home are found and helped")
    indicator.priorities.add(priority)
    assert "Children missing from home are found and helped" in _page(cast, indicator)


def test_the_page_lists_the_queries_on_the_indicator(cast, indicator):
    period = Period.objects.order_by("-starts_on").first()
    IndicatorQuery.objects.create(
        indicator=indicator,
        period=period,
        agency=cast.home_agency,
        trigger=QueryTrigger.CONCERN,
        question="Why have missing episodes risen for seven months?",
        opened_on=datetime.date(2024, 7, 20),
        response_due_on=datetime.date(2024, 8, 10),
    )
    text = _page(cast, indicator)
    assert 'id="queries"' in text
    assert "Why have missing episodes risen for seven months?" in text


def test_the_chart_settings_link_is_for_the_business_manager_only(cast, indicator):
    assert "Set the chart's baseline and step change" in _page(
        cast, indicator, Role.BUSINESS_MANAGER
    )
    assert "Set the chart's baseline and step change" not in _page(cast, indicator, Role.CHAIR)


def test_an_indicator_with_one_figure_says_it_is_too_few_for_a_chart(cast):
    indicator = IndicatorFactory(owning_agency=cast.home_agency)
    give_figures(indicator, [5])
    text = _page(cast, indicator)
    assert "A chart needs at least 2 figures; this indicator has 1." in text
    assert 'role="img"' not in text
    assert "Not charted" in text


def test_a_revised_figure_is_charted_at_its_new_value(cast, indicator):
    figure = indicator.figures.order_by("-period__starts_on").first()
    services.figure_revise(figure=figure, value=Decimal(30), reason="Late records added")
    text = _page(cast, indicator)
    assert "10.50 to 30 (Late records added)" in text
    assert "outside the process limits" in text.lower()
