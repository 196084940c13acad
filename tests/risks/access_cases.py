from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.risks.factories import RiskFactory
from tests.access import AccessCase


def _home_risk(cast):
    """A risk of the home agency, owned by its agency lead."""
    risk = RiskFactory(owner_person=cast[Role.AGENCY_LEAD].person)
    return {"pk": risk.pk}


# Board business readers see the whole register; an agency lead sees their agency's risks.
CAN_LIST = BOARD_BUSINESS_READERS | {Role.AGENCY_LEAD}
# The agency lead is also this risk's owner, who records its reviews.
CAN_REVIEW = {Role.BUSINESS_MANAGER, Role.AGENCY_LEAD}
MANAGER = {Role.BUSINESS_MANAGER}

ACCESS_CASES = [
    AccessCase("risks:list", CAN_LIST),
    AccessCase("risks:export", CAN_LIST),
    AccessCase("risks:create", MANAGER),
    AccessCase("risks:detail", CAN_LIST, _home_risk, other_agency_refused=True),
    AccessCase("risks:edit", MANAGER, _home_risk, other_agency_refused=True),
    AccessCase("risks:review", CAN_REVIEW, _home_risk, other_agency_refused=True),
    AccessCase("risks:add_action", MANAGER, _home_risk, other_agency_refused=True),
]
