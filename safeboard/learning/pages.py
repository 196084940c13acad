"""What the training pages share: the record a rule is checked on, the breadcrumbs, the form
page about one record, and the form that only confirms."""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.urls import NoReverseMatch, reverse

from safeboard.core.forms import GovUKForm
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .models import Booking, Course, Event, LearningOutcome, Session

FORM_TEMPLATE = "core/form.html"


def catalogue_crumb() -> dict:
    return {"text": "Training", "href": reverse("learning:course_list")}


def course_crumb(course: Course) -> dict:
    return {"text": course.title, "href": course.get_absolute_url()}


def session_crumb(session: Session) -> dict:
    return {"text": session_label(session), "href": session.get_absolute_url()}


def session_label(session: Session) -> str:
    from django.utils import timezone
    from django.utils.dateformat import format as format_date

    return format_date(timezone.localtime(session.starts_at), "j F Y, H:i")


def url_or_none(record) -> str | None:
    """The record's page, when the app that shows it has one yet."""
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return None


class CourseObjectMixin(RecordMixin, RulePermissionMixin):
    model = Course

    def crumbs(self) -> list[dict]:
        return [catalogue_crumb(), course_crumb(self.get_object())]


class OutcomeObjectMixin(RecordMixin, RulePermissionMixin):
    model = LearningOutcome

    def get_queryset(self):
        return LearningOutcome.objects.select_related("course")

    def crumbs(self) -> list[dict]:
        return [catalogue_crumb(), course_crumb(self.get_object().course)]


class EventObjectMixin(RecordMixin, RulePermissionMixin):
    model = Event

    def crumbs(self) -> list[dict]:
        event = self.get_object()
        return [
            catalogue_crumb(),
            {"text": "Events", "href": reverse("learning:event_list")},
            {"text": event.title, "href": event.get_absolute_url()},
        ]


class SessionObjectMixin(RecordMixin, RulePermissionMixin):
    model = Session

    def get_queryset(self):
        return Session.objects.select_related("course", "event", "trainer__person")

    def crumbs(self) -> list[dict]:
        session = self.get_object()
        return [catalogue_crumb(), course_crumb(session.course), session_crumb(session)]


class BookingObjectMixin(RecordMixin, RulePermissionMixin):
    model = Booking

    def get_queryset(self):
        return Booking.objects.select_related(
            "learner__agency",
            "learner__job_role",
            "learner__manager",
            "session__course",
            "evaluation",
            "follow_up",
        )

    def crumbs(self) -> list[dict]:
        booking = self.get_object()
        return [
            my_training_crumb(self.request.user, booking),
            {"text": booking.session.course.title, "href": booking.get_absolute_url()},
        ]


def my_training_crumb(user, booking: Booking) -> dict:
    """The list the booking belongs to, as the user knows it."""
    if booking.learner.user_id == user.pk:
        return {"text": "My training", "href": reverse("learning:my_training")}
    if user.has_perm("learning.view_session_bookings", booking.session):
        return session_crumb(booking.session)
    if user.has_perm("learning.view_staff_training"):
        return {"text": "My staff's training", "href": reverse("learning:staff_training")}
    return catalogue_crumb()


class KeepsForm:
    """Keeps the bound form, for services that take more than its cleaned data."""

    def get_form(self, data=None, files=None):
        self.form = super().get_form(data, files)
        return self.form


class RecordFormView(KeepsForm, ServiceFormView):
    """A form about one record, on the shared form page with its caption and intro."""

    template_name = FORM_TEMPLATE
    intro = ""

    def caption(self) -> str:
        return str(self.get_object())

    def page_context(self) -> dict:
        return {"caption": self.caption(), "lead": self.intro}

    def refusal(self) -> str | None:
        """Why the record's state does not allow this form's change now, or None when it
        does (a predicate of booking/states.py); who may ask is the permission's business."""
        return None

    def get(self, request, **kwargs):
        return self.refused() or super().get(request, **kwargs)

    def post(self, request, **kwargs):
        return self.refused() or super().post(request, **kwargs)

    def refused(self):
        """The form page with the reason its change is refused, the same for a GET as for a
        POST (which changes nothing); None when the change is allowed."""
        reason = self.refusal()
        if reason is None:
            return None
        return self.show(with_refusal(self.get_form(), reason), status=400)


def with_refusal(form, reason: str):
    """The unbound form, showing the reason in its error summary."""
    form.errors[NON_FIELD_ERRORS] = form.error_class([reason], error_class="nonfield")
    return form


class ConfirmForm(GovUKForm):
    """A form with nothing to fill in: the button confirms."""

    def __init__(self, *args, submit_label: str = "Confirm", **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)
