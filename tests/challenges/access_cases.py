from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.challenges.factories import ChallengeFactory, ChallengeResponseFactory
from tests.access import AccessCase


def _home_challenge(cast):
    """A challenge to the home agency, awaiting its response."""
    return {"pk": ChallengeFactory(agency=cast.home_agency).pk}


def _home_challenge_responded(cast):
    """A challenge to the home agency whose response waits for the board's judgement."""
    response = ChallengeResponseFactory(challenge__agency=cast.home_agency)
    return {"pk": response.challenge.pk}


BOARD = {Role.BUSINESS_MANAGER, Role.CHAIR}
# Board business readers see every challenge; the home agency's lead sees its agency's.
CAN_VIEW = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}
# Only the challenged agency answers: its lead and its board member, never the board's
# business manager or chair.
CAN_RESPOND = {Role.AGENCY_LEAD, Role.BOARD_MEMBER}

ACCESS_CASES = [
    AccessCase("challenges:list", CAN_VIEW),
    AccessCase("challenges:summary", BOARD_BUSINESS_READERS),
    AccessCase("challenges:raise", BOARD),
    AccessCase("challenges:detail", CAN_VIEW, _home_challenge, other_agency_refused=True),
    AccessCase("challenges:respond", CAN_RESPOND, _home_challenge, other_agency_refused=True),
    AccessCase("challenges:themes", BOARD, _home_challenge, other_agency_refused=True),
    AccessCase("challenges:judge", BOARD, _home_challenge_responded, other_agency_refused=True),
    AccessCase("challenges:close", BOARD, _home_challenge, other_agency_refused=True),
    AccessCase("challenges:add_action", BOARD, _home_challenge, other_agency_refused=True),
]
