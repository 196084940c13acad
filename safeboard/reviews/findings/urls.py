"""A review's findings and recommendations, and the actions answering them."""

from django.urls import path

from . import views

urlpatterns = [
    path("<id:pk>/findings/", views.FindingsView.as_view(), name="findings"),
    path("<id:pk>/lessons.export", views.LessonsExportView.as_view(), name="lessons_export"),
    path("<id:pk>/findings/new/", views.FindingCreateView.as_view(), name="finding_create"),
    path(
        "<id:pk>/findings/<id:finding_pk>/change/",
        views.FindingEditView.as_view(),
        name="finding_edit",
    ),
    path(
        "<id:pk>/findings/<id:finding_pk>/delete/",
        views.FindingDeleteView.as_view(),
        name="finding_delete",
    ),
    path(
        "<id:pk>/findings/<id:finding_pk>/move/",
        views.FindingMoveView.as_view(),
        name="finding_move",
    ),
    path(
        "<id:pk>/findings/<id:finding_pk>/history/",
        views.FindingHistoryView.as_view(),
        name="finding_history",
    ),
    path(
        "<id:pk>/recommendations/",
        views.RecommendationsView.as_view(),
        name="recommendations",
    ),
    path(
        "<id:pk>/recommendations/new/",
        views.RecommendationCreateView.as_view(),
        name="recommendation_create",
    ),
    path(
        "<id:pk>/recommendations/<id:recommendation_pk>/change/",
        views.RecommendationEditView.as_view(),
        name="recommendation_edit",
    ),
    path(
        "<id:pk>/recommendations/<id:recommendation_pk>/delete/",
        views.RecommendationDeleteView.as_view(),
        name="recommendation_delete",
    ),
    path(
        "<id:pk>/recommendations/<id:recommendation_pk>/actions/",
        views.RecommendationActionsView.as_view(),
        name="recommendation_actions",
    ),
    path(
        "<id:pk>/recommendations/<id:recommendation_pk>/history/",
        views.RecommendationHistoryView.as_view(),
        name="recommendation_history",
    ),
]
