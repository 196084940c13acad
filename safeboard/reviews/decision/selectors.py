"""Reads for the decision: the decision with who made and signed it, and its answers."""

from __future__ import annotations

from ..models import CriterionAnswer, Decision, Review


def decision_for_page(review: Review) -> Decision | None:
    return (
        Decision.objects.select_related("decided_by__agency", "signed_off_by__person")
        .prefetch_related("partner_agreements__person__agency")
        .filter(review=review)
        .first()
    )


def decision_answers(decision: Decision) -> list[CriterionAnswer]:
    return list(decision.answers.select_related("criterion").order_by("criterion__position", "id"))
