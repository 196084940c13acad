"""The home page: what needs the signed-in user's attention."""

from __future__ import annotations

from django.utils import timezone

from safeboard.actions import selectors as action_selectors
from safeboard.meetings import selectors as meeting_selectors
from safeboard.partnership import selectors as partnership_selectors


def home_panels(*, user) -> dict:
    panels: dict = {"today": timezone.localdate()}
    if user.person_id:
        panels["my_actions"] = list(
            action_selectors.actions_needing_attention(person_id=user.person_id)[:20]
        )
        panels["agency_overdue"] = list(
            action_selectors.agency_overdue_actions(agency_id=user.agency_id)[:20]
        )
        panels["upcoming_meetings"] = list(
            meeting_selectors.upcoming_meetings_for(person_id=user.person_id)[:5]
        )
        panels["induction_items"] = list(
            partnership_selectors.open_induction_items_for(person_id=user.person_id)
        )
    if user.has_perm("actions.list_all_actions"):
        panels["partnership_counts"] = action_selectors.action_counts()
    return panels
