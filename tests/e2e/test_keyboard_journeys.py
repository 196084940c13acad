"""The core journeys by keyboard alone, in Chromium: Tab and Shift+Tab to move, Enter and Space
to act, arrow keys in radios and selects, typing into the box the keyboard reached. No mouse
and no filling of a field the keyboard did not reach; at every Tab stop the focus must show.
axe-core checks every page on the way."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Locator, Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.audits.factories import AssignmentFactory, AuditRoundFactory, SampleCaseFactory
from safeboard.audits.models import Assignment
from safeboard.challenges.factories import ChallengeFactory
from safeboard.challenges.models import Challenge
from safeboard.learning.factories import CourseFactory, LearnerFactory, SessionFactory
from safeboard.learning.models import Booking
from safeboard.partnership.factories import (
    AgencyFactory,
    InductionItemFactory,
    InductionPlanFactory,
    PersonFactory,
)
from safeboard.partnership.models import Agency
from safeboard.reviews.factories import ReviewFactory, edition
from safeboard.reviews.models import Decision
from safeboard.scorecard.factories import IndicatorFactory
from safeboard.scorecard.models import Figure
from safeboard.scorecard.periods import PeriodKey
from safeboard.section11 import services as section11
from safeboard.section11.factories import StandardFactory, StandardSetFactory
from safeboard.section11.models import Cycle, Return
from safeboard.themes.factories import default_themes

from .conftest import assert_accessible, current_totp_code
from .page_checks import NARROW, focused, tab_to
from .test_case_review_partners_journey import PARTNERS, make_partners

pytestmark = pytest.mark.browser
TODAY = timezone.localdate()


def _is_focused(target: Locator):
    return lambda: target.evaluate("element => element === document.activeElement")


def focus(page: Page, target: Locator, *, backwards: bool = False) -> None:
    """Tab (or Shift+Tab) to `target`, the focus showing at every stop on the way."""
    tab_to(page, _is_focused(target), backwards=backwards)


def activate(page: Page, target: Locator) -> None:
    """Tab to a link or button, press Enter, and wait for the page it leads to."""
    focus(page, target)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page: Page, target: Locator, text: str) -> None:
    focus(page, target)
    page.keyboard.type(text)


def choose_radio(page: Page, group: Locator, label: str) -> None:
    """Tab into a radio group, then arrow down to the option and select it with Space."""
    focus(page, group.get_by_role("radio").first)
    for _ in range(group.get_by_role("radio").count()):
        if group.get_by_label(label, exact=True).evaluate(
            "element => element === document.activeElement"
        ):
            page.keyboard.press("Space")
            expect(group.get_by_label(label, exact=True)).to_be_checked()
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"No radio {label!r} in the group")


def choose_option(page: Page, select: Locator, label: str) -> None:
    """Tab to a select and press the down arrow until the option is chosen."""
    focus(page, select)
    for _ in range(select.locator("option").count()):
        if select.evaluate("s => s.options[s.selectedIndex].text") == label:
            return
        page.keyboard.press("ArrowDown")
    assert select.evaluate("s => s.options[s.selectedIndex].text") == label


def sign_in_by_keyboard(page: Page, email: str, device: TOTPDevice | None = None) -> None:
    page.goto("/sign-in/")
    assert_accessible(page)
    type_into(page, page.get_by_label("Email address"), email)
    type_into(page, page.get_by_label("Password"), TEST_PASSWORD)
    activate(page, page.get_by_role("button", name="Sign in"))
    if device is not None:
        expect(page.get_by_role("heading", level=1)).to_contain_text("code")
        assert_accessible(page)
        type_into(page, page.get_by_label("Security code"), current_totp_code(device))
        activate(page, page.get_by_role("button", name="Continue"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    assert_accessible(page)


def nav_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Capabilities").get_by_role(
        "link", name=name, exact=True
    )


def test_sign_in_with_the_second_factor_by_keyboard(page: Page):
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)

    page.goto("/sign-in/")
    # The first Tab reaches the skip link, which shows and leads to the form.
    page.keyboard.press("Tab")
    assert focused(page) == {"visible": True, "what": "a Skip to main content"}
    type_into(page, page.get_by_label("Email address"), manager.email)
    type_into(page, page.get_by_label("Password"), "not the password")
    # Shift+Tab goes back the way Tab came.
    focus(page, page.get_by_label("Email address"), backwards=True)
    activate(page, page.get_by_role("button", name="Sign in"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    # The error summary takes the focus, as GOV.UK's does, and its link leads to the field.
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_accessible(page)

    sign_in_by_keyboard(page, manager.email, device)


def test_an_agency_lead_responds_to_a_challenge_by_keyboard(page: Page):
    police = AgencyFactory(name="Shire Constabulary")
    lead = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])
    challenge = ChallengeFactory(agency=police, title="Police attendance at strategy meetings")

    sign_in_by_keyboard(page, lead.email)
    activate(page, nav_link(page, "Challenges"))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name=challenge.title))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Respond to the challenge"))
    assert_accessible(page)
    type_into(page, page.get_by_label("Your agency’s response"), "A named lead now attends.")
    activate(page, page.get_by_role("button", name="Send the response"))
    expect(page.get_by_text("Waiting for the board’s judgement.")).to_be_visible()
    assert_accessible(page)
    challenge.refresh_from_db()
    assert challenge.status == Challenge.Status.RESPONDED

    # On a narrow screen the register's table scrolls inside its own region: Tab reaches the
    # region and the arrow keys scroll it.
    page.set_viewport_size(NARROW)
    page.goto("/challenges/")
    region = page.get_by_role("region", name="Challenges")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    focus(page, region)
    page.keyboard.press("ArrowRight")
    page.wait_for_function("r => r.scrollLeft > 0", arg=region.element_handle())
    assert_accessible(page)


def test_a_data_contact_submits_scorecard_figures_by_keyboard(page: Page):
    police = AgencyFactory(name="Shire Constabulary", short_name="Police")
    lead = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])
    indicator = IndicatorFactory(
        code="POL-05", name="Notifications to schools", owning_agency=police
    )
    period = PeriodKey.containing(indicator.frequency, TODAY).previous()

    sign_in_by_keyboard(page, lead.email)
    activate(page, nav_link(page, "Scorecard"))
    activate(page, page.get_by_role("link", name="Submit figures", exact=True))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name=f"Web form for {period.label}"))
    assert_accessible(page)
    type_into(page, page.get_by_label("POL-05 Notifications to schools"), "twelve")
    activate(page, page.get_by_role("button", name="Submit the figures"))
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    assert_accessible(page)
    # From the error summary, its link takes the keyboard to the box in error.
    focus(page, page.locator(".govuk-error-summary").get_by_role("link").first)
    page.keyboard.press("Enter")
    box = page.get_by_label("POL-05 Notifications to schools")
    expect(box).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("12")
    activate(page, page.get_by_role("button", name="Submit the figures"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        f"Figures for {period.label} saved: 1 new figure"
    )
    assert_accessible(page)
    assert Figure.objects.get(indicator=indicator).value == 12


def test_an_auditor_answers_a_case_by_keyboard(page: Page):
    default_themes()
    police = AgencyFactory(name="Shire Constabulary", short_name="Police", type=Agency.Type.POLICE)
    auditor = UserFactory(person=PersonFactory(agency=police), roles=[Role.AUDITOR])
    case = SampleCaseFactory(round=AuditRoundFactory())
    assignment = AssignmentFactory(case=case, agency=police, auditor=auditor.person)

    sign_in_by_keyboard(page, auditor.email)
    panel = page.get_by_role("table", name="Cases you are auditing whose answers you have not")
    activate(page, panel.get_by_role("link", name=case.reference))
    expect(page.get_by_role("heading", level=1)).to_have_text("Answer the case audit")
    assert_accessible(page)
    choose_radio(page, page.get_by_role("group", name="1.1 Was the child seen"), "Yes")
    choose_radio(
        page, page.get_by_role("group", name="1.2 How good was the joint investigation?"), "Good"
    )
    choose_radio(page, page.get_by_role("group", name="Was the child's voice recorded?"), "Yes")
    type_into(page, page.get_by_label("What was the child's lived experience?"), "Watchful.")
    choose_radio(
        page, page.get_by_role("group", name="Your agency’s overall grade for the case"), "Good"
    )
    type_into(page, page.get_by_label("Your agency’s view of the case"), "Our part was timely.")
    activate(page, page.get_by_role("button", name="Submit your answers"))
    expect(page.get_by_text("Your answers have been submitted.")).to_be_visible()
    assert_accessible(page)
    assignment.refresh_from_db()
    assert assignment.submitted_at is not None
    assert Assignment.objects.get().proposed_grade == "good"


def test_an_organisation_submits_its_section_11_return_by_keyboard(page: Page):
    police = AgencyFactory(name="Shire Constabulary")
    lead = UserFactory(person=PersonFactory(agency=police), roles=[Role.AGENCY_LEAD])
    standard_set = StandardSetFactory(name="Partnership standards")
    StandardFactory(standard_set=standard_set, code="S-1", position=1, title="Leadership")
    cycle = section11.cycle_open(
        cycle=section11.cycle_create(
            title="Section 11 self-assessment 2026",
            kind="section_11",
            frequency=Cycle.Frequency.TWO_YEARLY,
            standard_set=standard_set,
            returns_due_on=TODAY + datetime.timedelta(days=30),
            agencies=[police],
        )
    )

    sign_in_by_keyboard(page, lead.email)
    activate(page, page.get_by_role("link", name="Section 11 self-assessment 2026"))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Score standard S-1"))
    assert_accessible(page)
    choose_radio(page, page.locator("fieldset").first, "3: Fully met")
    activate(page, page.get_by_role("button", name="Save and return to the return"))
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    activate(page, page.get_by_role("link", name="Check and submit the return"))
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Submit the return"))
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("submitted")
    assert_accessible(page)
    assert cycle.returns.get().status == Return.Status.SUBMITTED


def test_a_practitioner_books_a_training_place_by_keyboard(page: Page):
    police = AgencyFactory(name="Shire Constabulary")
    practitioner = UserFactory(person=PersonFactory(agency=police), roles=[Role.PRACTITIONER])
    LearnerFactory(user=practitioner, full_name=practitioner.person.full_name, agency=police)
    course = CourseFactory(title="Exploitation: spotting it early")
    session = SessionFactory(course=course, days=10, capacity=12)
    day = f"{timezone.localtime(session.starts_at):%-d %B %Y}"

    sign_in_by_keyboard(page, practitioner.email)
    activate(page, nav_link(page, "Training"))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name=course.title))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name=f"Book the session of {day}"))
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Book a place"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text("You have a place")
    assert_accessible(page)
    assert Booking.objects.get().session == session


def test_the_business_manager_records_a_review_decision_by_keyboard(page: Page):
    default_themes()
    unit = AgencyFactory(name="Shire Partnership Business Unit")
    manager = UserFactory(
        person=PersonFactory(agency=unit, full_name="Ada Whitlock"), roles=[Role.BUSINESS_MANAGER]
    )
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    review = ReviewFactory(edition=edition("wt2023"), child_pseudonym="Child Q")
    make_partners()
    criteria = list(review.edition.criteria.order_by("position"))

    sign_in_by_keyboard(page, manager.email, device)
    activate(page, nav_link(page, "Reviews"))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name=review.reference))
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Record the decision"))
    assert_accessible(page)
    for criterion in criteria:
        choose_radio(
            page, page.get_by_role("group", name=f"Is criterion {criterion.code} met?"), "Met"
        )
        type_into(
            page, page.get_by_label(f"Reason for the answer to {criterion.code}"), "In the records."
        )
    choose_radio(
        page,
        page.get_by_role("group", name="The decision"),
        "Local child safeguarding practice review",
    )
    type_into(page, page.get_by_label("Reasons for the decision"), "Agencies did not share.")
    # Under the 2023 edition the three safeguarding partners decide, each answering.
    for partner, (name, agency, _) in PARTNERS.items():
        choose_option(
            page, page.get_by_label(f"Who answered for the {partner}"), f"{name} ({agency})"
        )
        # Reached by keyboard; a date box takes its digits in the locale's order, so the
        # day is set once the box has the focus.
        answered = page.get_by_label(f"Date the {partner} answered")
        focus(page, answered)
        answered.fill(TODAY.isoformat())
        choose_radio(page, page.get_by_role("group", name=f"Does the {partner} agree?"), "Agrees")
    activate(page, page.get_by_role("button", name="Record the decision"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Decision against the criteria")
    assert_accessible(page)
    assert Decision.objects.get().review == review


def test_a_checklist_ticked_in_place_keeps_the_focus_and_announces_the_count(page: Page):
    lay_member = UserFactory(roles=[Role.LAY_MEMBER])
    plan = InductionPlanFactory(person=lay_member.person, buddy=None)
    InductionItemFactory(plan=plan, title="Meet the chair")
    InductionItemFactory(plan=plan, title="Read the handbook")

    sign_in_by_keyboard(page, lay_member.email)
    page.goto(f"/induction/{plan.pk}/")
    expect(page.get_by_role("status")).to_contain_text("0 of 2 done")
    focus(page, page.get_by_role("button", name="Mark “Meet the chair” as done"))
    page.keyboard.press("Space")
    # htmx swaps the checklist; the status region announces the count and the focus stays on
    # the button just pressed, now worded the other way.
    expect(page.get_by_role("status")).to_contain_text("1 of 2 done")
    expect(page.get_by_role("button", name="Mark “Meet the chair” as not done")).to_be_focused()
    assert focused(page)["visible"]
    focus(page, page.get_by_role("button", name="Mark “Read the handbook” as done"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Induction completed on")
    assert_accessible(page)
