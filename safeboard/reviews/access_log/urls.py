"""The access log of restricted reviews."""

from django.urls import path

from . import views

urlpatterns = [
    path("access-log/", views.AccessLogView.as_view(), name="access_log"),
]
