from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.scorecard.models import IndicatorQuery
from tests.access import AccessCase

from .builders import indicator, query

BOARD = {Role.BUSINESS_MANAGER, Role.CHAIR}
# Board business readers read every query; the asked agency's lead reads its own.
CAN_VIEW = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}
# Only the asked agency answers: its lead and its board member, never the business manager
# or the chair.
CAN_ANSWER = {Role.AGENCY_LEAD, Role.BOARD_MEMBER}


def _home_query(cast):
    return {"pk": query(indicator(cast.home_agency)).pk}


def _home_query_answered(cast):
    return {"pk": query(indicator(cast.home_agency), status=IndicatorQuery.Status.ANSWERED).pk}


def _home_indicator(cast):
    return {"pk": indicator(cast.home_agency).pk}


ACCESS_CASES = [
    AccessCase("scorecard:query_list", CAN_VIEW),
    AccessCase("scorecard:query_detail", CAN_VIEW, _home_query, other_agency_refused=True),
    AccessCase("scorecard:query_answer", CAN_ANSWER, _home_query, other_agency_refused=True),
    AccessCase("scorecard:query_add_action", CAN_ANSWER, _home_query, other_agency_refused=True),
    AccessCase("scorecard:query_judge", BOARD, _home_query_answered, other_agency_refused=True),
    AccessCase("scorecard:query_raise", BOARD, _home_indicator, other_agency_refused=True),
]
