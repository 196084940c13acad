"""Navigation by capability (each module registers its section), shown only where the user
may go."""

from __future__ import annotations

from django.urls import reverse

from .extension_points import navigation as sections


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_navigation": [], "footer_links": _footer_links(signed_in=False)}
    items = [{"text": "Home", "href": reverse("core:home"), "active": request.path == "/"}]
    for section in sections:
        if user.has_perm(section.permission):
            items.append(
                {
                    "text": section.label,
                    "href": reverse(section.url_name),
                    "active": request.path.startswith(section.path_prefix),
                }
            )
    items.append({"text": "Sign out", "href": reverse("accounts:logout"), "active": False})
    return {"service_navigation": items, "footer_links": _footer_links(signed_in=True)}


def _footer_links(*, signed_in: bool) -> list[dict]:
    links = [{"text": "Accessibility statement", "href": reverse("core:accessibility")}]
    if signed_in:
        links.append({"text": "Your account", "href": reverse("accounts:account")})
        links.append({"text": "Reminders sent to you", "href": reverse("reminders:list")})
    return links
