"""What the public site adds to the rest of SafeBoard (see core/extension_points.py)."""

from __future__ import annotations

from safeboard.core import extension_points as points

from . import home


def register() -> None:
    points.home_panels.register(
        points.HomePanel(
            "reader-dashboard", "public/home/reader_dashboard.html", home.reader_dashboard, order=5
        )
    )
    points.navigation.register(
        points.NavigationItem(
            "published",
            "Published",
            "public:front",
            "public.read_published",
            "/public/",
            order=5,
        )
    )
    points.navigation.register(
        points.NavigationItem(
            "branding",
            "Name and logo",
            "branding:edit",
            "public.change_branding",
            "/partnership-name-and-logo/",
            order=150,
        )
    )
    points.history_access.register(
        points.HistoryAccess("public.branding", "public.change_branding")
    )
