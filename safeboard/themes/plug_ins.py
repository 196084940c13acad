"""What themes add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from .models import Theme


def theme_choices() -> list[tuple[str, str]]:
    """Every theme, those in use first in their order, then the retired ones by name."""
    themes = Theme.objects.order_by("-is_active", "position", "name")
    return [(theme.slug, theme.name) for theme in themes]


def register() -> None:
    points.history_access.register(points.HistoryAccess("themes.theme", "themes.view_theme"))
    points.tag_vocabularies.register(
        points.TagVocabulary(
            points.THEMES, theme_choices, lambda slugs: Theme.objects.filter(slug__in=slugs)
        )
    )
