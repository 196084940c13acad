"""The address of reach."""

from django.urls import path

from . import views

urlpatterns = [
    path("reach/", views.ReachView.as_view(), name="reach"),
]
