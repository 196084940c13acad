"""Who may read and keep the record of working with other boards: board business readers read
it; the business manager keeps it."""

import rules

from safeboard.accounts.predicates import is_board_business_reader, is_business_manager

rules.add_perm("other_boards.view", is_board_business_reader)
rules.add_perm("other_boards.record", is_business_manager)
