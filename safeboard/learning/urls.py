from django.urls import path

from . import part2_urls
from .views import attendance, booking, catalogue, charges, evaluation, managing

app_name = "learning"
urlpatterns = [
    path("", catalogue.CourseListView.as_view(), name="course_list"),
    path("courses/new/", managing.CourseCreateView.as_view(), name="course_create"),
    path("courses/<int:pk>/", catalogue.CourseDetailView.as_view(), name="course_detail"),
    path("courses/<int:pk>/change/", managing.CourseEditView.as_view(), name="course_edit"),
    path("courses/<int:pk>/outcomes/new/", managing.OutcomeAddView.as_view(), name="outcome_add"),
    path(
        "courses/<int:pk>/sessions/new/",
        managing.SessionCreateView.as_view(),
        name="session_create",
    ),
    path("outcomes/<int:pk>/change/", managing.OutcomeEditView.as_view(), name="outcome_edit"),
    path("outcomes/<int:pk>/remove/", managing.OutcomeRemoveView.as_view(), name="outcome_remove"),
    path("outcomes/<int:pk>/move/", managing.OutcomeMoveView.as_view(), name="outcome_move"),
    path("events/", catalogue.EventListView.as_view(), name="event_list"),
    path("events/new/", managing.EventCreateView.as_view(), name="event_create"),
    path("events/<int:pk>/", catalogue.EventDetailView.as_view(), name="event_detail"),
    path("events/<int:pk>/change/", managing.EventEditView.as_view(), name="event_edit"),
    path("sessions/<int:pk>/", catalogue.SessionDetailView.as_view(), name="session_detail"),
    path("sessions/<int:pk>/change/", managing.SessionEditView.as_view(), name="session_edit"),
    path("sessions/<int:pk>/cancel/", managing.SessionCancelView.as_view(), name="session_cancel"),
    path("sessions/<int:pk>/book/", booking.SessionBookView.as_view(), name="session_book"),
    path("sessions/<int:pk>/attendance/", attendance.AttendanceView.as_view(), name="attendance"),
    path(
        "sessions/<int:pk>/attendance/upload/",
        attendance.AttendanceUploadView.as_view(),
        name="attendance_upload",
    ),
    path("bookings/<int:pk>/", booking.BookingDetailView.as_view(), name="booking_detail"),
    path("bookings/<int:pk>/cancel/", booking.BookingCancelView.as_view(), name="booking_cancel"),
    path("bookings/<int:pk>/evaluation/", evaluation.EvaluationView.as_view(), name="evaluation"),
    path(
        "bookings/<int:pk>/certificate/",
        evaluation.CertificateView.as_view(),
        name="certificate",
    ),
    path("bookings/<int:pk>/follow-up/", evaluation.FollowUpView.as_view(), name="follow_up"),
    path("mine/", booking.MyTrainingView.as_view(), name="my_training"),
    path("my-staff/", booking.StaffTrainingView.as_view(), name="staff_training"),
    path("charges/", charges.ChargeListView.as_view(), name="charge_list"),
]
urlpatterns += part2_urls.urlpatterns
