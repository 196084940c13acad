"""Briefings for practitioners, about a review or a theme."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "<id:pk>/briefings/new/",
        views.ReviewBriefingCreateView.as_view(),
        name="briefing_create",
    ),
    path("briefings/", views.BriefingListView.as_view(), name="briefing_list"),
    path(
        "briefings/new/",
        views.ThemeBriefingCreateView.as_view(),
        name="theme_briefing_create",
    ),
    path("briefings/<id:pk>/", views.BriefingDetailView.as_view(), name="briefing"),
    path("briefings/<id:pk>/pdf/", views.BriefingPdfView.as_view(), name="briefing_pdf"),
    path("briefings/<id:pk>/change/", views.BriefingEditView.as_view(), name="briefing_edit"),
    path("briefings/<id:pk>/share/", views.BriefingShareView.as_view(), name="briefing_share"),
    path(
        "briefings/<id:pk>/withdraw/",
        views.BriefingWithdrawView.as_view(),
        name="briefing_withdraw",
    ),
    path(
        "briefings/<id:pk>/history/",
        views.BriefingHistoryView.as_view(),
        name="briefing_history",
    ),
]
