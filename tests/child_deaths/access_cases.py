from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.child_deaths.factories import FindingFactory, RecommendationFactory
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _finding(cast):
    return {"pk": FindingFactory().pk}


def _recommendation(cast):
    return {"pk": RecommendationFactory().pk}


ACCESS_CASES = [
    AccessCase("child_deaths:finding_list", BOARD_BUSINESS_READERS),
    AccessCase("child_deaths:finding_create", MANAGER),
    AccessCase("child_deaths:finding_detail", BOARD_BUSINESS_READERS, _finding),
    AccessCase("child_deaths:finding_edit", MANAGER, _finding),
    AccessCase("child_deaths:recommendation_add", MANAGER, _finding),
    AccessCase("child_deaths:recommendation_add_action", MANAGER, _recommendation),
]
