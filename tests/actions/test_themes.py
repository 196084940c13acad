"""An action carries the themes of its source (a review's recommendation through its finding,
an audit finding, a challenge, a priority): derived, never typed. Every action list and its
exports filter by theme and show the themes."""

from __future__ import annotations

import csv
import datetime
import html
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions import selectors
from safeboard.actions.factories import ActionFactory
from safeboard.actions.services import action_create
from safeboard.audits.factories import AuditRoundFactory, FindingFactory
from safeboard.challenges.factories import ChallengeFactory
from safeboard.priorities.factories import PriorityFactory
from tests.conftest import signed_in_client
from tests.reviews import builders

pytestmark = pytest.mark.django_db

DUE = datetime.date(2030, 1, 1)


@pytest.fixture
def neglect():
    return builders.theme("neglect")


@pytest.fixture
def recording():
    return builders.theme("recording")


def _action(cast, title: str, source=None):
    owner = cast[Role.PRACTITIONER].person
    return action_create(
        title=title, owner_agency=owner.agency, owner_person=owner, due_on=DUE, source=source
    )


@pytest.fixture
def sourced(cast, neglect, recording):
    """One action from each kind of source that carries themes, and one of nothing."""
    review = builders.review(published=True)
    finding = builders.finding(review, themes=[neglect, recording])
    recommendation = builders.recommendation(review, finding=finding)
    challenge = ChallengeFactory(agency=cast.home_agency)
    challenge.themes.set([recording])
    priority = PriorityFactory()
    priority.themes.set([neglect])
    return {
        "recommendation": _action(cast, "Answer the recommendation", recommendation),
        "audit": _action(
            cast,
            "Change the template",
            FindingFactory(round=AuditRoundFactory(closed=True), themes=[recording]),
        ),
        "challenge": _action(cast, "Answer the challenge", challenge),
        "priority": _action(cast, "Deliver the priority", priority),
        "plain": _action(cast, "Buy a kettle"),
    }


def test_actions_carry_the_themes_of_their_source(sourced, neglect, recording):
    themes = selectors.themes_of_actions(sourced.values())
    assert themes[sourced["recommendation"].pk] == [neglect, recording]
    assert themes[sourced["audit"].pk] == [recording]
    assert themes[sourced["challenge"].pk] == [recording]
    assert themes[sourced["priority"].pk] == [neglect]
    assert sourced["plain"].pk not in themes


def test_actions_about_a_theme_are_those_whose_source_is_tagged_with_it(
    cast, sourced, neglect, recording
):
    manager = cast[Role.BUSINESS_MANAGER]
    assert set(selectors.actions_about([neglect], user=manager)) == {
        sourced["recommendation"],
        sourced["priority"],
    }
    assert set(selectors.actions_about([neglect, recording], user=manager)) == {
        sourced[key] for key in ("recommendation", "audit", "challenge", "priority")
    }
    # Without a reader, nothing from a confidential source (a case review's recommendation).
    assert sourced["recommendation"] not in selectors.actions_about([neglect])


def test_an_actions_page_shows_its_derived_themes(cast, sourced):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = html.unescape(client.get(sourced["recommendation"].get_absolute_url()).text)
    assert "Themes" in page and reverse("themes:detail", args=["neglect"]) in page
    plain = html.unescape(client.get(sourced["plain"].get_absolute_url()).text)
    assert "None: it was added directly" in plain


@pytest.mark.parametrize("url_name", ["actions:all", "actions:agency", "actions:mine"])
def test_every_action_list_filters_by_theme_and_shows_the_themes(cast, sourced, url_name):
    user = cast[Role.BUSINESS_MANAGER] if url_name == "actions:all" else cast[Role.PRACTITIONER]
    client = signed_in_client(user)
    page = html.unescape(client.get(reverse(url_name), {"theme": "neglect"}).text)
    assert "Answer the recommendation" in page and "Deliver the priority" in page
    assert "Answer the challenge" not in page and "Buy a kettle" not in page
    assert "Neglect, Recording" in page
    unfiltered = html.unescape(client.get(reverse(url_name)).text)
    assert "Buy a kettle" in unfiltered and 'value="neglect"' in unfiltered


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_exports_filter_by_theme_and_have_a_themes_column(cast, sourced):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    response = client.get(reverse("actions:all"), {"theme": "recording", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(_body(response).decode("utf-8-sig"))))
    assert {row["Title"]: row["Themes"] for row in rows} == {
        "Answer the recommendation": "Neglect; Recording",
        "Change the template": "Recording",
        "Answer the challenge": "Recording",
    }
    response = client.get(reverse("actions:all"), {"theme": "neglect", "format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(_body(response))).active
    header, *body = list(sheet.iter_rows(values_only=True))
    column = header.index("Themes")
    assert sorted(row[column] for row in body) == ["Neglect", "Neglect; Recording"]


def test_the_list_takes_as_many_queries_for_30_sourced_actions_as_for_3(
    cast, neglect, django_assert_max_num_queries
):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])

    def add(count: int) -> None:
        for _ in range(count):
            _action(cast, "From a finding", FindingFactory(themes=[neglect]))
            challenge = ChallengeFactory(agency=cast.home_agency)
            challenge.themes.set([neglect])
            _action(cast, "From a challenge", challenge)
            ActionFactory(owner_person=cast[Role.PRACTITIONER].person)

    add(3)
    client.get(reverse("actions:all"), {"theme": "neglect"})
    with CaptureQueriesContext(connection) as context:
        client.get(reverse("actions:all"), {"theme": "neglect"})
    add(27)
    with django_assert_max_num_queries(len(context.captured_queries)):
        assert client.get(reverse("actions:all"), {"theme": "neglect"}).status_code == 200
