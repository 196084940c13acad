"""The learning loop's first turn in a real browser: a board decision becomes an action.

The business manager signs in with two-factor, creates a board meeting, records a decision
that needs an action and names its owner; the owner signs in and records progress on it.
axe-core checks every page on the way.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.actions.models import Action
from safeboard.meetings.models import Decision, Meeting
from safeboard.partnership.factories import AgencyFactory, GroupFactory, PersonFactory
from safeboard.partnership.models import Agency, Group

from .conftest import assert_accessible, sign_in, sign_out

DECISION = "Every agency reviews its escalation policy against the partnership protocol."
ACTION = "Review the police escalation policy"


def test_a_decision_recorded_by_the_manager_becomes_an_action_its_owner_updates(page: Page):
    partnership_team = AgencyFactory(name="Shire Partnership Team")
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    manager = UserFactory(
        person=PersonFactory(agency=partnership_team), roles=[Role.BUSINESS_MANAGER]
    )
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    owner = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])
    GroupFactory(name="Safeguarding Children Partnership Board", kind=Group.Kind.BOARD)
    meeting_day = datetime.date.today() + datetime.timedelta(days=14)
    due = meeting_day + datetime.timedelta(days=60)

    sign_in(page, manager.email, TEST_PASSWORD, device=device)
    assert_accessible(page)

    page.get_by_role("link", name="Meetings", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Add a meeting").click()
    assert_accessible(page)
    page.get_by_label("Board or subgroup").select_option(
        label="Safeguarding Children Partnership Board"
    )
    page.get_by_label("Title").fill("Board meeting")
    page.get_by_label("Date").fill(meeting_day.isoformat())
    page.get_by_label("Start time").fill("14:00")
    page.get_by_label("Location").fill("County Hall, Room 2")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Board meeting")
    assert_accessible(page)
    meeting = Meeting.objects.get()

    page.get_by_role("link", name="Record a decision").click()
    assert_accessible(page)
    page.get_by_label("The decision").fill(DECISION)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Record the decision").click()
    # Asked for an action without saying what, who and when: named, and nothing saved.
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    assert not Decision.objects.exists()

    page.get_by_label("What the action is").fill(ACTION)
    page.get_by_label("Owner").select_option(label=f"{owner.person.full_name} ({police})")
    page.get_by_label("Due date").fill(due.isoformat())
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text(DECISION)).to_be_visible()
    assert_accessible(page)

    action = Action.objects.get()
    assert action.source_type == ContentType.objects.get_for_model(Decision)
    assert action.source.meeting == meeting
    assert (action.owner_person, action.owner_agency, action.due_on) == (
        owner.person,
        police,
        due,
    )
    sign_out(page)

    sign_in(page, owner.email, TEST_PASSWORD)
    page.get_by_role("link", name="Actions", exact=True).click()  # "My actions"
    assert_accessible(page)
    page.get_by_role("link", name=ACTION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ACTION)
    expect(page.get_by_text(DECISION[:40])).to_be_visible()  # where it came from
    assert_accessible(page)
    page.get_by_role("link", name="Add a progress update").click()
    page.get_by_label("What has happened").fill("Policy redrafted; goes to chief officers.")
    page.get_by_role("button", name="Add update").click()
    expect(page.get_by_text("Policy redrafted; goes to chief officers.")).to_be_visible()
    assert_accessible(page)

    action.refresh_from_db()
    assert action.status == Action.Status.IN_PROGRESS
    assert action.progress_updates.get().author == owner
