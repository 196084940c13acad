"""Who may see and change the Section 11 self-assessment.

The business manager runs the cycles: sets them up, moderates, samples declarations and
chases. The chair and the other readers of board business read the compliance picture and
the cycles; the chair, as scrutineer, also reads every return and follows the chasing and
the peer challenge. An organisation's return belongs to it: its agency leads and its board
member answer it, and no one from another organisation sees it.
"""

import rules

from safeboard.accounts.predicates import (
    is_agency_representative,
    is_board_business_reader,
    is_business_manager,
    is_chair,
    is_staff_of_owning_agency,
)

is_representative_of_returning_agency = is_agency_representative & is_staff_of_owning_agency
is_scrutineer = is_business_manager | is_chair

can_view_return = is_scrutineer | is_representative_of_returning_agency
# The board does not answer its own questions, whatever other role its officers hold.
can_answer_for_agency = is_representative_of_returning_agency & ~is_scrutineer

rules.add_perm("section11.list_cycles", is_board_business_reader | is_agency_representative)
rules.add_perm("section11.view_cycle", is_board_business_reader)
rules.add_perm("section11.view_picture", is_board_business_reader)
rules.add_perm("section11.manage_cycles", is_business_manager)
rules.add_perm("section11.view_library", is_business_manager)
rules.add_perm("section11.edit_library", is_business_manager)
rules.add_perm("section11.view_chasing", is_scrutineer)
rules.add_perm("section11.chase", is_business_manager)
rules.add_perm("section11.view_return", can_view_return)
rules.add_perm("section11.answer_for_agency", is_agency_representative & ~is_scrutineer)
rules.add_perm("section11.edit_return", can_answer_for_agency)
rules.add_perm("section11.moderate", is_business_manager)
rules.add_perm("section11.request_evidence", is_business_manager)
rules.add_perm("section11.view_requests", is_scrutineer)
rules.add_perm("section11.view_request", can_view_return)
rules.add_perm("section11.respond_to_request", can_answer_for_agency)
rules.add_perm("section11.conclude_request", is_business_manager)
