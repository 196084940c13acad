"""The decision against the criteria of the review's edition, and the chair's sign-off, each
in one transaction.

The decision moves the case's stage (no review: closed; rapid review only: decided; a
serious case, practice or learning review: in review). Until the chair signs it off, or the
review reports, it can be recorded again (lifecycle.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.core.dates import long_date
from safeboard.core.history import save_with_reason
from safeboard.partnership.models import Agency, Person

from ..frameworks.timescales import review_due
from ..lifecycle import (
    decision_refusal,
    refuse,
    sign_off_refusal,
)
from ..models import (
    CriterionAnswer,
    Decision,
    FrameworkCriterion,
    FrameworkEdition,
    PartnerAgreement,
    Review,
    SafeguardingPartner,
)

__all__ = [
    "criterion_field",
    "decision_record",
    "decision_sign_off",
    "outcomes_for",
    "partner_field",
    "partners_decide",
]

OUTCOME_REQUIRED = "Select the decision."
OUTCOME_NOT_UNDER_EDITION = "{outcome} is not a decision made under {edition}."
REASONS_REQUIRED = "Give the reasons for the decision."
DECIDED_BY_REQUIRED = "Select who made the decision."
DECIDED_BEFORE_AWARE = "The decision cannot be made before the partnership became aware, on {date}."
DECIDED_IN_FUTURE = "The date of the decision cannot be in the future."
CRITERION_UNANSWERED = 'Answer criterion {code} ("{text}"): met, not met or unclear.'
CRITERION_REASON_REQUIRED = "Give the reason for the answer to criterion {code}."
NO_DECISION = "There is no decision to sign off yet."
ONLY_THE_CHAIR = "Only the independent chair signs a decision off."
DECIDED_ON_REQUIRED = "Enter the date of the decision."
PARTNER_PERSON_REQUIRED = "Select who agreed the decision for the {partner}."
PARTNER_WRONG_AGENCY = "{name} does not work for the {partner}: choose someone who does."
PARTNER_DATE_REQUIRED = "Enter the date the {partner} gave its answer."
PARTNER_DATE_IN_FUTURE = "The date the {partner} gave its answer cannot be in the future."
PARTNER_DATE_BEFORE_AWARE = (
    "The {partner} cannot answer before the partnership became aware, on {date}."
)
PARTNER_ANSWER_REQUIRED = "Say whether the {partner} agrees with the decision."
PARTNERS_DISAGREE = (
    "The partners have not all agreed: {partners} disagreed. It cannot be signed off."
)
CHAIR_DECIDED = (
    "The chair who signs a decision off cannot be one who made it: {name} {part}. The "
    "partners decide; another chair or the independent scrutineer signs it off."
)
# The agency each safeguarding partner speaks through.
PARTNER_AGENCY_TYPE = {
    SafeguardingPartner.LOCAL_AUTHORITY: Agency.Type.LOCAL_AUTHORITY,
    SafeguardingPartner.INTEGRATED_CARE_BOARD: Agency.Type.HEALTH_ICB,
    SafeguardingPartner.POLICE: Agency.Type.POLICE,
}

# The decisions that start a review, and the stage each decision moves the case to.
REVIEW_OUTCOMES = frozenset(
    {Decision.Outcome.SCR, Decision.Outcome.LCSPR, Decision.Outcome.LEARNING_REVIEW}
)
STATUTORY_REVIEW_OUTCOMES = frozenset({Decision.Outcome.SCR, Decision.Outcome.LCSPR})
STAGE_AFTER = {
    Decision.Outcome.SCR: Review.Stage.IN_REVIEW,
    Decision.Outcome.LCSPR: Review.Stage.IN_REVIEW,
    Decision.Outcome.LEARNING_REVIEW: Review.Stage.IN_REVIEW,
    Decision.Outcome.RAPID_REVIEW_ONLY: Review.Stage.DECIDED,
    Decision.Outcome.NO_REVIEW: Review.Stage.CLOSED,
}
_OUTCOMES_BY_REGIME = {
    FrameworkEdition.Regime.SERIOUS_CASE_REVIEW: (
        Decision.Outcome.SCR,
        Decision.Outcome.LEARNING_REVIEW,
        Decision.Outcome.NO_REVIEW,
    ),
    FrameworkEdition.Regime.PRACTICE_REVIEW: (
        Decision.Outcome.LCSPR,
        Decision.Outcome.RAPID_REVIEW_ONLY,
        Decision.Outcome.LEARNING_REVIEW,
        Decision.Outcome.NO_REVIEW,
    ),
}


def _today() -> datetime.date:
    return timezone.localdate()


def _lock(review: Review) -> Review:
    """Lock the review's row and read its current state: two people may act at once."""
    return Review.objects.select_for_update().select_related("edition").get(pk=review.pk)


