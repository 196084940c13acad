"""The taxonomy of themes: added, renamed, ordered and retired, never deleted."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from safeboard.themes import services
from safeboard.themes.models import Theme

pytestmark = pytest.mark.django_db


def _in_use() -> list[str]:
    return list(
        Theme.objects.filter(is_active=True)
        .order_by("position", "name")
        .values_list("slug", flat=True)
    )


def test_a_new_theme_goes_at_the_end_with_a_slug_from_its_name():
    theme = services.theme_create(name="  Early   help ", description="Help before harm.")
    assert (theme.name, theme.slug) == ("Early help", "early-help")
    assert _in_use()[-1] == "early-help"


def test_a_name_already_used_is_refused_whatever_its_case():
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="NEGLECT")
    assert error.value.message_dict == {"name": [services.NAME_TAKEN.format(name="NEGLECT")]}


def test_a_name_without_letters_is_refused():
    with pytest.raises(ValidationError) as error:
        services.theme_create(name="!!!")
    assert error.value.message_dict == {"name": [services.NAME_WITHOUT_LETTERS]}


def test_a_slug_in_use_or_reserved_gets_a_number():
    neglect = Theme.objects.get(slug="neglect")
    services.theme_update(theme=neglect, name="Neglect and cumulative harm", description="")
    assert services.theme_create(name="Neglect").slug == "neglect-2"
    assert services.theme_create(name="New").slug == "new-2"


def test_renaming_keeps_the_slug_and_what_is_tagged():
    theme = Theme.objects.get(slug="thresholds")
    services.theme_update(theme=theme, name="Thresholds of need", description="Shared levels.")
    theme.refresh_from_db()
    assert (theme.name, theme.slug, theme.description) == (
        "Thresholds of need",
        "thresholds",
        "Shared levels.",
    )


def test_moving_a_theme_up_swaps_it_with_the_theme_in_use_above_it():
    before = _in_use()
    services.theme_move(theme=Theme.objects.get(slug=before[2]), direction=services.UP)
    assert _in_use()[:3] == [before[0], before[2], before[1]]


def test_moving_passes_over_retired_themes():
    before = _in_use()
    services.theme_retire(theme=Theme.objects.get(slug=before[1]))
    services.theme_move(theme=Theme.objects.get(slug=before[2]), direction=services.UP)
    assert _in_use()[:2] == [before[2], before[0]]


def test_moving_the_first_theme_up_changes_nothing_and_positions_never_tie():
    before = _in_use()
    services.theme_move(theme=Theme.objects.get(slug=before[0]), direction=services.UP)
    assert _in_use() == before
    positions = list(Theme.objects.values_list("position", flat=True))
    assert len(set(positions)) == len(positions)


def test_a_retired_theme_is_no_longer_in_use_and_can_come_back():
    theme = Theme.objects.get(slug="escalation")
    services.theme_retire(theme=theme)
    assert "escalation" not in _in_use()
    with pytest.raises(ValidationError):
        services.theme_retire(theme=theme)
    services.theme_restore(theme=theme)
    assert "escalation" in _in_use()
    assert theme.history.first().history_change_reason == "Back in use"
