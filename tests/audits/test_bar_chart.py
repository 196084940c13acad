"""The audit reports' bar charts: one named image, the figures written, nothing invented."""

from __future__ import annotations

import pytest

from safeboard.audits.bar_chart import Series, bar_chart


def test_a_chart_is_one_named_image_with_its_description():
    svg = bar_chart(
        labels=["Question 1.1", "Question 1.2"],
        series=[Series("All agencies", [40.0, 75.0])],
        title="Standard met <by question>",
        description="Highest 75%.",
        chart_id="round-1-questions",
    )
    assert 'role="img"' in svg
    assert 'aria-labelledby="round-1-questions-title round-1-questions-desc"' in svg
    assert '<title id="round-1-questions-title">Standard met &lt;by question&gt;</title>' in svg
    assert ">40%<" in svg and ">75%<" in svg


def test_a_missing_value_is_written_as_none_and_not_drawn():
    svg = bar_chart(
        labels=["Question 1.1"],
        series=[Series("Earlier", [None]), Series("Later", [50.0])],
        title="t",
        description="d",
        chart_id="c",
    )
    assert ">none<" in svg
    assert svg.count("<rect") == 2 + 1  # two legend keys, one bar
    assert ">Earlier<" in svg and ">Later<" in svg


def test_a_long_label_is_shortened_in_the_picture():
    svg = bar_chart(
        labels=["Safe Harbour Domestic Abuse Service"],
        series=[Series("All", [10.0])],
        title="t",
        description="d",
        chart_id="c",
    )
    assert "Safe Harbour Domestic\u2026" in svg


def test_a_chart_needs_figures():
    with pytest.raises(ValueError):
        bar_chart(labels=[], series=[], title="t", description="d", chart_id="c")


def test_large_ticks_read_as_people_write_them():
    from safeboard.core.bar_chart import tick_text

    assert [tick_text(t) for t in (0, 25, 1_500_000, 1e6, 2.5, 1234.5)] == [
        "0",
        "25",
        "1,500,000",
        "1,000,000",
        "2.5",
        "1,234.5",
    ]
