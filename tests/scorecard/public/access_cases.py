"""Who may choose the indicators the public scorecard shows."""

from safeboard.accounts.roles import Role
from safeboard.scorecard.factories import IndicatorFactory
from tests.access import AccessCase


def _indicator(cast):
    return {"pk": IndicatorFactory(owning_agency=cast.home_agency).pk}


ACCESS_CASES = [AccessCase("scorecard:indicator_public", {Role.BUSINESS_MANAGER}, _indicator)]
