"""The scale: labels, colours and what counts as met."""

from __future__ import annotations

from safeboard.section11.scale import DEFAULT_LABELS, Scale, scale_problems

DEFAULT = Scale(minimum=0, maximum=3, met=3, labels=DEFAULT_LABELS)


def test_the_default_scale_runs_from_not_met_to_fully_met():
    assert [DEFAULT.describe(score) for score in range(4)] == [
        "0 Not met",
        "1 Partly met",
        "2 Mostly met",
        "3 Fully met",
    ]


def test_colours_run_red_to_green_and_a_missing_score_is_grey():
    assert [DEFAULT.colour(score) for score in (0, 1, 2, 3, None)] == [
        "red",
        "orange",
        "yellow",
        "green",
        "grey",
    ]


def test_every_score_from_met_up_is_green_on_a_longer_scale():
    scale = Scale(minimum=1, maximum=5, met=4, labels=("a", "b", "c", "d", "e"))
    assert [scale.colour(score) for score in range(1, 6)] == [
        "red",
        "orange",
        "yellow",
        "green",
        "green",
    ]
    assert not scale.contains(0) and not scale.contains(6)


def test_a_scale_needs_a_label_for_every_score():
    assert "scale_labels" in scale_problems(minimum=0, maximum=3, met=3, labels=["a", "b"])


def test_met_must_lie_above_the_lowest_score():
    assert "met_score" in scale_problems(minimum=0, maximum=3, met=0, labels=list(DEFAULT_LABELS))


def test_a_sound_scale_has_no_problems():
    assert scale_problems(minimum=0, maximum=3, met=2, labels=list(DEFAULT_LABELS)) == {}
