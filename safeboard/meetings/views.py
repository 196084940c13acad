from __future__ import annotations

from django.views.generic import DetailView, ListView

from safeboard.core.views_mixins import RulePermissionMixin

from .models import Meeting


class MeetingListView(RulePermissionMixin, ListView):
    permission_required = "meetings.list_meetings"
    model = Meeting
    template_name = "meetings/meeting_list.html"


class MeetingDetailView(RulePermissionMixin, DetailView):
    permission_required = "meetings.view_meeting"
    model = Meeting
    template_name = "meetings/meeting_list.html"
