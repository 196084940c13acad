"""A theme's and a priority's chain: finding -> recommendation -> action -> evidence of impact."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.priorities.factories import PriorityFactory
from tests.conftest import signed_in_client
from tests.impact.chains.builders import audit_link, review_link, story
from tests.reviews import builders as reviews

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme():
    return reviews.theme()


def _chain(user, theme, **params):
    return signed_in_client(user).get(
        reverse("impact:theme_chain", kwargs={"slug": theme.slug}), params
    )


def test_a_themes_chain_shows_finding_recommendation_action_and_claim(cast, theme):
    finding, recommendation, action = review_link(theme, overdue=True)
    story(action)
    page = _chain(cast[Role.CHAIR], theme).content.decode()
    assert finding.title in page
    assert f"Recommendation {recommendation.number}" in page
    assert action.title in page
    assert "Overdue" in page
    assert "A mother said the family was finally listened to." in page
    assert "Story</strong>" in page
    assert "Story: not measured" in page


def test_a_themes_chain_gathers_audit_findings_with_their_actions(cast, theme):
    finding, action = audit_link(theme)
    page = _chain(cast[Role.CHAIR], theme).content.decode()
    assert "Audit finding" in page
    assert finding.title in page
    assert action.title in page


def test_a_finding_without_a_recommendation_is_shown_as_the_gap(cast, theme):
    reviews.finding(reviews.review(published=True), themes=[theme], title="Nobody saw the baby")
    page = _chain(cast[Role.CHAIR], theme).content.decode()
    assert "Nobody saw the baby" in page
    assert "No recommendation" in page


def test_a_reader_who_may_not_open_a_restricted_review_sees_the_chain_without_its_findings(
    cast, theme
):
    hidden, _, hidden_action = review_link(theme, published=False)
    shown, _, _ = review_link(theme, published=True)
    hidden.title = "What only the review team may read"
    hidden.save()
    board_member = _chain(cast[Role.BOARD_MEMBER], theme).content.decode()
    assert shown.title in board_member
    assert "What only the review team may read" not in board_member
    assert hidden_action.title not in board_member
    assert "1 finding from a review you cannot open is left out." in board_member
    chair = _chain(cast[Role.CHAIR], theme).content.decode()
    assert "What only the review team may read" in chair
    assert "left out" not in chair


def test_the_chart_says_in_words_what_it_shows_beside_a_table_of_the_same_figures(cast, theme):
    review_link(theme, action_status=Action.Status.COMPLETE)
    review_link(theme)
    page = _chain(cast[Role.CHAIR], theme).content.decode()
    assert 'role="img"' in page
    assert (
        "Of 2 findings calling for change; led to a recommendation or action: 2; "
        "with an action: 2; every action complete: 1; impact supported by the data: 0."
    ) in page
    assert "Every action complete</th>" in page


def test_the_chain_downloads_as_csv_with_one_line_per_claim_or_action(cast, theme):
    _, _, action = review_link(theme)
    story(action)
    response = _chain(cast[Role.CHAIR], theme, format="csv")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 1
    assert rows[0]["Action"] == action.title
    assert rows[0]["Verdict"] == "story: not measured"


def test_the_chain_downloads_as_excel(cast, theme):
    finding, _ = audit_link(theme)
    response = _chain(cast[Role.CHAIR], theme, format="xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for cell in sheet[2]]
    assert finding.title in values


def test_a_prioritys_chain_holds_the_actions_that_deliver_it_and_its_own_claims(cast):
    priority = PriorityFactory()
    action = ActionFactory(source=priority, title="Neglect toolkit used in every team")
    story(priority, statement="Families say help came sooner.")
    page = (
        signed_in_client(cast[Role.BUSINESS_MANAGER])
        .get(reverse("impact:priority_chain", kwargs={"pk": priority.pk}))
        .content.decode()
    )
    assert "Neglect toolkit used in every team" in page
    assert "Families say help came sooner." in page
    assert action.get_absolute_url() in page


def test_a_prioritys_chain_gathers_the_findings_of_its_themes(cast, theme):
    priority = PriorityFactory()
    priority.themes.set([theme])
    finding, _ = audit_link(theme)
    page = (
        signed_in_client(cast[Role.CHAIR])
        .get(reverse("impact:priority_chain", kwargs={"pk": priority.pk}))
        .content.decode()
    )
    assert finding.title in page


@pytest.mark.parametrize("role", [Role.AGENCY_LEAD, Role.PRACTITIONER, Role.READER])
def test_those_outside_board_business_are_refused_the_chain(cast, theme, role):
    assert _chain(cast[role], theme).status_code == 403


def test_the_theme_page_links_to_its_chain_for_board_business_readers(cast, theme):
    url = reverse("themes:detail", kwargs={"slug": theme.slug})
    chain_url = reverse("impact:theme_chain", kwargs={"slug": theme.slug})
    assert chain_url in signed_in_client(cast[Role.CHAIR]).get(url).content.decode()
    assert chain_url not in signed_in_client(cast[Role.AUDITOR]).get(url).content.decode()


def test_the_priority_page_links_to_its_chain(cast):
    priority = PriorityFactory()
    page = (
        signed_in_client(cast[Role.BOARD_MEMBER])
        .get(reverse("priorities:detail", kwargs={"pk": priority.pk}))
        .content.decode()
    )
    assert reverse("impact:priority_chain", kwargs={"pk": priority.pk}) in page
