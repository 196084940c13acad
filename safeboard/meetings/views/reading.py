"""Pages for everyone who reads board business: the meeting list, a meeting, its papers."""

from __future__ import annotations

from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from safeboard.accounts.requests import AuthenticatedHttpRequest
from safeboard.core import breadcrumbs
from safeboard.core.list_views import FilteredListView, query_without
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..forms import MeetingFilterForm
from ..models import Meeting, Paper
from .common import MeetingObjectMixin

PAGE_SIZE = 25


class MeetingListView(FilteredListView):
    request: AuthenticatedHttpRequest
    permission_required = "meetings.list_meetings"
    crumb_title = "Meetings"
    template_name = "meetings/meeting_list.html"
    filter_form_class = MeetingFilterForm
    page_size = PAGE_SIZE
    invalid_filter_status = 400

    def upcoming(self) -> bool:
        return self.request.GET.get("when") != "past"

    def filter_form_kwargs(self) -> dict:
        return {"groups": selectors.readable_groups(user=self.request.user)}

    def filters(self, data: dict | None) -> int | None:
        group = data["group"] if data else None
        return group.pk if group else None

    def get_rows(self, group_id: int | None):
        return selectors.meeting_list(
            user=self.request.user, upcoming=self.upcoming(), group_id=group_id
        )

    def page_context(self, rows) -> dict:
        user = self.request.user
        upcoming = self.upcoming()
        return {
            "title": "Upcoming meetings" if upcoming else "Past meetings",
            "upcoming": upcoming,
            "filter_query": query_without(self.request.GET, "when"),
            "can_manage": user.has_perm("meetings.manage_meetings"),
            "can_see_report": user.has_perm("meetings.view_attendance_report"),
        }


class MeetingDetailView(MeetingObjectMixin, View):
    permission_required = "meetings.view_meeting"
    crumb_parent = "meetings:list"

    @staticmethod
    def crumb_title(meeting: Meeting) -> str:
        return meeting.title

    def get(self, request, pk):
        meeting = self.get_object()
        return render(
            request,
            "meetings/meeting_detail.html",
            {
                "page": selectors.meeting_page(meeting=meeting),
                "meeting": meeting,
                "can_manage": request.user.has_perm("meetings.manage_meetings", meeting),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class PaperDownloadView(RulePermissionMixin, View):
    """Papers are served only through this check, never from a public media URL."""

    permission_required = "meetings.open_paper"

    def get_permission_object(self):
        self.paper = get_object_or_404(
            Paper.objects.select_related("meeting"), pk=self.kwargs["pk"]
        )
        return self.paper

    def get(self, request, pk):
        return FileResponse(
            self.paper.file.open("rb"),
            as_attachment=True,
            filename=self.paper.file.name.rsplit("/", 1)[-1],
            content_type=self.paper.content_type,
        )
