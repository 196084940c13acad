"""The compliance page: every agency for the training team, one agency for its lead, and a
line manager's own staff; names only within what the user may see."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.learning.factories import LearnerFactory
from tests.conftest import signed_in_client

from ..needs.helpers import attend, days_ago_for, learner, needed, role

pytestmark = pytest.mark.django_db
URL = "/training/needs/compliance/"


@pytest.fixture
def overdue(cast):
    """One overdue refresher in the home agency, one in the other agency."""
    officer = role("Police officer")
    basic = needed(officer, refresher_months=24, title="Basic awareness")
    home = learner(cast.home_agency, officer, full_name="Hana Home")
    away = learner(cast.other_agency, officer, full_name="Olu Other")
    for person in (home, away):
        attend(person, basic, days_ago=days_ago_for(24, extra_days=10))
    return home, away


def test_the_url_is_the_compliance_page():
    assert reverse("learning:needs_compliance") == URL


def test_the_training_team_sees_every_agency_and_every_name(cast, overdue):
    page = signed_in_client(cast[Role.LEARNING_OFFICER]).get(URL)
    assert page.status_code == 200
    for text in ("Shire Constabulary", "Shire NHS Foundation Trust", "Hana Home", "Olu Other"):
        assert text in page.text


def test_the_training_team_can_look_at_one_agency(cast, overdue):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = client.get(URL, {"agency": cast.other_agency.pk})
    assert "Olu Other" in page.text
    assert "Hana Home" not in page.text


def test_an_agency_lead_sees_only_their_agency(cast, overdue):
    page = signed_in_client(cast[Role.AGENCY_LEAD]).get(URL, {"agency": cast.other_agency.pk})
    assert "Hana Home" in page.text
    assert "Olu Other" not in page.text
    assert "Shire NHS Foundation Trust" not in page.text


def test_a_line_manager_sees_only_their_own_staff(cast, overdue):
    home, _ = overdue
    officer_role = home.job_role
    manager = LearnerFactory(
        user=cast[Role.PRACTITIONER], agency=cast.home_agency, job_role=role("Team manager")
    )
    mine = learner(cast.home_agency, officer_role, full_name="Sam Staff", manager=manager)
    attend(mine, home.bookings.get().session.course, days_ago=days_ago_for(24, extra_days=3))
    page = signed_in_client(cast[Role.PRACTITIONER]).get(URL)
    assert page.status_code == 200
    assert "Sam Staff" in page.text
    assert "Hana Home" not in page.text


def test_the_figures_download_as_csv(cast, overdue):
    response = signed_in_client(cast[Role.LEARNING_OFFICER]).get(URL, {"format": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Agency", "Role", "Courses needed"]
    assert sorted(row[0] for row in rows[1:]) == [
        "Shire Constabulary",
        "Shire NHS Foundation Trust",
    ]
    assert {row[-1] for row in rows[1:]} == {"1"}


def test_an_unknown_download_format_is_not_found(cast, overdue):
    response = signed_in_client(cast[Role.LEARNING_OFFICER]).get(URL, {"format": "pdf"})
    assert response.status_code == 404


def test_the_page_takes_a_few_queries_however_many_people(cast, django_assert_max_num_queries):
    officer = role("Police officer")
    basic = needed(officer, refresher_months=24)
    for number in range(30):
        attend(
            learner(cast.home_agency, officer),
            basic,
            days_ago=days_ago_for(24, extra_days=number - 15),
        )
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    with django_assert_max_num_queries(20):
        assert client.get(URL).status_code == 200
