"""The chain sources registered by case reviews and audits, read without a page."""

from __future__ import annotations

import pytest

from safeboard.accounts.roles import Role
from safeboard.audits.chain import audit_chain_links
from safeboard.reviews.findings.chain import review_chain_links
from safeboard.themes.models import Theme
from tests.impact.chains.builders import audit_link, review_link
from tests.reviews import builders as reviews

pytestmark = pytest.mark.django_db


def test_a_finding_tagged_with_two_of_the_themes_is_one_link():
    first = reviews.theme()
    second = Theme.objects.create(name="Second theme", slug="second-theme", position=97)
    finding, _, _ = review_link(first)
    finding.themes.add(second)
    part = review_chain_links(themes=[first, second], user=None)
    assert [link.finding.record for link in part.links] == [finding]


def test_a_finding_with_two_recommendations_is_two_links_each_with_its_actions():
    theme = reviews.theme()
    finding, first, action = review_link(theme)
    second = reviews.recommendation(finding.review, finding=finding)
    links = review_chain_links(themes=[theme], user=None).links
    assert [(link.recommendation.record, link.actions) for link in links] == [
        (first, (action,)),
        (second, ()),
    ]


def test_an_audit_round_not_yet_closed_is_counted_not_shown_to_a_board_member(cast):
    theme = reviews.theme()
    audit_link(theme, closed=False)
    shown, _ = audit_link(theme, closed=True)
    part = audit_chain_links(themes=[theme], user=cast[Role.BOARD_MEMBER])
    assert [link.finding.record for link in part.links] == [shown]
    assert part.hidden == 1
