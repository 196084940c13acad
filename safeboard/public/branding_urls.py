"""The business manager's page for the partnership's name and logo (signed in, not public)."""

from django.urls import path

from . import views

app_name = "branding"
urlpatterns = [path("", views.BrandingEditView.as_view(), name="edit")]
