"""In a real browser, axe-core checking every page: the business manager sets up a case audit
round, the police and health auditors answer their sections, the moderation meeting grades
the case, and the round report shows the result."""

from __future__ import annotations

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.audits.factories import two_section_version
from safeboard.audits.models import AuditRound, Moderation
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency

from .conftest import assert_accessible, new_page, sign_in

pytestmark = pytest.mark.browser
TODAY = datetime.date.today()


def test_a_round_is_set_up_answered_moderated_and_reported(page: Page, browser, live_server):
    team = AgencyFactory(name="Shire Partnership Team")
    police = AgencyFactory(name="Shire Constabulary", short_name="Police", type=Agency.Type.POLICE)
    health = AgencyFactory(
        name="Shire Community Health", short_name="Health", type=Agency.Type.HEALTH_TRUST
    )
    manager = UserFactory(
        person=PersonFactory(agency=team, full_name="Mina Patel"), roles=[Role.BUSINESS_MANAGER]
    )
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    police_auditor = UserFactory(
        person=PersonFactory(agency=police, full_name="Dan Hollis"), roles=[Role.AUDITOR]
    )
    health_auditor = UserFactory(
        person=PersonFactory(agency=health, full_name="Ruth Okafor"), roles=[Role.AGENCY_LEAD]
    )
    tool = two_section_version(frozen=False).tool

    sign_in(page, manager.email, TEST_PASSWORD, device=device)
    page.get_by_role("link", name="Audits", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Set up an audit round").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Strategy discussions this spring")
    page.get_by_label("Audit tool").select_option(label=tool.name)
    page.get_by_label("Theme").select_option(label="Recording")
    page.get_by_label("The sample").fill("Ten strategy discussions, January to March.")
    page.get_by_label("Answers due").fill((TODAY + datetime.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Save the round").click()
    audit_round = AuditRound.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(audit_round.title)
    assert_accessible(page)

    page.get_by_role("link", name="Add a case").click()
    assert_accessible(page)
    page.get_by_label("Under 1").check()
    page.get_by_role("button", name="Save the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one agency")
    assert_accessible(page)
    page.get_by_label(police.name).check()
    page.get_by_label(health.name).check()
    page.get_by_role("button", name="Save the case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Case {audit_round.reference}-C1")
    assert_accessible(page)
    for agency, auditor in ((police, police_auditor), (health, health_auditor)):
        page.get_by_role("link", name="Assign an auditor").click()
        assert_accessible(page)
        page.get_by_label("Agency", exact=True).select_option(label=agency.name)
        page.get_by_label("Auditor").select_option(
            label=f"{auditor.person.full_name} ({agency.name})"
        )
        page.get_by_role("button", name="Assign the auditor").click()
    page.get_by_role("link", name=audit_round.reference).click()
    page.get_by_role("link", name="Open the round for answers").click()
    assert_accessible(page)
    page.get_by_role("button", name="Open the round for answers").click()
    expect(page.get_by_text("The round is open for answers.")).to_be_visible()
    assert_accessible(page)

    answer_in_own_browser(browser, live_server, police_auditor, police=True)
    answer_in_own_browser(browser, live_server, health_auditor, police=False)

    page.goto(f"/audits/cases/{audit_round.cases.get().pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Moderate the case").click()
    assert_accessible(page)
    page.get_by_label("Good", exact=True).check()
    page.get_by_label("Dan Hollis (Shire Constabulary)").check()
    page.get_by_label("Ruth Okafor (Shire Community Health)").check()
    page.get_by_role("button", name="Record the moderation").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("record where the views differed")
    assert_accessible(page)
    page.get_by_label("Where the views differed").fill("Health saw no plan for the siblings.")
    page.get_by_label("How the grade was agreed").fill("The chronology showed they were seen.")
    page.get_by_role("button", name="Record the moderation").click()
    expect(page.get_by_text("The moderation has been recorded.")).to_be_visible()
    assert Moderation.objects.get().agreed_grade == "good"

    page.get_by_role("link", name=audit_round.reference).click()
    page.get_by_role("link", name="Results so far").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(audit_round.title)
    grades = page.get_by_role("table", name="Each case: the agencies’ grades and the grade agreed")
    expect(grades).to_contain_text("Police: Good")
    expect(grades).to_contain_text("Health: Requires improvement")
    expect(grades).to_contain_text("after the views differed")
    expect(
        page.get_by_role("img", name="Answers meeting the standard, by question")
    ).to_be_visible()
    # Question 2.1: the police said yes, health said no.
    expect(page.get_by_role("row", name="2.1 Was the child's voice recorded?")).to_contain_text(
        "50%"
    )
    assert_accessible(page)


def answer_in_own_browser(browser, live_server, auditor, *, police: bool) -> None:
    context, page = new_page(browser, live_server)
    sign_in(page, auditor.email, TEST_PASSWORD)
    panel = page.get_by_role(
        "table", name="Cases you are auditing whose answers you have not submitted"
    )
    panel.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Answer the case audit")
    assert_accessible(page)
    if police:
        page.get_by_role("group", name="1.1 Was the child seen within the timescale?").get_by_label(
            "Yes"
        ).check()
        page.get_by_role("button", name="Submit your answers").click()
        expect(page.locator(".govuk-error-summary")).to_contain_text(
            "Answer question 1.2 before submitting."
        )
        assert_accessible(page)
        page.get_by_role("group", name="1.2 How good was the joint investigation?").get_by_label(
            "Good", exact=True
        ).check()
    voice = page.get_by_role("group", name="Was the child's voice recorded?")
    voice.get_by_label("Yes" if police else "No").check()
    page.get_by_label("What was the child's lived experience?").fill("Quiet and watchful.")
    grade = page.get_by_role("group", name="Your agency’s overall grade for the case")
    grade.get_by_label("Good" if police else "Requires improvement", exact=True).check()
    page.get_by_label("Your agency’s view of the case").fill("Our part was timely.")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Your draft has been saved.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit your answers").click()
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()
    assert_accessible(page)
    context.close()
