from safeboard.accounts.roles import Role
from tests.access import AccessCase

TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}
# The agency lead gives their own agency's headcounts.
TEAM_AND_LEAD = TEAM | {Role.AGENCY_LEAD}


def _home_agency(cast):
    return {"pk": cast.home_agency.pk}


ACCESS_CASES = [
    AccessCase("learning:needs_matrix", TEAM),
    AccessCase("learning:needs_headcounts", TEAM_AND_LEAD, _home_agency, other_agency_refused=True),
]
