"""The scorecard's home page panels: answers to queries waiting for the board's judgement,
and the queries an agency must answer."""

from __future__ import annotations

import datetime

from safeboard.accounts.roles import Role

from .queries import selectors as query_selectors

PANEL_LIMIT = 20


def answers_to_judge_panel(*, user, today: datetime.date) -> dict | None:
    if not user.has_perm("scorecard.judge_query"):
        return None
    queries = list(query_selectors.answers_awaiting_judgement()[:PANEL_LIMIT])
    return {"queries": queries} if queries else None


def queries_to_answer_panel(*, user, today: datetime.date) -> dict | None:
    if not user.person_id or not user.has_role(Role.AGENCY_LEAD, Role.BOARD_MEMBER):
        return None
    queries = list(query_selectors.queries_awaiting_answer(agency_id=user.agency_id)[:PANEL_LIMIT])
    return {"queries": queries} if queries else None
