"""The balanced scorecard page: values, RAG, variation, filters, downloads and its cost."""

from __future__ import annotations

import html
import io
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.grid.selectors import (
    GridFilters,
    GroupBy,
    Rag,
    grid_rows,
    rag_status,
    scorecard_grid,
)
from safeboard.scorecard.grid.views import ScorecardGridView
from safeboard.scorecard.models import Perspective, Polarity, Unit
from safeboard.scorecard.spc.selectors import SpcState
from tests.conftest import signed_in_client

from ..series import SHIFTED, STEADY, give_figures

pytestmark = pytest.mark.django_db
URL = reverse("scorecard:grid")


@pytest.mark.parametrize(
    ("polarity", "value", "rag"),
    [
        (Polarity.UP, "80", Rag.GREEN),
        (Polarity.UP, "85", Rag.GREEN),
        (Polarity.UP, "75", Rag.AMBER),  # short by the whole tolerance: still near
        (Polarity.UP, "74.9", Rag.RED),
        (Polarity.DOWN, "80", Rag.GREEN),
        (Polarity.DOWN, "79", Rag.GREEN),
        (Polarity.DOWN, "85", Rag.AMBER),
        (Polarity.DOWN, "85.1", Rag.RED),
        (Polarity.NONE, "84", Rag.GREEN),
        (Polarity.NONE, "76", Rag.GREEN),
        (Polarity.NONE, "86", Rag.RED),
    ],
)
def test_rag_follows_the_polarity_and_the_tolerance(polarity, value, rag):
    found = rag_status(
        value=Decimal(value), target=Decimal(80), tolerance=Decimal(5), polarity=polarity
    )
    assert found == rag


def test_without_a_tolerance_a_miss_is_red():
    assert rag_status(value=Decimal("79.9"), target=Decimal(80), tolerance=None, polarity="up") == (
        Rag.RED
    )


@pytest.mark.parametrize(("value", "target"), [(Decimal(3), None), (None, Decimal(3))])
def test_no_target_or_no_figure_is_grey(value, target):
    assert rag_status(value=value, target=target, tolerance=None, polarity="up") == Rag.GREY


@pytest.fixture
def scorecard(cast):
    """Three indicators of the home agency and one of the other, in different perspectives."""
    home, other = cast.home_agency, cast.other_agency
    rising = IndicatorFactory(
        code="POL-01",
        name="Missing episodes followed up",
        owning_agency=home,
        unit=Unit.PERCENTAGE,
        polarity=Polarity.DOWN,
        perspective=Perspective.QUALITY,
        target=Decimal(10),
        tolerance=Decimal(1),
    )
    give_figures(rising, SHIFTED)  # latest 10.5: within tolerance, a shift the wrong way
    steady = IndicatorFactory(
        code="POL-02",
        name="Strategy discussions held",
        owning_agency=home,
        perspective=Perspective.QUANTITY,
        target=Decimal(5),
    )
    give_figures(steady, STEADY)  # latest 9: target met, common cause
    new = IndicatorFactory(
        code="POL-03", name="Children spoken to alone", owning_agency=home, frequency="quarterly"
    )
    health = IndicatorFactory(
        code="HLT-01",
        name="Health assessments on time",
        owning_agency=other,
        perspective=Perspective.TIMELINESS,
        target=Decimal(20),
    )
    give_figures(health, STEADY)  # latest 9 against 20: missed
    return {"rising": rising, "steady": steady, "new": new, "health": health}


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _rows(response) -> list[str]:
    return [row.indicator.code for group in response.context["groups"] for row in group.rows]


def test_each_row_shows_the_latest_figure_target_rag_and_variation(cast, scorecard):
    groups = scorecard_grid()
    rows = {row.indicator.code: row for row in grid_rows(groups)}
    rising = rows["POL-01"]
    assert rising.latest.value == Decimal("10.5") and rising.latest_display == "10.5%"
    assert rising.rag == Rag.AMBER and rising.spc_state == SpcState.CONCERN
    assert rising.spc_tag == ("Concern (higher)", "govuk-tag--orange")
    assert rows["POL-02"].rag == Rag.GREEN and rows["POL-02"].spc_state == SpcState.COMMON_CAUSE
    assert rows["HLT-01"].rag == Rag.RED
    assert rows["POL-03"].rag == Rag.GREY and rows["POL-03"].rag_label == "No figure yet"
    assert rows["POL-03"].spc_state is None


