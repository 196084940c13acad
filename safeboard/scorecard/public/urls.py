"""The public scorecard, under the public site's prefix: anyone may read it."""

from django.urls import path

from . import views

app_name = "scorecard_public"
urlpatterns = [path("", views.PublicScorecardView.as_view(), name="scorecard")]
