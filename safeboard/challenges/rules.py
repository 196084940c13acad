"""Who may see and change the challenge log.

Board business readers see every challenge. An agency's representatives (its leads and
its board member) see the challenges made to their agency, and only they answer them: the
board does not answer its own challenges. The business manager and the chair raise
challenges, judge the responses, and close challenges.
"""

import rules

from safeboard.accounts.predicates import (
    is_agency_representative,
    is_board_business_reader,
    is_business_manager,
    is_chair,
    is_staff_of_owning_agency,
)

is_board_challenger = is_business_manager | is_chair
is_representative_of_challenged_agency = is_agency_representative & is_staff_of_owning_agency

can_view_challenge = is_board_business_reader | is_representative_of_challenged_agency
# Explicitly not the business manager or chair, whatever other role they also hold.
can_respond_to_challenge = is_representative_of_challenged_agency & ~is_board_challenger

rules.add_perm("challenges.list_challenges", is_board_business_reader | is_agency_representative)
rules.add_perm("challenges.list_every_agency", is_board_business_reader)
rules.add_perm("challenges.export_challenges", is_board_business_reader | is_agency_representative)
rules.add_perm("challenges.view_challenge", can_view_challenge)
rules.add_perm("challenges.view_summary", is_board_business_reader)
rules.add_perm("challenges.raise_challenge", is_board_challenger)
rules.add_perm("challenges.respond_to_challenge", can_respond_to_challenge)
rules.add_perm("challenges.judge_response", is_board_challenger)
rules.add_perm("challenges.close_challenge", is_board_challenger)
rules.add_perm("challenges.add_action", is_board_challenger)
