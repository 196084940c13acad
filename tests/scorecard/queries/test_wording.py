"""A signal on an indicator with no better direction is a significant change, never a concern."""

from __future__ import annotations

import pytest

from safeboard.scorecard.models import SIGNIFICANT_CHANGE, Polarity, QueryTrigger, trigger_words

from .builders import FALL_HISTORY, FALL_NEXT, SHIFT_HISTORY, SHIFT_NEXT, history, indicator, record

pytestmark = pytest.mark.django_db


def test_trigger_words_call_a_signal_with_no_better_direction_a_significant_change():
    assert trigger_words(QueryTrigger.CONCERN, Polarity.NONE) == SIGNIFICANT_CHANGE
    assert "concern" not in SIGNIFICANT_CHANGE.lower()


@pytest.mark.parametrize("polarity", [Polarity.UP, Polarity.DOWN])
def test_trigger_words_call_a_worse_signal_a_concern_where_a_direction_is_better(polarity):
    assert trigger_words(QueryTrigger.CONCERN, polarity) == QueryTrigger.CONCERN.label


def test_trigger_words_name_a_missed_target_whatever_the_polarity():
    assert trigger_words(QueryTrigger.TARGET_MISSED, Polarity.NONE) == "Target missed"


def test_a_query_on_an_indicator_with_no_better_direction_never_says_concern(catalogue, client):
    either = indicator(catalogue.police, code="POL-21", polarity=Polarity.NONE)
    history(either, FALL_HISTORY)
    record(either, FALL_NEXT)
    opened = either.queries.get()
    assert opened.opened_because == SIGNIFICANT_CHANGE
    reasons = [entry.history_change_reason or "" for entry in opened.history.all()]
    assert not any("concern" in reason.lower() for reason in reasons)
    assert "significant change" in reasons[-1]


def test_a_query_on_an_indicator_where_lower_is_better_says_concern(catalogue):
    fewer_is_better = indicator(catalogue.police, code="CSC-07", polarity=Polarity.DOWN)
    history(fewer_is_better, SHIFT_HISTORY)
    record(fewer_is_better, SHIFT_NEXT)
    assert fewer_is_better.queries.get().opened_because == QueryTrigger.CONCERN.label
