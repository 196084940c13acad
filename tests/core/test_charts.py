"""The server-side SVG line chart, and the risk trend drawn with it."""

from __future__ import annotations

import datetime
import re
from xml.etree import ElementTree

import pytest

from safeboard.core.charts import (
    MIN_LABEL_GAP,
    Frame,
    Point,
    Scale,
    Zone,
    label_positions,
    line_chart,
    nice_ticks,
)
from safeboard.risks.factories import RiskFactory, RiskReviewFactory
from safeboard.risks.trend import residual_trend_chart

SVG = "{http://www.w3.org/2000/svg}"
JAN = datetime.date(2025, 1, 1)


def _chart(points, **overrides) -> str:
    arguments = {
        "points": points,
        "title": "Residual score",
        "description": "From 12 to 6.",
        "chart_id": "trend",
        "y_max": 25,
        "y_ticks": (0, 5, 10, 15, 20, 25),
    }
    arguments.update(overrides)
    return str(line_chart(**arguments))


def _parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)


def _points(svg: str) -> list[tuple[float, float]]:
    return [(float(c.get("cx")), float(c.get("cy"))) for c in _parse(svg).iter(f"{SVG}circle")]


def test_the_chart_is_one_image_named_by_its_title_and_described():
    root = _parse(_chart([Point(JAN, 12)]))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "trend-title trend-desc"
    assert root.find(f"{SVG}title").get("id") == "trend-title"
    assert root.find(f"{SVG}title").text == "Residual score"
    assert root.find(f"{SVG}desc").get("id") == "trend-desc"
    assert root.find(f"{SVG}desc").text == "From 12 to 6."


def test_the_chart_escapes_its_text():
    svg = _chart([Point(JAN, 3)], title="<script>alert(1)</script>", description="A & B")
    assert "<script>" not in svg
    assert _parse(svg).find(f"{SVG}title").text == "<script>alert(1)</script>"


def test_the_chart_marks_every_point_and_joins_them_with_a_line():
    svg = _chart([Point(JAN, 12), Point(JAN.replace(month=4), 9), Point(JAN.replace(month=7), 6)])
    assert len(_points(svg)) == 3
    assert len(list(_parse(svg).iter(f"{SVG}polyline"))) == 1


def test_one_point_is_drawn_in_the_middle_without_a_line():
    frame = Frame()
    svg = _chart([Point(JAN, 12)], frame=frame)
    assert _points(svg) == [(frame.left + frame.plot_width / 2, pytest.approx(_points(svg)[0][1]))]
    assert not list(_parse(svg).iter(f"{SVG}polyline"))


def test_the_highest_score_is_at_the_top_and_zero_at_the_bottom():
    frame = Frame()
    svg = _chart([Point(JAN, 25), Point(JAN.replace(month=2), 0)], frame=frame)
    (x1, top), (x2, bottom) = _points(svg)
    assert top == frame.top
    assert bottom == frame.top + frame.plot_height
    assert (x1, x2) == (frame.left, frame.left + frame.plot_width)


def test_points_are_drawn_oldest_first_whatever_order_they_come_in():
    svg = _chart([Point(JAN.replace(month=6), 4), Point(JAN, 20)])
    (first_x, first_y), (last_x, last_y) = _points(svg)
    assert first_x < last_x
    assert first_y < last_y  # 20 is drawn higher than 4


def test_points_are_placed_by_date():
    frame = Frame()
    svg = _chart(
        [
            Point(JAN, 5),
            Point(JAN + datetime.timedelta(days=10), 5),
            Point(JAN + datetime.timedelta(days=100), 5),
        ],
        frame=frame,
    )
    xs = [x for x, _ in _points(svg)]
    assert xs[1] - xs[0] == pytest.approx(frame.plot_width / 10, abs=0.1)


def test_dates_are_written_under_the_chart_without_overlapping():
    days = [JAN + datetime.timedelta(days=n) for n in (0, 1, 2, 3, 200, 201, 365)]
    svg = _chart([Point(day, 10) for day in days])
    labels = [
        t for t in _parse(svg).iter(f"{SVG}text") if t.get("class") == "safeboard-chart__date"
    ]
    xs = [float(t.get("x")) for t in labels]
    assert labels[0].text == "1 Jan 2025"
    assert labels[-1].text == "1 Jan 2026"
    assert all(b - a >= MIN_LABEL_GAP for a, b in zip(xs, xs[1:], strict=False))


def test_label_positions_keep_the_first_and_last_and_room_between():
    assert label_positions([]) == []
    assert label_positions([10]) == [0]
    assert label_positions([0, 10, 100, 110, 200], gap=50) == [0, 2, 4]
    assert label_positions([0, 100, 120], gap=50) == [0, 2]


def test_zones_are_shaded_and_named():
    svg = _chart(
        [Point(JAN, 3)],
        zones=[Zone(lowest=0, highest=5, fill="#cfe4dc", label="Low")],
    )
    rects = [r for r in _parse(svg).iter(f"{SVG}rect") if r.get("class") == "safeboard-chart__zone"]
    assert [r.get("fill") for r in rects] == ["#cfe4dc"]
    assert "Low" in [t.text for t in _parse(svg).iter(f"{SVG}text")]


def test_a_chart_needs_a_point():
    with pytest.raises(ValueError):
        _chart([])


@pytest.mark.django_db
def test_the_risk_trend_describes_the_change_from_the_first_review_to_the_last():
    risk = RiskFactory(reference="R05")
    RiskReviewFactory(risk=risk, reviewed_on=JAN, likelihood=3, impact=4)
    RiskReviewFactory(risk=risk, reviewed_on=JAN.replace(month=3), likelihood=2, impact=3)
    svg = str(residual_trend_chart(risk=risk, reviews=list(risk.reviews.all())))
    root = _parse(svg)
    assert root.find(f"{SVG}title").text == "Residual score of risk R05 at each review"
    description = root.find(f"{SVG}desc").text
    assert re.search(
        r"from 12 \(High\) on 1 January 2025 to 6 \(Medium\) on 1 March 2025", description
    )
    assert len(_points(svg)) == 2
    zone_labels = {t.text for t in root.iter(f"{SVG}text")}
    assert {"Very high", "High", "Medium", "Low"} <= zone_labels


@pytest.mark.django_db
def test_a_risk_without_reviews_has_no_trend():
    assert residual_trend_chart(risk=RiskFactory(), reviews=[]) is None


def test_a_scale_maps_its_values_onto_its_pixels_in_proportion():
    scale = Scale(0, 5, 100, 300)
    assert [scale(value) for value in (0, 2.5, 5)] == [100, 200, 300]


def test_an_upward_scale_draws_higher_values_nearer_the_top():
    scale = Scale.upwards(0, 10, top=16, height=200)
    assert (scale(0), scale(10), scale(5)) == (216, 16, 116)


def test_a_scale_of_one_value_draws_it_midway():
    assert Scale(3, 3, 0, 100)(3) == 50


def test_a_clamped_scale_draws_values_beyond_it_at_its_ends():
    scale = Scale(0, 100, 0, 200, clamp=True)
    assert (scale(150), scale(-5)) == (200, 0)


def test_nice_ticks_are_round_numbers_covering_the_values():
    assert nice_ticks(3, 47) == [0, 10, 20, 30, 40, 50]
