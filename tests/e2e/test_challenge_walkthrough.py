"""In a real browser, axe-core checking every page: a challenge raised, answered, judged,
closed with a story of its impact, and the summary for the board."""

from __future__ import annotations

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.challenges.models import Challenge
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency

from .conftest import assert_accessible, new_page, sign_in

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()


def test_the_chair_raises_the_agency_answers_and_the_chair_accepts(
    page: Page,
    browser,
    live_server,
):
    team = AgencyFactory(name="Shire Partnership Team")
    police = AgencyFactory(name="Shire Constabulary", type=Agency.Type.POLICE)
    lead = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])
    chair = UserFactory(person=PersonFactory(agency=team), roles=[Role.CHAIR])
    chair_device = TOTPDevice.objects.create(user=chair, name="phone", confirmed=True)

    sign_in(page, chair.email, TEST_PASSWORD, device=chair_device)
    page.get_by_role("link", name="Challenges", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Raise a challenge").click()
    assert_accessible(page)
    page.get_by_label("Agency challenged").select_option(label=police.name)
    page.get_by_label("Title").fill("Police attendance at strategy discussions")
    page.get_by_label("The issue").fill("Why do the police attend so few strategy discussions?")
    page.get_by_label("Evidence").fill("Audit of 40 strategy discussions.")
    page.get_by_label("Date raised").fill(TODAY.isoformat())
    page.get_by_label("Response due").fill((TODAY - datetime.timedelta(days=1)).isoformat())
    page.get_by_role("button", name="Raise the challenge").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("on or after the date raised")
    assert_accessible(page)
    page.get_by_label("Response due").fill((TODAY + datetime.timedelta(days=28)).isoformat())
    page.get_by_role("button", name="Raise the challenge").click()
    challenge = Challenge.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(challenge.title)
    assert_accessible(page)

    # The agency lead answers from their own browser while the chair stays signed in.
    lead_context, lead_page = new_page(browser, live_server)
    answer_as_agency_lead(lead_page, lead, challenge)
    lead_context.close()

    page.reload()
    expect(page.get_by_text("A named lead now attends every one.")).to_be_visible()
    page.get_by_role("link", name="Judge the response").click()
    assert_accessible(page)
    page.get_by_label("Further challenge").check()
    page.get_by_label("Reason for the judgement").fill("No figures yet.")
    page.get_by_role("button", name="Record the judgement").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("new response due date")
    assert_accessible(page)
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Record the judgement").click()
    page.get_by_role("link", name="Close the challenge").click()
    assert_accessible(page)
    page.get_by_label("Outcome").fill("A named lead attends every strategy discussion.")
    page.get_by_role("button", name="Close the challenge").click()
    page.get_by_role("link", name="Add evidence of impact").click()
    assert_accessible(page)
    page.get_by_label("A child's or family's story").check()
    page.get_by_role("button", name="Continue").click()
    assert_accessible(page)
    page.get_by_label("What changed").fill("Police now attend every strategy discussion.")
    page.get_by_label("The story").fill(
        "A mother said the meeting about her son finally had everyone in the room."
    )
    page.get_by_label("Who told it", exact=True).fill("A parent")
    page.get_by_label("The person who told it consented").check()
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.get_by_text("story: not measured", exact=True)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add an action").click()
    assert_accessible(page)

    page.goto("/challenges/summary/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Challenges by agency")
    assert_accessible(page)


def answer_as_agency_lead(page: Page, lead, challenge: Challenge) -> None:
    sign_in(page, lead.email, TEST_PASSWORD)
    page.get_by_role("link", name="Challenges", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name=challenge.title).click()
    page.get_by_role("link", name="Respond to the challenge").click()
    assert_accessible(page)
    page.get_by_label("Your agency’s response").fill("A named lead now attends every one.")
    page.get_by_role("button", name="Send the response").click()
    expect(page.get_by_text("Waiting for the board’s judgement.")).to_be_visible()
    assert_accessible(page)
