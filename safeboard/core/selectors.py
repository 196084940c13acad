"""The home page: what needs the signed-in user's attention."""

from __future__ import annotations

from django.utils import timezone

from safeboard.accounts.roles import Role
from safeboard.actions import selectors as action_selectors
from safeboard.challenges import selectors as challenge_selectors
from safeboard.meetings import selectors as meeting_selectors
from safeboard.partnership import selectors as partnership_selectors
from safeboard.priorities import selectors as priority_selectors
from safeboard.risks import selectors as risk_selectors
from safeboard.scorecard.queries import selectors as query_selectors

from .home_panels import extra_panels

REVIEW_HORIZON_DAYS = 14


def home_panels(*, user) -> dict:
    panels: dict = {"today": timezone.localdate()}
    if user.person_id:
        panels["my_actions"] = list(
            action_selectors.actions_needing_attention(person_id=user.person_id)[:20]
        )
        panels["agency_overdue"] = list(
            action_selectors.agency_overdue_actions(agency_id=user.agency_id, user=user)[:20]
        )
        panels["upcoming_meetings"] = list(
            meeting_selectors.upcoming_meetings_for(person_id=user.person_id)[:5]
        )
        panels["induction_items"] = list(
            partnership_selectors.open_induction_items_for(person_id=user.person_id)
        )
        panels["reviews_due"] = _reviews_due_for(user.person_id, panels["today"])
        if user.has_role(Role.AGENCY_LEAD, Role.BOARD_MEMBER):
            panels["challenges_to_answer"] = list(
                challenge_selectors.challenges_awaiting_response(agency_id=user.agency_id)[:20]
            )
            panels["queries_to_answer"] = list(
                query_selectors.queries_awaiting_answer(agency_id=user.agency_id)[:20]
            )
    if user.has_perm("actions.list_all_actions"):
        panels["partnership_counts"] = action_selectors.action_counts()
    if user.has_perm("challenges.judge_response"):
        panels["responses_to_judge"] = list(challenge_selectors.responses_awaiting_judgement()[:20])
    if user.has_perm("scorecard.judge_query"):
        panels["answers_to_judge"] = list(query_selectors.answers_awaiting_judgement()[:20])
    if user.has_perm("challenges.view_summary"):
        panels["challenge_totals"] = challenge_selectors.summary_totals(
            challenge_selectors.challenge_summary(today=panels["today"])
        )
    panels["extra_panels"] = extra_panels(user=user, today=panels["today"])
    return panels


def _reviews_due_for(person_id: int, today) -> list:
    """Risks the person owns and priorities they lead whose review falls due within 14 days."""
    risks = risk_selectors.risks_with_review_due(today=today, within_days=REVIEW_HORIZON_DAYS)
    priorities = priority_selectors.priorities_with_review_due(
        today=today, within_days=REVIEW_HORIZON_DAYS
    )
    due = [*risks.filter(owner_person_id=person_id), *priorities.filter(lead_person_id=person_id)]
    return sorted(due, key=lambda record: record.review_date)
