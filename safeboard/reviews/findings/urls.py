"""A review's findings and recommendations, and the actions answering them."""

from django.urls import path

from . import views

urlpatterns = [
    path("<int:pk>/findings/", views.FindingsView.as_view(), name="findings"),
    path("<int:pk>/lessons.export", views.LessonsExportView.as_view(), name="lessons_export"),
    path("<int:pk>/findings/new/", views.FindingCreateView.as_view(), name="finding_create"),
    path(
        "<int:pk>/findings/<int:finding_pk>/change/",
        views.FindingEditView.as_view(),
        name="finding_edit",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/delete/",
        views.FindingDeleteView.as_view(),
        name="finding_delete",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/move/",
        views.FindingMoveView.as_view(),
        name="finding_move",
    ),
    path(
        "<int:pk>/findings/<int:finding_pk>/history/",
        views.FindingHistoryView.as_view(),
        name="finding_history",
    ),
    path(
        "<int:pk>/recommendations/",
        views.RecommendationsView.as_view(),
        name="recommendations",
    ),
    path(
        "<int:pk>/recommendations/new/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/change/",
        views.RecommendationEditView.as_view(),
        name="recommendation_edit",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/delete/",
        views.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/actions/",
        views.RecommendationActionsView.as_view(),
        name="recommendation_actions",
    ),
    path(
        "<int:pk>/recommendations/<int:recommendation_pk>/history/",
        views.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
]
