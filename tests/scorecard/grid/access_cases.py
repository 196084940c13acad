from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase

CAN_READ = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}


def _home_indicator(cast):
    return {"pk": IndicatorFactory(owning_agency=cast.home_agency).pk}


ACCESS_CASES = [
    AccessCase("scorecard:grid", CAN_READ),
    AccessCase(
        "scorecard:indicator_spc_settings",
        {Role.BUSINESS_MANAGER},
        _home_indicator,
        other_agency_refused=True,
    ),
]
