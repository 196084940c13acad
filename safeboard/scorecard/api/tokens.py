"""An agency data contact's API tokens: created, listed and revoked here.

A token is stored as a digest only (knox), so SafeBoard cannot show a key again: its user sees
it once, on the page that creates it. Each token expires (settings.REST_KNOX["TOKEN_TTL"],
SAFEBOARD_API_TOKEN_DAYS) and can be revoked at once, one at a time or all together. A user
may hold several, so a system's key can be replaced without a gap: create the new one, then
revoke the old.
"""

from __future__ import annotations

from typing import NamedTuple

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from knox.models import AuthToken

from .auth import TOKEN_NOT_ALLOWED

# The characters of a key kept in the clear (knox's token_key) that the page shows, so a user
# can tell their tokens apart.
SHOWN_PREFIX_LENGTH = 8


class IssuedToken(NamedTuple):
    record: AuthToken
    # The key itself: never stored, shown once.
    key: str


def api_tokens_held(*, user) -> list[AuthToken]:
    """The user's tokens that have not expired, newest first."""
    return list(AuthToken.objects.filter(user=user, expiry__gt=timezone.now()).order_by("-created"))


@transaction.atomic
def api_token_issue(*, user) -> IssuedToken:
    """A new token for the user, refused to accounts that may not hold one."""
    if not user.has_perm("scorecard.hold_api_token"):
        raise PermissionDenied(TOKEN_NOT_ALLOWED)
    record, key = AuthToken.objects.create(user=user)
    return IssuedToken(record=record, key=key)


@transaction.atomic
def api_token_revoke(*, user, token_key: str) -> bool:
    """Revoke one of the user's own tokens at once; whether they held it.

    Only the user's own: a token of anyone else is untouched, as if it did not exist.
    """
    deleted, _ = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    return bool(deleted)


@transaction.atomic
def api_tokens_revoke_all(*, user) -> int:
    """Revoke every token the user holds at once; how many they held."""
    deleted, _ = AuthToken.objects.filter(user=user).delete()
    return deleted
