"""Who may read and change the yearly report.

The business manager drafts it, writes its narratives and records where it was sent; board
business readers (chair, board members, lay members) review drafts; the chair signs it off.
Readers (councillors, inspectors) read published reports, as anyone may on the public site.
"""

import rules

from safeboard.accounts.predicates import (
    has_any_role,
    is_board_business_reader,
    is_business_manager,
    is_chair,
)
from safeboard.accounts.roles import Role

is_reader = has_any_role(Role.READER)


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.is_published


can_read_reports = is_board_business_reader | is_reader
can_view_report = is_board_business_reader | (is_reader & is_published)

rules.add_perm("reports.list_reports", can_read_reports)
rules.add_perm("reports.view_report", can_view_report)
rules.add_perm("reports.draft_report", is_business_manager)
rules.add_perm("reports.send_for_review", is_business_manager)
rules.add_perm("reports.return_to_draft", is_business_manager | is_chair)
rules.add_perm("reports.sign_off", is_chair)
rules.add_perm("reports.publish_report", is_business_manager | is_chair)
rules.add_perm("reports.record_recipients", is_business_manager)
rules.add_perm("reports.record_contributions", is_business_manager)
rules.add_perm("reports.view_unpublished_reports", is_board_business_reader)
