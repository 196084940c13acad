from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase

CAN_READ = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}
# Agency leads; the business manager and chair sign in with a second factor, so hold no token.
TOKEN_HOLDERS = {Role.AGENCY_LEAD}


def _home_indicator(cast):
    return {"code": IndicatorFactory(owning_agency=cast.home_agency).code}


ACCESS_CASES = [
    AccessCase("api:guide", CAN_READ),
    AccessCase("api:schema", CAN_READ),
    AccessCase("api:indicator_list", CAN_READ),
    AccessCase("api:indicator_figures", CAN_READ, _home_indicator, other_agency_refused=True),
    # Another agency's lead is refused on the agency named in the body (tests/scorecard/api/test_views.py).
    AccessCase("api:figures_record", {Role.AGENCY_LEAD}, method="post"),
    AccessCase("scorecard:api_token", TOKEN_HOLDERS),
    AccessCase("scorecard:api_token_revoke", TOKEN_HOLDERS, method="post"),
    AccessCase("scorecard:api_token_revoke_all", TOKEN_HOLDERS, method="post"),
]
