"""Every change to a domain record shows on its History tab, with who, when, what and why."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from safeboard.accounts.roles import Role
from safeboard.actions.factories import ActionFactory
from tests.conftest import signed_in_client

pytestmark = pytest.mark.django_db


def test_a_moved_due_date_shows_before_after_and_the_reason(cast):
    manager = cast[Role.BUSINESS_MANAGER]
    action = ActionFactory(
        owner_person=cast[Role.PRACTITIONER].person, due_on=datetime.date(2026, 12, 1)
    )
    client = signed_in_client(manager)
    response = client.post(
        reverse("actions:move_due_date", kwargs={"pk": action.pk}),
        {
            "new_due_on": "2027-01-15",
            "reason": "Waiting for the re-audit in January",
        },
    )
    assert response.status_code == 302, response.content

    history = client.get(
        reverse("core:history", kwargs={"model": "actions.action", "pk": action.pk})
    )
    assert history.status_code == 200
    text = history.text
    assert "Created" in text and "Changed" in text
    assert "Due date moved: Waiting for the re-audit in January" in text
    assert "1 Dec 2026" in text
    assert "15 Jan 2027" in text
    assert str(manager) in text
    assert f"/actions/{action.pk}/" in text  # back to the record


def test_an_unknown_kind_of_record_has_no_history_page(cast):
    client = signed_in_client(cast[Role.BUSINESS_MANAGER])
    url = reverse("core:history", kwargs={"model": "accounts.user", "pk": 1})
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_a_long_reason_is_shortened_to_fit_the_history_column():
    from safeboard.actions.factories import ActionFactory
    from safeboard.core.history import REASON_LENGTH, save_with_reason

    action = ActionFactory()
    save_with_reason(action, "Reviewed: " + "much was found " * 20, fields=["title"])

    reason = action.history.latest().history_change_reason
    assert len(reason) == REASON_LENGTH and reason.endswith("…")
    assert not hasattr(action, "_change_reason")
