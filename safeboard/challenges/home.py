"""The challenges' home page panels: the partnership's totals and the responses waiting for
the board's judgement, for the partnership team; the challenges an agency must answer, for
its leads and board members."""

from __future__ import annotations

import datetime

from safeboard.accounts.roles import Role

from . import selectors

PANEL_LIMIT = 20


def totals_panel(*, user, today: datetime.date) -> dict | None:
    if not user.has_perm("challenges.view_summary"):
        return None
    return {"totals": selectors.summary_totals(selectors.challenge_summary(today=today))}


def responses_to_judge_panel(*, user, today: datetime.date) -> dict | None:
    if not user.has_perm("challenges.judge_response"):
        return None
    challenges = list(selectors.responses_awaiting_judgement()[:PANEL_LIMIT])
    return {"challenges": challenges} if challenges else None


def challenges_to_answer_panel(*, user, today: datetime.date) -> dict | None:
    """Shown to an agency's leads even when empty: it says nothing is waiting."""
    if not user.person_id or not user.has_role(Role.AGENCY_LEAD, Role.BOARD_MEMBER):
        return None
    return {
        "challenges": list(
            selectors.challenges_awaiting_response(agency_id=user.agency_id)[:PANEL_LIMIT]
        )
    }
