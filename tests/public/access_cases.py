"""Who may change the partnership's name and logo (the public site's own pages are in
tests/test_permissions.py's PUBLIC: anyone reads them)."""

from safeboard.accounts.roles import Role
from tests.access import AccessCase

ACCESS_CASES = [AccessCase("branding:edit", {Role.BUSINESS_MANAGER})]
