from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from tests.access import AccessCase

# Board business readers (the business manager, the chair, board and lay members) and the
# learning officer read the figure the annual report quotes.
READERS = BOARD_BUSINESS_READERS | {Role.LEARNING_OFFICER}

ACCESS_CASES = [AccessCase("learning:reach", READERS)]
