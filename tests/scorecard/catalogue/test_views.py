"""The catalogue's pages from the outside: bad input is named and changes nothing."""

from __future__ import annotations

import html
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard import services
from safeboard.scorecard.catalogue import services as catalogue_services
from safeboard.scorecard.factories import FigureFactory, IndicatorFactory, PeriodFactory
from safeboard.scorecard.models import Indicator
from tests.conftest import signed_in_client

from ..conftest import OCTOBER_2025

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(cast):
    home = cast.home_agency
    return [
        IndicatorFactory(code="POL-01", name="Incidents", owning_agency=home, unit="count"),
        IndicatorFactory(code="POL-03", name="Interviews", owning_agency=home, unit="percentage"),
    ]


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _indicator_form(cast, **overrides) -> dict:
    data = {
        "code": "pol-05",
        "name": "Children arrested and detained overnight",
        "definition": "Children held overnight in police custody after charge.",
        "owning_agency": cast.home_agency.pk,
        "unit": "count",
        "polarity": "down",
        "frequency": "monthly",
        "perspective": "outcomes",
    }
    data.update(overrides)
    return data


def test_the_business_manager_adds_an_indicator(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(reverse("scorecard:indicator_create"), _indicator_form(cast))
    indicator = Indicator.objects.get(code="POL-05")
    assert response.status_code == 302
    assert response["Location"] == indicator.get_absolute_url()
    assert indicator.created_by == cast[Role.BUSINESS_MANAGER]


def test_a_duplicate_code_is_named_and_nothing_is_added(cast, indicators):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("scorecard:indicator_create"), _indicator_form(cast, code="pol-01")
    )
    assert response.status_code == 400
    assert catalogue_services.CODE_TAKEN.format(code="POL-01") in _text(response)
    assert "govuk-error-summary" in response.content.decode()
    assert Indicator.objects.count() == 2


def test_changing_a_definition_on_the_page_needs_a_reason(cast, indicators):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    indicator = indicators[0]
    url = reverse("scorecard:indicator_edit", args=[indicator.pk])
    data = _indicator_form(cast, code="POL-01", definition="A new definition.", is_active="on")
    response = client.post(url, data)
    assert response.status_code == 400
    assert catalogue_services.CHANGE_REASON_REQUIRED in _text(response)
    response = client.post(url, {**data, "reason": "Agreed at the performance subgroup"})
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.definition == "A new definition."
    assert indicator.history.first().history_change_reason == "Agreed at the performance subgroup"


def test_the_indicator_list_filters_and_exports(cast, indicators):
    IndicatorFactory(code="HLT-01", name="Health assessments", owning_agency=cast.other_agency)
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    url = reverse("scorecard:indicator_list")
    response = client.get(url, {"agency": cast.other_agency.pk})
    assert "HLT-01" in _text(response) and "POL-01" not in _text(response)
    export = client.get(url, {"format": "csv"})
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines] == ["Code", "HLT-01", "POL-01", "POL-03"]


def test_an_indicator_page_shows_every_revision_of_its_figures(cast, indicators):
    figure = FigureFactory(indicator=indicators[0], value=Decimal("41"))
    services.figure_revise(figure=figure, value=44, reason="Late-recorded incidents")
    response = signed_in_client(cast[Role.CHAIR]).get(indicators[0].get_absolute_url())
    text = _text(response)
    assert "October 2025" in text and "44" in text
    assert "41 to 44 (Late-recorded incidents)" in text


# Query counts ----------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    client.get(url)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _history(indicator, months: int) -> None:
    period = OCTOBER_2025
    for _ in range(months):
        figure = FigureFactory(indicator=indicator, period=PeriodFactory(key=period))
        services.figure_revise(figure=figure, value=figure.value + 1, reason="Late records")
        period = period.previous()


def test_the_indicator_page_does_not_grow_with_its_figures(cast, indicators):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    few, many = indicators
    _history(few, 3)
    _history(many, 30)
    assert _queries(client, few.get_absolute_url()) == _queries(client, many.get_absolute_url())


def test_the_indicator_list_does_not_grow_with_the_catalogue(cast, indicators):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    url = reverse("scorecard:indicator_list")
    few = _queries(client, url)
    IndicatorFactory.create_batch(30, owning_agency=cast.other_agency)
    assert _queries(client, url) == few
