"""An agency data contact's API token: created (or replaced) and revoked here.

A user holds at most one token (DRF's authtoken). Creating one replaces any token held, so a
key that may have leaked stops working the moment a new one is made. The key is shown to its
user once, on the page that creates it; SafeBoard never shows it again.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from rest_framework.authtoken.models import Token

from .api_auth import TOKEN_NOT_ALLOWED


def api_token_held(*, user) -> Token | None:
    """The user's token, if they hold one."""
    return Token.objects.filter(user=user).first()


@transaction.atomic
def api_token_issue(*, user) -> Token:
    """A new token for the user, replacing any they hold; refused to accounts that may not."""
    if not user.has_perm("scorecard.hold_api_token"):
        raise PermissionDenied(TOKEN_NOT_ALLOWED)
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def api_token_revoke(*, user) -> bool:
    """Revoke the user's token at once; whether they held one."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)
