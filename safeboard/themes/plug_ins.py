"""What themes add to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points


def register() -> None:
    points.history_access.register(points.HistoryAccess("themes.theme", "themes.view_theme"))
