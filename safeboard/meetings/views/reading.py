"""Pages for everyone who reads board business: the meeting list, a meeting, its papers."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import get_object_or_404, render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors
from ..forms import MeetingFilterForm
from ..models import Meeting, Paper
from .common import MeetingObjectMixin

PAGE_SIZE = 25


class MeetingListView(RulePermissionMixin, View):
    permission_required = "meetings.list_meetings"
    crumb_title = "Meetings"

    def get(self, request):
        upcoming = request.GET.get("when") != "past"
        groups = selectors.readable_groups(user=request.user)
        filter_form = MeetingFilterForm(request.GET or None, groups=groups)
        group = filter_form.cleaned_data["group"] if filter_form.is_valid() else None
        meetings = selectors.meeting_list(
            user=request.user, upcoming=upcoming, group_id=group.pk if group else None
        )
        page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        filters = query.copy()
        filters.pop("when", None)
        return render(
            request,
            "meetings/meeting_list.html",
            {
                "title": "Upcoming meetings" if upcoming else "Past meetings",
                "upcoming": upcoming,
                "page": page,
                "filter_form": filter_form,
                "query": query.urlencode(),
                "filter_query": filters.urlencode(),
                "can_manage": request.user.has_perm("meetings.manage_meetings"),
                "can_see_report": request.user.has_perm("meetings.view_attendance_report"),
            },
            status=400 if filter_form.errors else 200,
        )


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

    permission_required = "meetings.view_meeting"

    def get_permission_object(self):
        self.paper = get_object_or_404(
            Paper.objects.select_related("meeting"), pk=self.kwargs["pk"]
        )
        return self.paper.meeting

    def get(self, request, pk):
        return FileResponse(
            self.paper.file.open("rb"),
            as_attachment=True,
            filename=self.paper.file.name.rsplit("/", 1)[-1],
            content_type=self.paper.content_type,
        )
