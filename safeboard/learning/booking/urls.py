"""The addresses of booking: a place on a session, one booking, a learner's own training and a
line manager's staff's."""

from django.urls import path

from . import views

urlpatterns = [
    path("sessions/<id:pk>/book/", views.SessionBookView.as_view(), name="session_book"),
    path("bookings/<id:pk>/", views.BookingDetailView.as_view(), name="booking_detail"),
    path("bookings/<id:pk>/cancel/", views.BookingCancelView.as_view(), name="booking_cancel"),
    path("mine/", views.MyTrainingView.as_view(), name="my_training"),
    path("my-staff/", views.StaffTrainingView.as_view(), name="staff_training"),
]
