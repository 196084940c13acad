"""Every change to the log of national learning, each in one transaction."""

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

from .models import NationalReview, Recommendation

IN_FUTURE = "The date cannot be in the future."
RETIRED_THEME = "{name} is retired: choose a theme in use."
NO_DECISION = "Say what the partnership decided."


def _check(*, day: datetime.date, field: str, themes: list[Theme] | None = None) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: IN_FUTURE})
    for theme in themes or []:
        if not theme.is_active:
            raise ValidationError({"themes": RETIRED_THEME.format(name=theme.name)})


@transaction.atomic
def review_log(
    *,
    kind: str,
    title: str,
    publisher: str,
    published_on: datetime.date,
    summary: str,
    link: str = "",
    themes: Iterable[Theme] = (),
    created_by: User | None = None,
) -> NationalReview:
    """Add a national review or report to the log."""
    themes = list(themes)
    _check(day=published_on, field="published_on", themes=themes)
    review = NationalReview(
        kind=kind,
        title=title.strip(),
        publisher=publisher.strip(),
        published_on=published_on,
        summary=summary.strip(),
        link=link.strip(),
        created_by=created_by,
    )
    review.full_clean()
    review.save()
    review.themes.set(themes)
    return review


@transaction.atomic
def review_update(
    *,
    review: NationalReview,
    kind: str,
    title: str,
    publisher: str,
    published_on: datetime.date,
    summary: str,
    link: str,
    themes: Iterable[Theme],
) -> NationalReview:
    themes = list(themes)
    _check(day=published_on, field="published_on", themes=themes)
    review.kind, review.title, review.publisher = kind, title.strip(), publisher.strip()
    review.published_on, review.summary, review.link = published_on, summary.strip(), link.strip()
    review.full_clean()
    review.save()
    review.themes.set(themes)
    return review


@transaction.atomic
def review_decide(
    *, review: NationalReview, decision: str, decided_on: datetime.date
) -> NationalReview:
    """Record what the partnership decided to do about the review (or change it)."""
    if not decision.strip():
        raise ValidationError({"decision": NO_DECISION})
    _check(day=decided_on, field="decided_on")
    review.decision, review.decided_on = decision.strip(), decided_on
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def recommendation_add(
    *, review: NationalReview, text: str, made_on: datetime.date
) -> Recommendation:
    _check(day=made_on, field="made_on")
    recommendation = Recommendation(review=review, text=text.strip(), made_on=made_on)
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
    the recommendation's review."""
    return action_create(
        title=title,
        description=description,
        owner_agency=owner_person.agency,
        owner_person=owner_person,
        due_on=due_on,
        source=recommendation,
        created_by=created_by,
    )
