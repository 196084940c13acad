"""An indicator tells of themes, chosen by the business manager; its page names them."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.scorecard.models import Indicator
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def test_the_business_manager_tags_an_indicator_with_themes(cast):
    neglect = builders.theme("neglect")
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    client.post(
        reverse("scorecard:indicator_create"),
        {
            "code": "la-09",
            "name": "Children on a plan for neglect for two years or more",
            "definition": "Children whose plan for neglect has lasted two years or more.",
            "owning_agency": cast.home_agency.pk,
            "unit": "count",
            "polarity": "down",
            "frequency": "monthly",
            "perspective": "outcomes",
            "themes": [neglect.pk],
        },
    )
    indicator = Indicator.objects.get(code="LA-09")
    assert list(indicator.themes.all()) == [neglect]
    page = html.unescape(client.get(indicator.get_absolute_url()).content.decode())
    assert reverse("themes:detail", args=["neglect"]) in page
