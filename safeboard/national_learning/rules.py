"""Who may read and keep the log of national learning: board business readers read it; the
business manager keeps it, records the partnership's decisions and raises actions."""

import rules

from safeboard.accounts.predicates import is_board_business_reader, is_business_manager

rules.add_perm("national_learning.view", is_board_business_reader)
rules.add_perm("national_learning.record", is_business_manager)
