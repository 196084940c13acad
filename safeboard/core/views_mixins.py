"""Every view declares who may use it: `permission_required` names a rule in a rules.py."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from rules.contrib.views import PermissionRequiredMixin


class RulePermissionMixin(PermissionRequiredMixin):
    """Check a rule; signed-in users without it get 403, never a silent redirect loop."""

    raise_exception = True

    def handle_no_permission(self):
        raise PermissionDenied
