"""Who may see and change the business plan and its priorities.

The business plan is the partnership's shared agenda: everyone on the partnership team reads
it, and a priority's lead always sees their own priority. The business manager keeps the plan:
plans, priorities, measures and the actions that deliver them. A priority is reviewed by the
business manager or by its lead (a priority's `owner_person_id` is its lead person).
"""

import rules

from safeboard.accounts.predicates import is_business_manager, is_partnership_team, is_record_owner

can_review_priority = is_business_manager | is_record_owner

rules.add_perm("priorities.list_plans", is_partnership_team)
rules.add_perm("priorities.view_plan", is_partnership_team)
rules.add_perm("priorities.view_priority", is_partnership_team | is_record_owner)
rules.add_perm("priorities.add_plan", is_business_manager)
rules.add_perm("priorities.change_plan", is_business_manager)
rules.add_perm("priorities.add_priority", is_business_manager)
rules.add_perm("priorities.change_priority", is_business_manager)
rules.add_perm("priorities.manage_measures", is_business_manager)
rules.add_perm("priorities.add_action", is_business_manager)
rules.add_perm("priorities.review_priority", can_review_priority)
