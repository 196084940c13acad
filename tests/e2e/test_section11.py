"""Section 11 in a real browser: an organisation answers and submits its return, and the
business manager finds the organisation that has not returned on the chase list. Every
page passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.section11 import services
from safeboard.section11.factories import StandardFactory, StandardSetFactory
from safeboard.section11.models import Cycle, Return

from .conftest import assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser
TODAY = timezone.localdate()


def _open_cycle(*agencies) -> Cycle:
    standard_set = StandardSetFactory(name="Partnership standards")
    for number, title in enumerate(["Leadership", "Training", "Safer recruitment"], start=1):
        StandardFactory(standard_set=standard_set, code=f"S-{number}", position=number, title=title)
    cycle = services.cycle_create(
        title="Section 11 self-assessment 2026",
        kind="section_11",
        frequency=Cycle.Frequency.TWO_YEARLY,
        standard_set=standard_set,
        returns_due_on=TODAY + datetime.timedelta(days=30),
        agencies=agencies,
    )
    return services.cycle_open(cycle=cycle)


def _score(page: Page, code: str, choice: str) -> None:
    page.get_by_role("link", name=f"Score standard {code}").click()
    page.get_by_label(choice).check()
    page.get_by_role("button", name="Save and return to the return").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


def test_an_organisation_submits_its_return_and_a_non_returner_is_on_the_chase_list(
    page: Page, tmp_path
):
    police = AgencyFactory(name="Shire Constabulary")
    silent = AgencyFactory(name="Northfield Youth Trust")
    lead = UserFactory(
        person=PersonFactory(agency=police, full_name="Dana Lead"), roles=[Role.AGENCY_LEAD]
    )
    manager = UserFactory(roles=[Role.BUSINESS_MANAGER])
    device = TOTPDevice.objects.create(user=manager, name="phone", confirmed=True)
    cycle = _open_cycle(police, silent)
    police_return = cycle.returns.get(agency=police)

    sign_in(page, lead.email, TEST_PASSWORD)
    assert_accessible(page)
    page.get_by_role("link", name="Section 11 self-assessment 2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shire Constabulary")
    assert_accessible(page)

    page.get_by_role("link", name="Score standard S-1").click()
    assert_accessible(page)
    page.get_by_role("button", name="Save and return to the return").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose a score")
    assert_accessible(page)
    page.get_by_label("3: Fully met").check()
    page.get_by_role("button", name="Save and return to the return").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    _score(page, "S-2", "3: Fully met")
    _score(page, "S-3", "1: Partly met")

    page.get_by_role("link", name="Add evidence for standard S-1").click()
    assert_accessible(page)
    wrong = tmp_path / "policy.pdf"
    wrong.write_text("this is not a PDF")
    page.get_by_label("What the evidence shows").fill("The safeguarding policy")
    page.get_by_label("Date of the evidence").fill(
        (TODAY - datetime.timedelta(days=90)).isoformat()
    )
    page.get_by_label("File").set_input_files(str(wrong))
    page.get_by_role("button", name="Add the evidence").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("does not match its name")
    assert_accessible(page)
    right = tmp_path / "policy-2026.pdf"
    right.write_bytes(b"%PDF-1.4 the safeguarding policy\n%%EOF\n")
    page.get_by_label("File").set_input_files(str(right))
    page.get_by_role("button", name="Add the evidence").click()
    # The stored name may carry a suffix when the name is taken.
    expect(page.get_by_role("link", name=re.compile(r"^policy-2026.*\.pdf$"))).to_be_visible()

    page.get_by_role("link", name="Check and submit the return").click()
    expect(page.get_by_text("Add an improvement plan for standard S-3")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit the return").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Add an improvement plan for standard S-3"
    )
    assert_accessible(page)

    page.goto(police_return.get_absolute_url())
    page.get_by_role("link", name="Add to the improvement plan for standard S-3").click()
    assert_accessible(page)
    page.get_by_label("What will be done").fill("Clear the backlog of criminal record renewals")
    page.get_by_label("Who is responsible").select_option(label="Dana Lead (Shire Constabulary)")
    page.get_by_label("Due date").fill((TODAY + datetime.timedelta(days=90)).isoformat())
    page.get_by_role("button", name="Add to the plan").click()
    assert_accessible(page)

    page.get_by_role("link", name="Check and submit the return").click()
    page.get_by_role("button", name="Submit the return").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("submitted")
    expect(page.locator(".govuk-tag").first).to_have_text("Submitted")
    expect(page.get_by_role("link", name="The action")).to_be_visible()
    assert_accessible(page)
    police_return.refresh_from_db()
    assert police_return.status == Return.Status.SUBMITTED

    sign_out(page)
    sign_in(page, manager.email, TEST_PASSWORD, device)
    page.goto("/section-11/")
    assert_accessible(page)
    page.get_by_role("link", name="1 organisation yet to return").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisations yet to return")
    expect(page.get_by_role("link", name="Northfield Youth Trust", exact=True)).to_be_visible()
    expect(page.get_by_text("Shire Constabulary")).to_have_count(0)
    assert_accessible(page)

    for path in [
        cycle.get_absolute_url(),
        f"/section-11/{cycle.pk}/picture/",
        f"/section-11/{cycle.pk}/peer-challenge/",
        police_return.get_absolute_url(),
        f"/section-11/returns/{police_return.pk}/moderate/",
        f"/section-11/returns/{cycle.returns.get(agency=silent).pk}/chase/",
        "/section-11/new/",
    ]:
        page.goto(path)
        assert_accessible(page)
