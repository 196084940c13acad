"""Gathering one registered evidence section (core/extension_points.Evidence) for a reader:
the theme's page and the priority's page both show each section this one way, so what a
reader may not see is counted, never shown, on every page alike."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from .extension_points import Evidence


@dataclass
class GatheredSection:
    """One module's evidence about a theme or a priority, as far as the reader may see it."""

    key: str
    heading: str
    template_name: str
    rows: list[Any]
    empty_text: str
    summary: str = ""
    hidden_count: int = 0  # records the reader may not see: counted, not shown
    counted_as: tuple[str, str] = ("record", "records")

    @property
    def hidden_text(self) -> str:
        """The line "2 more findings you do not have access to.", or "" when none is hidden."""
        if not self.hidden_count:
            return ""
        noun = self.counted_as[0] if self.hidden_count == 1 else self.counted_as[1]
        return f"{self.hidden_count} more {noun} you do not have access to."


def identity(row: Any) -> Hashable:
    """What makes two rows the same record: its model and key, or the row itself."""
    pk = getattr(row, "pk", None)
    if pk is not None:
        return (type(row).__module__, type(row).__qualname__, pk)
    try:
        hash(row)
    except TypeError:
        return id(row)
    return row


def unique(rows: Iterable[Any], *, besides: Iterable[Hashable] = ()) -> list[Any]:
    """The rows in their order, each record once, leaving out those in `besides`."""
    seen = set(besides)
    kept = []
    for row in rows:
        key = identity(row)
        if key not in seen:
            seen.add(key)
            kept.append(row)
    return kept


def gather(
    section: Evidence, subject: Any, user: Any, *, already_shown: Iterable[Hashable] = ()
) -> GatheredSection:
    """The section's records about `subject` that `user` may see (all of them without a user),
    each once and none of those `already_shown` elsewhere on the page, with a count of those
    the user may not see."""
    rows = unique(section.records(subject, user))
    visible = rows
    if user is not None and section.view_permission:
        visible = [row for row in rows if user.has_perm(section.view_permission, row)]
    hidden = len(rows) - len(visible)
    if user is not None and section.count_hidden is not None:
        hidden += section.count_hidden(subject, user)
    visible = unique(visible, besides=already_shown)
    return GatheredSection(
        key=section.key,
        heading=section.heading,
        template_name=section.template_name,
        rows=visible,
        empty_text=section.empty_text,
        summary=section.summarise(visible) if section.summarise and visible else "",
        hidden_count=hidden,
        counted_as=section.counted_as,
    )
