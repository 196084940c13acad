"""Sign-in is required everywhere except the pages that let a person sign in."""

from __future__ import annotations

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from django.shortcuts import redirect
from django.urls import reverse

# The timeout warning's requests too: it shows on the second-factor page as well.
TWO_FACTOR_EXEMPT_URL_NAMES = {
    "two_factor",
    "logout",
    "logout_confirm",
    "login",
    "keep_alive",
    "session_status",
}


class LoginRequiredMiddleware(DjangoLoginRequired):
    """Django's login requirement, plus a second factor for the roles that need one."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        response = super().process_view(request, view_func, view_args, view_kwargs)
        if response is not None:
            return response
        user = request.user
        if not user.is_authenticated or not user.requires_two_factor or user.is_verified():
            return None
        match = request.resolver_match
        if (
            match
            and match.namespace == "accounts"
            and match.url_name in TWO_FACTOR_EXEMPT_URL_NAMES
        ):
            return None
        if not getattr(view_func, "login_required", True):
            return None
        return redirect(f"{reverse('accounts:two_factor')}?next={request.get_full_path()}")
