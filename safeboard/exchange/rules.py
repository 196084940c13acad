"""Who may do what in the exchange of learning between boards.

The business manager decides what is shared and which boards' feeds are read. Everyone on
the partnership team searches the findings (each source shows only what its reader may see)
and reads the learning imported from other boards. The feed and the schema are public."""

import rules

from safeboard.accounts.predicates import is_business_manager, is_partnership_team

rules.add_perm("exchange.manage_sharing", is_business_manager)
rules.add_perm("exchange.manage_subscriptions", is_business_manager)
rules.add_perm("exchange.search", is_partnership_team)
rules.add_perm("exchange.view_imported", is_partnership_team)
