"""The request a view sees once LoginRequiredMiddleware has let it through."""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request whose user is signed in: views annotate `request` with it (types only)."""

    user: User
