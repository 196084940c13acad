"""Signing out after a spell of doing nothing, and after a working day whatever is done.

A signed-in browser records in its session when its user signed in and when they last did
something. A request after SAFEBOARD_SESSION_IDLE_MINUTES of doing nothing, or more than
SAFEBOARD_SESSION_MAX_HOURS after signing in, signs the user out and sends them to sign in
again, saying why; a shared or unattended computer is not left signed in. The timeout warning
(accounts/timeout-warning.js, the GOV.UK "timeout warning" pattern) offers to keep them signed
in shortly before the idle limit.

API requests with a token carry no session and are not touched here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone
from django.utils.deprecation import MiddlewareMixin

SIGNED_IN_AT = "safeboard_signed_in_at"
LAST_ACTIVE_AT = "safeboard_last_active_at"
# The last activity is written at most this often, so reading page after page is not a
# database write per page; the warning takes its timings from the recorded time, not the page.
ACTIVITY_RESOLUTION_SECONDS = 60
# The GOV.UK pattern warns two minutes before the idle limit.
WARNING_SECONDS = 2 * 60

IDLE_SIGN_OUT = "You were signed out because you had not done anything for {minutes} minutes"
LIFETIME_SIGN_OUT = "You were signed out because you signed in more than {hours} hours ago"


def now_timestamp() -> int:
    return int(timezone.now().timestamp())


def idle_limit_seconds() -> int:
    return settings.SAFEBOARD_SESSION_IDLE_MINUTES * 60


def lifetime_seconds() -> int:
    return settings.SAFEBOARD_SESSION_MAX_HOURS * 60 * 60


def activity_record(session: SessionBase, *, now: int, force: bool = False) -> None:
    """Note that the user did something now; the first request after signing in notes that too."""
    session.setdefault(SIGNED_IN_AT, now)
    last_active_at = session.get(LAST_ACTIVE_AT)
    if force or last_active_at is None or now - last_active_at >= ACTIVITY_RESOLUTION_SECONDS:
        session[LAST_ACTIVE_AT] = now


def clocks_start(sender, request, user, **kwargs) -> None:
    """Signing in starts both clocks, in the session write that signing in makes anyway
    (connected to `user_logged_in` in apps.py), so the first page costs no write of its own."""
    session = getattr(request, "session", None)
    if session is not None:
        now = now_timestamp()
        session[SIGNED_IN_AT] = now
        session[LAST_ACTIVE_AT] = now


def sign_out_reason(session: SessionBase, *, now: int) -> str | None:
    """Why this session must end now, or None while it may go on.

    It ends the moment `seconds_left` reaches nought: the warning, told nothing is left, reloads
    its page, and that request must sign out rather than count as the user doing something.
    """
    signed_in_at = session.get(SIGNED_IN_AT)
    last_active_at = session.get(LAST_ACTIVE_AT)
    if signed_in_at is None or last_active_at is None:
        return None
    if now - signed_in_at >= lifetime_seconds():
        return LIFETIME_SIGN_OUT.format(hours=settings.SAFEBOARD_SESSION_MAX_HOURS)
    if now - last_active_at >= idle_limit_seconds():
        return IDLE_SIGN_OUT.format(minutes=settings.SAFEBOARD_SESSION_IDLE_MINUTES)
    return None


def seconds_left(session: SessionBase, *, now: int) -> int:
    """Seconds until this session ends if its user does nothing more."""
    signed_in_at = session.get(SIGNED_IN_AT, now)
    last_active_at = session.get(LAST_ACTIVE_AT, now)
    idle_left = last_active_at + idle_limit_seconds() - now
    lifetime_left = signed_in_at + lifetime_seconds() - now
    return max(0, min(idle_left, lifetime_left))


ViewT = TypeVar("ViewT", bound=Callable)


def activity_not_recorded(view: ViewT) -> ViewT:
    """Mark a view whose requests are not the user doing something (the warning's check)."""
    # A marker on the function, as Django's own view decorators set; Callable declares none.
    view.records_activity = False  # type: ignore[attr-defined]
    return view


class SessionTimeoutMiddleware(MiddlewareMixin):
    """Sign out a session idle too long or signed in too long; otherwise note the activity.

    It acts in process_view, after every middleware has set up the request (messages
    included), and before LoginRequiredMiddleware turns the signed-out request away.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        now = now_timestamp()
        reason = sign_out_reason(request.session, now=now)
        if reason is None:
            if getattr(view_func, "records_activity", True):
                activity_record(request.session, now=now)
            return None
        logout(request)
        messages.warning(request, reason)
        if not getattr(view_func, "login_required", True):
            return None
        return redirect_to_login(request.get_full_path())
