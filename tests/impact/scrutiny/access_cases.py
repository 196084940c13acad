from safeboard.accounts.roles import BOARD_BUSINESS_READERS
from tests.access import AccessCase

ACCESS_CASES = [
    AccessCase("impact:scrutiny", BOARD_BUSINESS_READERS),
]
