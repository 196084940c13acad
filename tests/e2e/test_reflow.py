"""Every page works on a screen 320 CSS pixels wide, as WCAG 1.4.10 (Reflow) asks: 1280
pixels at 400% zoom, or a small phone. The demo partnership gives every kind of page something
to show; the business manager's crawl, a practitioner's, an agency lead's and the public pages
are each opened at that width and none may scroll sideways as a whole. Wide tables scroll inside their own
named region instead, and every chart's text alternative states its figures. A page of each
part also keeps all its text under WCAG 1.4.12's text spacing and at 200% text size."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page

from safeboard.demo.build import build_demo

from .conftest import assert_accessible, new_page, sign_in
from .page_checks import (
    DESKTOP,
    LARGER_TEXT,
    NARROW,
    TEXT_SPACING,
    charts_without_figures,
    crawl,
    sideways_scrolling,
    text_lost_with,
    unnamed_scrolling_regions,
)


class Findings:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.pages = 0

    def check(self, page: Page, path: str) -> None:
        self.pages += 1
        if wide := sideways_scrolling(page):
            self.problems.append(f"{path} scrolls sideways, {wide}")
        if regions := unnamed_scrolling_regions(page):
            self.problems.append(f"{path} scrolls inside unnamed or unfocusable {regions}")
        if charts := charts_without_figures(page):
            self.problems.append(f"{path} has charts without figures or table: {charts}")


def _reflow(
    browser: Browser, live_server, *, findings: Findings, sign_in_as=None, start="/", per_shape=1
):
    context, page = new_page(browser, live_server)
    page.set_viewport_size(NARROW)
    if sign_in_as:
        sign_in_as(page)
    sections_checked = set()
    for path in crawl(page, start=start, per_shape=per_shape):
        findings.check(page, path)
        section = path.split("/")[1]
        if section not in sections_checked:  # axe-core too, on the first page of each part
            sections_checked.add(section)
            assert_accessible(page)
    context.close()
    return sections_checked


def _text_survives(browser: Browser, live_server, *, sign_in_as, paths, findings: Findings):
    context, page = new_page(browser, live_server)
    sign_in_as(page)
    for path in paths:
        for viewport, adjustment, words in (
            (NARROW, TEXT_SPACING, "text spacing at 320px"),
            (DESKTOP, TEXT_SPACING, "text spacing"),
            (DESKTOP, LARGER_TEXT, "200% text"),
        ):
            page.set_viewport_size(viewport)
            page.goto(path)
            if lost := text_lost_with(page, adjustment):
                findings.problems.append(f"{path} cuts text off with {words}: {lost}")
            if wide := sideways_scrolling(page):
                findings.problems.append(f"{path} scrolls sideways with {words}, {wide}")
    context.close()


def test_every_page_reflows_at_320_pixels_for_the_manager_a_practitioner_a_lead_and_the_public(
    browser: Browser, live_server
):
    demo = build_demo()
    manager = next(login for login in demo.logins if login.role == "Business manager")
    practitioner = next(login for login in demo.logins if login.role == "Practitioner")
    # The agency lead sees what the manager does not: submitting figures, the API's pages.
    lead = next(login for login in demo.logins if login.role == "Agency lead or data contact")
    device = TOTPDevice.objects.get(user__email=manager.email)
    findings = Findings()

    def as_manager(page: Page) -> None:
        sign_in(page, manager.email, demo.password, device)

    def as_practitioner(page: Page) -> None:
        sign_in(page, practitioner.email, demo.password)

    def as_lead(page: Page) -> None:
        sign_in(page, lead.email, demo.password)

    _reflow(browser, live_server, findings=findings, start="/sign-in/")
    public_pages = findings.pages
    manager_sections = _reflow(browser, live_server, findings=findings, sign_in_as=as_manager)
    manager_pages = findings.pages - public_pages
    _reflow(browser, live_server, findings=findings, sign_in_as=as_practitioner)
    practitioner_pages = findings.pages - public_pages - manager_pages
    _reflow(browser, live_server, findings=findings, sign_in_as=as_lead, per_shape=1)
    _text_survives(
        browser,
        live_server,
        sign_in_as=as_manager,
        paths=["/", "/scorecard/grid/", "/risks/", "/reviews/", "/training/", "/section-11/"],
        findings=findings,
    )

    assert public_pages >= 3 and manager_pages > 200 and practitioner_pages > 5, (
        public_pages,
        manager_pages,
        practitioner_pages,
    )
    assert len(manager_sections) > 10, manager_sections
    assert not findings.problems, "\n".join(findings.problems)
