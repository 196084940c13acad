"""Referring a case, and recording its notification and rapid review."""

from django.urls import path

from . import views

urlpatterns = [
    path("refer/", views.ReferCaseView.as_view(), name="refer"),
    path("<id:pk>/notification/", views.NotificationSentView.as_view(), name="notification"),
    path("<id:pk>/rapid-review/", views.RapidReviewView.as_view(), name="rapid_review"),
]
