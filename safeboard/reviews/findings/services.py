"""Every change to a review's findings and recommendations, each in one transaction.

A finding says what the review found and the evidence for it, tagged with at least one theme
of the partnership's taxonomy. A recommendation asks named agencies to act; each agency's
answer is an action on the one action spine, whose owner then sees it on their home page.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, QuerySet

from safeboard.accounts.models import User
from safeboard.actions import services as action_services
from safeboard.actions.models import Action
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency, Person
from safeboard.themes.models import Theme

from ..models import Finding, Recommendation, Review

THEME_REQUIRED = "Choose at least one theme for the finding."
RETIRED_THEME = "The theme \u201c{name}\u201d is retired: choose a theme in use."
AGENCY_REQUIRED = "Name at least one agency the recommendation is for."
NUMBER_TAKEN = "Recommendation {number} already exists in this review: choose another number."
FINDING_OF_ANOTHER_REVIEW = "Choose a finding of this review."
RECOMMENDATION_HAS_ACTIONS = (
    "Recommendation {number} has actions on the action plan, so it cannot be deleted. "
    "Change its wording instead."
)
NO_AGENCY_WITHOUT_ACTION = "Every agency named in the recommendation already has an action."
OWNER_REQUIRED = "Choose who owns the action for {agency}."
OWNER_OF_ANOTHER_AGENCY = "The owner of the action for {agency} must work for {agency}."
DUE_DATE_REQUIRED = "Enter the date the action for {agency} is due."
ACTION_TITLE_LENGTH = 200


def _check_themes(themes: Iterable[Theme], *, keeping: Iterable[Theme] = ()) -> list[Theme]:
    """At least one theme; retired themes only where the finding already carried them."""
    themes = list(themes)
    if not themes:
        raise ValidationError({"themes": THEME_REQUIRED})
    kept = {theme.pk for theme in keeping}
    for theme in themes:
        if not theme.is_active and theme.pk not in kept:
            raise ValidationError({"themes": RETIRED_THEME.format(name=theme.name)})
    return themes


@transaction.atomic
def finding_create(
    *, review: Review, title: str, text: str, evidence: str, themes: Iterable[Theme]
) -> Finding:
    """Add a finding after the review's others."""
    themes = _check_themes(themes)
    last = review.findings.aggregate(last=Max("position"))["last"] or 0
    finding = Finding(review=review, title=title, text=text, evidence=evidence, position=last + 1)
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def finding_update(
    *, finding: Finding, title: str, text: str, evidence: str, themes: Iterable[Theme]
) -> Finding:
    themes = _check_themes(themes, keeping=finding.themes.all())
    finding.title = title
    finding.text = text
    finding.evidence = evidence
    finding.full_clean()
    finding.save()
    finding.themes.set(themes)
    return finding


@transaction.atomic
def finding_delete(*, finding: Finding) -> None:
    """Delete a finding; recommendations linked to it stay, no longer linked."""
    finding.delete()


UP = "up"
DOWN = "down"


@transaction.atomic
def finding_move(*, finding: Finding, direction: str) -> None:
    """Swap the finding with its neighbour above or below, numbering the review's findings
    1, 2, 3... again so that positions never tie."""
    if direction not in (UP, DOWN):
        raise ValidationError("Move a finding up or down.")
    findings = list(
        Finding.objects.select_for_update()
        .filter(review_id=finding.review_id)
        .order_by("position", "id")
    )
    index = next(i for i, other in enumerate(findings) if other.pk == finding.pk)
    neighbour = index - 1 if direction == UP else index + 1
    if 0 <= neighbour < len(findings):
        findings[index], findings[neighbour] = findings[neighbour], findings[index]
    for position, each in enumerate(findings, start=1):
        if each.position != position:
            each.position = position
            save_with_reason(each, "Findings reordered", fields=["position"])


def next_recommendation_number(review: Review) -> int:
    return (review.recommendations.aggregate(last=Max("number"))["last"] or 0) + 1


