"""Who may see and change actions.

Board business readers see the whole partnership's action plan; everyone else sees the
actions of their own agency and the ones they own. Changing progress is for the owner,
their agency's leads and board member, and the business manager.
"""

import rules

from safeboard.accounts.predicates import (
    has_a_person,
    is_agency_representative,
    is_board_business_reader,
    is_business_manager,
    is_record_owner,
    is_staff_of_owning_agency,
)

# Whoever may open every action, whichever it is: a list of fifty asks that once, not fifty
# times (the rule below, asked of each action, always agrees).
can_view_every_action = is_board_business_reader
can_view_action = can_view_every_action | is_record_owner | is_staff_of_owning_agency
can_update_action_progress = (
    is_business_manager | is_record_owner | (is_agency_representative & is_staff_of_owning_agency)
)

rules.add_perm("actions.list_all_actions", is_board_business_reader)
rules.add_perm("actions.list_my_actions", has_a_person)
rules.add_perm("actions.list_agency_actions", has_a_person)
rules.add_perm("actions.export_actions", is_board_business_reader | has_a_person)
rules.add_perm("actions.view_action", can_view_action)
rules.add_perm("actions.view_every_action", can_view_every_action)
rules.add_perm("actions.add_action", is_business_manager)
rules.add_perm("actions.change_action", is_business_manager)
rules.add_perm("actions.update_progress", can_update_action_progress)
rules.add_perm("actions.move_due_date", can_update_action_progress)
rules.add_perm("actions.complete_action", can_update_action_progress)
