"""Every view declares who may use it: `permission_required` names a rule in a rules.py."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rules.contrib.views import PermissionRequiredMixin


class RulePermissionMixin(PermissionRequiredMixin):
    """Check a rule; signed-in users without it get 403, never a silent redirect loop."""

    raise_exception = True
    # Set by View.setup() on the view this mixes into.
    request: HttpRequest
    kwargs: dict[str, Any]

    def handle_no_permission(self):
        raise PermissionDenied
