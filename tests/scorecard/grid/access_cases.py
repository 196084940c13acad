from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from tests.access import AccessCase

CAN_READ = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}

ACCESS_CASES = [
    AccessCase("scorecard:grid", CAN_READ),
]
