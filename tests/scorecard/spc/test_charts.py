"""The XmR chart and the sparkline as SVG: named, described, escaped, shaped by signal."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from safeboard.scorecard.models import Indicator, Polarity, Unit
from safeboard.scorecard.spc.charts import nice_ticks, sparkline_svg, xmr_chart_svg
from safeboard.scorecard.spc.selectors import indicator_spc

from ..series import SHIFTED, STEADY, period_keys, series_of

SVG = "{http://www.w3.org/2000/svg}"


def _chart(values, **fields):
    indicator = Indicator(
        **{
            "code": "POL-01",
            "name": "Incidents",
            "unit": Unit.PERCENTAGE,
            "polarity": "up",
            "frequency": "monthly",
            **fields,
        }
    )
    chart = indicator_spc(indicator=indicator, series=series_of(values))
    return xmr_chart_svg(chart=chart, chart_id="chart")


def _markers(svg: str) -> dict[str, set[str]]:
    """{state: shapes} of the points drawn (the legend left out)."""
    shapes: dict[str, set[str]] = {}
    for element in ElementTree.fromstring(svg).iter():
        css = element.get("class", "")
        if css.startswith("safeboard-spc-chart__point--"):
            state = css.removeprefix("safeboard-spc-chart__point--")
            shapes.setdefault(state, set()).add(element.get("data-shape"))
    return shapes


def test_the_chart_is_one_named_and_described_image():
    svg = _chart(SHIFTED)
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "chart-title chart-desc"
    assert root.find(f"{SVG}title").text == "XmR chart of POL-01 Incidents"
    description = root.find(f"{SVG}desc").text
    assert description.startswith("15 monthly figures from April 2023 to June 2024.")
    assert "The latest figure, 10.5% for June 2024, shows special cause improvement" in description


def test_text_in_the_chart_is_escaped():
    svg = _chart(STEADY, name='Children <script>alert("x")</script> & families')
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "&amp; families" in svg
    ElementTree.fromstring(svg)  # still well-formed


def test_points_are_shaped_as_well_as_coloured_by_what_they_show():
    improvement = _markers(_chart(SHIFTED, polarity=Polarity.UP))
    concern = _markers(_chart(SHIFTED, polarity=Polarity.DOWN))
    neither = _markers(_chart(SHIFTED, polarity=Polarity.NONE))
    assert improvement == {"common_cause": {"circle"}, "improvement": {"diamond"}}
    assert concern == {"common_cause": {"circle"}, "concern": {"triangle"}}
    assert neither == {"common_cause": {"circle"}, "neither": {"square"}}


def test_the_legend_names_every_shape_in_words():
    svg = _chart(SHIFTED, polarity=Polarity.DOWN)
    for words in ("Common cause", "Improvement", "Concern"):
        assert f">{words}</text>" in svg


def test_each_phase_has_its_own_mean_and_limits():
    values = [11, 9] * 5 + [21, 19] * 5
    svg = _chart(values, spc_recalculate_from=period_keys(11)[10].starts_on)
    assert svg.count('class="safeboard-spc-chart__mean"') == 2
    assert svg.count('class="safeboard-spc-chart__limit"') == 4
    assert "Limits recalculated" in svg
    assert "Phase 2, February 2024 to November 2024: mean 20.0%" in svg


def test_the_target_is_drawn_and_named_only_when_there_is_one():
    assert 'class="safeboard-spc-chart__target"' in _chart(STEADY, target=12)
    assert ">Target</text>" in _chart(STEADY, target=12)
    assert "safeboard-spc-chart__target" not in _chart(STEADY)


def test_a_shorter_baseline_is_shaded_and_named():
    svg = _chart(SHIFTED, spc_baseline_to=period_keys(8)[7].starts_on)
    assert 'class="safeboard-spc-chart__baseline"' in svg
    assert "from the baseline April 2023 to November 2023" in svg


def test_too_few_figures_draw_no_chart():
    assert _chart([3]) is None


def test_the_sparkline_is_hidden_from_assistive_technology():
    svg = sparkline_svg(series_of(SHIFTED))
    root = ElementTree.fromstring(svg)
    assert root.get("aria-hidden") == "true" and root.get("focusable") == "false"
    assert root.find(f"{SVG}title") is None
    assert len(root.find(f"{SVG}polyline").get("points").split()) == 15


def test_the_sparkline_draws_the_last_36_figures_at_most():
    svg = sparkline_svg(series_of([float(n % 5) for n in range(48)]))
    points = re.search(r'points="([^"]+)"', svg)[1].split()
    assert len(points) == 36


def test_a_flat_sparkline_sits_in_the_middle():
    svg = sparkline_svg(series_of([4, 4, 4]))
    assert re.findall(r",(\d+\.\d)", re.search(r'points="([^"]+)"', svg)[1]) == ["16.0"] * 3


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [(0, 10, [0, 2, 4, 6, 8, 10]), (4.68, 15.32, [0, 5, 10, 15, 20]), (-3.1, 7, None)],
)
def test_ticks_are_round_numbers_covering_the_range(low, high, ticks):
    found = nice_ticks(low, high)
    assert found[0] <= low and found[-1] >= high
    if ticks is not None:
        assert found == ticks
