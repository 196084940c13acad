from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.other_boards.factories import BoardChallengeFactory, ProtocolFactory
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _board(cast):
    link = BoardChallengeFactory()
    ProtocolFactory(board=link.board)
    return {"pk": link.board.pk}


def _protocol(cast):
    return {"pk": ProtocolFactory().pk}


ACCESS_CASES = [
    AccessCase("other_boards:board_list", BOARD_BUSINESS_READERS),
    AccessCase("other_boards:board_create", MANAGER),
    AccessCase("other_boards:board_detail", BOARD_BUSINESS_READERS, _board),
    AccessCase("other_boards:protocol_add", MANAGER, _board),
    AccessCase("other_boards:challenge_link", MANAGER, _board),
    AccessCase("other_boards:protocol_review", MANAGER, _protocol),
]
