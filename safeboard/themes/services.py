"""Every change to the taxonomy of themes, each in one transaction.

Themes are never deleted: a retired theme stays on the findings, audits and courses tagged
with it (so their history still reads true) but is no longer offered for new tagging.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from safeboard.core.history import save_with_reason

from .models import Theme

NAME_TAKEN = "There is already a theme called \u201c{name}\u201d."
NAME_WITHOUT_LETTERS = "Give the theme a name with letters or numbers in it."
ALREADY_RETIRED = "The theme \u201c{name}\u201d is already retired."
NOT_RETIRED = "The theme \u201c{name}\u201d is in use, not retired."
UP, DOWN = "up", "down"
SLUG_LENGTH = 100
RESERVED_SLUGS = {"new"}  # addresses of the theme pages themselves (urls.py)


def _check_name(name: str, *, theme: Theme | None = None) -> str:
    name = " ".join(name.split())
    others = Theme.objects.filter(name__iexact=name)
    if theme is not None:
        others = others.exclude(pk=theme.pk)
    if others.exists():
        raise ValidationError({"name": NAME_TAKEN.format(name=name)})
    if not slugify(name):
        raise ValidationError({"name": NAME_WITHOUT_LETTERS})
    return name


def _free_slug(name: str) -> str:
    """The name as a slug, with -2, -3... when a theme already has it (the slug of a renamed
    theme stays, so addresses of its page keep working)."""
    base = slugify(name)[: SLUG_LENGTH - 4]
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Theme.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def theme_create(*, name: str, description: str = "") -> Theme:
    """Add a theme at the end of the list."""
    name = _check_name(name)
    last = Theme.objects.aggregate(last=Max("position"))["last"] or 0
    theme = Theme(
        name=name, slug=_free_slug(name), description=description.strip(), position=last + 1
    )
    theme.full_clean()
    theme.save()
    return theme


@transaction.atomic
def theme_update(*, theme: Theme, name: str, description: str) -> Theme:
    """Rename a theme or change its description; everything tagged with it follows."""
    theme.name = _check_name(name, theme=theme)
    theme.description = description.strip()
    theme.full_clean()
    theme.save()
    return theme


@transaction.atomic
def theme_retire(*, theme: Theme) -> Theme:
    if not theme.is_active:
        raise ValidationError(ALREADY_RETIRED.format(name=theme.name))
    theme.is_active = False
    save_with_reason(theme, "Retired", fields=["is_active"])
    return theme


@transaction.atomic
def theme_restore(*, theme: Theme) -> Theme:
    if theme.is_active:
        raise ValidationError(NOT_RETIRED.format(name=theme.name))
    theme.is_active = True
    save_with_reason(theme, "Back in use", fields=["is_active"])
    return theme


@transaction.atomic
def theme_move(*, theme: Theme, direction: str) -> None:
    """Swap a theme in use with the theme in use above or below it, then number every theme
    1, 2, 3... so that positions never tie."""
    if direction not in (UP, DOWN):
        raise ValidationError("Move a theme up or down.")
    themes = list(Theme.objects.select_for_update().order_by("position", "name"))
    in_use = [index for index, each in enumerate(themes) if each.is_active]
    here = next(index for index, each in enumerate(themes) if each.pk == theme.pk)
    if here in in_use:
        place = in_use.index(here) + (-1 if direction == UP else 1)
        if 0 <= place < len(in_use):
            there = in_use[place]
            themes[here], themes[there] = themes[there], themes[here]
    for position, each in enumerate(themes, start=1):
        if each.position != position:
            each.position = position
            save_with_reason(each, "Themes reordered", fields=["position"])
