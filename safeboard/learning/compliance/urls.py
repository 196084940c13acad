"""The address of training compliance."""

from django.urls import path

from . import views

urlpatterns = [
    path("needs/compliance/", views.ComplianceView.as_view(), name="needs_compliance"),
]
