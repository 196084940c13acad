"""Findings: tagged with at least one theme in use, kept in order, deleted without losing the
recommendations that answer them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from safeboard.reviews.findings import services
from safeboard.reviews.models import Finding
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def _add(review, **overrides):
    values = {
        "review": review,
        "title": "The father was not seen",
        "text": "No agency met the baby's father.",
        "evidence": "He is named in the GP record only.",
        "themes": [builders.theme("fathers-and-unseen-men")],
    }
    values.update(overrides)
    return services.finding_create(**values)


def test_a_finding_is_added_after_the_others_with_its_themes():
    review = builders.review()
    first = _add(review)
    second = _add(review, themes=[builders.theme("neglect"), builders.theme("recording")])
    assert (first.position, second.position) == (1, 2)
    assert {theme.slug for theme in second.themes.all()} == {"neglect", "recording"}


def test_a_finding_without_a_theme_is_refused_and_nothing_is_saved():
    review = builders.review()
    with pytest.raises(ValidationError) as error:
        _add(review, themes=[])
    assert error.value.message_dict == {"themes": [services.THEME_REQUIRED]}
    assert not Finding.objects.exists()


def test_a_retired_theme_is_refused_on_a_new_finding():
    retired = builders.theme("safe-sleeping")
    retired.is_active = False
    retired.save()
    with pytest.raises(ValidationError) as error:
        _add(builders.review(), themes=[retired])
    assert error.value.message_dict["themes"] == [
        services.RETIRED_THEME.format(name="Safe sleeping")
    ]


def test_a_finding_keeps_a_theme_retired_since_it_was_tagged():
    review = builders.review()
    retired = builders.theme("safe-sleeping")
    finding = builders.finding(review, themes=[retired])
    retired.is_active = False
    retired.save()
    services.finding_update(
        finding=finding,
        title="Safe sleeping advice was not repeated",
        text=finding.text,
        evidence=finding.evidence,
        themes=[retired, builders.theme("neglect")],
    )
    finding.refresh_from_db()
    assert finding.title == "Safe sleeping advice was not repeated"
    assert {theme.slug for theme in finding.themes.all()} == {"safe-sleeping", "neglect"}


def test_moving_a_finding_up_swaps_it_with_the_one_above_and_renumbers_them():
    review = builders.review()
    first, second, third = (builders.finding(review, title=f"F{n}") for n in (1, 2, 3))
    # Positions may drift apart: the order F2, F3, F1 is what counts.
    Finding.objects.filter(pk=first.pk).update(position=5)
    services.finding_move(finding=third, direction=services.UP)
    order = list(review.findings.order_by("position").values_list("title", "position"))
    assert order == [("F3", 1), ("F2", 2), ("F1", 3)]


def test_moving_the_last_finding_down_leaves_the_order_alone():
    review = builders.review()
    builders.finding(review, title="A")
    last = builders.finding(review, title="B")
    services.finding_move(finding=last, direction=services.DOWN)
    assert list(review.findings.order_by("position").values_list("title", flat=True)) == [
        "A",
        "B",
    ]


def test_deleting_a_finding_keeps_its_recommendations_unlinked():
    review = builders.review()
    finding = builders.finding(review)
    recommendation = builders.recommendation(review, finding=finding)
    services.finding_delete(finding=finding)
    recommendation.refresh_from_db()
    assert recommendation.finding is None
