"""Briefings for practitioners, about a review or a theme."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "<int:pk>/briefings/new/",
        views.ReviewBriefingCreateView.as_view(),
        name="briefing_create",
    ),
    path("briefings/", views.BriefingListView.as_view(), name="briefing_list"),
    path(
        "briefings/new/",
        views.ThemeBriefingCreateView.as_view(),
        name="theme_briefing_create",
    ),
    path("briefings/<int:pk>/", views.BriefingDetailView.as_view(), name="briefing"),
    path("briefings/<int:pk>/pdf/", views.BriefingPdfView.as_view(), name="briefing_pdf"),
    path("briefings/<int:pk>/change/", views.BriefingEditView.as_view(), name="briefing_edit"),
    path("briefings/<int:pk>/share/", views.BriefingShareView.as_view(), name="briefing_share"),
    path(
        "briefings/<int:pk>/withdraw/",
        views.BriefingWithdrawView.as_view(),
        name="briefing_withdraw",
    ),
    path(
        "briefings/<int:pk>/history/",
        views.BriefingHistoryView.as_view(),
        name="briefing_history",
    ),
]
