"""Shared helpers for the challenge log tests."""

from __future__ import annotations

from safeboard.challenges.models import Challenge


def snapshot(challenge: Challenge) -> tuple:
    """The challenge's state and its records, to prove that a refused change changed nothing."""
    challenge = Challenge.objects.get(pk=challenge.pk)
    return (
        challenge.status,
        challenge.response_due_on,
        challenge.escalation_level,
        challenge.outcome,
        challenge.closed_on,
        challenge.history.count(),
        list(challenge.responses.values_list("text", "judgement", "judgement_reason")),
        list(challenge.escalations.values_list("level", "escalated_on")),
    )
