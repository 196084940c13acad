"""The theme pages from the outside: the business manager keeps the taxonomy, and a theme's
page shows what each reader may see of the reviews tagged with it."""

from __future__ import annotations

import html

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.core.extension_points import THEME, Evidence, evidence, evidence_about
from safeboard.core.registry import AlreadyRegistered
from safeboard.themes import services
from safeboard.themes.models import Theme
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_list_shows_themes_in_use_and_retired_and_only_the_manager_may_change_them(cast):
    Theme.objects.filter(slug="recording").update(is_active=False)
    manager_page = _page(signed_in_client(cast[Role.BUSINESS_MANAGER]).get(reverse("themes:list")))
    assert "Add a theme" in manager_page and "Retired themes" in manager_page
    assert reverse("themes:restore", args=["recording"]) in manager_page
    lead_page = _page(signed_in_client(cast[Role.AGENCY_LEAD]).get(reverse("themes:list")))
    assert "Information sharing" in lead_page and "Add a theme" not in lead_page
    assert reverse("themes:retire", args=["neglect"]) not in lead_page


def test_the_manager_adds_a_theme(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("themes:create"), {"name": "Early help", "description": "Help before harm."}
    )
    assert response["Location"] == reverse("themes:list")
    assert Theme.objects.get(slug="early-help").description == "Help before harm."


def test_a_name_in_use_shows_the_error_and_adds_nothing(cast):
    count = Theme.objects.count()
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        reverse("themes:create"), {"name": "neglect"}
    )
    assert response.status_code == 400
    assert services.NAME_TAKEN.format(name="neglect") in _page(response)
    assert Theme.objects.count() == count


def test_the_manager_renames_a_theme_and_its_address_stays(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("themes:edit", args=["neglect"]), {"name": "Neglect and cumulative harm"}
    )
    assert response["Location"] == reverse("themes:detail", args=["neglect"])
    assert Theme.objects.get(slug="neglect").name == "Neglect and cumulative harm"


def test_the_buttons_move_retire_and_restore_a_theme(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    first, second = Theme.objects.filter(is_active=True).order_by("position")[:2]
    client.post(reverse("themes:move", args=[second.slug]), {"direction": "up"})
    assert list(Theme.objects.order_by("position")[:2]) == [second, first]
    client.post(reverse("themes:retire", args=[first.slug]))
    assert not Theme.objects.get(pk=first.pk).is_active
    response = client.post(reverse("themes:retire", args=[first.slug]), follow=True)
    assert services.ALREADY_RETIRED.format(name=first.name) in _page(response)
    client.post(reverse("themes:restore", args=[first.slug]))
    assert Theme.objects.get(pk=first.pk).is_active


def test_a_move_in_no_direction_is_refused_with_a_message(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("themes:move", args=["neglect"]), {"direction": "sideways"}, follow=True
    )
    assert "Move a theme up or down." in _page(response)


def test_a_themes_page_shows_only_findings_and_briefings_the_reader_may_see(cast):
    auditor, lead = cast[Role.AUDITOR], cast[Role.AGENCY_LEAD]
    neglect = builders.theme("neglect")
    restricted, published = builders.review(team=[auditor]), builders.review(published=True)
    builders.finding(restricted, title="Hidden finding", themes=[neglect])
    builders.finding(published, title="Published finding", themes=[neglect])
    builders.finding(published, title="Untagged finding", themes=[builders.theme("recording")])
    builders.briefing(review=restricted, title="Hidden briefing", shared_on=builders.TODAY)
    builders.briefing(review=published, title="Published briefing", shared_on=builders.TODAY)
    builders.briefing(theme=neglect, title="Theme briefing", shared_on=builders.TODAY)
    url = reverse("themes:detail", args=["neglect"])

    lead_page = _page(signed_in_client(lead).get(url))
    assert "Published finding" in lead_page and "Published briefing" in lead_page
    assert "Theme briefing" in lead_page
    assert "Hidden" not in lead_page and "Untagged finding" not in lead_page
    auditor_page = _page(signed_in_client(auditor).get(url))
    assert "Hidden finding" in auditor_page and "Hidden briefing" in auditor_page


def test_a_themes_page_does_not_grow_in_queries_with_what_is_tagged(
    cast, django_assert_max_num_queries
):
    client = signed_in_client(cast[Role.CHAIR])
    neglect = builders.theme("neglect")
    url = reverse("themes:detail", args=["neglect"])
    builders.finding(builders.review(), themes=[neglect])
    builders.briefing(theme=neglect)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    for n in range(10):
        review = builders.review(published=n % 2 == 0)
        builders.finding(review, themes=[neglect], title=f"F{n}")
        builders.briefing(review=review, title=f"B{n}")
        builders.briefing(theme=neglect, title=f"T{n}")
    with django_assert_max_num_queries(len(context.captured_queries)):
        assert client.get(url).status_code == 200


def test_another_module_adds_its_section_to_a_themes_page(cast):
    section = Evidence(
        subject=THEME,
        key="test-courses",
        heading="Training courses",
        template_name="themes/theme_list.html",
        records=lambda theme, user: [],
        empty_text="No course teaches this theme yet.",
    )
    evidence.register(section)
    try:
        with pytest.raises(AlreadyRegistered):
            evidence.register(section)
        page = _page(
            signed_in_client(cast[Role.LEARNING_OFFICER]).get(
                reverse("themes:detail", args=["neglect"])
            )
        )
        assert "Training courses" in page and "No course teaches this theme yet." in page
    finally:
        evidence.unregister((THEME, "test-courses"))
    assert section not in evidence_about(THEME)
