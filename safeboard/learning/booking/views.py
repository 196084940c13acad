"""Booking a place, one booking's page, cancelling, and the lists of a learner's own
training and a line manager's staff's training."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views import View

from safeboard.core.views_mixins import RulePermissionMixin

from ..models import Booking
from ..pages import (
    FORM_TEMPLATE,
    BookingObjectMixin,
    ConfirmForm,
    RecordFormView,
    SessionObjectMixin,
    catalogue_crumb,
    course_crumb,
    my_training_crumb,
    session_crumb,
    session_label,
    with_refusal,
)
from ..rules import learner_of
from ..sessions import selectors as session_selectors
from . import selectors, states
from . import services as booking_services
from .forms import BookingForm

PAGE_SIZE = 50
NOT_ALLOWED_TO_BOOK = "You can book only yourself and your own staff."
NOBODY_TO_BOOK = "Register as a learner to book yourself a place."


class SessionBookView(SessionObjectMixin, View):
    permission_required = "learning.book_place"

    def form(self, data=None) -> BookingForm:
        user = self.request.user
        own = learner_of(user)
        session = session_selectors.session_page(self.get_object().pk)
        self.session = session
        return BookingForm(
            data,
            own=own,
            staff=list(selectors.bookable_staff(manager=own)) if own else [],
            by_email=user.has_perm("learning.book_anyone"),
            full=session.places_left <= 0,
        )

    def get(self, request, pk):
        form = self.form()
        reason = states.book_refusal(self.session)
        return self.refused(reason) if reason else self.show(form)

    def post(self, request, pk):
        form = self.form(request.POST)
        reason = states.book_refusal(self.session)
        if reason:
            return self.refused(reason)
        if form.is_valid():
            learner = form.chosen_learner()
            try:
                if learner is None:
                    raise ValidationError(NOBODY_TO_BOOK)
                if not request.user.has_perm("learning.book_learner", learner):
                    raise ValidationError(NOT_ALLOWED_TO_BOOK)
                booking = booking_services.book(self.session, learner, request.user)
            except ValidationError as error:
                form.add_service_errors(error)
            else:
                to_learner = learner.user_id == request.user.pk
                messages.success(
                    request, booking_services.describe_booking(booking, to_learner=to_learner)
                )
                return redirect(booking)
        return self.show(form, status=400)

    def refused(self, reason: str):
        """A session its state closes is refused the same on GET as on POST."""
        return self.show(with_refusal(self.form(), reason), status=400)

    def show(self, form, status=200):
        session = self.session
        heading = "Join the waiting list" if session.places_left <= 0 else "Book a place"
        return render(
            self.request,
            "learning/session_book.html",
            {
                "form": form,
                "session": session,
                "heading": heading,
                "when": session_label(session),
                "closed": not states.can_book(session),
                "crumbs": [
                    catalogue_crumb(),
                    course_crumb(session.course),
                    session_crumb(session),
                    {"text": heading},
                ],
            },
            status=status,
        )


class BookingDetailView(BookingObjectMixin, View):
    permission_required = "learning.view_booking"

    def get(self, request, pk):
        booking = self.get_object()
        user = request.user
        session = booking.session
        is_own = booking.learner.user_id == user.pk
        return render(
            request,
            "learning/booking_detail.html",
            {
                "booking": booking,
                "session": session,
                "when": session_label(session),
                "is_own": is_own,
                "position": booking_services.waiting_list_position(booking),
                "waiting": states.is_waiting(booking),
                "attended": states.attended(booking),
                "evaluated": states.is_evaluated(booking),
                "follow_up": states.follow_up_of(booking),
                "crumbs": [my_training_crumb(user, booking), {"text": session.course.title}],
            },
        )


class BookingCancelView(BookingObjectMixin, RecordFormView):
    permission_required = "learning.cancel_booking"
    form_class = ConfirmForm
    template_name = FORM_TEMPLATE

    @property
    def heading(self):
        booking = self.get_object()
        if states.is_waiting(booking):
            return "Leave the waiting list"
        return "Cancel the place"

    def form_kwargs(self):
        return {"submit_label": self.heading}

    def caption(self):
        booking = self.get_object()
        return f"{booking.session.course.title}, {session_label(booking.session)}"

    def page_context(self):
        booking = self.get_object()
        own = booking.learner.user_id == self.request.user.pk
        whose = "your" if own else f"{booking.learner.full_name}’s"
        intro = f"This gives up {whose} place; the first person on the waiting list is offered it."
        if states.is_waiting(booking):
            intro = f"This takes {booking.learner.full_name if not own else 'you'} off the waiting list."
        return {**super().page_context(), "lead": intro}

    def refusal(self):
        return states.cancel_refusal(self.get_object())

    def call_service(self, data):
        self.cancellation = booking_services.cancel(self.get_object(), self.request.user)

    def success_message(self, record):
        return "The booking has been cancelled."


class MyTrainingView(RulePermissionMixin, View):
    permission_required = "learning.view_my_training"

    def get(self, request):
        learner = learner_of(request.user)
        bookings = list(selectors.learner_bookings(learner=learner))
        now = timezone.now()
        live = (Booking.Status.BOOKED, Booking.Status.WAITING)
        return render(
            request,
            "learning/my_training.html",
            {
                "learner": learner,
                "upcoming": [b for b in bookings if b.session.starts_at > now and b.status in live][
                    ::-1
                ],
                "past": [b for b in bookings if b.session.starts_at <= now and b.status in live],
                "cancelled": [b for b in bookings if b.status == Booking.Status.CANCELLED],
                "crumbs": [catalogue_crumb(), {"text": "My training"}],
            },
        )


class StaffTrainingView(RulePermissionMixin, View):
    permission_required = "learning.view_staff_training"

    def get(self, request):
        manager = learner_of(request.user)
        bookings = selectors.staff_bookings(manager=manager)
        page = Paginator(bookings, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(
            request,
            "learning/staff_training.html",
            {
                "page": page,
                "staff": list(selectors.bookable_staff(manager=manager).select_related("job_role")),
                "crumbs": [catalogue_crumb(), {"text": "My staff's training"}],
            },
        )
