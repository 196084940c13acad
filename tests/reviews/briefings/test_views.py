"""Learning briefings from the outside: written by the team or the learning officers, read by
everyone once shared (a review's only once it is published), printed as one A4 page."""

from __future__ import annotations

import datetime
import html

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from weasyprint import HTML

from safeboard.accounts.roles import Role
from safeboard.reviews.briefings import services
from safeboard.reviews.briefings.pdf import PDF_TEMPLATE, briefing_context
from safeboard.reviews.models import Briefing, ReviewViewLog
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db
TODAY = builders.TODAY

TYPICAL = {
    "title": "Seeing the baby: learning from the review of Child K",
    "what_happened": (
        "Child K was seven weeks old when she was taken to hospital with a broken arm and "
        "bruises of different ages. Her mother had told the health visitor and the GP that "
        "she lived alone. Her partner, who had a history of violence, was living there."
    ),
    "what_we_learned": (
        "Professionals accepted the mother's account of who lived in the home without "
        "checking it. Small bruises seen twice were put down to handling. No agency had "
        "the whole picture: the police knew of the partner, health knew of the baby, and "
        "nobody asked the other. Supervision focused on tasks, not on what was being missed."
    ),
    "what_to_do_differently": (
        "Ask who lives in the home and who visits, at every contact, and check what you are "
        "told. Any bruise on a baby who is not yet mobile needs a referral under the "
        "bruising protocol, whatever the explanation. Share what you know with the other "
        "agencies the same day."
    ),
    "questions_for_supervision": "\n".join(
        [
            "Who lives in the homes of the babies I work with, and how do I know?",
            "When did I last see a baby undressed, and what did I look for?",
            "What would I do if I saw a bruise on a baby who cannot yet roll over?",
            "Which agency might know something I do not, and have I asked them?",
        ]
    ),
}


def _page(response) -> str:
    return html.unescape(response.content.decode())


def test_the_team_writes_a_briefing_of_their_review(cast):
    auditor = cast[Role.AUDITOR]
    review = builders.review(team=[auditor])
    client = signed_in_client(auditor)
    response = client.post(reverse("reviews:briefing_create", args=[review.pk]), TYPICAL)
    briefing = Briefing.objects.get()
    assert response["Location"] == briefing.get_absolute_url()
    assert briefing.review == review and briefing.shared_on is None
    page = _page(client.get(briefing.get_absolute_url()))
    assert "<li>When did I last see a baby undressed, and what did I look for?</li>" in page
    assert "Draft" in page


def test_a_briefing_without_questions_shows_the_error_and_saves_nothing(cast):
    review = builders.review()
    response = signed_in_client(cast[Role.BUSINESS_MANAGER]).post(
        reverse("reviews:briefing_create", args=[review.pk]),
        {**TYPICAL, "questions_for_supervision": "  \n "},
    )
    assert response.status_code == 400
    assert services.QUESTION_REQUIRED in _page(response)
    assert not Briefing.objects.exists()


def test_a_learning_officer_writes_a_briefing_on_a_theme(cast):
    client = signed_in_client(cast[Role.LEARNING_OFFICER])
    url = reverse("reviews:theme_briefing_create")
    neglect = builders.theme("neglect")
    form = _page(client.get(url + "?theme=neglect"))
    assert f'<option value="{neglect.pk}" selected>Neglect</option>' in form
    response = client.post(url, {**TYPICAL, "theme": neglect.pk})
    briefing = Briefing.objects.get()
    assert response.status_code == 302
    assert (briefing.theme.slug, briefing.review) == ("neglect", None)