def _refresh(review: Review, locked: Review, fields: Iterable[str]) -> None:
    for field in fields:
        setattr(review, field, getattr(locked, field))


def outcomes_for(edition: FrameworkEdition) -> tuple[Decision.Outcome, ...]:
    """The decisions open under an edition: serious case reviews before 2018, practice reviews
    and rapid reviews after; a learning review or no review under either."""
    return _OUTCOMES_BY_REGIME[FrameworkEdition.Regime(edition.regime)]


def partners_decide(edition: FrameworkEdition) -> bool:
    """From 2018 the three safeguarding partners decide together, each agreeing or not;
    before, one person decided for the board."""
    return edition.regime == FrameworkEdition.Regime.PRACTICE_REVIEW


def partner_field(partner: str, part: str) -> str:
    """The name of a partner's "person", "agreed_on" or "agrees" in the form and errors."""
    return f"partner_{partner}_{part}"


def _partner_name(partner: str) -> str:
    return SafeguardingPartner(partner).label.lower().replace("chief officer of police", "police")


def _check_partners(review: Review, partners: Mapping[str, Mapping]) -> dict[str, str]:
    errors = {}
    for partner in SafeguardingPartner:
        given = partners.get(partner.value, {})
        name = _partner_name(partner)
        person, agreed_on = given.get("person"), given.get("agreed_on")
        if person is None:
            errors[partner_field(partner, "person")] = PARTNER_PERSON_REQUIRED.format(partner=name)
        elif person.agency.type != PARTNER_AGENCY_TYPE[partner]:
            errors[partner_field(partner, "person")] = PARTNER_WRONG_AGENCY.format(
                name=person.full_name, partner=name
            )
        if agreed_on is None:
            errors[partner_field(partner, "agreed_on")] = PARTNER_DATE_REQUIRED.format(partner=name)
        elif agreed_on > _today():
            errors[partner_field(partner, "agreed_on")] = PARTNER_DATE_IN_FUTURE.format(
                partner=name
            )
        elif agreed_on < review.aware_date:
            errors[partner_field(partner, "agreed_on")] = PARTNER_DATE_BEFORE_AWARE.format(
                partner=name, date=long_date(review.aware_date)
            )
        if given.get("agrees") not in (True, False):
            errors[partner_field(partner, "agrees")] = PARTNER_ANSWER_REQUIRED.format(partner=name)
    return errors


def criterion_field(criterion: FrameworkCriterion, part: str) -> str:
    """The name under which a criterion's answer ("answer") or reason ("reason") is given:
    the decision form's field, and the key of the service's error for it."""
    return f"criterion_{criterion.pk}_{part}"


