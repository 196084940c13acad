"""The learning API, under /api/learning/: actions, findings and themes (read only)."""

from django.urls import path

from safeboard.scorecard.api.auth import signed_in_or_token

from . import views

app_name = "learning_api"
urlpatterns = [
    path("actions/", signed_in_or_token(views.ActionListApi.as_view()), name="action_list"),
    path("actions/<id:pk>/", signed_in_or_token(views.ActionApi.as_view()), name="action"),
    path("findings/", signed_in_or_token(views.FindingListApi.as_view()), name="finding_list"),
    path("themes/", signed_in_or_token(views.ThemeListApi.as_view()), name="theme_list"),
]
