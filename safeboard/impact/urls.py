"""Evidence of impact's pages: each part of the app lists its own routes."""

from django.urls import include, path

app_name = "impact"
urlpatterns = [
    path("", include("safeboard.impact.chains.urls")),
    path("", include("safeboard.impact.scrutiny.urls")),
]
