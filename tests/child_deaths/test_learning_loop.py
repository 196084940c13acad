"""Child death learning feeds the same loop as every other source: a themed finding, its
recommendation, the action answering it (which carries the finding's themes), shown on the
theme's page and in its chain of learning."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.selectors import actions_about, with_themes
from safeboard.child_deaths import services
from safeboard.child_deaths.categories import CATEGORIES
from safeboard.child_deaths.chain import child_death_chain_links
from safeboard.child_deaths.models import DeathCategory
from safeboard.partnership.factories import PersonFactory
from safeboard.themes.factories import default_theme
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _loop():
    theme = default_theme("neglect")
    finding = services.finding_create(
        title="Safer sleep advice was not repeated",
        text="In three deaths, advice was given once at birth and not again.",
        category=DeathCategory.objects.get(number=10),
        modifiable_factors="yes",
        deaths_reviewed=3,
        agreed_on=TODAY - datetime.timedelta(days=30),
        themes=[theme],
    )
    recommendation = services.recommendation_add(
        finding=finding, text="Repeat safer sleep advice at every contact.", made_on=TODAY
    )
    action = services.recommendation_add_action(
        recommendation=recommendation,
        title="Add safer sleep to every health visitor contact",
        owner_person=PersonFactory(),
        due_on=TODAY + datetime.timedelta(days=60),
    )
    return theme, finding, recommendation, action


def test_the_categories_of_death_are_seeded_as_data():
    assert list(DeathCategory.objects.values_list("number", "name")) == CATEGORIES


def test_the_action_carries_the_themes_of_the_finding():
    theme, _, _, action = _loop()
    assert action in actions_about([theme])
    assert with_themes([action])[0].theme_list == [theme]


def test_the_theme_page_and_its_chain_show_the_learning(cast):
    theme, finding, recommendation, action = _loop()
    client = signed_in_client(cast[Role.CHAIR])
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "Learning from child deaths" in page
    assert finding.title in page
    chain = client.get(reverse("impact:theme_chain", kwargs={"slug": theme.slug})).content.decode()
    assert "Child death review learning" in chain
    assert finding.title in chain
    assert recommendation.text in chain
    assert action.title in chain


def test_a_reader_without_access_is_told_how_many_are_left_out(cast):
    theme, finding, _, _ = _loop()
    part = child_death_chain_links(themes=[theme], user=cast[Role.PRACTITIONER])
    assert part.links == [] and part.hidden == 1
    assert len(child_death_chain_links(themes=[theme], user=cast[Role.CHAIR]).links) == 1


def test_learning_cannot_be_dated_in_the_future():
    with pytest.raises(ValidationError) as error:
        services.finding_create(
            title="t",
            text="x",
            category=DeathCategory.objects.get(number=1),
            modifiable_factors="unknown",
            agreed_on=TODAY + datetime.timedelta(days=1),
        )
    assert error.value.message_dict == {"agreed_on": [services.IN_FUTURE]}


def test_the_business_manager_records_learning_through_the_pages(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("child_deaths:finding_create"),
        {
            "title": "Water safety",
            "text": "Two drownings in open water in summer.",
            "category": DeathCategory.objects.get(number=3).pk,
            "modifiable_factors": "yes",
            "deaths_reviewed": "2",
            "agreed_on": TODAY.isoformat(),
            "themes": [default_theme("neglect").pk],
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Water safety" in page and "Trauma and other external factors" in page


@pytest.mark.parametrize("role", [Role.CHAIR, Role.PRACTITIONER, Role.AGENCY_LEAD])
def test_only_the_business_manager_records_learning(cast, role):
    response = signed_in_client(cast[role]).post(reverse("child_deaths:finding_create"), {})
    assert response.status_code == 403
