from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase

BUSINESS_MANAGER = {Role.BUSINESS_MANAGER}


def _home_indicator(cast):
    return {"pk": IndicatorFactory(owning_agency=cast.home_agency).pk}


ACCESS_CASES = [
    AccessCase("scorecard:comparator_add", BUSINESS_MANAGER, _home_indicator),
    AccessCase("scorecard:comparator_import", BUSINESS_MANAGER),
]