def _check_recommendation(
    review: Review,
    *,
    number: int,
    finding: Finding | None,
    agencies: list[Agency],
    exclude_pk: int | None = None,
) -> None:
    errors = {}
    if not agencies:
        errors["agencies"] = AGENCY_REQUIRED
    if finding is not None and finding.review_id != review.pk:
        errors["finding"] = FINDING_OF_ANOTHER_REVIEW
    namesakes = review.recommendations.filter(number=number)
    if exclude_pk is not None:
        namesakes = namesakes.exclude(pk=exclude_pk)
    if namesakes.exists():
        errors["number"] = NUMBER_TAKEN.format(number=number)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def recommendation_create(
    *,
    review: Review,
    text: str,
    agencies: Iterable[Agency],
    finding: Finding | None = None,
    number: int | None = None,
) -> Recommendation:
    """Add a recommendation to named agencies, numbered after the others unless told."""
    agencies = list(agencies)
    number = number or next_recommendation_number(review)
    _check_recommendation(review, number=number, finding=finding, agencies=agencies)
    recommendation = Recommendation(review=review, number=number, text=text, finding=finding)
    recommendation.full_clean()
    recommendation.save()
    recommendation.agencies.set(agencies)
    return recommendation


@transaction.atomic
def recommendation_update(
    *,
    recommendation: Recommendation,
    number: int,
    text: str,
    agencies: Iterable[Agency],
    finding: Finding | None = None,
) -> Recommendation:
    agencies = list(agencies)
    _check_recommendation(
        recommendation.review,
        number=number,
        finding=finding,
        agencies=agencies,
        exclude_pk=recommendation.pk,
    )
    recommendation.number = number
    recommendation.text = text
    recommendation.finding = finding
    recommendation.full_clean()
    recommendation.save()
    recommendation.agencies.set(agencies)
    return recommendation


def recommendation_action_queryset(recommendation: Recommendation) -> QuerySet[Action]:
    return Action.objects.filter(
        source_type=ContentType.objects.get_for_model(Recommendation),
        source_id=recommendation.pk,
    )


@transaction.atomic
def recommendation_delete(*, recommendation: Recommendation) -> None:
    """Delete a recommendation that has no action yet: an action plan never loses its source."""
    if recommendation_action_queryset(recommendation).exists():
        raise ValidationError(RECOMMENDATION_HAS_ACTIONS.format(number=recommendation.number))
    recommendation.delete()


def agencies_awaiting_actions(recommendation: Recommendation) -> list[Agency]:
    """The recommendation's agencies that have no action from it yet, by name."""
    answered = recommendation_action_queryset(recommendation).values("owner_agency")
    return list(recommendation.agencies.exclude(pk__in=answered).order_by("name"))


def default_action_title(recommendation: Recommendation) -> str:
    title = f"Recommendation {recommendation.number} ({recommendation.review.reference}): "
    text = " ".join(recommendation.text.split())
    room = ACTION_TITLE_LENGTH - len(title)
    return title + (text if len(text) <= room else text[: room - 1].rstrip() + "\u2026")


@transaction.atomic
def recommendation_create_actions(
    *,
    recommendation: Recommendation,
    owners: Mapping[Agency, Person | None],
    due_dates: Mapping[Agency, datetime.date | None],
    title: str = "",
    description: str = "",
    created_by: User | None = None,
) -> list[Action]:
    """One action on the spine for each agency named in the recommendation that has none
    yet, owned by the person chosen for that agency; all of them or none."""
    agencies = agencies_awaiting_actions(recommendation)
    if not agencies:
        raise ValidationError(NO_AGENCY_WITHOUT_ACTION)
    errors: dict[str, list[str]] = {}
    answers: list[tuple[Agency, Person, datetime.date]] = []
    for agency in agencies:
        owner, due_on = owners.get(agency), due_dates.get(agency)
        if owner is None:
            errors.setdefault(f"owner_{agency.pk}", []).append(
                OWNER_REQUIRED.format(agency=agency.name)
            )
        elif owner.agency_id != agency.pk:
            errors.setdefault(f"owner_{agency.pk}", []).append(
                OWNER_OF_ANOTHER_AGENCY.format(agency=agency.name)
            )
        if due_on is None:
            errors.setdefault(f"due_on_{agency.pk}", []).append(
                DUE_DATE_REQUIRED.format(agency=agency.name)
            )
        if owner is not None and due_on is not None:
            answers.append((agency, owner, due_on))
    if errors:
        raise ValidationError(errors)
    title = title.strip() or default_action_title(recommendation)
    description = description.strip() or recommendation.text
    return [
        action_services.action_create(
            title=title,
            description=description,
            owner_agency=agency,
            owner_person=owner,
            due_on=due_on,
            source=recommendation,
            created_by=created_by,
        )
        for agency, owner, due_on in answers
    ]
