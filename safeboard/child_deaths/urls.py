"""Learning from child deaths."""

from django.urls import path

from . import views

app_name = "child_deaths"
urlpatterns = [
    path("", views.FindingListView.as_view(), name="finding_list"),
    path("new/", views.FindingCreateView.as_view(), name="finding_create"),
    path("<int:pk>/", views.FindingDetailView.as_view(), name="finding_detail"),
    path("<int:pk>/change/", views.FindingEditView.as_view(), name="finding_edit"),
    path(
        "<int:pk>/recommendations/new/",
        views.RecommendationAddView.as_view(),
        name="recommendation_add",
    ),
    path(
        "recommendations/<int:pk>/actions/new/",
        views.RecommendationActionAddView.as_view(),
        name="recommendation_add_action",
    ),
]
