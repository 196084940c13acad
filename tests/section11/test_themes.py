"""A library standard is about themes, chosen by the business manager; each cycle's copy of the
standard (matched by code) takes them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.section11 import services
from safeboard.section11.evidence import standards_below_met
from safeboard.section11.factories import (
    CycleFactory,
    CycleStandardFactory,
    RatingFactory,
    ReturnFactory,
    StandardFactory,
)
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def test_the_business_manager_tags_a_library_standard_with_themes(cast):
    neglect = builders.theme("neglect")
    standard = StandardFactory(code="3", title="Safer recruitment")
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("section11:library_standard_edit", args=[standard.standard_set_id, standard.pk])
    assert "Themes" in client.get(url).content.decode()
    client.post(
        url,
        {
            "code": "3",
            "title": "Safer recruitment",
            "description": "",
            "sub_standards": "",
            "themes": [neglect.pk],
        },
    )
    assert list(standard.themes.all()) == [neglect]


def test_a_cycle_standard_takes_the_themes_of_its_library_standard_by_code(cast):
    neglect = builders.theme("neglect")
    cycle = CycleFactory(open=True)
    services.standard_save(
        standard=StandardFactory.build(standard_set=cycle.standard_set),
        code="7",
        title="Listening to children",
        description="",
        sub_standards=[],
        themes=[neglect],
    )
    copy = CycleStandardFactory(cycle=cycle, code="7")
    unrelated = CycleStandardFactory(cycle=cycle, code="8")
    for standard in (copy, unrelated):
        RatingFactory(
            agency_return=ReturnFactory(cycle=cycle, submitted=True),
            standard=standard,
            self_score=0,
        )
    assert list(standards_below_met([neglect])) == [copy]
    setting_up = CycleFactory(standard_set=cycle.standard_set)
    CycleStandardFactory(cycle=setting_up, code="7")
    assert list(standards_below_met([neglect])) == [copy]  # a cycle being set up has no scores
