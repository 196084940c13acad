"""The public pages of case reviews (no sign-in)."""

from django.urls import path

from . import views

urlpatterns = [
    path("public/", views.PublishedReviewsView.as_view(), name="public_reviews"),
    path(
        "public/<id:pk>/report/<id:document_pk>/",
        views.PublishedReportView.as_view(),
        name="public_report",
    ),
    path(
        "public/briefings/<id:pk>/",
        views.PublicBriefingView.as_view(),
        name="public_briefing",
    ),
]
