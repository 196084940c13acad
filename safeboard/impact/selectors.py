"""Reading claims of impact with their verdicts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .judging import Verdict
from .models import Claim


@dataclass(frozen=True)
class JudgedClaim:
    claim: Claim
    verdict: Verdict


SubjectKey = tuple[int, int]  # (content type id, primary key)


def subject_key(record: models.Model) -> SubjectKey:
    return (ContentType.objects.get_for_model(record).pk, record.pk)


def claims_for(records: Iterable[models.Model]) -> dict[SubjectKey, list[JudgedClaim]]:
    """The judged claims attached to each of `records` (of any subject models), in one query
    for the claims plus what judging them needs."""
    from .verdicts import judge_all  # judging reads scorecard, audits, learning and section 11

    keys = {subject_key(record) for record in records}
    if not keys:
        return {}
    by_type: dict[int, list[int]] = defaultdict(list)
    for type_id, pk in keys:
        by_type[type_id].append(pk)
    condition = Q()
    for type_id, pks in by_type.items():
        condition |= Q(subject_type_id=type_id, subject_id__in=pks)
    claims = list(
        Claim.objects.filter(condition, withdrawn_on__isnull=True).order_by("recorded_on", "pk")
    )
    result: dict[SubjectKey, list[JudgedClaim]] = defaultdict(list)
    for claim, verdict in zip(claims, judge_all(claims), strict=True):
        result[(claim.subject_type_id, claim.subject_id)].append(JudgedClaim(claim, verdict))
    return dict(result)


def judged(claim: Claim) -> JudgedClaim:
    from .verdicts import judge_all

    return JudgedClaim(claim, judge_all([claim])[0])


# The records claims attach to, as they appear in the addresses of the claim pages.
SUBJECT_SLUGS = {
    "action": "actions.action",
    "recommendation": "reviews.recommendation",
    "challenge": "challenges.challenge",
    "priority": "priorities.priority",
}


def subject_slug(record: models.Model) -> str:
    label = record._meta.label_lower
    return next(slug for slug, model in SUBJECT_SLUGS.items() if model == label)


def subject_url(record: models.Model) -> str:
    """The page that shows the record's claims."""
    if record._meta.label_lower == "reviews.recommendation":
        return reverse("reviews:recommendations", kwargs={"pk": record.review_id})
    return record.get_absolute_url()
