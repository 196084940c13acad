"""The default themes for tests and the demo, whatever a test database holds.

Migration 0002 seeds them in a new database; a browser test's live server empties every table
when it finishes, so later tests call `default_themes()` to have them back.
"""

from __future__ import annotations

import importlib

from .models import Theme

_SEED = importlib.import_module("safeboard.themes.migrations.0002_default_themes")


def default_themes() -> dict[str, Theme]:
    """The seeded themes by slug, made again if they are missing."""
    themes = {}
    for position, (name, slug, description) in enumerate(_SEED.DEFAULT_THEMES, start=1):
        themes[slug], _ = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
    return themes


def default_theme(slug: str) -> Theme:
    found = Theme.objects.filter(slug=slug).first()
    return found if found is not None else default_themes()[slug]
