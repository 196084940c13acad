"""Events and sessions: what everyone signed in may read (an event, a session: names of the
people booked only for its trainer and the training team, everyone else sees counts of
places), and the training team's pages that add, change and cancel them."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views import View

from safeboard.core.service_views import ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from ..booking import selectors as booking_selectors
from ..evaluation import selectors as evaluation_results
from ..evaluation.charts import confidence_chart
from ..evaluation.follow_up import follow_up_section
from ..pages import (
    FORM_TEMPLATE,
    CourseObjectMixin,
    EventObjectMixin,
    RecordFormView,
    SessionObjectMixin,
    catalogue_crumb,
    course_crumb,
    session_label,
)
from ..rules import learner_of
from . import selectors, services
from .forms import EventForm, SessionCancelForm, SessionForm


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
        own = booking_selectors.live_bookings_by_session(
            learner=learner_of(user), sessions=[session]
        )
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
            session_results = evaluation_results.session_results(session)
            context["results"] = session_results
            context["chart"] = confidence_chart(
                outcomes=session_results.outcomes,
                title=f"Confidence before and after the session of {context['heading']}",
                chart_id="session-confidence",
            )
            context["follow_up"] = follow_up_section(
                of=f"the session of {context['heading']}",
                chart_id="session-follow-up",
                session=session,
            )
        return render(request, "learning/session_detail.html", context)


class EventCreateView(ServiceFormView):
    permission_required = "learning.manage_events"
    form_class = EventForm
    heading = "Add an event"
    template_name = FORM_TEMPLATE

    def call_service(self, data):
        return services.event_create(**data)

    def success_message(self, record):
        return f"“{record.title}” added. Add its sessions from each course's page."

    def crumbs(self):
        return [catalogue_crumb(), {"text": "Events", "href": reverse("learning:event_list")}]


class EventEditView(EventObjectMixin, RecordFormView):
    permission_required = "learning.manage_events"
    form_class = EventForm
    heading = "Change the event"
    success_text = "The event has been changed."

    def initial(self):
        return EventForm.initial_for(self.get_object())

    def call_service(self, data):
        services.event_update(event=self.get_object(), **data)


class SessionCreateView(CourseObjectMixin, RecordFormView):
    permission_required = "learning.manage_sessions"
    form_class = SessionForm
    heading = "Add a session"

    def call_service(self, data):
        return services.session_create(course=self.get_object(), **self.form.service_arguments())

    def success_message(self, record):
        return f"Session on {session_label(record)} added: it can be booked now."


class SessionFormView(SessionObjectMixin, RecordFormView):
    permission_required = "learning.manage_sessions"

    def caption(self):
        session = self.get_object()
        return f"{session.course.title}, {session_label(session)}"


class SessionEditView(SessionFormView):
    form_class = SessionForm
    heading = "Change the session"
    intro = "More places move the waiting list up: each person given a place is emailed."

    def initial(self):
        return SessionForm.initial_for(self.get_object())

    def form_kwargs(self):
        return {"session": self.get_object()}

    def call_service(self, data):
        self.moved_up = services.session_update(
            session=self.get_object(), **self.form.service_arguments()
        )

    def success_message(self, record):
        count = len(self.moved_up)
        if not count:
            return "The session has been changed."
        people = "1 person" if count == 1 else f"{count} people"
        return f"The session has been changed: {people} moved up from the waiting list."


class SessionCancelView(SessionFormView):
    form_class = SessionCancelForm
    heading = "Cancel the session"
    intro = (
        "Everyone with a place or on the waiting list loses it and is told by email. "
        "This cannot be undone."
    )

    def call_service(self, data):
        self.told = services.session_cancel(
            session=self.get_object(), reason=data["reason"], cancelled_by=self.request.user
        )

    def success_message(self, record):
        count = len(self.told)
        people = "1 person" if count == 1 else f"{count} people"
        return f"The session has been cancelled and {people} told."
