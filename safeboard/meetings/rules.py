"""Who may see and run meetings.

Board business (agendas, papers, minutes, decisions) is read by the board's readers and by
the members of the group that holds the meeting. The business manager runs meetings; the
business manager and the chair read attendance by agency, because holding agencies to
account for turning up is part of the chair's scrutiny.
"""

import rules

from safeboard.accounts.predicates import (
    has_a_person,
    has_any_role,
    is_board_business_reader,
    is_business_manager,
    is_chair,
)
from safeboard.accounts.roles import Role
from safeboard.partnership.models import Membership


@rules.predicate
def is_member_of_meeting_group(user, meeting) -> bool:
    """The user is (or was) a member of the board or subgroup that holds the meeting."""
    if meeting is None or not getattr(user, "person_id", None):
        return False
    return Membership.objects.filter(group_id=meeting.group_id, person_id=user.person_id).exists()


can_read_meeting = is_board_business_reader | is_member_of_meeting_group

# Everyone with a person may open the list; it shows only the meetings they may read.
rules.add_perm("meetings.list_meetings", is_board_business_reader | has_a_person)
rules.add_perm("meetings.read_every_meeting", is_board_business_reader)
rules.add_perm("meetings.view_meeting", can_read_meeting)
rules.add_perm("meetings.manage_meetings", is_business_manager)


@rules.predicate
def can_read_papers_meeting(user, paper) -> bool:
    return paper is not None and can_read_meeting.test(user, paper.meeting)


@rules.predicate
def is_paper_for_readers(user, paper) -> bool:
    return paper is not None and paper.for_readers


is_reader = has_any_role(Role.READER)

# A paper marked for readers is opened by councillors and inspectors (the reader role), who
# see nothing else of the meeting.
rules.add_perm("meetings.open_paper", can_read_papers_meeting | (is_reader & is_paper_for_readers))
rules.add_perm("meetings.view_attendance_report", is_business_manager | is_chair)
