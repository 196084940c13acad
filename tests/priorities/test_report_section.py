import datetime

from safeboard.priorities.factories import (
    BusinessPlanFactory,
    PriorityFactory,
    PriorityReviewFactory,
)
from safeboard.priorities.models import Priority
from safeboard.priorities.report_section import priority_figures

START, END = datetime.date(2024, 4, 1), datetime.date(2025, 3, 31)


def test_progress_is_the_last_review_in_the_period_and_says_why(db):
    plan = BusinessPlanFactory(
        starts_on=datetime.date(2024, 4, 1), ends_on=datetime.date(2027, 3, 31)
    )
    on_track = PriorityFactory(plan=plan, title="Neglect")
    behind = PriorityFactory(plan=plan, title="Early help", progress=Priority.Progress.ON_TRACK)
    PriorityReviewFactory(priority=on_track, reviewed_on=datetime.date(2024, 9, 1))
    PriorityReviewFactory(
        priority=behind,
        reviewed_on=datetime.date(2025, 2, 1),
        progress=Priority.Progress.OFF_TRACK,
        summary="The front door opened late.",
    )
    # A later review, after the period, does not change what the report says.
    PriorityReviewFactory(priority=behind, reviewed_on=datetime.date(2025, 6, 1))
    figures = priority_figures(start=START, end=END)
    assert [row["progress"] for row in figures["rows"]] == ["on_track", "off_track"]
    assert [row["why"] for row in figures["little_or_no_progress"]] == [
        "The front door opened late."
    ]
