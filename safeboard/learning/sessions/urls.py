"""The addresses of events and sessions."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "courses/<id:pk>/sessions/new/",
        views.SessionCreateView.as_view(),
        name="session_create",
    ),
    path("events/", views.EventListView.as_view(), name="event_list"),
    path("events/new/", views.EventCreateView.as_view(), name="event_create"),
    path("events/<id:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("events/<id:pk>/change/", views.EventEditView.as_view(), name="event_edit"),
    path("sessions/<id:pk>/", views.SessionDetailView.as_view(), name="session_detail"),
    path("sessions/<id:pk>/change/", views.SessionEditView.as_view(), name="session_edit"),
    path("sessions/<id:pk>/cancel/", views.SessionCancelView.as_view(), name="session_cancel"),
]
