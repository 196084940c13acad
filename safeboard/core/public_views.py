"""Pages anyone may read without signing in: the one explicit way out of the sign-in rule.

SafeBoard asks every visitor to sign in (accounts.middleware.LoginRequiredMiddleware); a page
of the public site says so in its own code, by `PublicPageMixin` on a class-based view or
`public_page` on a function view. Both mark the view with Django's `login_not_required` and
with `is_public_page`, which the public site's tests look for: a public view must show
published records only, whoever asks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required


def public_page(view: Callable[..., Any]) -> Callable[..., Any]:
    """Let anonymous visitors open the view (a function view, or `as_view()`'s result)."""
    view = login_not_required(view)
    view.is_public_page = True  # type: ignore[attr-defined]
    return view


class PublicPageMixin:
    """A class-based view anyone may open without signing in. It shows published records only."""

    @classmethod
    def as_view(cls, **initkwargs):
        return public_page(super().as_view(**initkwargs))


def is_public_view(view: Callable[..., Any]) -> bool:
    """The view is open to anonymous visitors (by this module or by `login_not_required`)."""
    return not getattr(view, "login_required", True)
