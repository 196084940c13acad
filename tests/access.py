"""The access table format: who may open each URL of SafeBoard.

Every app's tests hold an `access_cases.py` with a list ACCESS_CASES of AccessCase.
tests/test_permissions.py enumerates every URL pattern of the project and fails when one has
no case, then proves each case: the allowed roles get in, every other role is refused, and
(for records owned by an agency or a person) another agency's lead is refused too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from safeboard.accounts.roles import Role

EVERY_ROLE = frozenset(Role.values)


@dataclass(frozen=True)
class AccessCase:
    url_name: str
    # Roles (from Role) of home-agency staff who get the page. Everyone else gets 403.
    allowed: frozenset[str]
    # Builds the records the URL needs, from the cast; returns the URL's kwargs.
    kwargs: Callable[..., dict] = field(default=lambda cast: {})
    # The record belongs to the home agency: prove another agency's lead is refused.
    other_agency_refused: bool = False
    # The URL only serves POST (a form elsewhere): test refusal with POST.
    method: str = "get"
    # Status the allowed roles get (e.g. 302 for a download that redirects).
    allowed_status: int = 200
    # Status everyone else gets: 404 where even the record's existence is confidential
    # (a restricted case review).
    refused_status: int = 403
