"""The list of case reviews and a review's page."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.ReviewListView.as_view(), name="list"),
    path("<id:pk>/", views.ReviewDetailView.as_view(), name="detail"),
]
