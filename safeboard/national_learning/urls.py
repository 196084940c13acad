"""The log of national reviews and reports."""

from django.urls import path

from . import views

app_name = "national_learning"
urlpatterns = [
    path("", views.ReviewListView.as_view(), name="review_list"),
    path("new/", views.ReviewCreateView.as_view(), name="review_create"),
    path("<id:pk>/", views.ReviewDetailView.as_view(), name="review_detail"),
    path("<id:pk>/change/", views.ReviewEditView.as_view(), name="review_edit"),
    path("<id:pk>/decision/", views.DecisionView.as_view(), name="review_decide"),
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
