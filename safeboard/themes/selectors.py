"""Themes offered when tagging findings and courses, and what a theme's page shows."""

from __future__ import annotations

from django.db.models import QuerySet

from safeboard.accounts.models import User
from safeboard.core.evidence import GatheredSection, gather
from safeboard.core.extension_points import THEME, evidence_about

from .models import Theme


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def retired_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=False).order_by("name")


def theme_page_sections(*, theme: Theme, user: User | None) -> list[GatheredSection]:
    """Each registered section with the records tagged with `theme` that `user` may see, and a
    count of those the user may not."""
    return [gather(section, [theme], user) for section in evidence_about(THEME)]
