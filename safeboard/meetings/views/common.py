"""What every view of one meeting shares: finding the meeting the permission is checked on."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Meeting


class MeetingObjectMixin(RulePermissionMixin):
    """Checks the view's rule against the meeting named in the URL."""

    def get_object(self) -> Meeting:
        if not hasattr(self, "_meeting"):
            self._meeting = get_object_or_404(
                Meeting.objects.select_related("group"), pk=self.kwargs["pk"]
            )
        return self._meeting
