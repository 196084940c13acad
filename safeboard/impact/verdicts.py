"""Judging stored claims: gathers each claim's data and applies judging.py's rules."""

from __future__ import annotations

from collections.abc import Sequence

from .judging import Standing, Verdict
from .models import Claim


def judge_all(claims: Sequence[Claim]) -> list[Verdict]:
    """One verdict per claim, in order. Stories are stories; the other kinds are judged
    against their data (to be completed kind by kind)."""
    return [_judge(claim) for claim in claims]


def _judge(claim: Claim) -> Verdict:
    if claim.kind == Claim.Kind.STORY:
        if claim.carried_over:
            return Verdict(Standing.STORY, "story: not checked against data")
        return Verdict(Standing.STORY, "story: not measured")
    return Verdict(Standing.NOT_ENOUGH_DATA, "not enough data to judge")
