"""Themes offered when tagging findings and courses, and what a theme's page shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from safeboard.accounts.models import User
from safeboard.core.extension_points import THEME, Evidence, evidence_about

from .models import Theme


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)


def retired_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=False).order_by("name")


@dataclass(frozen=True)
class ShownSection:
    section: Evidence
    rows: list[Any]


def theme_page_sections(*, theme: Theme, user: User) -> list[ShownSection]:
    """Each registered section with the records tagged with `theme` that `user` may see."""
    return [
        ShownSection(section=section, rows=list(section.records(theme, user)))
        for section in evidence_about(THEME)
    ]
