"""Showing the handbook's plain text: a blank line starts a new paragraph."""

from __future__ import annotations

import re

from django import template

register = template.Library()


@register.filter
def paragraphs(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
