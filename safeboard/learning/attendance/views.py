"""The trainer's pages: mark who attended, on the form or from the sign-in sheet."""

from __future__ import annotations

from django.utils import timezone

from ..models import Booking
from ..pages import RecordFormView, SessionObjectMixin, session_label
from . import services
from .forms import AttendanceForm, SignInSheetForm


class AttendanceFormView(SessionObjectMixin, RecordFormView):
    permission_required = "learning.mark_attendance"
    template_name = "learning/attendance_form.html"

    def caption(self):
        session = self.get_object()
        return f"{session.course.title}, {session_label(session)}"

    def page_context(self):
        session = self.get_object()
        course = session.course
        return {
            **super().page_context(),
            "session": session,
            "course": course,
            "not_started": session.starts_at > timezone.now(),
            "cancelled": session.status == session.Status.CANCELLED,
            "has_places": bool(self.places()),
        }

    def places(self) -> list[Booking]:
        if not hasattr(self, "_places"):
            self._places = list(
                self.get_object()
                .bookings.filter(status=Booking.Status.BOOKED)
                .select_related("learner__agency", "learner__job_role")
                .order_by("learner__full_name", "id")
            )
        return self._places

    def success_message(self, record):
        result = self.result
        changed = "1 learner" if result.marked == 1 else f"{result.marked} learners"
        return f"Attendance saved: {changed} marked or changed, {result.unchanged} as before."


class AttendanceView(AttendanceFormView):
    form_class = AttendanceForm
    heading = "Mark attendance"

    def form_kwargs(self):
        return {"bookings": self.places()}

    def call_service(self, data):
        self.result = services.attendance_mark(
            session=self.get_object(), marks=self.form.marks(), marked_by=self.request.user
        )


class AttendanceUploadView(AttendanceFormView):
    form_class = SignInSheetForm
    heading = "Upload the sign-in sheet"

    def page_context(self):
        return {**super().page_context(), "upload": True}

    def call_service(self, data):
        self.result = services.attendance_upload(
            session=self.get_object(), upload=data["file"], marked_by=self.request.user
        )
