"""Who may see and manage the partnership's taxonomy of practice themes.

Everyone on the partnership team reads the themes and a theme's page (which shows only what
each reader may see of the reviews, audits and training tagged with it). The business
manager keeps the taxonomy: adds, renames, orders and retires themes.
"""

import rules

from safeboard.accounts.predicates import is_business_manager, is_partnership_team

rules.add_perm("themes.list_themes", is_partnership_team)
rules.add_perm("themes.view_theme", is_partnership_team)
rules.add_perm("themes.manage_themes", is_business_manager)
