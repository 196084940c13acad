"""Learning briefings: about one review or one theme, with questions for supervision, shared
with practitioners on a date."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from safeboard.reviews.briefings import services
from safeboard.reviews.models import Briefing
from tests.reviews import builders

pytestmark = pytest.mark.django_db
TODAY = builders.TODAY


def _write(**overrides) -> Briefing:
    values = {
        "title": "Seeing the baby",
        "what_happened": "A baby was injured.",
        "what_we_learned": "Nobody saw the baby undressed.",
        "what_to_do_differently": "See the baby, undressed, at every visit.",
        "questions_for_supervision": "  When did I last see the baby?\n\n  Who else lives there?  \n",
    }
    values.update(overrides)
    return services.briefing_create(**values)


def test_a_review_briefing_keeps_one_question_a_line():
    briefing = _write(review=builders.review())
    assert briefing.questions_for_supervision == (
        "When did I last see the baby?\nWho else lives there?"
    )
    assert briefing.shared_on is None


def test_a_briefing_without_a_question_is_refused_and_nothing_is_saved():
    with pytest.raises(ValidationError) as error:
        _write(review=builders.review(), questions_for_supervision=" \n \n")
    assert error.value.message_dict == {"questions_for_supervision": [services.QUESTION_REQUIRED]}
    assert not Briefing.objects.exists()


@pytest.mark.parametrize("about", ["both", "neither"])
def test_a_briefing_is_about_one_review_or_one_theme(about):
    about_both = {"review": builders.review(), "theme": builders.theme()}
    with pytest.raises(ValidationError) as error:
        _write(**(about_both if about == "both" else {}))
    assert error.value.messages == [services.ABOUT_ONE_THING]


def test_a_briefing_on_a_retired_theme_is_refused():
    retired = builders.theme("recording")
    retired.is_active = False
    retired.save()
    with pytest.raises(ValidationError) as error:
        _write(theme=retired)
    assert error.value.message_dict == {"theme": [services.RETIRED_THEME.format(name="Recording")]}


def test_sharing_records_the_day_and_says_so_in_the_history():
    briefing = _write(theme=builders.theme())
    services.briefing_share(briefing=briefing, shared_on=TODAY - datetime.timedelta(days=2))
    briefing.refresh_from_db()
    assert briefing.shared_on == TODAY - datetime.timedelta(days=2)
    assert briefing.history.first().history_change_reason == "Shared with practitioners"


def test_a_briefing_cannot_be_shared_in_the_future():
    briefing = _write(theme=builders.theme())
    with pytest.raises(ValidationError) as error:
        services.briefing_share(briefing=briefing, shared_on=TODAY + datetime.timedelta(days=1))
    assert error.value.message_dict == {"shared_on": [services.SHARED_IN_FUTURE]}
    briefing.refresh_from_db()
    assert briefing.shared_on is None


def test_a_withdrawn_briefing_is_no_longer_shared():
    briefing = _write(theme=builders.theme())
    services.briefing_share(briefing=briefing)
    services.briefing_withdraw(briefing=briefing)
    briefing.refresh_from_db()
    assert briefing.shared_on is None
