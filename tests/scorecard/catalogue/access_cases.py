from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase

CAN_READ = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}


def _home_indicator(cast):
    indicator = IndicatorFactory(owning_agency=cast.home_agency)
    return {"pk": indicator.pk}


ACCESS_CASES = [
    AccessCase("scorecard:indicator_list", CAN_READ),
    AccessCase("scorecard:indicator_create", {Role.BUSINESS_MANAGER}),
    AccessCase("scorecard:indicator_detail", CAN_READ, _home_indicator, other_agency_refused=True),
    AccessCase(
        "scorecard:indicator_edit",
        {Role.BUSINESS_MANAGER},
        _home_indicator,
        other_agency_refused=True,
    ),
]
