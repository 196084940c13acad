"""The partnership's face for every page's header and footer, read when a page shows it."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject

from .selectors import partnership_face


def branding(request) -> dict:
    return {"branding": SimpleLazyObject(partnership_face)}
