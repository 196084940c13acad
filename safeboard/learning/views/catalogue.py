"""What everyone signed in may read: the catalogue, a course, an event, a session.

Names of the people booked on a session are shown only to its trainer and the training team;
everyone else sees counts of places."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from .. import results, selectors
from ..charts import confidence_chart
from ..forms.courses import CatalogueFilterForm
from ..rules import learner_of
from .common import (
    CourseObjectMixin,
    EventObjectMixin,
    SessionObjectMixin,
    catalogue_crumb,
    course_crumb,
    session_label,
    url_or_none,
)

PAGE_SIZE = 50


class CourseListView(RulePermissionMixin, View):
    permission_required = "learning.list_courses"

    def get(self, request):
        user = request.user
        manages = user.has_perm("learning.manage_courses")
        form = CatalogueFilterForm(request.GET or None, with_withdrawn=manages)
        courses = selectors.course_catalogue(filters=form.filters()).prefetch_related("themes")
        page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "learning/course_list.html",
            {
                "page": page,
                "filter_form": form,
                "filtered": bool(query),
                "query": query.urlencode(),
                "can_manage": manages,
                "can_see_mine": user.has_perm("learning.view_my_training"),
                "can_see_staff": user.has_perm("learning.view_staff_training"),
                "can_see_charges": user.has_perm("learning.list_charges"),
            },
            status=400 if form.errors else 200,
        )


class CourseDetailView(CourseObjectMixin, View):
    permission_required = "learning.view_course"

    def get(self, request, pk):
        course = self.get_object()
        user = request.user
        upcoming = selectors.upcoming_sessions(course=course)
        mine = selectors.live_bookings_by_session(learner=learner_of(user), sessions=upcoming)
        for session in upcoming:
            session.own_booking = mine.get(session.pk)
        context = {
            "course": course,
            "outcomes": list(course.outcomes.order_by("position", "id")),
            "job_roles": list(course.job_roles.all()),
            "themes": list(course.themes.all()),
            "reviews": [
                (review, url_or_none(review))
                for review in course.reviews.all()
                if user.has_perm("reviews.view_review", review)
            ],
            "priorities": [
                (
                    priority,
                    url_or_none(priority)
                    if user.has_perm("priorities.view_priority", priority)
                    else None,
                )
                for priority in course.priorities.select_related("plan")
            ],
            "upcoming": upcoming,
            "can_manage": user.has_perm("learning.manage_courses"),
            "can_book": user.has_perm("learning.book_place"),
            "crumbs": [catalogue_crumb(), {"text": course.title}],
        }
        if context["can_manage"]:
            context["held"] = selectors.held_sessions(course=course)
        if user.has_perm("learning.view_results"):
            course_results = results.course_results(course)
            context["results"] = course_results
            context["chart"] = confidence_chart(
                outcomes=course_results.outcomes,
                title=f"Confidence before and after {course.title}",
                chart_id="course-confidence",
            )
        return render(request, "learning/course_detail.html", context)


class EventListView(RulePermissionMixin, View):
    permission_required = "learning.view_event"

    def get(self, request):
        today = timezone.localdate()
        events = list(selectors.event_list())
        return render(
            request,
            "learning/event_list.html",
            {
                "coming": [event for event in events if event.ends_on >= today][::-1],
                "past": [event for event in events if event.ends_on < today],
                "can_manage": request.user.has_perm("learning.manage_events"),
                "crumbs": [catalogue_crumb(), {"text": "Events"}],
            },
        )


class EventDetailView(EventObjectMixin, View):
    permission_required = "learning.view_event"

    def get(self, request, pk):
        event = self.get_object()
        return render(
            request,
            "learning/event_detail.html",
            {
                "event": event,
                "sessions": selectors.event_sessions(event=event),
                "now": timezone.now(),
                "can_manage": request.user.has_perm("learning.manage_events"),
                "crumbs": [
                    catalogue_crumb(),
                    {"text": "Events", "href": reverse("learning:event_list")},
                    {"text": event.title},
                ],
            },
        )


class SessionDetailView(SessionObjectMixin, View):
    permission_required = "learning.view_session"

    def get(self, request, pk):
        session = selectors.session_page(self.get_object().pk)
        user = request.user
        now = timezone.now()
        own = selectors.live_bookings_by_session(learner=learner_of(user), sessions=[session])
        context = {
            "session": session,
            "course": session.course,
            "heading": session_label(session),
            "started": session.starts_at <= now,
            "cancelled": session.status == session.Status.CANCELLED,
            "own_booking": own.get(session.pk),
            "can_book": user.has_perm("learning.book_place"),
            "can_manage": user.has_perm("learning.manage_sessions"),
            "can_mark": user.has_perm("learning.mark_attendance", session),
            "crumbs": [
                catalogue_crumb(),
                course_crumb(session.course),
                {"text": session_label(session)},
            ],
        }
        if user.has_perm("learning.view_session_bookings", session):
            context["bookings"] = selectors.session_bookings(session=session)
        if context["started"] and user.has_perm("learning.view_results"):
            session_results = results.session_results(session)
            context["results"] = session_results
            context["chart"] = confidence_chart(
                outcomes=session_results.outcomes,
                title=f"Confidence before and after the session of {context['heading']}",
                chart_id="session-confidence",
            )
        return render(request, "learning/session_detail.html", context)
