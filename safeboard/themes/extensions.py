"""How other modules show their records on a theme's page, without themes knowing them.

A theme's page gathers what every module holds about the theme: case review findings and
learning briefings, later case audit findings and training courses. A module adds its section
by registering a `ThemeSection` from its AppConfig.ready(), e.g.

    register_theme_section(ThemeSection(
        key="courses", heading="Training", template_name="learning/theme_courses.html",
        records=lambda theme, user: Course.objects.filter(themes=theme),
        empty_text="No course teaches this theme yet.",
    ))

`records` gets the reader as well as the theme and returns only what that reader may see:
some records (a confidential case review's findings) must not even be counted for others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import Theme


@dataclass(frozen=True)
class ThemeSection:
    key: str  # unique, also the section's HTML id
    heading: str
    # Renders the section's records, given as `rows`, with `caption` for a table.
    template_name: str
    # The records tagged with a theme that a user may see, with what the template shows joined.
    records: Callable[[Theme, Any], Iterable[Any]]
    empty_text: str = "Nothing is tagged with this theme yet."
    # Sections show in this order; case reviews use 10 and 20.
    order: int = 100


_SECTIONS: dict[str, ThemeSection] = {}


def register_theme_section(section: ThemeSection) -> None:
    if section.key in _SECTIONS:
        raise ValueError(f"A theme section {section.key!r} is already registered.")
    _SECTIONS[section.key] = section


def unregister_theme_section(key: str) -> None:
    _SECTIONS.pop(key, None)


def theme_sections() -> list[ThemeSection]:
    return sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key))
