"""Predicates shared by every app's rules.py: who holds which role, and for which agency."""

from __future__ import annotations

from typing import Any

import rules

from .roles import BOARD_BUSINESS_READERS, PARTNERSHIP_TEAM, Role


def has_any_role(*roles: str) -> rules.Predicate:
    name = "has_any_role:" + ",".join(sorted(roles))

    @rules.predicate(name=name)
    def predicate(user) -> bool:
        return bool(getattr(user, "is_authenticated", False) and user.has_role(*roles))

    return predicate


is_business_manager = has_any_role(Role.BUSINESS_MANAGER)
is_chair = has_any_role(Role.CHAIR)
is_board_business_reader = has_any_role(*BOARD_BUSINESS_READERS)
is_partnership_team = has_any_role(*PARTNERSHIP_TEAM)
is_agency_representative = has_any_role(Role.AGENCY_LEAD, Role.BOARD_MEMBER)


@rules.predicate
def has_a_person(user) -> bool:
    """The account belongs to a person of the partnership (and so to an agency)."""
    return bool(getattr(user, "is_authenticated", False) and user.person_id)


@rules.predicate
def is_staff_of_owning_agency(user, record: Any) -> bool:
    """The user works for the agency that owns the record (its `owning_agency_id`)."""
    if record is None or not getattr(user, "is_authenticated", False):
        return False
    return user.agency_id is not None and user.agency_id == record.owning_agency_id


@rules.predicate
def is_record_owner(user, record: Any) -> bool:
    """The user is the person named as the record's owner (its `owner_person_id`)."""
    if record is None or not getattr(user, "is_authenticated", False):
        return False
    return user.person_id is not None and user.person_id == getattr(record, "owner_person_id", None)
