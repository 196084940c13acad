"""The training team's pages: courses and their outcomes, events and sessions."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django.views import View

from safeboard.core.service_views import ServiceFormView

from .. import services
from ..forms.courses import ConfirmForm, CourseForm, OutcomeForm
from ..forms.sessions import EventForm, SessionCancelForm, SessionForm
from .common import (
    FORM_TEMPLATE,
    CourseObjectMixin,
    EventObjectMixin,
    KeepsForm,
    OutcomeObjectMixin,
    RecordFormView,
    SessionObjectMixin,
    catalogue_crumb,
    session_label,
)


class CourseCreateView(KeepsForm, ServiceFormView):
    permission_required = "learning.manage_courses"
    form_class = CourseForm
    heading = "Add a course"
    template_name = FORM_TEMPLATE

    def form_kwargs(self):
        return {"user": self.request.user}

    def call_service(self, data):
        return services.course_create(**self.form.service_arguments())

    def success_message(self, record):
        return f"“{record.title}” is in the catalogue."

    def crumbs(self):
        return [catalogue_crumb()]


class CourseFormView(CourseObjectMixin, RecordFormView):
    """A form on one course; subclasses name the form and the service."""


class CourseEditView(CourseFormView):
    permission_required = "learning.manage_courses"
    form_class = CourseForm
    heading = "Change the course"
    success_text = "The course has been changed."

    def initial(self):
        return CourseForm.initial_for(self.get_object())

    def form_kwargs(self):
        return {"user": self.request.user, "course": self.get_object()}

    def call_service(self, data):
        services.course_update(course=self.get_object(), **self.form.service_arguments())


class OutcomeAddView(CourseFormView):
    permission_required = "learning.manage_courses"
    form_class = OutcomeForm
    heading = "Add a learning outcome"
    intro = "It goes at the end of the list; move it up from the course's page."
    success_text = "The learning outcome has been added."

    def call_service(self, data):
        services.outcome_add(course=self.get_object(), **data)


class OutcomeFormView(OutcomeObjectMixin, RecordFormView):
    permission_required = "learning.manage_courses"

    def caption(self):
        return self.get_object().course.title

    def success_url(self, record):
        return self.get_object().course.get_absolute_url() + "#outcomes"


class OutcomeEditView(OutcomeFormView):
    form_class = OutcomeForm
    heading = "Change the learning outcome"
    intro = "Evaluations already received keep their ratings against it."
    success_text = "The learning outcome has been changed."

    def initial(self):
        return {"text": self.get_object().text}

    def call_service(self, data):
        services.outcome_update(outcome=self.get_object(), **data)


class OutcomeRemoveView(OutcomeFormView):
    form_class = ConfirmForm
    heading = "Remove the learning outcome"
    success_text = "The learning outcome has been removed."

    def form_kwargs(self):
        return {"submit_label": "Remove it"}

    def page_context(self):
        return {**super().page_context(), "lead": f"“{self.get_object().text}”"}

    def call_service(self, data):
        services.outcome_remove(outcome=self.get_object())


class OutcomeMoveView(OutcomeObjectMixin, View):
    """Move an outcome one place up or down the course's list (the buttons on its page)."""

    permission_required = "learning.manage_courses"

    def post(self, request, pk):
        outcome = self.get_object()
        services.outcome_move(outcome=outcome, up=request.POST.get("direction") != "down")
        return redirect(outcome.course.get_absolute_url() + "#outcomes")


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
