"""Who may import the Children in Need census, and who may see the imports.

The census is the local authority's return: its data contact (the agency lead of an agency
that owns census indicators) uploads it and decides what happens to records with problems.
The business manager may do the same for any local authority, sees every import, and alone
chooses whether the child-level rows are kept. Nobody sees the child-level rows in SafeBoard.

Object rules take a CensusImport, whose `owning_agency_id` is its local authority.
"""

import rules

from safeboard.accounts.predicates import (
    has_any_role,
    is_business_manager,
    is_staff_of_owning_agency,
)
from safeboard.accounts.roles import Role

is_data_contact = has_any_role(Role.AGENCY_LEAD)


@rules.predicate
def works_for_a_census_agency(user) -> bool:
    """The user's agency owns indicators computed from the census (a local authority)."""
    from safeboard.scorecard.models import Indicator

    if not getattr(user, "is_authenticated", False) or user.agency_id is None:
        return False
    return Indicator.objects.filter(owning_agency_id=user.agency_id).exclude(census_key="").exists()


is_census_data_contact = is_data_contact & works_for_a_census_agency
is_importing_agencys_data_contact = is_data_contact & is_staff_of_owning_agency

rules.add_perm("census.list_imports", is_business_manager | is_census_data_contact)
# Without this, the list shows only the user's own agency's imports.
rules.add_perm("census.list_every_import", is_business_manager)
rules.add_perm("census.upload_census", is_business_manager | is_census_data_contact)
# Upload for any census agency, not only one's own.
rules.add_perm("census.upload_for_any_agency", is_business_manager)
rules.add_perm("census.view_import", is_business_manager | is_importing_agencys_data_contact)
rules.add_perm("census.decide_import", is_business_manager | is_importing_agencys_data_contact)
# Run again a check that stopped before it finished: those who may decide on the import.
rules.add_perm("census.run_import_again", is_business_manager | is_importing_agencys_data_contact)
rules.add_perm("census.change_settings", is_business_manager)
