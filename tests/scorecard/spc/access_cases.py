from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase


def _home_indicator(cast):
    return {"pk": IndicatorFactory(owning_agency=cast.home_agency).pk}


ACCESS_CASES = [
    AccessCase(
        "scorecard:indicator_spc_settings",
        {Role.BUSINESS_MANAGER},
        _home_indicator,
        other_agency_refused=True,
    ),
]