def test_rows_are_grouped_by_perspective_in_the_scorecards_order(cast, scorecard):
    groups = scorecard_grid()
    assert [group.heading.split(":")[0] for group in groups] == [
        "Quantity",
        "Timeliness",
        "Quality",
    ]
    by_agency = scorecard_grid(filters=GridFilters(group_by=GroupBy.AGENCY))
    assert [group.heading for group in by_agency] == [
        "Shire Constabulary",
        "Shire NHS Foundation Trust",
    ]
    assert [row.indicator.code for row in by_agency[0].rows] == ["POL-01", "POL-02", "POL-03"]


def test_the_page_shows_the_grid_in_words(cast, scorecard):
    response = signed_in_client(cast[Role.CHAIR]).get(URL)
    text = _text(response)
    assert response.status_code == 200
    assert "Within tolerance" in text and "Concern (higher)" in text
    assert "Target missed" in text and "Common cause" in text
    assert "Reliably misses the target" in text  # HLT-01's limits lie below its target
    assert 'aria-hidden="true"' in text  # the sparklines
    assert "Chart of POL-01's 15 figures" in text


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({"perspective": "quality"}, ["POL-01"]),
        ({"frequency": "quarterly"}, ["POL-03"]),
        ({"spc_state": "concern"}, ["POL-01"]),
        ({"spc_state": "common_cause"}, ["POL-02", "HLT-01"]),
        ({"spc_state": "no_chart"}, ["POL-03"]),
        ({"rag": "red"}, ["HLT-01"]),
        ({"rag": "grey"}, ["POL-03"]),
        ({"rag": "green", "perspective": "quantity"}, ["POL-02"]),
    ],
)
def test_the_grid_filters(cast, scorecard, query, codes):
    response = signed_in_client(cast[Role.BOARD_MEMBER]).get(URL, query)
    assert _rows(response) == codes


def test_the_grid_filters_by_agency(cast, scorecard):
    response = signed_in_client(cast[Role.BOARD_MEMBER]).get(URL, {"agency": cast.other_agency.pk})
    assert _rows(response) == ["HLT-01"]


def test_an_agency_lead_sees_only_their_own_agencys_indicators(cast, scorecard):
    response = signed_in_client(cast.other_agency_lead).get(URL)
    assert _rows(response) == ["HLT-01"]
    asked_for_another = signed_in_client(cast.other_agency_lead).get(
        URL, {"agency": cast.home_agency.pk}
    )
    assert _rows(asked_for_another) == ["HLT-01"]  # not a choice for them: the filter is ignored


def test_the_csv_download_holds_the_rows_shown(cast, scorecard):
    response = signed_in_client(cast[Role.CHAIR]).get(URL, {"rag": "amber", "format": "csv"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Code,Indicator,Owning agency,Perspective")
    assert len(lines) == 2
    assert lines[1].startswith("POL-01,Missing episodes followed up,Shire Constabulary")
    assert "June 2024,10.50,10.00,1.00,Within tolerance" in lines[1]
    assert "Special cause concern (higher),Hit and miss" in lines[1]


def test_the_excel_download_holds_every_row(cast, scorecard):
    response = signed_in_client(cast[Role.CHAIR]).get(URL, {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["POL-02", "HLT-01", "POL-03", "POL-01"]
    assert rows[0][10:13] == (
        "Against the target",
        "Variation in the latest figure",
        "Assurance of the target",
    )


def test_the_page_draws_without_spc_when_asked(rf, cast, scorecard):
    request = rf.get(URL)
    request.user = cast[Role.CHAIR]
    response = ScorecardGridView.as_view(with_spc=False)(request)
    text = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Target missed" in text
    assert "Common cause" not in text and "Variation in the latest figure" not in text


def _queries(client, query=None) -> int:
    client.get(URL, query)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(URL, query).status_code == 200
    return len(context.captured_queries)


def test_the_grid_costs_the_same_queries_for_3_and_30_indicators(cast):
    client = signed_in_client(cast[Role.BOARD_MEMBER])
    months = [float(month % 7) for month in range(36)]
    for number in range(3):
        give_figures(IndicatorFactory(code=f"POL-{number:02d}", target=Decimal(3)), months)
    few = _queries(client)
    for number in range(3, 30):
        give_figures(IndicatorFactory(code=f"POL-{number:02d}", target=Decimal(3)), months)
    assert _queries(client) == few
    assert _queries(client, {"group_by": "agency", "format": "csv"}) <= few
