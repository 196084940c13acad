"""Themes offered when tagging findings and courses."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import Theme


def active_themes() -> QuerySet[Theme]:
    return Theme.objects.filter(is_active=True)
