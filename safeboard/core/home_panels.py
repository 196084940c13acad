"""Panels later modules add to the home page (a case review's steps, an audit's questions...).

A module registers a function from its AppConfig.ready. The function gets the signed-in user
and today's date and returns the context for its template, or None when it has nothing to
show that user (so no empty headings). Keep each to one or two queries: the home page has a
query budget.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class HomePanel:
    template: str
    build: Callable[..., dict | None]


_panels: list[HomePanel] = []


def register_home_panel(template: str, build: Callable[..., dict | None]) -> None:
    if all(panel.template != template for panel in _panels):
        _panels.append(HomePanel(template, build))


def extra_panels(*, user, today: datetime.date) -> list[tuple[str, dict]]:
    shown = []
    for panel in _panels:
        context = panel.build(user=user, today=today)
        if context is not None:
            shown.append((panel.template, context))
    return shown
