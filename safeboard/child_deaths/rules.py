"""Who may read and record the child death overview panel's learning: board business readers
read it; the business manager records it and raises its recommendations and actions."""

import rules

from safeboard.accounts.predicates import is_board_business_reader, is_business_manager

rules.add_perm("child_deaths.view", is_board_business_reader)
rules.add_perm("child_deaths.record", is_business_manager)
