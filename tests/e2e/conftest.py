"""End-to-end tests: SafeBoard served on loopback, driven in Debian's Chromium by Playwright.

Every page a test visits is checked with axe-core for WCAG 2.2 AA violations.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect, sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls made by test set-up
# are still synchronous, so Django's async guard is lifted for these tests only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("SAFEBOARD_CHROMIUM", "/usr/bin/chromium")
AXE_SCRIPT = Path(settings.PROJECT_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM} (.ci/run installs it).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _CspViolations:
    """Console reports of anything the Content-Security-Policy refused, on every page."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def watch(self, page: Page) -> None:
        page.on("console", self._record)

    def _record(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.messages.append(message.text)


def new_page(browser: Browser, live_server, violations: _CspViolations | None = None) -> tuple:
    """A page in a context of its own (own cookies), ready for `assert_accessible`."""
    context = browser.new_context(base_url=live_server.url)
    # Injected by the browser into every document, so the page's own policy, which refuses
    # inline scripts without its nonce, does not stop the accessibility check.
    context.add_init_script(path=str(AXE_SCRIPT))
    page = context.new_page()
    page.set_default_timeout(10_000)
    if violations is not None:
        violations.watch(page)
    return context, page


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    violations = _CspViolations()
    context, page = new_page(browser, live_server, violations)
    yield page
    context.close()
    assert not violations.messages, "Content-Security-Policy refused:\n" + "\n".join(
        violations.messages
    )


@pytest.fixture
def another_desk(browser: Browser, live_server) -> Iterator[Callable[[], Page]]:
    """Pages for other people in the same story, each with its own cookies, so that nobody
    signs anybody else out; closed when the test ends."""
    contexts = []
    violations = _CspViolations()

    def open_page() -> Page:
        context, page = new_page(browser, live_server, violations)
        contexts.append(context)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert not violations.messages, "Content-Security-Policy refused:\n" + "\n".join(
        violations.messages
    )


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.2 AA violation on the page as it stands."""
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
            }));
        }""",
        WCAG_22_AA_TAGS,
    )
    assert not violations, f"Accessibility violations on {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {v['targets']}" for v in violations
    )


def current_totp_code(device: TOTPDevice) -> str:
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def sign_in(page: Page, email: str, password: str, device: TOTPDevice | None = None) -> None:
    page.goto("/sign-in/")
    assert_accessible(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        expect(page.get_by_role("heading", level=1)).to_contain_text("code")
        assert_accessible(page)
        page.get_by_label("Security code").fill(current_totp_code(device))
        page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")


def sign_out(page: Page) -> None:
    page.get_by_role("link", name="Sign out").click()
    page.get_by_role("button", name="Sign out").click()
