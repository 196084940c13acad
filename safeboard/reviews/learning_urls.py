"""The pages of a review's learning: findings, recommendations and their actions, learning
briefings and search. Added to the reviews URLs (urls.py), so in the `reviews` namespace."""

from django.urls import path

from .views import briefings, findings, search

urlpatterns = [
    path("<int:pk>/findings/", findings.FindingsView.as_view(), name="findings"),
    path("<int:pk>/findings/new/", findings.FindingCreateView.as_view(), name="finding_create"),
    path(
        "<int:pk>/findings/<int:finding_pk>/change/",
        findings.FindingEditView.as_view(),
        name="finding_edit",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/delete/",
        findings.FindingDeleteView.as_view(),
        name="finding_delete",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/move/",
        findings.FindingMoveView.as_view(),
        name="finding_move",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/history/",
        findings.FindingHistoryView.as_view(),
        name="finding_history",
    ),
    path(
        "<int:pk>/recommendations/",
        findings.RecommendationsView.as_view(),
        name="recommendations",
    ),
    path(
        "<int:pk>/recommendations/new/",
        findings.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/change/",
        findings.RecommendationEditView.as_view(),
        name="recommendation_edit",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/delete/",
        findings.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/actions/",
        findings.RecommendationActionsView.as_view(),
        name="recommendation_actions",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/history/",
        findings.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
    path(
        "<int:pk>/briefings/new/",
        briefings.ReviewBriefingCreateView.as_view(),
        name="briefing_create",
    ),
    path("briefings/", briefings.BriefingListView.as_view(), name="briefing_list"),
    path(
        "briefings/new/",
        briefings.ThemeBriefingCreateView.as_view(),
        name="theme_briefing_create",
    ),
    path("briefings/<int:pk>/", briefings.BriefingDetailView.as_view(), name="briefing"),
    path("briefings/<int:pk>/pdf/", briefings.BriefingPdfView.as_view(), name="briefing_pdf"),
    path("briefings/<int:pk>/change/", briefings.BriefingEditView.as_view(), name="briefing_edit"),
    path("briefings/<int:pk>/share/", briefings.BriefingShareView.as_view(), name="briefing_share"),
    path(
        "briefings/<int:pk>/withdraw/",
        briefings.BriefingWithdrawView.as_view(),
        name="briefing_withdraw",
    ),
    path(
        "briefings/<int:pk>/history/",
        briefings.BriefingHistoryView.as_view(),
        name="briefing_history",
    ),
    path("search/", search.SearchView.as_view(), name="search"),
]
