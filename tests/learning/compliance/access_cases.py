from safeboard.accounts.roles import Role
from tests.access import AccessCase

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}
# The agency lead sees their own agency's figures.
TEAM_AND_LEAD = TEAM | {Role.AGENCY_LEAD}

ACCESS_CASES = [
    AccessCase("learning:needs_compliance", TEAM_AND_LEAD),
]
