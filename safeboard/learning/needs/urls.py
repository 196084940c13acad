"""The addresses of the training-needs matrix and agencies' headcounts."""

from django.urls import path

from . import views

urlpatterns = [
    path("needs/", views.NeedsMatrixView.as_view(), name="needs_matrix"),
    path("needs/headcounts/<id:pk>/", views.HeadcountsView.as_view(), name="needs_headcounts"),
]
