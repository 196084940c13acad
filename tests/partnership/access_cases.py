from safeboard.accounts.roles import PARTNERSHIP_TEAM, Role
from safeboard.partnership.factories import (
    GroupFactory,
    HandbookPageFactory,
    InductionItemFactory,
    InductionPlanFactory,
    MembershipFactory,
)
from tests.access import AccessCase

MANAGER = {Role.BUSINESS_MANAGER}


def _home_agency(cast):
    return {"pk": cast.home_agency.pk}


def _home_person(cast):
    """The home agency's practitioner: a person with an account."""
    return {"pk": cast[Role.PRACTITIONER].person.pk}


def _group(cast):
    return {"pk": GroupFactory().pk}


def _home_membership(cast):
    return {"pk": MembershipFactory(person=cast[Role.PRACTITIONER].person).pk}


def _lay_members_plan(cast):
    """The lay member's induction plan, with the board member as their buddy."""
    return InductionPlanFactory(
        person=cast[Role.LAY_MEMBER].person, buddy=cast[Role.BOARD_MEMBER].person
    )


def _plan(cast):
    return {"pk": _lay_members_plan(cast).pk}


def _plan_item(cast):
    return {"pk": InductionItemFactory(plan=_lay_members_plan(cast)).pk}


def _plan_exists(cast):
    _lay_members_plan(cast)
    return {}


def _handbook_page(cast):
    return {"pk": HandbookPageFactory().pk}


# The partnership team reads the partnership; only the business manager changes it. Records
# of the home agency prove that another agency's lead cannot change them either.
ACCESS_CASES = [
    AccessCase("partnership:agency_list", PARTNERSHIP_TEAM),
    AccessCase("partnership:agency_detail", PARTNERSHIP_TEAM, _home_agency),
    AccessCase("partnership:agency_create", MANAGER),
    AccessCase("partnership:agency_edit", MANAGER, _home_agency, other_agency_refused=True),
    AccessCase("partnership:person_list", PARTNERSHIP_TEAM),
    AccessCase("partnership:person_detail", PARTNERSHIP_TEAM, _home_person),
    AccessCase("partnership:person_create", MANAGER),
    AccessCase("partnership:person_edit", MANAGER, _home_person, other_agency_refused=True),
    AccessCase("partnership:person_account", MANAGER, _home_person, other_agency_refused=True),
    AccessCase("partnership:group_list", PARTNERSHIP_TEAM),
    AccessCase("partnership:group_detail", PARTNERSHIP_TEAM, _group),
    AccessCase("partnership:group_create", MANAGER),
    AccessCase("partnership:group_edit", MANAGER, _group, other_agency_refused=True),
    AccessCase("partnership:membership_add", MANAGER, _group, other_agency_refused=True),
    AccessCase("partnership:membership_end", MANAGER, _home_membership, other_agency_refused=True),
    # Everyone with a plan or a buddy to look after has the list; here, the lay member and
    # their buddy the board member.
    AccessCase(
        "partnership:induction_list", MANAGER | {Role.LAY_MEMBER, Role.BOARD_MEMBER}, _plan_exists
    ),
    AccessCase(
        "partnership:induction_detail",
        MANAGER | {Role.LAY_MEMBER, Role.BOARD_MEMBER},
        _plan,
        other_agency_refused=True,
    ),
    AccessCase("partnership:induction_create", MANAGER),
    # The new member ticks their own checklist; their buddy reads it but does not tick it.
    AccessCase(
        "partnership:induction_item_tick",
        MANAGER | {Role.LAY_MEMBER},
        _plan_item,
        other_agency_refused=True,
        method="post",
    ),
    AccessCase("partnership:handbook", PARTNERSHIP_TEAM),
    AccessCase("partnership:handbook_create", MANAGER),
    AccessCase("partnership:handbook_edit", MANAGER, _handbook_page, other_agency_refused=True),
]
