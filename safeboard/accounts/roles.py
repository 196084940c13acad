"""The roles people hold in a safeguarding children partnership (PRODUCT.md, "Who uses it")."""

from django.db import models


class Role(models.TextChoices):
    BUSINESS_MANAGER = "business_manager", "Business manager"
    CHAIR = "chair", "Independent chair or scrutineer"
    BOARD_MEMBER = "board_member", "Board member"
    AGENCY_LEAD = "agency_lead", "Agency lead or data contact"
    AUDITOR = "auditor", "Auditor"
    LEARNING_OFFICER = "learning_officer", "Learning and development officer"
    PRACTITIONER = "practitioner", "Practitioner"
    LAY_MEMBER = "lay_member", "Lay member"
    READER = "reader", "Reader (councillor or inspector)"


# Roles whose accounts can change or sign off the partnership's business must prove
# possession of a second factor at every sign-in.
ROLES_REQUIRING_TWO_FACTOR = frozenset({Role.BUSINESS_MANAGER, Role.CHAIR})

# Who reads board business: papers, minutes, decisions and the partnership's action plan.
BOARD_BUSINESS_READERS = frozenset(
    {Role.BUSINESS_MANAGER, Role.CHAIR, Role.BOARD_MEMBER, Role.LAY_MEMBER}
)

# Everyone who works on the partnership's business, as opposed to practitioners and readers.
PARTNERSHIP_TEAM = BOARD_BUSINESS_READERS | {
    Role.AGENCY_LEAD,
    Role.AUDITOR,
    Role.LEARNING_OFFICER,
}