def _shortened(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def _check_answers(
    criteria: list[FrameworkCriterion], answers: Mapping[int, Mapping[str, str]]
) -> dict[str, str]:
    errors = {}
    for criterion in criteria:
        given = answers.get(criterion.pk, {})
        if given.get("answer") not in CriterionAnswer.Answer.values:
            errors[criterion_field(criterion, "answer")] = CRITERION_UNANSWERED.format(
                code=criterion.code, text=_shortened(criterion.text)
            )
        if not (given.get("reason") or "").strip():
            errors[criterion_field(criterion, "reason")] = CRITERION_REASON_REQUIRED.format(
                code=criterion.code
            )
    return errors


def _check_decision(
    review: Review,
    *,
    outcome: str,
    reasons: str,
    decided_by: Person | None,
    decided_on: datetime.date | None,
) -> dict[str, str]:
    errors = {}
    if not outcome:
        errors["outcome"] = OUTCOME_REQUIRED
    elif outcome not in outcomes_for(review.edition):
        errors["outcome"] = OUTCOME_NOT_UNDER_EDITION.format(
            outcome=Decision.Outcome(outcome).label, edition=review.edition
        )
    if not reasons.strip():
        errors["reasons"] = REASONS_REQUIRED
    if partners_decide(review.edition):
        return errors
    if decided_by is None:
        errors["decided_by"] = DECIDED_BY_REQUIRED
    if decided_on is None:
        errors["decided_on"] = DECIDED_ON_REQUIRED
    elif decided_on > _today():
        errors["decided_on"] = DECIDED_IN_FUTURE
    elif decided_on < review.aware_date:
        errors["decided_on"] = DECIDED_BEFORE_AWARE.format(date=long_date(review.aware_date))
    return errors


def _existing_decision(review: Review) -> Decision | None:
    return Decision.objects.select_for_update().filter(review=review).first()


@transaction.atomic
def decision_record(
    *,
    review: Review,
    outcome: str,
    reasons: str,
    answers: Mapping[int, Mapping[str, str]],
    recorded_by: User,
    decided_by: Person | None = None,
    decided_on: datetime.date | None = None,
    partners: Mapping[str, Mapping] | None = None,
) -> Decision:
    """The decision against every criterion of the review's edition, then the outcome.

    `answers` maps each criterion's id to {"answer": met / not_met / unclear, "reason": ...}.
    Every criterion needs both, or nothing is saved. Before 2018 one person decided for the
    board (`decided_by`, `decided_on`); from 2018 the three safeguarding partners decide:
    `partners` maps each partner (SafeguardingPartner) to {"person", "agreed_on", "agrees"},
    and the decision is dated the day the last of them answered. Until the chair signs it
    off, recording again replaces the decision, its answers and the partners' agreements.
    """
    partners = partners or {}
    locked = _lock(review)
    decision = _existing_decision(locked)
    refuse(decision_refusal(locked, decision))
    criteria = list(locked.edition.criteria.order_by("position", "id"))
    errors = _check_decision(
        locked, outcome=outcome, reasons=reasons, decided_by=decided_by, decided_on=decided_on
    )
    by_partners = partners_decide(locked.edition)
    if by_partners:
        errors.update(_check_partners(locked, partners))
    errors.update(_check_answers(criteria, answers))
    if errors:
        raise ValidationError(errors)

    decision = decision or Decision(review=locked)
    decision.outcome = outcome
    decision.reasons = reasons.strip()
    if by_partners:
        decision.decided_by = None
        decision.decided_on = max(partners[p.value]["agreed_on"] for p in SafeguardingPartner)
    else:
        assert decided_on is not None  # refused above when missing
        decision.decided_by = decided_by
        decision.decided_on = decided_on
    decision.recorded_by = recorded_by
    decision.full_clean()
    decision.save()
    decision.answers.all().delete()
    CriterionAnswer.objects.bulk_create(
        CriterionAnswer(
            decision=decision,
            criterion=criterion,
            criterion_text=criterion.text,
            answer=answers[criterion.pk]["answer"],
            reason=answers[criterion.pk]["reason"].strip(),
        )
        for criterion in criteria
    )
    decision.partner_agreements.all().delete()
    if by_partners:
        PartnerAgreement.objects.bulk_create(
            PartnerAgreement(
                decision=decision,
                partner=partner.value,
                person=partners[partner.value]["person"],
                agreed_on=partners[partner.value]["agreed_on"],
                agrees=partners[partner.value]["agrees"],
            )
            for partner in SafeguardingPartner
        )
    _move_stage(locked, decision)
    _refresh(review, locked, ["stage", "started_on", "due_on"])
    return decision


def _move_stage(review: Review, decision: Decision) -> None:
    review.stage = STAGE_AFTER[Decision.Outcome(decision.outcome)]
    if decision.outcome in REVIEW_OUTCOMES:
        review.started_on = review.started_on or decision.decided_on
        if decision.outcome in STATUTORY_REVIEW_OUTCOMES:
            review.due_on = review_due(review.started_on, review.review_months)
    else:
        review.started_on = review.due_on = None
    save_with_reason(
        review,
        f"Decision: {decision.get_outcome_display()}",
        fields=["stage", "started_on", "due_on"],
    )


def _decider_refusal(agreements: list[PartnerAgreement], chair: User) -> str | None:
    """From 2018 the chair (or scrutineer) signs off a decision the partners made: never one
    she answered for a partner herself. (Before 2018 the LSCB's chair could decide.)"""
    person_id = getattr(chair, "person_id", None)
    if person_id is None:
        return None
    for agreement in agreements:
        if agreement.person_id == person_id:
            part = f"answered for the {_partner_name(agreement.partner)}"
            return CHAIR_DECIDED.format(name=agreement.person.full_name, part=part)
    return None


@transaction.atomic
def decision_sign_off(*, decision: Decision, signed_off_by: User) -> None:
    """The independent chair signs the decision off; after that it cannot change."""
    locked = Decision.objects.select_for_update().filter(pk=decision.pk).first()
    if locked is None:
        raise ValidationError(NO_DECISION)
    refuse(sign_off_refusal(locked))
    if not signed_off_by.has_role(Role.CHAIR):
        raise ValidationError(ONLY_THE_CHAIR)
    agreements = list(locked.partner_agreements.select_related("person"))
    disagreed = [a.get_partner_display().lower() for a in agreements if not a.agrees]
    if disagreed:
        raise ValidationError(PARTNERS_DISAGREE.format(partners=" and ".join(disagreed)))
    refuse(_decider_refusal(agreements, signed_off_by))
    locked.signed_off_by = signed_off_by
    locked.signed_off_at = timezone.now()
    save_with_reason(locked, "Signed off by the chair", fields=["signed_off_by", "signed_off_at"])
    decision.signed_off_by = locked.signed_off_by
    decision.signed_off_at = locked.signed_off_at
