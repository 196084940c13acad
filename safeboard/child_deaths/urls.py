"""Learning from child deaths."""

from django.urls import path

from . import views

app_name = "child_deaths"
urlpatterns = [
    path("", views.FindingListView.as_view(), name="finding_list"),
    path("new/", views.FindingCreateView.as_view(), name="finding_create"),
    path("<id:pk>/", views.FindingDetailView.as_view(), name="finding_detail"),
    path("<id:pk>/change/", views.FindingEditView.as_view(), name="finding_edit"),
    path(
        "<id:pk>/recommendations/new/",
        views.RecommendationAddView.as_view(),
        name="recommendation_add",
    ),
    path(
        "recommendations/<id:pk>/actions/new/",
        views.RecommendationActionAddView.as_view(),
        name="recommendation_add_action",
    ),
]
