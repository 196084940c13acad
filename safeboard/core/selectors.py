"""What the modules registered for a page (core/extension_points.py), built for one reader:
the home page's panels, the sections later modules add to a record's page."""

from __future__ import annotations

import datetime

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.utils import timezone

from .extension_points import home_panels, sections_of


def shown_home_panels(*, user: AbstractBaseUser, today: datetime.date) -> list[tuple[str, dict]]:
    """The registered panels that have something for `user`, in their order."""
    shown = []
    for panel in home_panels:
        context = panel.build(user=user, today=today)
        if context is not None:
            shown.append((panel.template, context))
    return shown


def home_page(*, user: AbstractBaseUser) -> dict:
    today = timezone.localdate()
    return {"today": today, "panels": shown_home_panels(user=user, today=today)}


def shown_page_sections(
    *, page: str, record: models.Model, user: AbstractBaseUser
) -> list[tuple[str, dict]]:
    """The sections registered for `page` that have something for `user` about `record`."""
    shown = []
    for section in sections_of(page):
        context = section.build(record=record, user=user)
        if context is not None:
            shown.append((section.template, context))
    return shown
