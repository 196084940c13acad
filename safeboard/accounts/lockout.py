"""How failed sign-ins are counted, and how fast anyone may knock on the sign-in doors.

Sign-in matches the email address whatever its case, so failures must be counted under one
spelling of it: otherwise `READER@...` would get five fresh tries after `reader@...` locked.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def normalised_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The address as lock-outs count it: trimmed and in lower case."""
    field = settings.AXES_USERNAME_FORM_FIELD
    username = (credentials or {}).get(field) or request.POST.get(field)
    if username is None:
        return None
    return str(username).strip().lower()


def sign_in_rate(group: str, request: HttpRequest) -> str:
    return settings.SAFEBOARD_SIGN_IN_RATE


def password_reset_rate(group: str, request: HttpRequest) -> str:
    return settings.SAFEBOARD_PASSWORD_RESET_RATE


def password_reset_address(group: str, request: HttpRequest) -> str:
    """Requests for one account's reset count together, whatever the address is typed as."""
    return request.POST.get("email", "").strip().lower()
