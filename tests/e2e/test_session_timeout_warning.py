"""In a real browser: the warning before signing out an idle user, and the signing out itself.

The server decides how long is left, from the last activity recorded in the session; the page
only asks it. So each test moves the recorded activity back in the database (as if the user had
done nothing for a while) and moves the page's clock forward to when it would next ask, instead
of waiting minutes.
"""

from __future__ import annotations

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from safeboard.accounts.factories import TEST_PASSWORD, UserFactory
from safeboard.accounts.roles import Role
from safeboard.accounts.session_timeout import IDLE_SIGN_OUT, LAST_ACTIVE_AT, now_timestamp

from .conftest import assert_accessible, sign_in

IDLE_MINUTES = 3
IDLE_SECONDS = IDLE_MINUTES * 60
WARNING_SECONDS = 2 * 60
HOME = "/"
KEEP_ALIVE = "**" + reverse("accounts:keep_alive")


@pytest.fixture
def practitioner_at_home(page: Page, settings) -> Page:
    """A practitioner on their home page, the page's clock under the test's control, with the
    focus on the main navigation's Actions link (where the user was before the warning)."""
    settings.SAFEBOARD_SESSION_IDLE_MINUTES = IDLE_MINUTES
    practitioner = UserFactory(roles=[Role.PRACTITIONER])
    sign_in(page, practitioner.email, TEST_PASSWORD)
    page.clock.install()
    page.goto(HOME)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    page.get_by_role("link", name="Actions", exact=True).focus()
    return page


def _session(page: Page) -> SessionStore:
    cookies = page.context.cookies()
    key = next(c["value"] for c in cookies if c["name"] == django_settings.SESSION_COOKIE_NAME)
    return SessionStore(session_key=key)


def _idle_for(page: Page, seconds: int) -> None:
    """Record the user's last activity as `seconds` ago, as if they had done nothing since."""
    session = _session(page)
    session[LAST_ACTIVE_AT] = now_timestamp() - seconds
    session.save()


def _warning(page: Page) -> Locator:
    return page.get_by_role("dialog", name="You’re about to be signed out")


def _open_warning(page: Page) -> Locator:
    """Idle until the warning is due, and let the page reach the time it checks."""
    _idle_for(page, IDLE_SECONDS - WARNING_SECONDS + 5)
    page.clock.fast_forward(IDLE_SECONDS * 1000)
    warning = _warning(page)
    expect(warning).to_be_visible(timeout=10_000)
    return warning


def _focus_is_in(page: Page, element_id: str) -> bool:
    return page.evaluate(
        "(id) => document.getElementById(id).contains(document.activeElement)", element_id
    )


def test_the_warning_opens_as_an_accessible_modal_dialog_with_the_focus_inside(
    practitioner_at_home: Page,
):
    page = practitioner_at_home
    expect(_warning(page)).to_be_hidden()

    warning = _open_warning(page)

    assert _focus_is_in(page, "timeout-warning")
    expect(warning).to_contain_text("we will sign you out in 2 minutes")
    expect(warning.get_by_role("button", name="Stay signed in")).to_be_visible()
    assert_accessible(page)


def test_staying_signed_in_closes_the_warning_and_returns_the_focus_to_where_it_was(
    practitioner_at_home: Page,
):
    page = practitioner_at_home
    warning = _open_warning(page)

    with page.expect_response(KEEP_ALIVE) as kept:
        warning.get_by_role("button", name="Stay signed in").click()

    assert kept.value.status == 204
    expect(warning).to_be_hidden()
    expect(page.get_by_role("link", name="Actions", exact=True)).to_be_focused()
    assert now_timestamp() - _session(page)[LAST_ACTIVE_AT] < 10
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    assert "/sign-in/" not in page.url


def test_escape_keeps_the_user_signed_in(practitioner_at_home: Page):
    page = practitioner_at_home
    warning = _open_warning(page)

    with page.expect_response(KEEP_ALIVE) as kept:
        page.keyboard.press("Escape")

    assert kept.value.status == 204
    expect(warning).to_be_hidden()
    expect(page.get_by_role("link", name="Actions", exact=True)).to_be_focused()
    assert now_timestamp() - _session(page)[LAST_ACTIVE_AT] < 10


def test_signing_out_from_the_warning_signs_the_user_out(practitioner_at_home: Page):
    page = practitioner_at_home
    warning = _open_warning(page)

    warning.get_by_role("button", name="Sign out").click()

    expect(page.get_by_label("Email address")).to_be_visible()
    page.goto(HOME)
    expect(page.get_by_label("Email address")).to_be_visible()
    assert "/sign-in/" in page.url


def test_when_the_time_runs_out_the_user_is_sent_to_sign_in_saying_why(
    practitioner_at_home: Page,
):
    page = practitioner_at_home
    _open_warning(page)

    # The user does nothing until the very last seconds, and the countdown reaches nought.
    _idle_for(page, IDLE_SECONDS - 2)
    page.clock.fast_forward(WARNING_SECONDS * 1000)

    # The countdown runs its last seconds in real time before the page goes to sign in.
    signed_out = page.get_by_text(IDLE_SIGN_OUT.format(minutes=IDLE_MINUTES))
    expect(signed_out).to_be_visible(timeout=15_000)
    assert "/sign-in/" in page.url
    expect(page.get_by_label("Email address")).to_be_visible()
    expect(_warning(page)).to_have_count(0)
    assert_accessible(page)
