"""Every change to the child death learning, each in one transaction."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.actions.models import Action
from safeboard.actions.services import action_create
from safeboard.partnership.models import Person
from safeboard.themes.models import Theme

from .models import DeathCategory, Finding, Recommendation

IN_FUTURE = "The date cannot be in the future."
RETIRED_THEME = "{name} is retired: choose a theme in use."
RETIRED_CATEGORY = "This category is no longer used: choose another."


def _check(*, day: datetime.date, field: str, themes: list[Theme] | None = None) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: IN_FUTURE})
    for theme in themes or []:
        if not theme.is_active:
            raise ValidationError({"themes": RETIRED_THEME.format(name=theme.name)})


@transaction.atomic
def finding_create(
    *,
    title: str,
    text: str,
    category: DeathCategory,
    modifiable_factors: str,
    agreed_on: datetime.date,
    deaths_reviewed: int = 1,
    themes: Iterable[Theme] = (),
    created_by: User | None = None,
) -> Finding:
    themes = list(themes)
    _check(day=agreed_on, field="agreed_on", themes=themes)
    if not category.is_active:
        raise ValidationError({"category": RETIRED_CATEGORY})
    finding = Finding(
        title=title.strip(),
        text=text.strip(),
        category=category,
        modifiable_factors=modifiable_factors,
        agreed_on=agreed_on,
        deaths_reviewed=deaths_reviewed,
        created_by=created_by,
    )
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def finding_update(
    *,
    finding: Finding,
    title: str,
    text: str,
    category: DeathCategory,
    modifiable_factors: str,
    agreed_on: datetime.date,
    deaths_reviewed: int,
    themes: Iterable[Theme],
) -> Finding:
    themes = list(themes)
    _check(day=agreed_on, field="agreed_on", themes=themes)
    if not category.is_active and category.pk != finding.category_id:
        raise ValidationError({"category": RETIRED_CATEGORY})
    finding.title, finding.text = title.strip(), text.strip()
    finding.category, finding.modifiable_factors = category, modifiable_factors
    finding.agreed_on, finding.deaths_reviewed = agreed_on, deaths_reviewed
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def recommendation_add(*, finding: Finding, text: str, made_on: datetime.date) -> Recommendation:
    _check(day=made_on, field="made_on")
    recommendation = Recommendation(finding=finding, text=text.strip(), made_on=made_on)
    recommendation.full_clean()
    recommendation.save()
    return recommendation


@transaction.atomic
def recommendation_add_action(
    *,
    recommendation: Recommendation,
    title: str,
    owner_person: Person,
    due_on: datetime.date,
    description: str = "",
    created_by: User | None = None,
) -> Action:
    """An action answering the recommendation, on the action spine; it carries the themes of
    the recommendation's finding."""
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_person.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=recommendation,
        created_by=created_by,
    )