def test_the_team_shares_a_briefing_and_may_withdraw_it(cast):
    review = builders.review(published=True)
    briefing = builders.briefing(review=review)
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.post(
        reverse("reviews:briefing_share", args=[briefing.pk]),
        {"shared_on": (TODAY - datetime.timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 302
    briefing.refresh_from_db()
    assert briefing.shared_on == TODAY - datetime.timedelta(days=1)
    client.post(reverse("reviews:briefing_withdraw", args=[briefing.pk]))
    briefing.refresh_from_db()
    assert briefing.shared_on is None


def test_sharing_a_briefing_of_an_unpublished_review_says_who_can_read_it(cast):
    briefing = builders.briefing(review=builders.review())
    page = _page(
        signed_in_client(cast[Role.CHAIR]).get(
            reverse("reviews:briefing_share", args=[briefing.pk])
        )
    )
    assert "practitioners will see the briefing once it is" in page


def test_a_shared_briefing_of_an_unpublished_review_stays_hidden_outside_the_team(cast):
    review = builders.review(team=[cast[Role.AUDITOR]])
    briefing = builders.briefing(review=review, shared_on=TODAY)
    for role in (Role.PRACTITIONER, Role.LEARNING_OFFICER, Role.BOARD_MEMBER):
        client = signed_in_client(cast[role])
        for name in ("reviews:briefing", "reviews:briefing_pdf"):
            assert client.get(reverse(name, args=[briefing.pk])).status_code == 404
        assert briefing.title not in _page(client.get(reverse("reviews:briefing_list")))
    assert not ReviewViewLog.objects.exists()


def test_the_teams_view_of_a_briefing_of_an_unpublished_review_is_logged(cast):
    auditor = cast[Role.AUDITOR]
    briefing = builders.briefing(review=builders.review(team=[auditor]))
    url = reverse("reviews:briefing", args=[briefing.pk])
    assert signed_in_client(auditor).get(url).status_code == 200
    entry = ReviewViewLog.objects.get()
    assert (entry.review, entry.user, entry.path) == (briefing.review, auditor, url)


def test_each_reader_sees_the_briefings_they_may_read(cast):
    auditor = cast[Role.AUDITOR]
    published, restricted = builders.review(published=True), builders.review(team=[auditor])
    shown = {
        builders.briefing(review=published, title="Shared of a published review", shared_on=TODAY),
        builders.briefing(theme=builders.theme(), title="Shared on a theme", shared_on=TODAY),
    }
    draft_of_published = builders.briefing(review=published, title="Draft of a published review")
    theme_draft = builders.briefing(theme=builders.theme(), title="Draft on a theme")
    restricted_briefing = builders.briefing(
        review=restricted, title="Of a restricted review", shared_on=TODAY
    )
    every_title = {b.title for b in {*shown, draft_of_published, theme_draft, restricted_briefing}}

    def titles(role) -> set[str]:
        page = _page(signed_in_client(cast[role]).get(reverse("reviews:briefing_list")))
        return {title for title in every_title if title in page}

    shown_titles = {b.title for b in shown}
    assert titles(Role.PRACTITIONER) == shown_titles
    assert titles(Role.READER) == shown_titles
    assert titles(Role.LEARNING_OFFICER) == shown_titles | {theme_draft.title}
    assert titles(Role.AUDITOR) == shown_titles | {restricted_briefing.title}
    assert titles(Role.BUSINESS_MANAGER) == every_title


def test_the_list_filters_by_kind(cast):
    builders.briefing(theme=builders.theme(), title="On a theme", shared_on=TODAY)
    builders.briefing(
        review=builders.review(published=True), title="From a review", shared_on=TODAY
    )
    client = signed_in_client(cast[Role.PRACTITIONER])
    page = _page(client.get(reverse("reviews:briefing_list") + "?kind=theme"))
    assert "On a theme" in page and "From a review" not in page


def test_the_briefing_list_takes_as_many_queries_for_many_as_for_few(
    cast, django_assert_max_num_queries
):
    client = signed_in_client(cast[Role.PRACTITIONER])
    url = reverse("reviews:briefing_list")
    review = builders.review(published=True)
    builders.briefing(review=review, shared_on=TODAY)
    builders.briefing(theme=builders.theme(), shared_on=TODAY)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    for n in range(15):
        builders.briefing(review=builders.review(published=True), shared_on=TODAY, title=f"R{n}")
        builders.briefing(theme=builders.theme("neglect"), shared_on=TODAY, title=f"T{n}")
    with django_assert_max_num_queries(len(context.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_briefing_prints_as_a_pdf(cast):
    briefing = builders.briefing(review=builders.review(published=True), shared_on=TODAY, **TYPICAL)
    response = signed_in_client(cast[Role.PRACTITIONER]).get(
        reverse("reviews:briefing_pdf", args=[briefing.pk])
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "seeing-the-baby" in response["Content-Disposition"]


def test_a_typical_briefing_fits_one_page():
    briefing = builders.briefing(review=builders.review(published=True), shared_on=TODAY, **TYPICAL)
    html_text = render_to_string(PDF_TEMPLATE, briefing_context(briefing))
    document = HTML(string=html_text).render()
    assert len(document.pages) == 1
    text = " ".join(
        box.text
        for page in document.pages
        for box in _descendants(page._page_box)
        if getattr(box, "text", None)
    )
    assert "Questions for supervision" in text
    assert "What would I do if I saw a bruise" in text


def _descendants(box):
    yield box
    for child in getattr(box, "children", []):
        yield from _descendants(child)


def test_a_practitioners_home_page_shows_briefings_shared_lately(cast):
    published = builders.review(published=True)
    builders.briefing(
        review=published, title="Shared last week", shared_on=TODAY - datetime.timedelta(7)
    )
    builders.briefing(
        review=published, title="Shared long ago", shared_on=TODAY - datetime.timedelta(100)
    )
    builders.briefing(review=published, title="Still a draft")
    builders.briefing(review=builders.review(), title="Of a restricted review", shared_on=TODAY)
    home = _page(signed_in_client(cast[Role.PRACTITIONER]).get(reverse("core:home")))
    assert "Learning briefings shared lately" in home and "Shared last week" in home
    for title in ("Shared long ago", "Still a draft", "Of a restricted review"):
        assert title not in home


def test_no_briefing_panel_shows_when_nothing_was_shared_lately(cast):
    builders.briefing(theme=builders.theme(), title="A draft")
    home = _page(signed_in_client(cast[Role.READER]).get(reverse("core:home")))
    assert "Learning briefings shared lately" not in home
