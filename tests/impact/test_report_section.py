import datetime

import pytest

from safeboard.actions.factories import ActionFactory
from safeboard.impact import services
from safeboard.impact.report_section import impact_figures, impact_summary

from .builders import indicator_fields, indicator_series

pytestmark = pytest.mark.django_db

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)
IN_PERIOD = datetime.date(2024, 10, 1)


def _story(subject, text, *, on=IN_PERIOD):
    return services.claim_add(
        subject=subject,
        kind="story",
        by=None,
        statement=text,
        narrative="A mother said the new leaflet helped.",
        told_by="a parent",
        consent_recorded=True,
        recorded_on=on,
    )


def _indicator_claim(subject, values, text):
    indicator, periods = indicator_series(values)
    return services.claim_add(
        subject=subject,
        kind="indicator",
        by=None,
        statement=text,
        recorded_on=IN_PERIOD,
        **indicator_fields(indicator, periods, 6),
    )


def test_claims_of_the_period_supported_first_then_not_supported_then_stories():
    action = ActionFactory()
    _story(action, "Parents felt heard.")
    _indicator_claim(action, [10, 12, 10, 12, 10, 12, 11, 11, 12], "Nothing moved.")
    _indicator_claim(action, [10, 12, 10, 12, 10, 12, 17, 18, 17], "More seen in time.")
    _story(action, "An old story.", on=datetime.date(2024, 3, 1))  # before the period
    withdrawn = _story(action, "Withdrawn later.")
    services.claim_withdraw(claim=withdrawn, by=None, reason="Told without consent.")

    figures = impact_figures(start=START, end=END)

    shown = [
        (group["standing"], [claim["statement"] for claim in group["claims"]])
        for group in figures["groups"]
        if group["claims"]
    ]
    assert shown == [
        ("supported", ["More seen in time."]),
        ("not_supported", ["Nothing moved."]),
        ("story", ["Parents felt heard."]),
    ]
    story = figures["groups"][-1]["claims"][0]
    assert story["story"] and story["verdict"].startswith("story")
    assert figures["groups"][-1]["evidence"] is False
    assert figures["total"] == 3
    summary = impact_summary(figures)
    assert "Of 2 claims" in summary and "support 1" in summary
    assert "1 stories" in summary and "not as proof" in summary


def test_a_year_without_claims():
    figures = impact_figures(start=START, end=END)
    assert figures["total"] == 0
    assert impact_summary(figures).startswith("The partnership recorded no claim")
