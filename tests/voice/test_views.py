"""The voice pages: the journey from an activity to a published "you said, we did", the
public page (anyone, published only), the survey import, and who is refused."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.themes.factories import default_theme
from safeboard.voice.factories import ContributionFactory, ResponseFactory
from safeboard.voice.models import Activity, Contribution
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def test_the_business_manager_records_codes_responds_and_publishes(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("voice:activity_create"),
        {
            "kind": "advisers",
            "title": "Young advisers on feeling safe",
            "held_on": TODAY.isoformat(),
            "description": "Our young advisers asked their friends.",
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    client.post(
        reverse("voice:participation_add", args=[activity.pk]),
        {"age_band": "11_15", "group": "Young advisers", "count": "9"},
    )
    client.post(
        reverse("voice:contribution_add", args=[activity.pk]),
        {"text": "Buses stop too early", "age_band": "not_given"},
    )
    said = Contribution.objects.get()
    client.post(
        reverse("voice:contribution_code", args=[said.pk]),
        {"themes": [default_theme("neglect").pk]},
    )
    client.post(
        reverse("voice:respond", args=[said.pk]),
        {"what_we_did": "We asked for a later bus.", "responded_on": TODAY.isoformat()},
    )
    assert client.get(reverse("voice:you_said_we_did")).content.count(b"We asked") == 0
    client.post(reverse("voice:publish", args=[said.pk]))
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Young advisers" in page and "Buses stop too early" in page and "Published" in page
    anonymous = Client()  # the public page needs no account at all
    shown = anonymous.get(reverse("voice:you_said_we_did"))
    assert shown.status_code == 200
    assert "Buses stop too early" in shown.content.decode()
    assert "We asked for a later bus." in shown.content.decode()


def test_the_public_page_shows_published_responses_only_to_anyone(
    client, django_assert_max_num_queries
):
    ResponseFactory(published=True, contribution__text="Said and published")
    ResponseFactory(contribution__text="Said, answered, not published")
    ContributionFactory(text="Said, not yet answered")
    for _ in range(3):
        ResponseFactory(published=True)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("voice:you_said_we_did"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Said and published" in text
    assert "not published" not in text
    assert "not yet answered" not in text


def test_a_bad_survey_file_is_refused_with_its_lines_and_nothing_is_saved(cast):
    said = ContributionFactory()
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("voice:survey_import", args=[said.activity.pk]),
        {
            "file": SimpleUploadedFile(
                "answers.csv", b"age_band,answer\n11 to 15,ok\nseven,bad\n", "text/csv"
            )
        },
    )
    assert response.status_code == 400
    assert "Line 3: \u201cseven\u201d is not an age band" in response.content.decode()
    assert Contribution.objects.count() == 1


def test_the_activity_list_counts_without_a_query_per_activity(cast, django_assert_max_num_queries):
    for _ in range(4):
        ResponseFactory()
    client = signed_in_client(cast[Role.CHAIR])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("voice:activity_list")).status_code == 200


@pytest.mark.parametrize("role", [Role.CHAIR, Role.BOARD_MEMBER, Role.LAY_MEMBER])
def test_only_the_business_manager_publishes(cast, role):
    said = ResponseFactory().contribution
    response = signed_in_client(cast[role]).post(reverse("voice:publish", args=[said.pk]))
    assert response.status_code == 403
    said.response.refresh_from_db()
    assert not said.response.is_published


@pytest.mark.parametrize("role", [Role.PRACTITIONER, Role.READER, Role.AGENCY_LEAD])
def test_those_outside_board_business_cannot_read_what_children_said(cast, role):
    said = ContributionFactory()
    client = signed_in_client(cast[role])
    assert client.get(said.get_absolute_url()).status_code == 403
    assert client.get(reverse("voice:activity_list")).status_code == 403


def test_nothing_unanswered_can_be_published_from_the_page(cast):
    said = ContributionFactory()
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(reverse("voice:publish", args=[said.pk]))
    assert response.status_code == 400
    assert "Record what the partnership did before publishing it." in response.content.decode()
