"""The History tab speaks in words: a choice by its label, a linked record by its name."""

from __future__ import annotations

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from safeboard.actions.models import Action
from safeboard.core.history import history_entries
from safeboard.partnership.factories import PersonFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def changed_action() -> Action:
    action = ActionFactory(status=Action.Status.NOT_STARTED)
    first_owner = action.owner_person
    action.status = Action.Status.IN_PROGRESS
    action.owner_person = PersonFactory(agency=first_owner.agency)
    action.save()
    action.first_owner = first_owner
    return action


def _changes(action: Action) -> dict[str, tuple]:
    return {change.field: (change.old, change.new) for change in history_entries(action)[0].changes}


def test_a_changed_choice_shows_its_labels_not_its_codes(changed_action):
    assert _changes(changed_action)["Status"] == ("Not started", "In progress")


def test_a_changed_link_shows_the_names_of_the_records_not_their_ids(changed_action):
    old, new = _changes(changed_action)["Owner person"]
    assert (old, new) == (str(changed_action.first_owner), str(changed_action.owner_person))


def test_the_history_names_linked_records_in_a_fixed_number_of_queries(
    changed_action, django_assert_max_num_queries
):
    for number in range(5):
        changed_action.owner_person = PersonFactory(agency=changed_action.owner_agency)
        changed_action.save()
    with django_assert_max_num_queries(2):  # the versions, then the people they name
        history_entries(changed_action)


def test_the_history_page_shows_no_internal_code(cast, changed_action):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    page = client.get(
        reverse("core:history", kwargs={"model": "actions.action", "pk": changed_action.pk})
    ).text
    assert "in_progress" not in page and "not_started" not in page
    assert "In progress" in page
