"""The addresses where a session's attendance is marked."""

from django.urls import path

from . import views

urlpatterns = [
    path("sessions/<id:pk>/attendance/", views.AttendanceView.as_view(), name="attendance"),
    path(
        "sessions/<id:pk>/attendance/upload/",
        views.AttendanceUploadView.as_view(),
        name="attendance_upload",
    ),
]
