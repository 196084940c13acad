from safeboard.accounts.roles import Role
from safeboard.learning.factories import AgencyDomainFactory
from tests.access import AccessCase

# Registering is public (tests/test_permissions.py's PUBLIC); the email domains that may
# register are the training team's.
TEAM = {Role.LEARNING_OFFICER, Role.BUSINESS_MANAGER}


def _domain(cast):
    return {"pk": AgencyDomainFactory(agency=cast.home_agency).pk}


ACCESS_CASES = [
    AccessCase("learning:agency_domains", TEAM),
    AccessCase("learning:agency_domain_remove", TEAM, _domain, method="post"),
    AccessCase("learning:agency_domain_subdomains", TEAM, _domain, method="post"),
]
