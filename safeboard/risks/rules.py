"""Who may see and change the risk register.

Board business readers see the whole register. An agency's representatives (its leads and
board member) see the risks their agency owns. A risk's owner sees it and records its
reviews, since the reminder sends them to it. Only the business manager adds risks, changes
them and adds actions to them.
"""

import rules

from safeboard.accounts.predicates import (
    is_agency_representative,
    is_board_business_reader,
    is_business_manager,
    is_record_owner,
    is_staff_of_owning_agency,
)

can_list_risks = is_board_business_reader | is_agency_representative
can_view_risk = (
    is_board_business_reader
    | (is_agency_representative & is_staff_of_owning_agency)
    | is_record_owner
)

rules.add_perm("risks.list_risks", can_list_risks)
# Without it, the register lists only the risks of the user's own agency.
rules.add_perm("risks.list_all_risks", is_board_business_reader)
rules.add_perm("risks.export_risks", can_list_risks)
rules.add_perm("risks.view_risk", can_view_risk)
rules.add_perm("risks.add_risk", is_business_manager)
rules.add_perm("risks.change_risk", is_business_manager)
rules.add_perm("risks.add_risk_action", is_business_manager)
rules.add_perm("risks.review_risk", is_business_manager | is_record_owner)
