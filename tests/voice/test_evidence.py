"""What children said appears on the theme's page and in its chain; "you said, we did"
linked to a priority appears on the priority's page; the yearly report counts it all."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.core.extension_points import report_sections
from safeboard.priorities.factories import PriorityFactory
from safeboard.themes.factories import default_theme
from safeboard.voice.chain import voice_chain_links
from safeboard.voice.factories import ParticipationFactory, ResponseFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _answered(theme, **response):
    answer = ResponseFactory(contribution__text="Nobody asks us what we think", **response)
    answer.contribution.themes.set([theme])
    return answer


def test_the_theme_page_and_chain_show_what_children_said_and_the_action(cast):
    theme = default_theme("neglect")
    action = ActionFactory(title="Ask children at every review")
    _answered(theme, action=action)
    client = signed_in_client(cast[Role.CHAIR])
    page = client.get(theme.get_absolute_url()).content.decode()
    assert "What children and young people told us" in page
    assert "Nobody asks us what we think" in page
    chain = client.get(reverse("impact:theme_chain", kwargs={"slug": theme.slug})).content.decode()
    assert "What children and young people said" in chain
    assert "Ask children at every review" in chain


def test_a_reader_without_access_gets_a_count_not_the_words(cast):
    theme = default_theme("neglect")
    _answered(theme)
    part = voice_chain_links(themes=[theme], user=cast[Role.PRACTITIONER])
    assert part.links == [] and part.hidden == 1


def test_the_priority_page_shows_you_said_we_did(cast):
    priority = PriorityFactory()
    _answered(default_theme("neglect"), priority=priority, what_we_did="We changed the forms")
    page = signed_in_client(cast[Role.CHAIR]).get(priority.get_absolute_url()).content.decode()
    assert "You said, we did" in page
    assert "We changed the forms" in page


def test_the_yearly_report_counts_voices_heard_and_used():
    theme = default_theme("neglect")
    answer = _answered(theme, published=True, policy_change="A new leaflet")
    ParticipationFactory(activity=answer.contribution.activity, count=14)
    section = report_sections["voice"]
    figures = section.figures(start=TODAY - datetime.timedelta(days=365), end=TODAY)
    assert figures["activities"] == 1
    assert figures["taking_part"] == 14
    assert figures["views_heard"] == 1
    assert figures["published"] == 1 and figures["policy_changes"] == 1
    assert figures["themes"] == [{"theme": theme.name, "count": 1}]
    assert "14 children and young people" in section.plain_summary(figures)
