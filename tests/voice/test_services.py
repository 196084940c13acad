"""Recording children's voice: activities, what was said, responses, and survey imports."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from safeboard.themes.factories import default_theme
from safeboard.voice import services
from safeboard.voice.factories import ActivityFactory, ContributionFactory
from safeboard.voice.models import Contribution, Response

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _csv(text: str, name: str = "survey.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_an_activity_cannot_be_held_in_the_future():
    with pytest.raises(ValidationError) as error:
        services.activity_create(
            kind="survey",
            title="Online safety survey",
            held_on=TODAY + datetime.timedelta(days=1),
            description="An online survey in schools.",
        )
    assert error.value.message_dict == {"held_on": [services.HELD_IN_FUTURE]}


def test_a_count_of_who_took_part_is_kept_once_per_band_and_group():
    activity = ActivityFactory()
    services.participation_add(activity=activity, age_band="11_15", group="Year 9", count=20)
    with pytest.raises(ValidationError) as error:
        services.participation_add(activity=activity, age_band="11_15", group="year  9", count=3)
    assert error.value.message_dict == {"group": [services.ALREADY_COUNTED]}


def test_what_was_said_is_coded_to_themes_and_answered():
    activity = ActivityFactory()
    neglect = default_theme("neglect")
    said = services.contribution_add(activity=activity, text="  Nobody listens  ")
    services.contribution_code(contribution=said, themes=[neglect])
    response = services.response_record(
        contribution=said, what_we_did="We trained staff to listen.", responded_on=TODAY
    )
    assert said.text == "Nobody listens"
    assert list(said.themes.all()) == [neglect]
    assert not response.is_published
    published = services.response_publish(contribution=said)
    assert published.is_published and published.published_on == TODAY
    withdrawn = services.response_withdraw(contribution=said)
    assert not withdrawn.is_published and withdrawn.published_on is None


def test_nothing_unanswered_is_published():
    with pytest.raises(ValidationError) as error:
        services.response_publish(contribution=ContributionFactory())
    assert error.value.messages == [services.NOT_RESPONDED]


def test_a_response_cannot_be_dated_in_the_future():
    with pytest.raises(ValidationError) as error:
        services.response_record(
            contribution=ContributionFactory(),
            what_we_did="Something",
            responded_on=TODAY + datetime.timedelta(days=2),
        )
    assert "responded_on" in error.value.message_dict


def test_a_good_survey_file_is_imported_whole():
    activity = ActivityFactory()
    made = services.survey_import(
        activity=activity,
        file=_csv(
            "age_band,group,question,answer,themes\n"
            "11 to 15,Year 9,Where do you feel unsafe?,The park at night,Neglect\n"
            "16 or 17,,,Online games,\n"
        ),
    )
    assert [contribution.text for contribution in made] == ["The park at night", "Online games"]
    assert [theme.slug for theme in made[0].themes.all()] == ["neglect"]
    assert made[0].age_band == "11_15" and made[1].age_band == "16_17"


def test_a_file_with_one_bad_line_is_refused_whole_with_each_problem_by_line():
    activity = ActivityFactory()
    with pytest.raises(ValidationError) as error:
        services.survey_import(
            activity=activity,
            file=_csv("age_band,answer,themes\n11 to 15,Fine,\neleven,Scared,\n16 or 17,,\n"),
        )
    assert error.value.message_dict["file"] == [
        "Line 3: \u201celeven\u201d is not an age band. Use under 11, 11 to 15, 16 or 17, "
        "18 to 25, or leave it empty.",
        "Line 4: the answer is empty.",
    ]
    assert not Contribution.objects.exists()


def test_a_file_that_is_not_csv_is_refused():
    with pytest.raises(ValidationError) as error:
        services.survey_import(activity=ActivityFactory(), file=_csv("answer\nhi\n", "a.pdf"))
    assert "file" in error.value.message_dict
    assert not Response.objects.exists()
