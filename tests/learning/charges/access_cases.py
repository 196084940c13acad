from safeboard.accounts.roles import Role
from tests.access import AccessCase

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}


ACCESS_CASES = [
    AccessCase("learning:charge_list", TEAM | {Role.AGENCY_LEAD}),
]
