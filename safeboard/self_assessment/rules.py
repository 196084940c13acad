"""Who runs the board's self-assessment, and who takes part.

The business manager runs it (opens, completes, keeps the questions, turns agreed
improvements into actions). The board's members (the chair, board members and the business
manager) rate the questions while it is open and read the results.
"""

import rules

from safeboard.accounts.predicates import has_a_person, has_any_role, is_business_manager
from safeboard.accounts.roles import Role

is_board_member = has_any_role(Role.BUSINESS_MANAGER, Role.CHAIR, Role.BOARD_MEMBER)


@rules.predicate
def is_open(user, assessment) -> bool:
    return assessment is None or assessment.is_open


rules.add_perm("self_assessment.list_assessments", is_board_member)
rules.add_perm("self_assessment.view_assessment", is_board_member)
rules.add_perm("self_assessment.rate", is_board_member & has_a_person)
rules.add_perm("self_assessment.run", is_business_manager)
rules.add_perm("self_assessment.manage_questions", is_business_manager)
