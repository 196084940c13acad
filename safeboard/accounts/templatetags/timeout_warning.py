"""The timings the timeout warning needs, for the page of a signed-in user."""

from __future__ import annotations

from django import template
from django.conf import settings

from ..session_timeout import WARNING_SECONDS, idle_limit_seconds, now_timestamp, seconds_left

register = template.Library()


@register.simple_tag(takes_context=True)
def timeout_warning_timings(context) -> dict | None:
    """None for a signed-out visitor or a page rendered without its request."""
    request = context.get("request")
    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    if user is None or session is None or not user.is_authenticated:
        return None
    return {
        "seconds_left": seconds_left(session, now=now_timestamp()),
        "warning_seconds": min(WARNING_SECONDS, idle_limit_seconds()),
        "idle_seconds": idle_limit_seconds(),
        "idle_minutes": settings.SAFEBOARD_SESSION_IDLE_MINUTES,
        "page": request.get_full_path(),
    }
