"""Reads for the public site: the partnership's face, and what the site lists."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from safeboard.core.extension_points import public_pages

from .models import Branding

DEFAULT_NAME = "Safeguarding Children Partnership"


@dataclass(frozen=True)
class Face:
    """What the header and footer show of the partnership."""

    name: str
    logo_url: str = ""
    logo_text: str = ""
    footer_text: str = ""
    uses_open_government_licence: bool = False


def default_face() -> Face:
    return Face(name=getattr(settings, "SAFEBOARD_PARTNERSHIP_NAME", "") or DEFAULT_NAME)


def partnership_face() -> Face:
    """The partnership's name and logo (one query), or the settings' defaults."""
    branding = Branding.objects.first()
    if branding is None:
        return default_face()
    return Face(
        name=branding.name,
        logo_url=reverse("public:logo") if branding.logo else "",
        logo_text=branding.logo_text,
        footer_text=branding.footer_text,
        uses_open_government_licence=branding.uses_open_government_licence,
    )


@dataclass(frozen=True)
class ListedPage:
    label: str
    url: str
    description: str


def listed_public_pages() -> list[ListedPage]:
    """The public site's pages, in their order, as the modules registered them."""
    listed = []
    for page in public_pages:
        try:
            url = reverse(page.url_name)
        except NoReverseMatch:  # a page whose module is not installed here
            continue
        listed.append(ListedPage(page.label, url, page.description))
    return listed
