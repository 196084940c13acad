"""Who may change the partnership's name and logo, and who gets the readers' dashboard.

The public site itself needs no rule: its pages are open to anyone (core.public_views) and
show published records only.
"""

import rules

from safeboard.accounts.predicates import has_any_role, is_business_manager
from safeboard.accounts.roles import Role

is_reader = has_any_role(Role.READER)

rules.add_perm("public.change_branding", is_business_manager)
rules.add_perm("public.read_published", is_reader)
