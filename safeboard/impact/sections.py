"""The "Evidence of impact" section of an action's, a recommendation's, a challenge's and a
priority's page: each claim with its verdict and the figures behind it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.urls import reverse

from .judging import Standing
from .selectors import JudgedClaim, claims_for, subject_key, subject_slug

# GOV.UK tag colours by standing; the words of the verdict always go with the colour.
TAG_COLOURS = {
    Standing.SUPPORTED: "green",
    Standing.NOT_SUPPORTED: "red",
    Standing.NOT_ENOUGH_DATA: "grey",
    Standing.SIGNIFICANT_CHANGE: "yellow",
    Standing.SELF_REPORTED: "blue",
    Standing.STORY: "purple",
}


@dataclass(frozen=True)
class ClaimRow:
    judged: JudgedClaim
    withdraw_url: str  # blank when the reader may not withdraw it

    @property
    def claim(self):
        return self.judged.claim

    @property
    def verdict(self):
        return self.judged.verdict

    @property
    def colour(self) -> str:
        return TAG_COLOURS[self.verdict.standing]


@dataclass(frozen=True)
class SubjectClaims:
    subject: models.Model
    rows: list[ClaimRow]
    add_url: str  # blank when the reader may not add claims


def add_url(subject: models.Model) -> str:
    return reverse("impact:claim_kind", kwargs={"subject": subject_slug(subject), "pk": subject.pk})


def subject_claims(subjects: list[models.Model], *, may_add: bool) -> list[SubjectClaims]:
    judged = claims_for(subjects)
    return [
        SubjectClaims(
            subject=subject,
            rows=[
                ClaimRow(
                    claim,
                    reverse("impact:claim_withdraw", kwargs={"pk": claim.claim.pk})
                    if may_add
                    else "",
                )
                for claim in judged.get(subject_key(subject), [])
            ],
            add_url=add_url(subject) if may_add else "",
        )
        for subject in subjects
    ]


def record_section(*, record: models.Model, user) -> dict | None:
    """For the page of an action, a challenge or a priority."""
    if not user.has_perm("impact.view_claims", record):
        return None
    may_add = user.has_perm("impact.add_claim", record)
    return {"subject": subject_claims([record], may_add=may_add)[0]}


def recommendations_section(*, record: models.Model, user) -> dict | None:
    """For a review's recommendations page: the claims of each recommendation."""
    recommendations = list(record.recommendations.order_by("number"))
    for recommendation in recommendations:
        recommendation.review = record  # read once, not once per recommendation
    if not recommendations or not user.has_perm("impact.view_claims", recommendations[0]):
        return None
    may_add = user.has_perm("impact.add_claim", recommendations[0])
    return {"subjects": subject_claims(recommendations, may_add=may_add)}
