"""The verdict of a claim on hand-made figures (DATA.md, "Evidence of impact")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safeboard.impact.judging import (
    FollowUpFigures,
    QuestionChange,
    Share,
    StandardScores,
    Standing,
    judge_indicator,
    judge_reaudit,
    judge_section11,
    judge_story,
    judge_training,
)

# Mean 11, average moving range 2: process limits 5.68 to 16.32.
BASELINE = [10, 12, 10, 12, 10, 12]


def test_a_rise_beyond_the_limits_of_a_higher_is_better_indicator_is_an_improvement():
    verdict = judge_indicator(BASELINE, [17, 18, 17], polarity="up")
    assert verdict.standing is Standing.SUPPORTED
    assert verdict.label == "supported: special-cause improvement"


def test_a_fall_of_a_lower_is_better_indicator_is_an_improvement():
    verdict = judge_indicator(BASELINE, [5, 4, 5], polarity="down")
    assert verdict.label == "supported: special-cause improvement"


def test_a_seven_point_run_below_the_mean_is_an_improvement_when_lower_is_better():
    verdict = judge_indicator(BASELINE, [10.5, 10, 10.5, 10, 10.5, 10, 10.5], polarity="down")
    assert verdict.label == "supported: special-cause improvement"
    assert "a run of 7 or more on one side of the mean" in verdict.details[2]


def test_a_concern_signal_with_the_level_not_worse_is_a_concern():
    # Lower is better; the mean fell a little, but one point rose beyond the upper limit.
    verdict = judge_indicator(BASELINE, [8, 8, 8, 8, 17], polarity="down")
    assert verdict.standing is Standing.NOT_SUPPORTED
    assert verdict.label == "not supported: special-cause concern"


def test_points_within_the_limits_are_no_significant_change():
    verdict = judge_indicator(BASELINE, [10, 12, 11.5], polarity="up")
    assert verdict.standing is Standing.NOT_SUPPORTED
    assert verdict.label == "not supported: no significant change"


def test_fewer_than_six_baseline_points_are_not_enough_to_judge():
    verdict = judge_indicator(BASELINE[:5], [20, 21, 22], polarity="up")
    assert verdict.standing is Standing.NOT_ENOUGH_DATA
    assert verdict.label == "not enough data to judge"
    assert "at least 6" in verdict.details[0]


def test_no_after_figures_are_not_enough_to_judge():
    assert judge_indicator(BASELINE, [], polarity="up").standing is Standing.NOT_ENOUGH_DATA


def test_a_rise_of_a_lower_is_better_indicator_moved_the_wrong_way_whatever_the_spc_says():
    # Within the limits, so no signal; but the level rose, and lower is better.
    verdict = judge_indicator(BASELINE, [12, 13, 12], polarity="down")
    assert verdict.label == "not supported: moved the wrong way"


def test_a_short_annual_series_is_still_checked_for_moving_the_wrong_way():
    # The demo's "plans lasting two years or more fell to 4.8%": 4.8%, 4.9%, then 5.9%.
    verdict = judge_indicator([4.8, 4.9], [5.9], polarity="down", unit="percentage")
    assert verdict.standing is Standing.NOT_SUPPORTED
    assert verdict.label == "not supported: moved the wrong way"
    assert verdict.details == (
        "Before: 2 periods, mean 4.9%: too few for process limits, which need at least 6.",
        "After: 1 period, mean 5.9%.",
    )


def test_an_indicator_with_no_preferred_direction_shows_a_significant_change():
    verdict = judge_indicator(BASELINE, [17, 18, 17], polarity="none")
    assert verdict.standing is Standing.SIGNIFICANT_CHANGE
    assert verdict.label == "a significant change"
    falling = judge_indicator(BASELINE, [4, 5, 4], polarity="none")
    assert falling.label == "a significant change"
    level = judge_indicator(BASELINE, [11, 12, 10], polarity="none")
    assert level.label == "not supported: no significant change"


def test_the_details_give_the_figures_of_both_runs():
    verdict = judge_indicator(
        BASELINE,
        [17, 18, 17],
        polarity="up",
        unit="percentage",
        before_span="Apr 2024 to Sep 2024",
        after_span="Oct 2024 to Dec 2024",
    )
    assert verdict.details == (
        "Before (Apr 2024 to Sep 2024): 6 periods with figures, mean 11.0%, "
        "process limits 5.7% to 16.3%.",
        "After (Oct 2024 to Dec 2024): 3 periods with figures, mean 17.3%.",
        "3 of 3 after points show a special cause (outside the process limits; "
        "2 of 3 beyond the two-thirds line).",
    )


def test_limits_screen_large_moving_ranges_when_the_indicator_asks():
    baseline = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1]
    unscreened = judge_indicator(baseline, [5.5, 5.5, 5.5], polarity="up")
    screened = judge_indicator(baseline, [5.5, 5.5, 5.5], polarity="up", screen_moving_ranges=True)
    assert unscreened.label == "not supported: no significant change"
    assert screened.label == "supported: special-cause improvement"


figures = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
polarities = st.sampled_from(["up", "down", "none"])


@given(
    before=st.lists(figures, max_size=5),
    after=st.lists(figures, max_size=12),
    polarity=polarities,
)
def test_never_supported_on_fewer_than_six_baseline_points(before, after, polarity):
    assert judge_indicator(before, after, polarity=polarity).standing is not Standing.SUPPORTED


@given(run=st.lists(figures, min_size=6, max_size=24), polarity=polarities)
def test_an_after_run_identical_to_the_before_run_is_never_supported(run, polarity):
    assert judge_indicator(run, run, polarity=polarity).standing is not Standing.SUPPORTED


@given(
    before=st.lists(figures, min_size=1, max_size=24),
    after=st.lists(figures, min_size=1, max_size=12),
    polarity=st.sampled_from(["up", "down"]),
)
def test_supported_only_when_the_after_level_is_better(before, after, polarity):
    verdict = judge_indicator(before, after, polarity=polarity)
    if verdict.standing is Standing.SUPPORTED:
        before_mean, after_mean = sum(before) / len(before), sum(after) / len(after)
        assert after_mean > before_mean if polarity == "up" else after_mean < before_mean


@given(
    before=st.lists(figures, min_size=1, max_size=24),
    after=st.lists(figures, min_size=1, max_size=12),
)
def test_a_claim_without_a_preferred_direction_is_never_supported(before, after):
    verdict = judge_indicator(before, after, polarity="none")
    assert verdict.standing in {
        Standing.SIGNIFICANT_CHANGE,
        Standing.NOT_SUPPORTED,
        Standing.NOT_ENOUGH_DATA,
    }


# Re-audit change.


def change(earlier, later, text="Was a strategy meeting held?"):
    return QuestionChange(number="", text=text, earlier=earlier, later=later)


def test_a_rise_in_standard_met_on_enough_cases_is_supported():
    verdict = judge_reaudit([change(Share(3, 8, 8), Share(7, 8, 8))])
    assert verdict.standing is Standing.SUPPORTED
    assert verdict.details == (
        "All questions asked in both rounds: 3/8 (38%) \u2192 7/8 (88%)",
        "Was a strategy meeting held?: 3/8 (38%) \u2192 7/8 (88%)",
    )


def test_a_rise_on_fewer_than_five_cases_is_a_small_sample():
    verdict = judge_reaudit([change(Share(1, 4, 4), Share(4, 4, 4))])
    assert verdict.standing is Standing.NOT_ENOUGH_DATA
    assert verdict.label == "not enough data to judge: small sample"
    assert verdict.details[1].endswith("(small sample)")


def test_the_verdict_is_on_all_questions_with_each_shown():
    rose_overall = judge_reaudit(
        [change(Share(3, 8, 8), Share(7, 8, 8)), change(Share(6, 8, 8), Share(5, 8, 8), "Q2")]
    )
    assert rose_overall.label == "supported: standard met rose"
    assert rose_overall.details[2] == "Q2: 6/8 (75%) \u2192 5/8 (62%)"
    fell_overall = judge_reaudit(
        [change(Share(3, 8, 8), Share(4, 8, 8)), change(Share(8, 8, 8), Share(5, 8, 8), "Q2")]
    )
    assert fell_overall.label == "not supported: standard met fell"


def test_a_question_asked_in_one_round_only_is_shown_but_not_compared():
    verdict = judge_reaudit(
        [change(Share(3, 8, 8), Share(7, 8, 8)), change(None, Share(1, 8, 8), "New question")]
    )
    assert verdict.details[0] == "All questions asked in both rounds: 3/8 (38%) \u2192 7/8 (88%)"
    assert verdict.details[2] == "New question: not asked \u2192 1/8 (12%)"


def test_no_change_is_not_supported_and_no_comparison_is_not_enough_data():
    assert judge_reaudit([change(Share(3, 8, 8), Share(3, 8, 8))]).label == (
        "not supported: no change in standard met"
    )
    assert judge_reaudit([change(None, Share(3, 8, 8))]).standing is Standing.NOT_ENOUGH_DATA


# Training change, Section 11 change, a story.


def test_training_follow_up_is_always_self_reported():
    verdict = judge_training(
        FollowUpFigures(
            sent=20,
            responded=10,
            changed=6,
            partly=2,
            confidence_before=2.5,
            confidence_after=4.25,
        )
    )
    assert verdict.standing is Standing.SELF_REPORTED
    assert verdict.label == "self-reported: 60% say their practice changed"
    assert verdict.details == (
        "Response rate: 10 of 20 (50%).",
        "Practice changed: 6 of 10 (60%); partly: 2.",
        "Confidence (1 to 5): before 2.5, after 4.2.",
    )


def test_training_without_answers_is_still_self_reported():
    verdict = judge_training(FollowUpFigures(0, 0, 0, 0, None, None))
    assert verdict.standing is Standing.SELF_REPORTED


@pytest.mark.parametrize(
    ("earlier", "later", "label"),
    [
        ((2, 2, 3), (3, 3, 4), "supported: the score rose"),
        ((3, 3), (2, 3), "not supported: moved the wrong way"),
        ((3, 3), (3, 3), "not supported: no change in the score"),
        ((), (3, 3), "not enough data to judge"),
    ],
)
def test_section11_compares_a_standards_scores_across_two_cycles(earlier, later, label):
    verdict = judge_section11(
        StandardScores("2024", earlier, met_score=3), StandardScores("2025", later, met_score=3)
    )
    assert verdict.label == label


def test_a_story_is_never_measured():
    assert judge_story(carried_over=False).label == "story: not measured"
    assert judge_story(carried_over=True).label == "story: not checked against data"
    assert judge_story(carried_over=True).standing is Standing.STORY
