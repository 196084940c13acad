"""How the API knows who is calling, and the one way its views declare who may use them.

Two ways in, both acting with the user's own roles and agency:

- a token (`Authorization: Token <key>`, tokens.py), for an agency's case system,
  which cannot use a browser session with a second factor; only accounts that may hold one
  (rules.py) may use it, and it expires;
- the browser session of a signed-in user, once past the second factor where the account
  needs one (as every page of SafeBoard requires).

The project's sign-in middleware sends every request without a session to the sign-in page,
before any view runs, so it would turn a token request away too. `signed_in_or_token` lets a
request that carries credentials through to the API, which then authenticates it (401 when
they are wrong); a request with neither credentials nor a session is sent to sign in, like any
other page.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from drf_spectacular.contrib.knox_auth_token import KnoxTokenScheme
from knox.auth import TokenAuthentication
from rest_framework import authentication, exceptions, permissions

from safeboard.accounts.middleware import LoginRequiredMiddleware

TOKEN_NOT_ALLOWED = (
    "This account may not use an API token: tokens are for agencies' data contacts whose "
    "accounts do not sign in with a second factor."
)
TOKEN_NOT_READABLE = "Invalid token header: the token should be letters and digits only."
TOKEN_WITHOUT_EXPIRY = "This API token has no expiry date: create a new token to use the API."


class ApiTokenAuthentication(TokenAuthentication):
    """A knox token (stored as a digest, refused once expired or revoked), refused to any
    account that may not hold one: checked on every request, so a token stops working the
    moment its user gains a role that signs in with a second factor."""

    def authenticate_credentials(self, token: bytes):
        try:
            token.decode("utf-8")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(TOKEN_NOT_READABLE) from None
        return super().authenticate_credentials(token)

    def validate_user(self, auth_token):
        if auth_token.expiry is None:
            raise exceptions.AuthenticationFailed(TOKEN_WITHOUT_EXPIRY)
        user, token = super().validate_user(auth_token)
        if not user.has_perm("scorecard.hold_api_token"):
            raise exceptions.AuthenticationFailed(TOKEN_NOT_ALLOWED)
        return user, token


class ApiTokenScheme(KnoxTokenScheme):
    """How the OpenAPI schema describes the token (drf-spectacular matches the class exactly)."""

    target_class = ApiTokenAuthentication
    name = "tokenAuth"


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The signed-in session, only once past the second factor where the account needs one."""

    def authenticate(self, request):
        found = super().authenticate(request)
        if found is None:
            return None
        user = found[0]
        if user.requires_two_factor and not user.is_verified():
            return None
        return found


class RulePermission(permissions.BasePermission):
    """The view's `permission_required` rule, and `object_permission_required` on a record.

    The same rules (rules.py) as the scorecard's pages, so the API never has a second copy.
    """

    def has_permission(self, request, view) -> bool:
        return request.user.has_perm(view.permission_required)

    def has_object_permission(self, request, view, obj) -> bool:
        return request.user.has_perm(view.object_permission_required, obj)


_SIGN_IN = LoginRequiredMiddleware(lambda request: None)


def _a_page(request):
    """Stands for any page of SafeBoard: DRF marks its own views as needing no sign-in."""


def signed_in_or_token(view):
    """An API view that a request with credentials reaches without a session (see above)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if "HTTP_AUTHORIZATION" not in request.META:
            refused = _SIGN_IN.process_view(request, _a_page, args, kwargs)
            if refused is not None:
                return refused
        return view(request, *args, **kwargs)

    return login_not_required(wrapped)
